import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir, writeClient } from '../service/write-client.ts';

const ALIASES = `{ entity(id: "Company:sony") { aliases } }`;

describe('the response cache', () => {
  let folder: Awaited<ReturnType<typeof tempDir>>;
  let api: Awaited<ReturnType<typeof writeClient>>;
  beforeEach(async () => {
    folder = await tempDir('claimgraph-cache-');
    api = await writeClient(path.join(folder.dir, 'facts.sqlite'), undefined, { exposeCacheHits: true });
  });
  afterEach(async () => {
    await api.close();
    await folder.remove();
  });

  it('answers a repeated read from the cache', async () => {
    const first = await api.query(ALIASES);
    const second = await api.query(ALIASES);
    expect(second.data).toEqual(first.data);
    expect((second as any).extensions.responseCache.hit).toBe(true);
  });

  it('never serves an answer from before a write', async () => {
    const before = await api.data(ALIASES);
    await api.query(ALIASES); // now cached
    await api.data(`mutation { addAlias(input: { entity: "Company:sony", alias: "Sony Group" }) { added } }`);
    const after = await api.query(ALIASES);
    expect((after as any).extensions.responseCache.hit).toBe(false);
    expect(after.data.entity.aliases).toEqual([...before.entity.aliases, 'Sony Group']);
  });

  it('does not cache mutations', async () => {
    const add = `mutation { addAlias(input: { entity: "Company:apple", alias: "Apple Computer" }) { added } }`;
    expect((await api.data(add)).addAlias.added).toBe(true);
    expect((await api.data(add)).addAlias.added).toBe(false);
  });
});
