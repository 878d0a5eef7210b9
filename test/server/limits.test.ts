/**
 * The server's limits and safety settings, in process: cost, document shape, time budget,
 * body size, batching, introspection, error masking, request IDs, logs, CORS and CSRF.
 */

import { createSchema, createYoga } from 'graphql-yoga';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, loadConfig, type Limits } from '../../src/config.ts';
import type { KnowledgeGraph } from '../../src/graph/index.ts';
import { schema } from '../../src/graphql/index.ts';
import { outsideBudget } from '../../src/graphql/deadline.ts';
import { useTimeBudget } from '../../src/server/plugins/use-time-budget.ts';
import { loadGraph } from '../../src/server/load-graph.ts';
import { createServer, type ServerConfig } from '../../src/server/yoga.ts';

interface Body {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, any> }[];
  extensions?: Record<string, any>;
}

let graph: KnowledgeGraph;

beforeAll(async () => {
  graph = await loadGraph(loadConfig({}).dataDir);
});

function server(config: Omit<Partial<ServerConfig>, 'limits'> & { limits?: Partial<Limits> } = {}, target = graph) {
  const lines: Record<string, any>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const yoga = createServer(target, { env: 'production', graphiql: false, ...config, limits: { ...DEFAULT_LIMITS, ...config.limits } }, { logger });
  async function post(body: unknown, headers: Record<string, string> = {}) {
    const response = await yoga.fetch('http://claimgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Body };
  }
  return { yoga, lines, post };
}

const codes = (body: Body) => (body.errors ?? []).map((error) => error.extensions?.['code']);

describe('the cost limit', () => {
  it('tells an answered query its cost and the limit in extensions.cost', async () => {
    const { post } = server();
    const { status, body } = await post({ query: '{ articles(first: 5) { edges { node { title } } } }' });
    expect(status).toBe(200);
    expect(body.extensions?.['cost']).toEqual({ requested: 11, limit: DEFAULT_LIMITS.maxCost });
  });

  it('refuses a query over the limit before any resolver runs, with its cost and the limit', async () => {
    const { post } = server({ limits: { maxCost: 50 } });
    // claim(id: "bad") would fail with BAD_USER_INPUT if anything ran.
    const { status, body } = await post({ query: '{ entities(first: 100) { edges { node { name } } } claim(id: "bad") { id } }' });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toEqual({ code: 'QUERY_TOO_COSTLY', cost: 1 + 100 * 2 + 1, limit: 50 });
  });

  it('counts page sizes given in variables', async () => {
    const { post } = server({ limits: { maxCost: 100 } });
    const query = 'query Page($n: Int) { articles(first: $n) { edges { node { title } } } }';
    expect(codes((await post({ query, variables: { n: 100 } })).body)).toEqual(['QUERY_TOO_COSTLY']);
    expect((await post({ query, variables: { n: 5 } })).body.data?.['articles'].edges).toHaveLength(5);
  });

  it('refuses 100 aliases of a path query at the default limits', async () => {
    const { post } = server({ limits: { maxAliases: 1000 } });
    const query = `{ ${Array.from({ length: 100 }, (_, i) => `p${i}: path(from: "Company:leica", to: "Company:xiaomi") { paths { length } }`).join(' ')} }`;
    const { body } = await post({ query });
    expect(codes(body)).toEqual(['QUERY_TOO_COSTLY']);
    expect(body.errors![0]!.extensions!['cost']).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
  });
});

describe('the document limits', () => {
  const post = (body: unknown) =>
    server({ limits: { maxDepth: 6, maxAliases: 3, maxDirectives: 2, maxTokens: 200, maxQueryLength: 1000 } }).post(body);

  it('refuse a query nested deeper than the depth limit', async () => {
    const query = '{ entity(name: "Leica") { related { edges { node { entity { related { edges { node { predicate } } } } } } } } }';
    const { status, body } = await post({ query });
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 6 });
    expect(body.errors![0]!.message).toMatch(/depth limit of 6 exceeded, found 9/);
  });

  it('accept a query at the depth limit', async () => {
    const { body } = await post({ query: '{ entity(name: "Leica") { related { edges { node { entity { name } } } } } }' });
    expect(body.errors).toBeUndefined();
  });

  it('refuse more aliases than the limit, counting through fragments', async () => {
    const query = '{ a: articles { totalCount } ...More } fragment More on Query { b: articles { totalCount } c: articles { totalCount } d: articles { totalCount } }';
    const { body } = await post({ query });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_MANY_ALIASES', limit: 3 });
  });

  it('refuse more directives than the limit', async () => {
    const query = '{ articles @include(if: true) { totalCount @include(if: true) } predicates @skip(if: false) { name } }';
    const { body } = await post({ query });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_MANY_DIRECTIVES', limit: 2 });
  });

  it('refuse a document of more tokens than the limit while parsing', async () => {
    const query = `query Q($v: ${'['.repeat(150)}Int${']'.repeat(150)}) { __typename }`;
    const { status, body } = await post({ query });
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_MANY_TOKENS', limit: 200 });
  });

  it('refuse query text longer than the limit, before counting its tokens', async () => {
    const { body } = await post({ query: `{ __typename ${' '.repeat(1000)}}` });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_LONG', limit: 1000 });
  });
});

