/**
 * One JSON log line per request: its ID, method, path, operation, HTTP status, duration,
 * cost and the codes of the errors it answered with. Headers, query text and variables are
 * never logged, so neither are bearer tokens or whatever a client put in its variables.
 */

import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { recordOf } from './request-record.ts';

export interface RequestLogOptions {
  logger: Pick<Logger, 'info' | 'debug'>;
  /** Paths logged at debug level only, such as load balancers' health checks. */
  quietPaths?: readonly string[];
}

export function useRequestLog({ logger, quietPaths = ['/health'] }: RequestLogOptions): Plugin {
  return {
    onRequest({ request }) {
      recordOf(request);
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (!request) return;
      const record = recordOf(request);
      const operation = getOperationAST(args.document, args.operationName);
      record.operationName = operation?.name?.value ?? args.operationName ?? undefined;
      record.operationType = operation?.operation;
    },
    onResultProcess({ request, result }) {
      const record = recordOf(request);
      for (const single of Array.isArray(result) ? result : [result]) {
        if (!single || typeof single !== 'object' || !('errors' in single) || !single.errors) continue;
        for (const error of single.errors) {
          const code = error.extensions?.['code'];
          record.errorCodes.push(typeof code === 'string' ? code : 'UNCODED');
        }
      }
    },
    onResponse({ request, response }) {
      const record = recordOf(request);
      const path = new URL(request.url).pathname;
      const line = {
        requestId: record.id,
        method: request.method,
        path,
        operation: record.operationName ?? null,
        operationType: record.operationType ?? null,
        status: response.status,
        durationMs: Math.round((performance.now() - record.startedAt) * 10) / 10,
        cost: record.cost ?? null,
        errors: record.errorCodes,
      };
      if (quietPaths.includes(path)) logger.debug(line, 'request');
      else logger.info(line, 'request');
    },
  };
}
