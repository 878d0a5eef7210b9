/**
 * The direct path for the request nearly every API client sends: a JSON POST of one query to
 * /graphql, without an Origin header.
 *
 * It runs what yoga would run for it (yoga's own enveloped parse, validation and context, with
 * their caches) and formats the answer with yoga's own result processor, but skips wrapping the
 * Node request and response in Fetch API objects and the per-request hook machinery around
 * them, which is most of the time a small query takes. The hooks yoga would run around the
 * operation are the ones this server registers (request ID, request log, unexpected-error log,
 * CSRF, CORS, result processing), and each is done here the same way. The operation itself is
 * run by direct-execution.ts, which does what the server's execute hooks do for an answer
 * without errors; any other answer comes from yoga's full execute pipeline, as it would, which
 * answers a query that already ran with the result it ran to.
 *
 * Anything else is handed back (null) for yoga to answer in full: other media types, batches,
 * unknown parameters, documents that fail to parse or validate, mutations and subscriptions,
 * and anything that throws instead of answering. A test sends the same requests both ways and
 * checks the answers are the same.
 */

import type { IncomingMessage } from 'node:http';
import { getOperationAST, type DocumentNode, type ExecutionResult } from 'graphql';
import { isAsyncIterable, processRegularResult } from 'graphql-yoga';
import type { Logger } from 'pino';
import { Memo } from '../memo.ts';
import { recordOf, type RequestRecord } from './plugins/request-record.ts';
import { acceptedRequestId, REQUEST_ID_HEADER } from './plugins/use-request-id.ts';
import { noteErrorCodes } from './plugins/use-request-log.ts';
import { logUnexpectedErrors } from './plugins/use-unexpected-error-log.ts';
import { directExecutionOf, type ClaimgraphServer } from './yoga.ts';

export interface DirectAnswer {
  status: number;
  headers: [string, string][];
  body: string;
  record: RequestRecord;
  /** A query answered without errors: the same request may be answered the same way until the graph changes. */
  reusable: boolean;
}

interface QueryParams {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
  extensions?: Record<string, unknown> | null;
}

const PARAM_NAMES = new Set(['query', 'variables', 'operationName', 'extensions']);
const REGULAR_TYPES = ['application/graphql-response+json', 'application/json'] as const;

const isObjectOrNull = (value: unknown) => value === null || (typeof value === 'object' && !Array.isArray(value));

/** The parameters of one GraphQL request, when the body is exactly that and nothing else. */
function queryParams(body: Buffer): QueryParams | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const params = parsed as Record<string, unknown>;
  for (const name in params) if (!PARAM_NAMES.has(name)) return null;
  if (typeof params['query'] !== 'string') return null;
  if (params['variables'] !== undefined && !isObjectOrNull(params['variables'])) return null;
  if (params['extensions'] !== undefined && !isObjectOrNull(params['extensions'])) return null;
  const name = params['operationName'];
  if (name !== undefined && name !== null && typeof name !== 'string') return null;
  return params as unknown as QueryParams;
}

/**
 * The media type yoga answers a one-shot result in for this Accept header, or null when it
 * would answer another way (a stream, or 406). Yoga reads the header's types in order, keeps
 * only UTF-8 ones, and the first type that matches one of its JSON types decides.
 */
export function answerMediaType(accept: string | undefined): (typeof REGULAR_TYPES)[number] | null {
  const requested = (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',');
  let chosen: (typeof REGULAR_TYPES)[number] | null = null;
  for (let i = requested.length - 1; i >= 0; i--) {
    const [mediaType = '', ...params] = requested[i]!.split(';');
    const charset = params.find((p) => p.includes('charset=')) ?? 'charset=utf-8';
    if (charset !== 'charset=utf-8') continue;
    const [type, subtype] = mediaType.split('/');
    for (const offered of REGULAR_TYPES) {
      const [offeredType, offeredSubtype] = offered.split('/');
      if ((type === '*' || type === offeredType) && (subtype === '*' || subtype === offeredSubtype)) chosen = offered;
    }
  }
  return chosen;
}

