/**
 * Unexpected errors: the client gets yoga's masked "Unexpected error." with the request's ID
 * in `extensions.requestId`; the log gets the real error, its stack and the same ID, so one
 * can be found from the other. Expected errors (GraphQLErrors we raise on purpose) pass
 * through unmasked and are not logged as failures.
 */

import { GraphQLError } from 'graphql';
import { maskError, type Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { recordOf } from './request-record.ts';

const originals = new WeakMap<object, unknown>();

/** Yoga's masking, remembering what each masked error hid. Pass as `maskedErrors.maskError`. */
export function maskUnexpectedError(error: unknown, message: string, isDev?: boolean): Error {
  const masked = maskError(error, message, isDev);
  if (masked !== error) originals.set(masked, error);
  return masked;
}

/** The error a resolver threw, from inside the GraphQLErrors that carry it to a path. */
function rootCause(error: unknown): unknown {
  let cause = error;
  while (cause instanceof GraphQLError && cause.originalError) cause = cause.originalError;
  return cause;
}

/** Gives each masked error in a result the request's ID, and logs what it hid under that ID. */
export function logUnexpectedErrors(logger: Pick<Logger, 'error'>, requestId: string, result: unknown): void {
  for (const single of Array.isArray(result) ? result : [result]) {
    if (!single || typeof single !== 'object' || !('errors' in single) || !single.errors) continue;
    for (const error of single.errors as GraphQLError[]) {
      if (!originals.has(error)) continue;
      (error.extensions as Record<string, unknown>)['requestId'] = requestId;
      logger.error({ requestId, err: rootCause(originals.get(error)) }, 'unexpected error');
    }
  }
}

export function useUnexpectedErrorLog({ logger }: { logger: Pick<Logger, 'error'> }): Plugin {
  return {
    onResultProcess({ request, result }) {
      logUnexpectedErrors(logger, recordOf(request).id, result);
    },
  };
}
