import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { AnswerCache, type Answer } from '../../src/server/answer-cache.ts';
import { hashToken } from '../../src/server/auth/index.ts';
import { startServer, type RealServer } from './real-server.ts';

const TOKEN = 'cg_answer_cache_token';
let server: RealServer;

beforeAll(async () => {
  server = await startServer({ CLAIMGRAPH_TOKENS: `editor:write:${hashToken(TOKEN)}`, CLAIMGRAPH_LOG_LEVEL: 'info' });
}, 30_000);
afterAll(() => server?.stop());

async function post(query: string, token?: string) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { requestId: response.headers.get('x-request-id'), text: await response.text() };
}

/** Whether the server logged the request as answered from the cache (its log line may lag). */
async function cached(requestId: string | null, on: RealServer = server): Promise<boolean> {
  for (let tries = 0; tries < 100; tries++) {
    const line = on.logLines().find((l) => l.requestId === requestId);
    if (line) return line.cached === true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no log line for request ${requestId}`);
}

const ALIASES = '{ entity(id: "Company:samsung") { aliases } }';

describe('the answer cache', () => {
  it('answers a repeated query from memory, byte for byte, under a new request ID', async () => {
    const first = await post(ALIASES);
    const second = await post(ALIASES);
    expect(second.text).toBe(first.text);
    expect(second.requestId).not.toBe(first.requestId);
    expect(await cached(first.requestId)).toBe(false);
    expect(await cached(second.requestId)).toBe(true);
  });

  it('never serves an answer from before a write', async () => {
    await post(ALIASES);
    const before = await post(ALIASES);
    expect(await cached(before.requestId)).toBe(true);
    const write = await post('mutation { addAlias(input: { entity: "Company:samsung", alias: "Samsung Electronics" }) { added } }', TOKEN);
    expect(JSON.parse(write.text).data.addAlias.added).toBe(true);
    const after = await post(ALIASES);
    expect(await cached(after.requestId)).toBe(false);
    expect(JSON.parse(after.text).data.entity.aliases).toContain('Samsung Electronics');
  });

  it('keeps no mutation and no answer with errors', async () => {
    const add = 'mutation { addAlias(input: { entity: "Company:apple", alias: "Apple Computer" }) { added } }';
    await post(add, TOKEN);
    const again = await post(add, TOKEN);
    expect(JSON.parse(again.text).data.addAlias.added).toBe(false);
    expect(await cached(again.requestId)).toBe(false);
    const unknown = '{ entity(id: "Company:nokia") { name } }';
    await post(unknown);
    const twice = await post(unknown);
    expect(JSON.parse(twice.text).errors[0].extensions.code).toBe('NOT_FOUND');
    expect(await cached(twice.requestId)).toBe(false);
  });
});

const answer = (bytes: number): Answer => ({ status: 200, headers: [['content-type', 'application/json']], body: Buffer.alloc(bytes, 0x20) });

describe('the answer cache on its own', () => {
  it('keeps answers within its byte budget, dropping the least recently used first', () => {
    const cache = new AnswerCache({ max: 100, maxBytes: 16_000 });
    for (const key of ['a', 'b', 'c']) cache.put(1, key, answer(900));
    expect(cache.get(1, 'a')).toBeDefined();
    // 15 more answers of ~900 bytes make 18, past 16,000 bytes; 'a' was used after 'b' and 'c'.
    for (let i = 0; i < 15; i++) cache.put(1, `k${i}`, answer(900));
    expect(cache.size.bytes).toBeLessThanOrEqual(16_000);
    expect(cache.get(1, 'b')).toBeUndefined();
    expect(cache.get(1, 'a')?.body.length).toBe(900);
  });

  it('keeps no single answer larger than a sixteenth of its bytes', () => {
    const cache = new AnswerCache({ max: 100, maxBytes: 16_000 });
    cache.put(1, 'small', answer(999 - 'small'.length));
    cache.put(1, 'large', answer(1_001));
    expect(cache.get(1, 'small')).toBeDefined();
    expect(cache.get(1, 'large')).toBeUndefined();
  });

  it('keeps at most its number of answers', () => {
    const cache = new AnswerCache({ max: 3, maxBytes: 1_000_000 });
    for (const key of ['a', 'b', 'c', 'd']) cache.put(1, key, answer(10));
    expect(cache.size.answers).toBe(3);
    expect(cache.get(1, 'a')).toBeUndefined();
  });

  it('drops every answer from an older version of the graph, and keeps none read at one', () => {
    const cache = new AnswerCache({ max: 100, maxBytes: 1_000_000 });
    cache.put(4, 'a', answer(10));
    cache.put(4, 'b', answer(10));
    expect(cache.get(5, 'a')).toBeUndefined();
    expect(cache.size).toEqual({ answers: 0, bytes: 0 });
    cache.put(4, 'a', answer(10));
    expect(cache.get(5, 'a')).toBeUndefined();
    expect(cache.get(4, 'a')).toBeUndefined();
    cache.put(5, 'a', answer(10));
    expect(cache.get(5, 'a')).toBeDefined();
  });

  it('takes its byte budget from CLAIMGRAPH_RESPONSE_CACHE_MB and refuses one below 1', () => {
    expect(loadConfig({}).limits.responseCacheMb).toBe(256);
    expect(loadConfig({ CLAIMGRAPH_RESPONSE_CACHE_MB: '32' }).limits.responseCacheMb).toBe(32);
    expect(() => loadConfig({ CLAIMGRAPH_RESPONSE_CACHE_MB: '0' })).toThrow(/CLAIMGRAPH_RESPONSE_CACHE_MB/);
  });
});

describe('a server with a small answer cache', () => {
  let small: RealServer;
  beforeAll(async () => {
    small = await startServer({ CLAIMGRAPH_RESPONSE_CACHE_MB: '1', CLAIMGRAPH_LOG_LEVEL: 'info' });
  }, 30_000);
  afterAll(() => small?.stop());

  async function ask(query: string) {
    const response = await fetch(small.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const text = await response.text();
    return { bytes: Buffer.byteLength(text), cached: await cached(response.headers.get('x-request-id'), small) };
  }

  it('keeps answers up to a sixteenth of CLAIMGRAPH_RESPONSE_CACHE_MB and computes larger ones every time', async () => {
    const bodies = `{ ${Array.from({ length: 8 }, (_, i) => `a${i}: articles(first: 5) { edges { node { body } } }`).join(' ')} }`;
    const first = await ask(bodies);
    expect(first.bytes).toBeGreaterThan(65_536);
    expect((await ask(bodies)).cached).toBe(false);
    await ask(ALIASES);
    expect((await ask(ALIASES)).cached).toBe(true);
  });
});
