/**
 * claimgraph over node:http. A JSON POST of a GraphQL request to /graphql, with its length
 * given and no Origin header (the shape API clients send), is read whole and answered, in
 * order of preference:
 *
 *   1. from the answer cache (answer-cache.ts), when it is on and holds this exact request at
 *      the graph's current version;
 *   2. by the direct path (direct-query.ts), when it is one query yoga would answer as JSON;
 *   3. by yoga, handed the body already read.
 *
 * Everything else (GET, GraphiQL, streams, other media types, browsers' cross-origin requests,
 * chunked or oversize bodies) goes straight to yoga's own handler.
 */

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getOperationAST, parse } from 'graphql';
import type { Logger } from 'pino';
import type { KnowledgeGraph } from '../graph/index.ts';
import { AnswerCache, type Answer } from './answer-cache.ts';
import { directQueries } from './direct-query.ts';
import { REQUEST_ID_HEADER } from './plugins/use-request-id.ts';
import { logRequest } from './plugins/use-request-log.ts';
import type { ClaimgraphServer } from './yoga.ts';

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface HttpHandlerOptions {
  graph: KnowledgeGraph;
  yoga: ClaimgraphServer;
  /** Bodies larger than this are left to yoga, which refuses them. */
  maxBodyBytes: number;
  /** Answers the cache keeps; 0 turns it off. */
  cacheSize: number;
  /** Bytes of answers the cache keeps. */
  cacheBytes: number;
  logger: Logger;
}

/** Whether a request is read whole here rather than handed to yoga as it arrives. */
function readHere(request: IncomingMessage, maxBodyBytes: number): boolean {
  if (request.method !== 'POST' || request.url !== '/graphql' || request.headers.origin !== undefined) return false;
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) return false;
  const length = Number(request.headers['content-length']);
  if (!Number.isInteger(length) || length > maxBodyBytes) return false;
  return !/text\/event-stream|multipart\/mixed/.test(request.headers.accept ?? '');
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Whether a request body asks for one query operation (not a mutation or subscription). */
function isQuery(body: Buffer): boolean {
  try {
    const { query, operationName } = JSON.parse(body.toString('utf8')) as { query?: unknown; operationName?: unknown };
    if (typeof query !== 'string') return false;
    const operation = getOperationAST(parse(query), typeof operationName === 'string' ? operationName : undefined);
    return operation?.operation === 'query';
  } catch {
    return false;
  }
}

/** Yoga's answer to a request whose body has been read. */
async function viaYoga(yoga: ClaimgraphServer, request: IncomingMessage, body: Buffer): Promise<Answer & { requestId: string }> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const answered = await yoga.fetch(`http://${request.headers.host ?? 'localhost'}${request.url}`, { method: 'POST', headers, body: body.toString('utf8') });
  return {
    status: answered.status,
    headers: [...answered.headers].filter(([name]) => name !== REQUEST_ID_HEADER),
    body: Buffer.from(await answered.arrayBuffer()),
    requestId: answered.headers.get(REQUEST_ID_HEADER) ?? randomUUID(),
  };
}

function send(response: ServerResponse, answer: { status: number; headers: [string, string][]; body: Buffer | string }, requestId: string): void {
  const headers: string[] = [REQUEST_ID_HEADER, requestId];
  for (const [name, value] of answer.headers) if (name !== 'content-length') headers.push(name, value);
  headers.push('content-length', String(Buffer.byteLength(answer.body)));
  response.writeHead(answer.status, headers);
  response.end(answer.body);
}

export function httpHandler({ graph, yoga, maxBodyBytes, cacheSize, cacheBytes, logger }: HttpHandlerOptions): Handler {
  const direct = directQueries(yoga, { logger });
  const cache = cacheSize > 0 ? new AnswerCache({ max: cacheSize, maxBytes: cacheBytes }) : null;
  const yogaHandler = yoga as unknown as Handler;

  const serve = async (request: IncomingMessage, response: ServerResponse) => {
    const started = performance.now();
    const body = await readBody(request);
    const version = graph.version;
    const key = cache ? AnswerCache.keyOf(request, body) : '';
    const hit = cache?.get(version, key);
    if (hit) {
      const record = { id: randomUUID(), startedAt: started, errorCodes: [] };
      send(response, hit, record.id);
      logRequest({ logger }, record, { method: 'POST', path: '/graphql', status: hit.status }, { cached: true });
      return;
    }
    const directly = await direct(request, body);
    if (directly) {
      send(response, directly, directly.record.id);
      logRequest({ logger }, directly.record, { method: 'POST', path: '/graphql', status: directly.status });
      // Kept only when nothing was written while it was being answered.
      if (cache && directly.reusable && graph.version === version) cache.put(version, key, { ...directly, body: Buffer.from(directly.body) });
      return;
    }
    const answer = await viaYoga(yoga, request, body);
    send(response, answer, answer.requestId);
    if (!cache || answer.status !== 200 || graph.version !== version || answer.body.includes('"errors"') || !isQuery(body)) return;
    cache.put(version, key, answer);
  };

  return (request, response) => {
    if (!readHere(request, maxBodyBytes)) {
      yogaHandler(request, response);
      return;
    }
    serve(request, response).catch((error: unknown) => {
      logger.error({ err: error }, 'request');
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ errors: [{ message: 'Unexpected error.' }] }));
    });
  };
}
