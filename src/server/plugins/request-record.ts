/**
 * What the server learns about one HTTP request as it passes through the plugins (its ID, when
 * it started, the operation, its cost, the error codes it answered with), kept beside the
 * request so the plugins can share it without touching the GraphQL context.
 */

import { randomUUID } from 'node:crypto';

export interface RequestRecord {
  id: string;
  startedAt: number;
  operationName?: string;
  operationType?: string;
  cost?: number;
  errorCodes: string[];
}

const RECORD = Symbol('claimgraph.requestRecord');

/** The record of a request, created on first use and kept on the request object itself. */
export function recordOf(request: Request): RequestRecord {
  const holder = request as Request & { [RECORD]?: RequestRecord };
  return (holder[RECORD] ??= { id: randomUUID(), startedAt: performance.now(), errorCodes: [] });
}