/** The parts of a Fetch API Request the server's plugins read, over Node's request. */
class NodeRequestView {
  readonly method: string;
  readonly url: string;
  readonly headers: { get(name: string): string | null };

  constructor(incoming: IncomingMessage) {
    this.method = incoming.method ?? 'POST';
    this.url = `http://${incoming.headers.host ?? 'localhost'}${incoming.url ?? '/'}`;
    this.headers = {
      get: (name) => {
        const value = incoming.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    };
  }
}

/** What yoga's result processor builds its answer with: the body and init, kept as they are. */
class PlainResponse {
  readonly body: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  constructor(body: string, init: { status: number; headers: Record<string, string> }) {
    this.body = body;
    this.status = init.status;
    this.headers = init.headers;
  }
}
const PLAIN_FETCH = { Response: PlainResponse } as unknown as Parameters<typeof processRegularResult>[1];

/** The document of a query that parses and validates, or null for anything yoga should answer. */
function queryDocument(enveloped: ReturnType<ClaimgraphServer['getEnveloped']>, params: QueryParams): DocumentNode | null {
  let document: DocumentNode;
  try {
    document = enveloped.parse(params.query);
  } catch {
    return null;
  }
  if (enveloped.validate(enveloped.schema, document).length > 0) return null;
  return getOperationAST(document, params.operationName ?? undefined)?.operation === 'query' ? document : null;
}

export type DirectQueries = (incoming: IncomingMessage, body: Buffer) => Promise<DirectAnswer | null>;

/** Most documents kept parsed and validated (see `directQueries`). */
const MAX_PREPARED = 1000;

export function directQueries(yoga: ClaimgraphServer, { logger }: { logger: Pick<Logger, 'error'> }): DirectQueries {
  // Parsing and validation depend on nothing but the text, the operation name and the schema
  // (and the server's fixed limits), so a text that passed is not parsed and validated again;
  // one that did not is handed to yoga again, which answers it with the errors.
  const prepared = new Memo<string, DocumentNode | null>(MAX_PREPARED);
  // The media type chosen for each Accept header seen (clients send few different ones).
  const mediaTypes = new Memo<string | undefined, ReturnType<typeof answerMediaType>>(MAX_PREPARED);
  const execution = directExecutionOf(yoga);
  return async (incoming, body) => {
    const accept = incoming.headers.accept;
    const mediaType = mediaTypes.get(accept, () => answerMediaType(accept));
    if (!mediaType) return null;
    const params = queryParams(body);
    if (!params) return null;
    const request = new NodeRequestView(incoming) as unknown as Request;
    const record = recordOf(request);
    const incomingId = acceptedRequestId(request.headers.get(REQUEST_ID_HEADER));
    if (incomingId) record.id = incomingId;

    const envelop = () => yoga.getEnveloped({ req: incoming, request, params } as never);
    const enveloped = envelop();
    const document = prepared.get(`${params.operationName ?? ''}\u0000${params.query}`, () => queryDocument(enveloped, params));
    if (!document) return null;

    const args = { schema: enveloped.schema, document, variableValues: params.variables, operationName: params.operationName };
    let result: ExecutionResult;
    try {
      const outcome = await execution.run({ ...args, contextValue: await enveloped.contextFactory() }, record);
      if ('answer' in outcome) result = outcome.answer;
      else {
        // The full pipeline, in a context of its own (a context is built once per enveloping):
        // its hooks answer errors as yoga would.
        const again = envelop();
        const contextValue = (await again.contextFactory()) as object;
        execution.resume(contextValue, outcome);
        const executed: unknown = await again.execute({ ...args, contextValue });
        if (isAsyncIterable(executed)) return null;
        result = executed as ExecutionResult;
      }
    } catch {
      return null;
    }

    noteErrorCodes(record, result);
    logUnexpectedErrors(logger, record.id, result);
    const response = processRegularResult(result, PLAIN_FETCH, mediaType) as unknown as PlainResponse;
    const headers = Object.entries(response.headers).map(([name, value]): [string, string] => [name.toLowerCase(), String(value)]);
    return { status: response.status, headers, body: response.body, record, reusable: response.status === 200 && !result.errors };
  };
}
