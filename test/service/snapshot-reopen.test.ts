import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { openGraph } from '../../src/service/open-graph.ts';
import { DATA_DIR, tempDir } from './write-client.ts';

/** Which calls to openSnapshot are refused, counted from 1 (none unless a test says). */
const refusing = vi.hoisted(() => ({ calls: 0, refuse: new Set<number>() }));

vi.mock('../../src/graph/snapshot.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/graph/snapshot.ts')>();
  return {
    ...actual,
    openSnapshot: (file: string) => {
      refusing.calls++;
      if (refusing.refuse.has(refusing.calls)) throw new actual.SnapshotError('read back wrong (refused by the test)');
      return actual.openSnapshot(file);
    },
  };
});

describe('a start that wrote a snapshot', () => {
  let folder: Awaited<ReturnType<typeof tempDir>>;
  const closers: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    folder = await tempDir('claimgraph-reopen-');
    refusing.calls = 0;
    refusing.refuse.clear();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
    vi.restoreAllMocks();
    await folder.remove();
  });

  /** What a full replay of the seeded log gives, from a start that neither reads nor writes snapshots. */
  async function seededAndReplayed(storePath: string) {
    const { graph, store } = await openGraph({ storePath, dataDir: DATA_DIR, snapshotAfter: false });
    const seen = {
      claims: graph.claims({ includeDeprecated: true }),
      entities: graph.entities(),
      search: graph.search.search('Leica Xiaomi', 10),
    };
    graph.close();
    await store.close();
    return seen;
  }

  async function open(storePath: string, snapshotAfter: number | false) {
    const opened = await openGraph({ storePath, dataDir: DATA_DIR, snapshotAfter });
    closers.push(async () => {
      opened.graph.close();
      await opened.store.close();
    });
    return opened;
  }

  it('serves the whole log replayed again when the snapshot it wrote cannot be read back', async () => {
    const storePath = path.join(folder.dir, 'facts.sqlite');
    const full = await seededAndReplayed(storePath);
    // The first call finds no snapshot; the second reads back the one this start wrote.
    refusing.refuse.add(2);
    const { graph, loaded, store } = await open(storePath, 0);
    expect(refusing.calls).toBe(2);
    const seq = store.lastSeq();
    expect(loaded).toMatchObject({ snapshotSeq: 0, snapshotWritten: expect.any(Number), coveredSeq: seq, servesWritten: false });
    expect(loaded.snapshotRefused).toMatch(/read back wrong/);
    expect(console.warn).toHaveBeenCalledWith(expect.stringMatching(/is not used, the whole log is replayed: .*read back wrong/));
    expect(graph.unreadClaims).toBe(0);
    expect(graph.claims({ includeDeprecated: true })).toEqual(full.claims);
    expect(graph.entities()).toEqual(full.entities);
    expect(graph.search.search('Leica Xiaomi', 10)).toEqual(full.search);
  });

  it('serves the graph restored from it when it reads back', async () => {
    const storePath = path.join(folder.dir, 'facts.sqlite');
    const full = await seededAndReplayed(storePath);
    const { graph, loaded, store } = await open(storePath, 0);
    expect(refusing.calls).toBe(2);
    expect(loaded).toMatchObject({ snapshotSeq: store.lastSeq(), snapshotRefused: null, servesWritten: true });
    expect(graph.unreadClaims).toBe(graph.count('Claim'));
    expect(graph.claims({ includeDeprecated: true })).toEqual(full.claims);
    expect(graph.entities()).toEqual(full.entities);
    expect(graph.search.search('Leica Xiaomi', 10)).toEqual(full.search);
  });
});
