/**
 * The direct path answers a JSON query exactly as yoga would, or declines it. Each request is
 * sent over a real socket; the direct path's answer is compared with yoga's answer to the same
 * request (status, media type, body), and the test states which requests it takes.
 */

import { once } from 'node:events';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Limits } from '../../src/config.ts';
import type { KnowledgeGraph } from '../../src/graph/index.ts';
import { loadGraph } from '../../src/server/load-graph.ts';
import { answerMediaType, directQueries, type DirectAnswer } from '../../src/server/direct-query.ts';
import { createServer, type ClaimgraphServer } from '../../src/server/yoga.ts';

interface Compared {
  direct: DirectAnswer | null;
  yoga: { status: number; contentType: string | null; body: string };
}

interface Side {
  server: Server;
  base: string;
  yoga: ClaimgraphServer;
}

let production: Side;
let development: Side;
/** Every operation's time budget already spent when it starts. */
let spent: Side;
/** A graph whose article list fails the way a bug would. */
let broken: Side;
/** How many times the broken graph's article list was asked for. */
let brokenCalls = 0;

/** A server that answers each request both ways and hands both answers back as JSON. */
async function side(
  env: 'production' | 'development',
  { limits = {}, graphOf = (graph) => graph }: { limits?: Partial<Limits>; graphOf?: (graph: KnowledgeGraph) => KnowledgeGraph } = {},
): Promise<Side> {
  const graph = graphOf(await loadGraph(loadConfig({}).dataDir));
  const yoga = createServer(graph, { env, graphiql: false, limits: { ...loadConfig({}).limits, maxCost: 5_000, ...limits } });
  const direct = directQueries(yoga, { logger: pino({ level: 'silent' }) });
  const server = createHttpServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const body = Buffer.concat(chunks);
      const answered = await direct(request, body);
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value);
      const theirs = await yoga.fetch(`http://localhost${request.url}`, { method: 'POST', headers, body: body.toString('utf8') });
      const compared: Compared = {
        direct: answered,
        yoga: { status: theirs.status, contentType: theirs.headers.get('content-type'), body: await theirs.text() },
      };
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(compared));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, yoga };
}

beforeAll(async () => {
  const failing = (graph: KnowledgeGraph) => Object.assign(Object.create(graph) as KnowledgeGraph, {
    articles: () => {
      brokenCalls++;
      throw new TypeError('cannot read internals of the article index');
    },
  });
  [production, development, spent, broken] = await Promise.all([
    side('production'),
    side('development'),
    side('production', { limits: { timeBudgetMs: -1 } }),
    side('production', { graphOf: failing }),
  ]);
});
afterAll(() => {
  for (const each of [production, development, spent, broken]) each?.server.close();
});