describe('the time budget', () => {
  const many = '{ entities(first: 100) { edges { node { name aliases claims(first: 100) { edges { node { text predicate } } } } } } }';

  /** A yoga with only the time budget, on a clock that moves 1 ms each time it is read. */
  function onTickingClock(budgetMs: number) {
    let reads = 0;
    const now = () => ++reads;
    const yoga = createYoga({ schema, context: () => ({ graph }), plugins: [useTimeBudget({ budgetMs, now })] });
    const run = async () => {
      const response = await yoga.fetch('http://claimgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: many }),
      });
      return (await response.json()) as Body;
    };
    return { run, reads: () => reads };
  }

  it('stops calling resolvers once the budget is spent, and says so once', async () => {
    const unbounded = onTickingClock(1e9);
    expect((await unbounded.run()).errors).toBeUndefined();
    const resolverCalls = unbounded.reads() - 1;
    expect(resolverCalls).toBeGreaterThan(300);

    const bounded = onTickingClock(20);
    const body = await bounded.run();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toEqual({ code: 'TIME_BUDGET_EXCEEDED', budgetMs: 20 });
    expect(body.errors![0]!.message).toMatch(/time budget of 20 ms/);
    // One read when the operation starts, one per resolver until the deadline, and a few
    // more while the refusal unwinds the selection it was in.
    expect(bounded.reads()).toBeLessThan(30);
  });

  it('checks the clock once per resolver however many servers share the schema', async () => {
    const first = onTickingClock(1e9);
    await first.run();
    const second = onTickingClock(1e9);
    await second.run();
    expect(second.reads()).toBe(first.reads());
  });

  it('does not count one-time set-up a resolver waits on outside the budget', async () => {
    // A clock that moves 1 ms at each read, and 100 ms while the set-up runs.
    let clock = 0;
    const now = () => ++clock;
    const setUp = async () => {
      await new Promise((resolve) => setImmediate(resolve));
      clock += 100;
      return 'ready';
    };
    const tiny = createSchema({
      typeDefs: 'type Query { counted: Step! excluded: Step! } type Step { state: String! next: String! }',
      resolvers: {
        Query: {
          counted: async () => ({ state: await setUp() }),
          excluded: async (_root: unknown, _args: unknown, context: object) => ({ state: await outsideBudget(context, setUp()) }),
        },
        Step: { next: () => 'done' },
      },
    });
    const run = async (field: string) => {
      const yoga = createYoga({ schema: tiny, plugins: [useTimeBudget({ budgetMs: 20, now })] });
      const response = await yoga.fetch('http://claimgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ ${field} { state next } }` }),
      });
      return (await response.json()) as Body;
    };
    expect(codes(await run('counted'))).toEqual(['TIME_BUDGET_EXCEEDED']);
    const excluded = await run('excluded');
    expect(excluded.errors).toBeUndefined();
    expect(excluded.data).toEqual({ excluded: { state: 'ready', next: 'done' } });
  });

  it('cuts a heavy query short on the real clock', async () => {
    const heavy = `{ ${Array.from({ length: 20 }, (_, i) => `n${i}: neighborhood(id: "Company:xiaomi", depth: 3, nodeCap: 1000) { nodes { name claims(first: 100) { edges { node { text evidence { quote context } } } } } }`).join(' ')} }`;
    const limits = { maxCost: 1e12, maxAliases: 100 };
    const timed = async (post: ReturnType<typeof server>['post']) => {
      await post({ query: heavy });
      const started = performance.now();
      const { body } = await post({ query: heavy });
      return { body, ms: performance.now() - started };
    };
    const full = await timed(server({ limits: { ...limits, timeBudgetMs: 60_000 } }).post);
    const cut = await timed(server({ limits: { ...limits, timeBudgetMs: 1 } }).post);
    expect(full.body.errors).toBeUndefined();
    expect(codes(cut.body)).toEqual(['TIME_BUDGET_EXCEEDED']);
    expect(cut.ms).toBeLessThan(full.ms / 2);
  });
});

