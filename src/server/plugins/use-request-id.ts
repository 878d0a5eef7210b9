/**
 * Returns every request's ID (made up by request-record.ts) in the `x-request-id` response
 * header. A caller's own `x-request-id` is kept when it is a short plain token, so a proxy's
 * ID follows the request into our log; anything else is replaced, never echoed.
 */

import type { Plugin } from 'graphql-yoga';
import { recordOf } from './request-record.ts';

export const REQUEST_ID_HEADER = 'x-request-id';
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A caller's own request ID when it is one we keep, else null. */
export function acceptedRequestId(incoming: string | null | undefined): string | null {
  return incoming && ACCEPTED_ID.test(incoming) ? incoming : null;
}

export function useRequestId({ trustIncoming = true }: { trustIncoming?: boolean } = {}): Plugin {
  return {
    onRequest({ request }) {
      const incoming = acceptedRequestId(request.headers.get(REQUEST_ID_HEADER));
      if (trustIncoming && incoming) recordOf(request).id = incoming;
    },
    onResponse({ request, response }) {
      response.headers.set(REQUEST_ID_HEADER, recordOf(request).id);
    },
  };
}
