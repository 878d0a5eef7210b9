/**
 * CSRF prevention for browser requests: a request a browser could send cross-site without a
 * CORS preflight (a GET, or a POST as a form or plain text) must carry the header
 * `x-graphql-yoga-csrf` (any value), which a cross-site page cannot add. JSON POSTs are always
 * preflighted, so they pass. Yoga's plugin does the check; this one names the refusal
 * `CSRF_HEADER_REQUIRED` and says how to comply.
 */

import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export const CSRF_HEADER = 'x-graphql-yoga-csrf';

export function useCsrfPrevention({ enabled = true }: { enabled?: boolean } = {}): Plugin {
  if (!enabled) return {};
  const check = useCSRFPrevention({ requestHeaders: [CSRF_HEADER] });
  return {
    onRequestParse(payload) {
      try {
        return check.onRequestParse?.(payload);
      } catch {
        throw new GraphQLError(
          `Requests a browser could send cross-site (GET, or a form or text POST) need a "${CSRF_HEADER}" header with any value; JSON POSTs need none.`,
          { extensions: { code: 'CSRF_HEADER_REQUIRED', http: { status: 403 } } },
        );
      }
    },
  };
}