describe('the request body and batching limits', () => {
  it('refuse a body over the size limit with 413', async () => {
    const { post } = server({ limits: { maxBodyBytes: 1000 } });
    const { status, body } = await post({ query: `{ search(query: "${'x'.repeat(2000)}") { score } }` });
    expect(status).toBe(413);
    expect(codes(body)).toEqual(['REQUEST_ENTITY_TOO_LARGE']);
  });

  it('refuse batched requests when batching is off (the default)', async () => {
    const { post } = server();
    const { status, body } = await post([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(status).toBe(400);
    expect(body.errors![0]!.message).toMatch(/Batching is not supported/);
  });

  it('answer batches up to the configured size and refuse larger ones', async () => {
    const { yoga } = server({ limits: { maxBatch: 2 } });
    const batch = (n: number) =>
      yoga.fetch('http://claimgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(Array.from({ length: n }, () => ({ query: '{ articles { totalCount } }' }))),
      });
    const two = await batch(2);
    expect(((await two.json()) as Body[]).map((result) => result.data)).toEqual([
      { articles: { totalCount: 5 } },
      { articles: { totalCount: 5 } },
    ]);
    expect((await batch(3)).status).toBe(413);
  });
});

describe('introspection', () => {
  it('is refused, and field suggestions hidden, when switched off', async () => {
    const { post } = server({ introspection: false });
    expect(codes((await post({ query: '{ __schema { queryType { name } } }' })).body)).toContain('GRAPHQL_VALIDATION_FAILED');
    const typo = (await post({ query: '{ entity(name: "Leica") { nme } }' })).body;
    expect(typo.errors![0]!.message).toBe('Cannot query field "nme" on type "Entity".');
  });

  it('is answered, with suggestions, when on', async () => {
    const { post } = server({ introspection: true });
    expect((await post({ query: '{ __schema { queryType { name } } }' })).body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const typo = (await post({ query: '{ entity(name: "Leica") { nme } }' })).body;
    expect(typo.errors![0]!.message).toMatch(/Did you mean "name"\?/);
  });

  it('is off by default in production and on in development', async () => {
    expect(loadConfig({ CLAIMGRAPH_ENV: 'production' }).introspection).toBe(false);
    expect(loadConfig({ CLAIMGRAPH_ENV: 'development' }).introspection).toBe(true);
    expect(loadConfig({ CLAIMGRAPH_ENV: 'production', CLAIMGRAPH_INTROSPECTION: 'true' }).introspection).toBe(true);
  });
});

describe('unexpected errors', () => {
  // A graph whose article list fails the way a bug would.
  const broken = () => Object.assign(Object.create(graph) as KnowledgeGraph, {
    articles: () => {
      throw new TypeError('cannot read internals of the article index');
    },
  });

  it('reach a production client masked, with the request ID, and the log in full under that ID', async () => {
    const { yoga, lines } = server({}, broken());
    const response = await yoga.fetch('http://claimgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ articles { totalCount } }' }),
    });
    const requestId = response.headers.get('x-request-id');
    const text = await response.text();
    expect(text).not.toMatch(/internals/);
    const error = (JSON.parse(text) as Body).errors![0]!;
    expect(error.message).toBe('Unexpected error.');
    expect(error.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId });
    const logged = lines.find((line) => line['msg'] === 'unexpected error');
    expect(logged).toMatchObject({ level: 50, requestId, err: { type: 'TypeError', message: 'cannot read internals of the article index' } });
    expect(logged!['err'].stack).toMatch(/limits\.test\.ts/);
  });

  it('are not masked in development', async () => {
    const { post } = server({ env: 'development' }, broken());
    const { body } = await post({ query: '{ articles { totalCount } }' });
    expect(JSON.stringify(body.errors)).toMatch(/internals of the article index/);
  });

  it('leave expected errors as they are', async () => {
    const { post } = server();
    const { body } = await post({ query: '{ claim(id: "Company:leica") { id } }' });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(body.errors![0]!.extensions).not.toHaveProperty('requestId');
  });
});

