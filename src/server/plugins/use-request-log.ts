/**
 * One JSON log line per request: its ID, method, path, operation, HTTP status, duration,
 * cost and the codes of the errors it answered with. Headers, query text and variables are
 * never logged, so neither are bearer tokens or whatever a client put in its variables.
 */

import { getOperationAST, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { recordOf, type RequestRecord } from './request-record.ts';

export interface RequestLogOptions {
  logger: Pick<Logger, 'info' | 'debug'>;
  /** Paths logged at debug level only, such as load balancers' health checks. */
  quietPaths?: readonly string[];
}

/** Notes the code of every error in a result (or a batch of results) on the request's record. */
export function noteErrorCodes(record: RequestRecord, result: unknown): void {
  for (const single of Array.isArray(result) ? result : [result]) {
    if (!single || typeof single !== 'object' || !('errors' in single) || !single.errors) continue;
    for (const error of single.errors as { extensions?: Record<string, unknown> }[]) {
      const code = error.extensions?.['code'];
      record.errorCodes.push(typeof code === 'string' ? code : 'UNCODED');
    }
  }
}

/** Notes on the request's record which operation of the document it runs. */
export function noteOperation(record: RequestRecord, document: DocumentNode, operationName: string | null | undefined): void {
  const operation = getOperationAST(document, operationName);
  record.operationName = operation?.name?.value ?? operationName ?? undefined;
  record.operationType = operation?.operation;
}

/** Writes the request's line once it has been answered. */
export function logRequest(
  { logger, quietPaths = ['/health'] }: RequestLogOptions,
  record: RequestRecord,
  request: { method: string; path: string; status: number },
  /** Anything else the line should say, such as that the answer came from the answer cache. */
  extra: Record<string, unknown> = {},
): void {
  const line = {
    requestId: record.id,
    method: request.method,
    path: request.path,
    operation: record.operationName ?? null,
    operationType: record.operationType ?? null,
    status: request.status,
    durationMs: Math.round((performance.now() - record.startedAt) * 10) / 10,
    cost: record.cost ?? null,
    errors: record.errorCodes,
    ...extra,
  };
  if (quietPaths.includes(request.path)) logger.debug(line, 'request');
  else logger.info(line, 'request');
}

export function useRequestLog(options: RequestLogOptions): Plugin {
  return {
    onRequest({ request }) {
      recordOf(request);
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (!request) return;
      noteOperation(recordOf(request), args.document, args.operationName);
    },
    onResultProcess({ request, result }) {
      noteErrorCodes(recordOf(request), result);
    },
    onResponse({ request, response }) {
      logRequest(options, recordOf(request), { method: request.method, path: new URL(request.url).pathname, status: response.status });
    },
  };
}