async function both(on: Side, body: unknown, headers: Record<string, string> = {}): Promise<Compared> {
  const response = await fetch(`${on.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return (await response.json()) as Compared;
}

/** The direct path answered, and with yoga's status, media type and body. */
async function expectSameAnswer(on: Side, body: unknown, headers: Record<string, string> = {}): Promise<DirectAnswer> {
  const { direct, yoga } = await both(on, body, headers);
  expect(direct, 'the direct path should answer this request').not.toBeNull();
  expect(direct!.status).toBe(yoga.status);
  expect(direct!.headers.find(([name]) => name === 'content-type')?.[1]).toBe(yoga.contentType);
  expect(direct!.body).toBe(yoga.body);
  return direct!;
}

const ENTITY = 'query entity($id: ID!) { entity(id: $id) { id name claims(first: 2) { totalCount edges { node { id text } } } } }';

describe('the direct path', () => {
  it('answers a query with variables as yoga does, for every JSON media type a client may accept', async () => {
    for (const accept of [undefined, '*/*', 'application/json', 'application/graphql-response+json', 'application/graphql-response+json, application/json;q=0.9', 'application/*', 'text/html, application/json']) {
      const answer = await expectSameAnswer(production, { query: ENTITY, variables: { id: 'Company:leica' } }, accept ? { accept } : {});
      expect(JSON.parse(answer.body).data.entity.name).toBe('Leica');
      expect(answer.reusable).toBe(true);
    }
  });

  it('picks the operation named in the request from a document holding several, in any order', async () => {
    const query = `query a { entity(id: "Company:leica") { name } } query b { entity(id: "Company:xiaomi") { name } }`;
    for (const [operationName, name] of [['b', 'Xiaomi'], ['a', 'Leica'], ['b', 'Xiaomi']]) {
      const answer = await expectSameAnswer(production, { query, operationName });
      expect(JSON.parse(answer.body).data.entity.name).toBe(name);
    }
  });

  it('notes the operation, its type and its cost on the request record, as the request log has them', async () => {
    const answer = await expectSameAnswer(production, { query: ENTITY, variables: { id: 'Company:xiaomi' }, operationName: 'entity' });
    expect(answer.record).toMatchObject({ operationName: 'entity', operationType: 'query', errorCodes: [] });
    expect(answer.record.cost).toBe(JSON.parse(answer.body).extensions.cost.requested);
  });

  it('answers a query that runs past its time budget as yoga does: one error, nothing kept', async () => {
    const answer = await expectSameAnswer(spent, { query: ENTITY, variables: { id: 'Company:leica' } });
    const { errors } = JSON.parse(answer.body) as { errors: { extensions: { code: string } }[] };
    expect(errors.map((e) => e.extensions.code)).toEqual(['TIME_BUDGET_EXCEEDED']);
    expect(answer.record.errorCodes).toEqual(['TIME_BUDGET_EXCEEDED']);
    expect(answer.reusable).toBe(false);
  });

  it('answers an unexpected error as yoga does: masked in production, under its own request ID', async () => {
    const { direct, yoga } = await both(broken, { query: '{ articles { totalCount } }' });
    expect(direct, 'the direct path should answer this request').not.toBeNull();
    expect(direct!.status).toBe(yoga.status);
    expect(direct!.body).not.toMatch(/internals/);
    const [error] = (JSON.parse(direct!.body) as { errors: { message: string; extensions: Record<string, unknown> }[] }).errors;
    expect(error).toMatchObject({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: direct!.record.id } });
    // Each answer names its own request; apart from that they are the same.
    const theirs = (JSON.parse(yoga.body) as { errors: { extensions: { requestId: string } }[] }).errors[0]!.extensions.requestId;
    expect(direct!.body).toBe(yoga.body.replace(theirs, direct!.record.id));
    expect(direct!.record.errorCodes).toEqual(['INTERNAL_SERVER_ERROR']);
  });

  it('runs a query whose answer has errors once: the full pipeline answers with the result it ran to', async () => {
    const before = brokenCalls;
    const { direct } = await both(broken, { query: '{ articles { totalCount } }' });
    expect(direct?.record.errorCodes).toEqual(['INTERNAL_SERVER_ERROR']);
    // Once on the direct path, once more for yoga's own answer to compare with.
    expect(brokenCalls - before).toBe(2);
  });

  it('answers errors from resolvers as yoga does, and marks such answers as not to be kept', async () => {
    const missing = await expectSameAnswer(production, { query: ENTITY, variables: { id: 'Company:no-such-company' } });
    expect(JSON.parse(missing.body).errors[0].extensions.code).toBe('NOT_FOUND');
    expect(missing.reusable).toBe(false);
    const invalid = await expectSameAnswer(production, { query: '{ claim(id: "x") { id } }' }, { accept: 'application/graphql-response+json' });
    expect(JSON.parse(invalid.body).data).toBeNull();
  });

  it('refuses a query over the cost limit as yoga does, before running it', async () => {
    const query = '{ search(query: "Leica", first: 100) { node { ... on Entity { claims(first: 100) { edges { node { evidence { quote } } } } } } } }';
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      const answer = await expectSameAnswer(production, { query }, { accept });
      expect(JSON.parse(answer.body).errors[0].extensions.code).toBe('QUERY_TOO_COSTLY');
    }
  });

  it('refuses missing or ill-typed variables as yoga does', async () => {
    for (const variables of [{ id: { not: 'an ID' } }, {}]) {
      for (const accept of ['application/json', 'application/graphql-response+json']) {
        const answer = await expectSameAnswer(production, { query: ENTITY, variables }, { accept });
        expect(JSON.parse(answer.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
        expect(answer.status).toBe(accept === 'application/json' ? 200 : 400);
        expect(answer.reusable).toBe(false);
      }
    }
  });

  it('keeps introspection off in production and on in development', async () => {
    const introspection = { query: '{ __schema { queryType { name } } }' };
    const refused = await both(production, introspection, { accept: 'application/graphql-response+json' });
    expect(refused.direct).toBeNull();
    expect(refused.yoga.status).toBe(400);
    expect(refused.yoga.body).toMatch(/introspection/i);
    const allowed = await expectSameAnswer(development, introspection);
    expect(JSON.parse(allowed.body).data.__schema.queryType.name).toBe('Query');
  });

  it('declines what yoga must answer itself: writes, bad documents, bad variables, batches and other shapes', async () => {
    const declined: unknown[] = [
      { query: 'mutation { retractClaim(input: { id: "Claim:x", reason: "r" }) { retracted } }' },
      { query: 'subscription { graphChanged { version } }' },
      { query: '{ entity(id: "Company:leica") { name ' },
      { query: '{ entity(id: "Company:leica") { nosuchfield } }' },
      [{ query: '{ entity(id: "Company:leica") { name } }' }],
      { query: '{ entity(id: "Company:leica") { name } }', unknown: true },
      { query: 42 },
      { query: '{ entity(id: "Company:leica") { name } }', variables: [] },
      { query: '{ entity(id: "Company:leica") { name } }', operationName: 7 },
      'not json',
    ];
    for (const body of declined) {
      const { direct, yoga } = await both(production, body);
      expect(direct, JSON.stringify(body)).toBeNull();
      expect(yoga.status, JSON.stringify(body)).toBeGreaterThanOrEqual(200);
    }
  });

  it('answers a text it has seen before by the operation named, and declines again what it declined', async () => {
    const query = `query a { entity(id: "Company:leica") { name } } mutation b { retractClaim(input: { id: "Claim:x", reason: "r" }) { retracted } }`;
    for (let round = 0; round < 2; round++) {
      const answer = await expectSameAnswer(production, { query, operationName: 'a' });
      expect(JSON.parse(answer.body).data.entity.name).toBe('Leica');
      // The same text with its mutation named is yoga's to answer, though its query was answered here.
      expect((await both(production, { query, operationName: 'b' })).direct).toBeNull();
      expect((await both(production, { query: '{ entity(id: "Company:leica") { nosuchfield } }' })).direct).toBeNull();
      for (const id of ['Company:leica', 'Company:xiaomi']) {
        const entity = await expectSameAnswer(production, { query: ENTITY, variables: { id } });
        expect(JSON.parse(entity.body).data.entity.id).toBe(id);
      }
    }
  });

  it('declines a request yoga would refuse as not acceptable or answer as a stream', async () => {
    for (const accept of ['text/html', 'application/json; charset=iso-8859-1', 'text/event-stream']) {
      const { direct, yoga } = await both(production, { query: '{ entity(id: "Company:leica") { name } }' }, { accept });
      expect(direct, accept).toBeNull();
      if (accept !== 'text/event-stream') expect(yoga.status, accept).toBe(406);
    }
  });
});

describe('answerMediaType', () => {
  it('chooses as yoga does: the first JSON type the client lists, UTF-8 only', () => {
    expect(answerMediaType(undefined)).toBe('application/json');
    expect(answerMediaType('*/*')).toBe('application/json');
    expect(answerMediaType('application/graphql-response+json')).toBe('application/graphql-response+json');
    expect(answerMediaType('application/json, application/graphql-response+json')).toBe('application/json');
    expect(answerMediaType('application/graphql-response+json;charset=utf-8, */*')).toBe('application/graphql-response+json');
    expect(answerMediaType('application/json; charset=latin1')).toBeNull();
    expect(answerMediaType('text/html')).toBeNull();
  });
});