describe('request IDs and the request log', () => {
  it('writes one line per request: ID, operation, status, duration, cost and error codes', async () => {
    const { post, lines } = server();
    const { headers } = await post({ query: 'query Leica { entity(name: "Leica") { name } }', operationName: 'Leica' });
    await post({ query: '{ claim(id: "nonsense") { id } }' });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request',
      requestId: headers.get('x-request-id'),
      method: 'POST',
      path: '/graphql',
      operation: 'Leica',
      operationType: 'query',
      status: 200,
      cost: 1,
      errors: [],
    });
    expect(lines[0]!['durationMs']).toBeTypeOf('number');
    expect(lines[1]).toMatchObject({ operation: null, errors: ['BAD_USER_INPUT'] });
  });

  it('never writes bearer tokens, headers, query text or variables', async () => {
    const { post, lines } = server();
    const token = 'cg_secret_token_that_must_not_leak';
    await post({ query: 'query Find($q: String!) { search(query: $q) { score } }', variables: { q: token } }, { authorization: `Bearer ${token}` });
    await post({ query: `{ entity(name: "${token}") { name } }` }, { authorization: `Bearer ${token}` });
    expect(lines).toHaveLength(2);
    expect(JSON.stringify(lines)).not.toMatch(/cg_secret|Bearer|authorization/i);
  });

  it('keeps a caller’s plain x-request-id and replaces anything else', async () => {
    const { post } = server();
    expect((await post({ query: '{ __typename }' }, { 'x-request-id': 'edge-7f3a.42' })).headers.get('x-request-id')).toBe('edge-7f3a.42');
    const replaced = (await post({ query: '{ __typename }' }, { 'x-request-id': 'bad id\twith spaces' })).headers.get('x-request-id');
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('CORS', () => {
  const preflight = (yoga: ReturnType<typeof server>['yoga'], origin: string) =>
    yoga.fetch('http://claimgraph.test/graphql', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });

  it('lets configured origins call and no others', async () => {
    const { yoga } = server({ corsOrigins: ['https://app.example'] });
    expect((await preflight(yoga, 'https://app.example')).headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect((await preflight(yoga, 'https://evil.example')).headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });

  it('allows no cross-origin calls in production unless configured', async () => {
    expect(loadConfig({ CLAIMGRAPH_ENV: 'production' }).corsOrigins).toEqual([]);
    const { yoga } = server({ corsOrigins: [] });
    expect((await preflight(yoga, 'https://app.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('reads a list of origins from the environment', () => {
    expect(loadConfig({ CLAIMGRAPH_CORS_ORIGINS: 'https://a.example, https://b.example' }).corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(loadConfig({ CLAIMGRAPH_ENV: 'development' }).corsOrigins).toBe('*');
  });
});

describe('CSRF prevention', () => {
  const get = (yoga: ReturnType<typeof server>['yoga'], headers: Record<string, string> = {}) =>
    yoga.fetch(`http://claimgraph.test/graphql?query=${encodeURIComponent('{ articles { totalCount } }')}`, { headers });

  it('refuses a GET without the CSRF header and answers one with it', async () => {
    const { yoga } = server();
    const refused = await get(yoga);
    expect(refused.status).toBe(403);
    expect(codes((await refused.json()) as Body)).toEqual(['CSRF_HEADER_REQUIRED']);
    const answered = await get(yoga, { 'x-graphql-yoga-csrf': '1' });
    expect(((await answered.json()) as Body).data).toEqual({ articles: { totalCount: 5 } });
  });

  it('refuses a form POST without the header, and lets JSON POSTs through', async () => {
    const { yoga, post } = server();
    const form = await yoga.fetch('http://claimgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `query=${encodeURIComponent('{ __typename }')}`,
    });
    expect(form.status).toBe(403);
    expect((await post({ query: '{ __typename }' })).status).toBe(200);
  });

  it('can be switched off', async () => {
    const { yoga } = server({ csrfPrevention: false });
    expect((await get(yoga)).status).toBe(200);
    expect(loadConfig({ CLAIMGRAPH_CSRF_PREVENTION: 'false' }).csrfPrevention).toBe(false);
  });
});
