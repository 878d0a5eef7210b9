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

const records = new WeakMap<Request, RequestRecord>();

/** The record of a request, created on first use. */
export function recordOf(request: Request): RequestRecord {
  let record = records.get(request);
  if (!record) {
    record = { id: randomUUID(), startedAt: performance.now(), errorCodes: [] };
    records.set(request, record);
  }
  return record;
}
