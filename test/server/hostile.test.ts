/**
 * Hostile input against the real server (a child process, production settings, default
 * limits). Each payload is sent a few times and must get a clear refusal (status, code,
 * message), and the server must answer the next normal query; at the end, its memory must
 * have stayed bounded.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/config.ts';
import { startServer, type RealServer } from './real-server.ts';

let server: RealServer;
let baselineRss = 0;

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } | null;
}

async function send(init: { method?: string; query?: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  const response = await fetch(`${server.url}${init.query ? `?query=${encodeURIComponent(init.query)}` : ''}`, {
    method: init.method ?? 'POST',
    headers: { accept: 'application/graphql-response+json', ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
    body: init.body,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

const graphql = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
  send({ body: JSON.stringify({ query, variables, operationName }) });

const NORMAL = 'query Normal { articles { totalCount } entity(name: "Leica") { id } }';
const NORMAL_DATA = { articles: { totalCount: 5 }, entity: { id: 'Company:leica' } };

async function expectServing(): Promise<void> {
  const answer = await graphql(NORMAL);
  expect(answer.status).toBe(200);
  expect(answer.body?.data).toEqual(NORMAL_DATA);
}

beforeAll(async () => {
  server = await startServer({ CLAIMGRAPH_ENV: 'production' });
  for (let i = 0; i < 50; i++) await expectServing();
  baselineRss = server.rss();
}, 30_000);

afterAll(async () => {
  await server?.stop();
});

interface Refusal {
  status: number;
  code?: string;
  message?: RegExp;
}

/** Sends the payload three times; each answer must be the refusal, then a normal query must be answered. */
async function refuses(payload: () => Promise<Answer>, refusal: Refusal): Promise<Answer> {
  let answer!: Answer;
  for (let i = 0; i < 3; i++) {
    answer = await payload();
    expect(answer.status).toBe(refusal.status);
    const error = answer.body?.errors?.[0];
    if (refusal.code) expect(error?.extensions?.['code']).toBe(refusal.code);
    if (refusal.message) expect(error?.message).toMatch(refusal.message);
  }
  await expectServing();
  return answer;
}

/** `depth` levels of fields: entity → related → edges → node → entity → … */
function nested(depth: number): string {
  const levels = ['related', 'edges', 'node', 'entity'];
  let open = '';
  let close = '';
  for (let level = 1; level < depth; level++) {
    open += `${levels[(level - 1) % 4]} { `;
    close += ' }';
  }
  return `{ entity(name: "Leica") { ${open}__typename${close} } }`;
}

