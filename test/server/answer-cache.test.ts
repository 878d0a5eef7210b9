import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
async function cached(requestId: string | null): Promise<boolean> {
  for (let tries = 0; tries < 100; tries++) {
    const line = server.logLines().find((l) => l.requestId === requestId);
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
