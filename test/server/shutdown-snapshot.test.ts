import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { readHeader, snapshotPathOf } from '../../src/graph/snapshot.ts';
import { hashToken } from '../../src/server/auth/index.ts';
import { SqliteFactLog } from '../../src/store/index.ts';
import { tempDir } from '../service/write-client.ts';
import { addSonyAlias, sonyAliases, startServer, type RealServer } from './real-server.ts';

const TOKEN = 'cg_shutdown_test_token';
const folder = await tempDir('claimgraph-shutdown-');
const STORE = path.join(folder.dir, 'facts.sqlite');

afterAll(() => folder.remove());

/** The real server on the store, writing a snapshot once `after` facts are not in one. */
const start = (after: number) =>
  startServer({ CLAIMGRAPH_STORE: STORE, CLAIMGRAPH_SNAPSHOT_AFTER_FACTS: String(after), CLAIMGRAPH_TOKENS: `editor:write:${hashToken(TOKEN)}` });

async function addAlias(server: RealServer, alias: string): Promise<void> {
  expect(await addSonyAlias(server.base, TOKEN, alias)).toBe(true);
}

const snapshotSeq = () => readHeader(readFileSync(snapshotPathOf(STORE))).header.seq;

async function lastSeq(): Promise<number> {
  const store = SqliteFactLog.open(STORE, { create: false });
  try {
    return store.lastSeq();
  } finally {
    await store.close();
  }
}

describe('CLAIMGRAPH_SNAPSHOT_AFTER_FACTS', () => {
  it('takes a whole number of facts, 0 or more, and leaves the default to the loader when unset', () => {
    expect(loadConfig({ CLAIMGRAPH_SNAPSHOT_AFTER_FACTS: '0' }).snapshotAfter).toBe(0);
    expect(loadConfig({ CLAIMGRAPH_SNAPSHOT_AFTER_FACTS: '5000' }).snapshotAfter).toBe(5000);
    expect(loadConfig({}).snapshotAfter).toBeUndefined();
    for (const bad of ['-1', '2.5', 'many']) expect(() => loadConfig({ CLAIMGRAPH_SNAPSHOT_AFTER_FACTS: bad })).toThrow(/CLAIMGRAPH_SNAPSHOT_AFTER_FACTS/);
  });
});

describe('a server that stops', () => {
  it('writes a snapshot of what it applied once enough facts are not in one, and the next start restores it', async () => {
    // The first start seeds the log from data/ and, having replayed it, writes a snapshot.
    const first = await start(2);
    const seeded = snapshotSeq();
    expect(seeded).toBe(await lastSeq());
    await addAlias(first, 'Sony Group');
    expect(await first.stop()).toBe(0);
    // One fact since the snapshot, two asked for: the snapshot is left as it was.
    expect(first.output()).not.toMatch(/wrote a snapshot/);
    expect(snapshotSeq()).toBe(seeded);

    const second = await start(2);
    expect(second.output()).toMatch(/restored from the snapshot of/);
    await addAlias(second, 'Sony Corporation');
    expect(await second.stop()).toBe(0);
    const end = await lastSeq();
    expect(end).toBe(seeded + 2);
    expect(second.output()).toMatch(new RegExp(`wrote a snapshot of the log up to seq ${end} \\(`));
    expect(snapshotSeq()).toBe(end);

    // Restored from a snapshot of the whole log, both writes in it.
    const third = await start(2);
    try {
      expect(third.output()).toMatch(/restored from the snapshot of/);
      expect(await sonyAliases(third.base)).toEqual(expect.arrayContaining(['Sony Group', 'Sony Corporation']));
    } finally {
      expect(await third.stop()).toBe(0);
    }
    expect(third.output()).not.toMatch(/wrote a snapshot/);
  });
});