describe('the real server under hostile input', () => {
  it('refuses a query nested 50 deep', async () => {
    const answer = await refuses(() => graphql(nested(50)), { status: 400, code: 'QUERY_TOO_DEEP' });
    expect(answer.body?.errors?.[0]?.extensions?.['limit']).toBe(DEFAULT_LIMITS.maxDepth);
  });

  it('refuses an alias bomb of 1,000 aliases while reading its text', async () => {
    const query = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: path(from: "Company:leica", to: "Company:xiaomi") { visited }`).join(' ')} }`;
    await refuses(() => graphql(query), { status: 400, code: 'QUERY_TOO_LONG' });
  });

  it('refuses 100 aliases of a path query that fit the length limit', async () => {
    const query = `{ ${Array.from({ length: 100 }, (_, i) => `a${i}:path(from:"Company:leica",to:"Company:xiaomi"){visited}`).join(' ')} }`;
    await refuses(() => graphql(query), { status: 400, code: 'QUERY_TOO_MANY_ALIASES' });
  });

  it('refuses a fragment cycle', async () => {
    const query = '{ ...A } fragment A on Query { ...B } fragment B on Query { articles { totalCount } ...A }';
    await refuses(() => graphql(query), { status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /Cannot spread fragment "A" within itself/ });
  });

  it('answers a fragment explosion that execution merges, quickly', async () => {
    const fragments = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ');
    const query = `{ ...F0 } ${fragments} fragment F30 on Query { articles { totalCount } }`;
    const started = performance.now();
    const answer = await graphql(query);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(answer.body?.data).toEqual({ articles: { totalCount: 5 } });
    await expectServing();
  });

  it('refuses a fragment explosion that multiplies work, by its cost', async () => {
    const fragments = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ... on Query { ...F${i + 1} } }`).join(' ');
    const query = `{ ...F0 } ${fragments} fragment F30 on Query { articles { totalCount } }`;
    const answer = await refuses(() => graphql(query), { status: 400, code: 'QUERY_TOO_COSTLY' });
    expect(answer.body?.errors?.[0]?.extensions?.['cost']).toBe(2 ** 30);
  });

  it('refuses, quickly and by their cost, fragments that all spread each other', async () => {
    const count = 35;
    const fragments = Array.from(
      { length: count },
      (_, i) => `fragment F${i} on Query { articles { totalCount } ${Array.from({ length: count - i - 1 }, (_, j) => `...F${i + j + 1}`).join(' ')} }`,
    ).join(' ');
    const started = performance.now();
    const answer = await refuses(() => graphql(`{ ...F0 } ${fragments}`), { status: 400, code: 'QUERY_TOO_COSTLY' });
    expect(performance.now() - started).toBeLessThan(3000);
    // Every path through the fragments is counted: more than execution would do, never less.
    expect(answer.body?.errors?.[0]?.extensions?.['cost']).toBeGreaterThan(2 ** 30);
  });

  it('refuses a 5 MB query before reading it', async () => {
    const query = `{ search(query: "${'x'.repeat(5 * 1024 * 1024)}") { score } }`;
    await refuses(() => graphql(query), { status: 413, code: 'REQUEST_ENTITY_TOO_LARGE' });
  });

  it('refuses a document of 10,000 tokens while parsing', async () => {
    const query = `query Q($v: ${'['.repeat(5000)}Int${']'.repeat(5000)}) { __typename }`;
    await refuses(() => graphql(query), { status: 400, code: 'QUERY_TOO_MANY_TOKENS', message: /Token limit of 2000 exceeded/ });
  });

  it('refuses a huge first, past the page limit and past 32 bits', async () => {
    await refuses(() => graphql('{ articles(first: 1000000000) { totalCount } }'), {
      status: 200,
      code: 'BAD_USER_INPUT',
      message: /"first" must be between 0 and 100, got 1000000000/,
    });
    await refuses(() => graphql('{ articles(first: 99999999999) { totalCount } }'), {
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: /non 32-bit signed integer/,
    });
  });

  it('refuses negative and non-integer arguments', async () => {
    await refuses(() => graphql('{ articles(first: -5) { totalCount } }'), { status: 200, code: 'BAD_USER_INPUT', message: /got -5/ });
    await refuses(() => graphql('{ neighborhood(id: "Company:leica", depth: -1) { depth } }'), { status: 200, code: 'BAD_USER_INPUT' });
    await refuses(() => graphql('{ path(from: "Company:leica", to: "Company:xiaomi", maxHops: 7) { visited } }'), { status: 200, code: 'BAD_USER_INPUT' });
    await refuses(() => graphql('{ articles(first: 2.5) { totalCount } }'), { status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /non-integer value: 2.5/ });
  });

  it('refuses malformed and wrong-kind global IDs, and answers unknown ones with nothing', async () => {
    await refuses(() => graphql('{ claim(id: "not an id") { id } }'), { status: 200, code: 'BAD_USER_INPUT', message: /IDs look like Kind:slug/ });
    await refuses(() => graphql('{ claim(id: "Company:leica") { id } }'), { status: 200, code: 'BAD_USER_INPUT', message: /must be a Claim ID/ });
    const long = await refuses(() => graphql(`{ article(id: "Article:${'x'.repeat(5000)}") { title } }`), { status: 200, code: 'NOT_FOUND' });
    expect(long.body!.errors![0]!.message.length).toBeLessThan(200);
    expect((await graphql('{ node(id: "Claim:ffffffffffffffff") { id } }')).body?.data).toEqual({ node: null });
  });

  it('refuses a body that is not JSON', async () => {
    await refuses(() => send({ body: '{"query": "{ articles { totalCount } ' }), { status: 400, code: 'BAD_REQUEST', message: /invalid JSON/ });
  });

  it('refuses content types it does not read, and simple ones without the CSRF header', async () => {
    await refuses(() => send({ body: NORMAL, headers: { 'content-type': 'application/xml' } }), { status: 415 });
    await refuses(() => send({ body: NORMAL, headers: { 'content-type': 'text/plain' } }), { status: 403, code: 'CSRF_HEADER_REQUIRED' });
  });

  it('refuses a mutation over GET with 405 and Allow: POST', async () => {
    const answer = await refuses(() => send({ method: 'GET', query: 'mutation { __typename }', headers: { 'x-graphql-yoga-csrf': '1' } }), {
      status: 405,
      message: /mutation operation from a POST request/,
    });
    expect(answer.headers.get('allow')).toBe('POST');
  });

  it('refuses an operation name the document does not hold', async () => {
    await refuses(() => graphql('query A { articles { totalCount } }', undefined, 'Nope'), { status: 400, code: 'OPERATION_RESOLUTION_FAILURE' });
    await refuses(() => graphql('query A { __typename } query B { __typename }'), { status: 400, code: 'OPERATION_RESOLUTION_FAILURE' });
  });

  it('refuses variables of the wrong type', async () => {
    await refuses(() => graphql('query A($n: Int) { articles(first: $n) { totalCount } }', { n: 'ten' }), {
      status: 400,
      message: /Variable "\$n" got invalid value "ten"/,
    });
  });

  it('refuses very long search strings, in variables or in the query', async () => {
    await refuses(() => graphql('query A($q: String!) { search(query: $q) { score } }', { q: 'leica '.repeat(15_000) }), {
      status: 200,
      code: 'BAD_USER_INPUT',
      message: /90000 characters long; at most 500/,
    });
    await refuses(() => graphql(`{ search(query: "${'x'.repeat(5000)}") { score } }`), { status: 200, code: 'BAD_USER_INPUT' });
  });

  it('logged every request, with no error it could not code', () => {
    const requests = server.logLines().filter((line) => line['msg'] === 'request');
    expect(requests.length).toBeGreaterThan(100);
    expect(requests.flatMap((line) => line['errors'] as string[])).not.toContain('INTERNAL_SERVER_ERROR');
  });

  it('kept its memory bounded', () => {
    // Nothing above is read past the 100 kB body limit, and the parse and validation caches
    // hold at most 1,000 documents of at most 15,000 characters, so a server that keeps
    // nothing it should not grows by a few MB here; 64 MB leaves room for the heap's own
    // growth and would still catch a payload kept per request.
    const growth = server.rss() - baselineRss;
    expect(growth).toBeLessThan(64 * 1024 * 1024);
  });
});
