/**
 * The answer cache: a read answered once is answered again from memory, byte for byte, until
 * the graph changes.
 *
 * It sits in front of the GraphQL server, on the HTTP side: a POST of a JSON body to /graphql
 * whose answer was a successful query is kept under the exact request (body, the Accept,
 * Origin and Authorization headers) and the graph's version. Every applied write bumps the
 * version, so no answer outlives a write that could change it. A hit skips parsing,
 * validation, costing and execution altogether; everything else (GET requests, streams,
 * mutations, errors, oversize or chunked bodies) goes to the GraphQL server untouched.
 */

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getOperationAST, parse } from 'graphql';
import type { Logger } from 'pino';
import type { KnowledgeGraph } from '../graph/index.ts';
import { REQUEST_ID_HEADER } from './plugins/use-request-id.ts';
import type { ClaimgraphServer } from './yoga.ts';

interface Answer {
  status: number;
  headers: [string, string][];
  body: Buffer;
}

export interface AnswerCacheOptions {
  graph: KnowledgeGraph;
  yoga: ClaimgraphServer;
  /** Most answers kept (least recently used go first). */
  max: number;
  /** Most bytes of answers kept. */
  maxBytes?: number;
  /** Bodies larger than this are left to the GraphQL server, which refuses them. */
  maxBodyBytes: number;
  logger?: Logger;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** Whether an answer to this request could be cached at all. */
function cacheable(request: IncomingMessage, maxBodyBytes: number): boolean {
  if (request.method !== 'POST' || !request.url?.startsWith('/graphql')) return false;
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) return false;
  const length = Number(request.headers['content-length']);
  if (!Number.isInteger(length) || length > maxBodyBytes) return false;
  const accept = request.headers.accept ?? '';
  return !/text\/event-stream|multipart\/mixed/.test(accept);
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
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

export function answerCache({ graph, yoga, max, maxBytes = 64 * 1024 * 1024, maxBodyBytes, logger }: AnswerCacheOptions): Handler {
  const answers = new Map<string, Answer>();
  let bytes = 0;
  const evictOldest = () => {
    const [key, answer] = answers.entries().next().value!;
    answers.delete(key);
    bytes -= answer.body.length + key.length;
  };

  const send = (response: ServerResponse, answer: Answer, requestId: string) => {
    response.writeHead(answer.status, [...answer.headers.flat(), REQUEST_ID_HEADER, requestId]);
    response.end(answer.body);
  };

  const serve = async (request: IncomingMessage, response: ServerResponse) => {
    const started = performance.now();
    const body = await readBody(request);
    const version = graph.version;
    const key = [version, request.headers.accept, request.headers.origin, request.headers.authorization, request.url, body.toString('utf8')].join('\u0000');
    const hit = answers.get(key);
    if (hit) {
      // Least recently used goes first: a hit moves to the back.
      answers.delete(key);
      answers.set(key, hit);
      const requestId = randomUUID();
      send(response, hit, requestId);
      logger?.info({ requestId, method: 'POST', path: '/graphql', status: hit.status, durationMs: Math.round((performance.now() - started) * 10) / 10, cached: true }, 'request');
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const text = body.toString('utf8');
    const answered = await yoga.fetch(`http://${request.headers.host ?? 'localhost'}${request.url}`, { method: 'POST', headers, body: text });
    const answer: Answer = {
      status: answered.status,
      headers: [...answered.headers].filter(([name]) => name !== REQUEST_ID_HEADER),
      body: Buffer.from(await answered.arrayBuffer()),
    };
    send(response, answer, answered.headers.get(REQUEST_ID_HEADER) ?? randomUUID());
    // Kept only when nothing was written meanwhile and the answer is a query's, with no errors.
    if (answer.status !== 200 || graph.version !== version || !isQuery(body)) return;
    if (answer.body.includes('"errors"') || answer.body.length + key.length > maxBytes / 16) return;
    answers.set(key, answer);
    bytes += answer.body.length + key.length;
    while (answers.size > max || bytes > maxBytes) evictOldest();
  };

  return (request, response) => {
    if (!cacheable(request, maxBodyBytes)) {
      (yoga as unknown as Handler)(request, response);
      return;
    }
    serve(request, response).catch((error: unknown) => {
      logger?.error({ err: error }, 'answer cache');
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ errors: [{ message: 'Unexpected error.' }] }));
    });
  };
}
