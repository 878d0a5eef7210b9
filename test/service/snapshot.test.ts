import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KnowledgeGraph, SearchIndex, neighborhood, shortestPaths } from '../../src/graph/index.ts';
import { openSnapshot, readHeader, snapshotPathOf, writeSnapshot } from '../../src/graph/snapshot.ts';
import { makeClaim, type Fact } from '../../src/model/index.ts';
import { A, C, ENTITIES, FACTS, RATES, article, entity, listedIds, stated } from '../graph/fixtures.ts';
import { createServer } from '../../src/server/yoga.ts';
import { GraphWriter } from '../../src/service/graph-writer.ts';
import { openGraph, snapshotIfBehind, type OpenGraphOptions } from '../../src/service/open-graph.ts';
import { SqliteFactLog } from '../../src/store/index.ts';
import { DATA_DIR, tempDir } from './write-client.ts';

/** Everything a reader can see of a graph, in the order it sees it. */
async function digest(graph: KnowledgeGraph): Promise<unknown> {
  const entities = graph.entities();
  const claims = graph.claims({ includeDeprecated: true });
  const predicates = [...new Set(claims.map((c) => c.statement.predicate))].sort();
  const adjacency = graph.graph.mapNodes((node) => {
    const edges: unknown[] = [];
    graph.graph.forEachEdge(node, (key, attributes, source, target) => edges.push([key, source, target, attributes]));
    return [node, edges];
  });
  const yoga = createServer(graph, { env: 'test', graphiql: false });
  const answer = async (query: string) =>
    (await yoga.fetch('http://claimgraph.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json();
  const hubs = entities.slice(0, 6).map((e) => e.id);
  return {
    version: graph.version,
    counts: (['Company', 'Product', 'Person', 'Publication', 'Article', 'Claim'] as const).map((kind) => graph.count(kind)),
    entities: entities.map((e) => ({
      e,
      history: graph.history(e.id),
      related: graph.related(e.id),
      claims: graph.claimIdsOf(e.id, 'ANY'),
      subject: graph.claims({ subject: e.id, includeDeprecated: true }).map((c) => c.statement.id),
      credited: graph.claimsCredited(e.id).map((c) => c.statement.id),
      citing: graph.citing(e.id).map((a) => a.id),
      published: graph.publishedArticles(e.id).map((a) => a.id),
      byName: graph.entitiesByName(e.name).map((x) => x.id),
      neighborhood: neighborhood(graph, e.id, 2),
    })),
    articles: graph.articles().map((a) => ({ a: { ...a }, history: graph.history(a.id), claims: graph.claims({ article: a.id }).map((c) => c.statement.id), cites: graph.citesOf(a.id).map((e) => e.id) })),
    claims: claims.map((c) => ({ c, history: graph.history(c.statement.id), rank: graph.rank(c) })),
    byPredicate: predicates.map((p) => graph.claims({ predicate: p, includeDeprecated: true }).map((c) => c.statement.id)),
    adjacency,
    paths: hubs.flatMap((from) => hubs.map((to) => shortestPaths(graph, from, to, 4))),
    answers: await Promise.all([
      answer('{ articles(first: 20) { totalCount edges { node { id title body } } } }'),
      answer(`{ entity(id: "${hubs[0]}") { name aliases related { edges { node { entity { id } predicate direction claims { id } } } } } }`),
      answer('{ search(query: "Leica", first: 10) { kind score node { id } } }'),
      answer(`{ neighborhood(id: "${hubs[1]}", depth: 2) { truncated nodes { id } edges { predicate } } }`),
    ]),
  };
}

describe('graph snapshots', () => {
  let folder: Awaited<ReturnType<typeof tempDir>>;
  let storePath: string;
  const opened: { graph: KnowledgeGraph; store: { close(): Promise<void> } }[] = [];

  async function open(options: Partial<OpenGraphOptions> = {}, at = storePath) {
    const result = await openGraph({ storePath: at, dataDir: DATA_DIR, snapshotAfter: Number.POSITIVE_INFINITY, ...options });
    opened.push(result);
    return result;
  }

  async function close() {
    for (const { graph, store } of opened.splice(0)) {
      graph.close();
      await store.close();
    }
  }

  /** Appends batches through the writer, as the API does. */
  async function write(batches: ((graph: KnowledgeGraph) => Fact[])[], actor = 'editor', at = storePath) {
    const { graph, store } = await open({ snapshotAfter: false }, at);
    const writer = new GraphWriter(store, graph);
    for (const batch of batches) await writer.write(actor, (g) => ({ facts: batch(g), result: null }));
    await close();
  }

  /** The graph a full replay of the log gives, ignoring any snapshot. */
  async function replayed(at = storePath): Promise<unknown> {
    const { graph } = await open({ snapshotAfter: false }, at);
    const result = await digest(graph);
    await close();
    return result;
  }

  /** Merges, a retraction and an alias: redirects, re-keyed claims, dropped and re-linked edges. */
  const changes: ((graph: KnowledgeGraph) => Fact[])[] = [
    (g) => {
      const [keep, merge] = g.entities('Company').filter((e) => g.related(e.id).length > 0);
      return [{ type: 'EntitiesMerged', keep: keep!.id, merge: merge!.id }];
    },
    (g) => {
      const claim = g.claims().find((c) => c.statement.object !== null)!;
      return [{ type: 'ClaimRetracted', claimId: claim.statement.id, reason: 'the article was corrected' }];
    },
    (g) => [{ type: 'AliasAdded', entityId: g.entities('Person')[0]!.id, alias: 'Snapshot Tester' }],
    (g) => {
      const [keep, merge] = g.entities('Product').filter((e) => g.related(e.id).length > 0).reverse();
      return [{ type: 'EntitiesMerged', keep: keep!.id, merge: merge!.id }];
    },
  ];

  beforeEach(async () => {
    folder = await tempDir('claimgraph-snapshot-');
    storePath = path.join(folder.dir, 'facts.sqlite');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    await close();
    vi.restoreAllMocks();
    await folder.remove();
  });

  it('restores, from a snapshot and the log after it, the graph a full replay builds', async () => {
    const first = await open({ snapshotAfter: 0 });
    expect(first.seeded).toBe(true);
    expect(first.loaded.snapshotWritten).toBeGreaterThan(0);
    const seededSeq = first.store.lastSeq();
    expect(first.loaded).toMatchObject({ snapshotSeq: seededSeq, replayed: seededSeq, servesWritten: true });
    await close();
    expect((await stat(snapshotPathOf(storePath))).size).toBe(first.loaded.snapshotWritten);

    // The writes after the snapshot are replayed on top of it (too few to write another).
    await write(changes);
    const second = await open({ snapshotAfter: changes.length + 1 });
    expect(second.loaded).toMatchObject({ snapshotSeq: seededSeq, snapshotRefused: null, replayed: changes.length, snapshotWritten: null, servesWritten: false });
    expect(second.graph.entitiesByName('Snapshot Tester')).toHaveLength(1);
    const fromTail = await digest(second.graph);
    await close();
    expect(fromTail).toEqual(await replayed());

    // Enough of them to write a snapshot: the start serves the graph restored from it, every
    // claim still in the snapshot's columns.
    const writing = await open({ snapshotAfter: changes.length });
    const writtenSeq = writing.store.lastSeq();
    expect(writing.loaded).toMatchObject({ snapshotSeq: writtenSeq, coveredSeq: writtenSeq, snapshotRefused: null, replayed: changes.length, servesWritten: true });
    expect(writing.graph.unreadClaims).toBe(writing.graph.count('Claim'));
    const fromWritten = await digest(writing.graph);
    await close();
    expect(fromWritten).toEqual(await replayed());

    // The snapshot this start wrote holds the merges and the retraction itself.
    const third = await open();
    expect(third.loaded).toMatchObject({ snapshotSeq: writtenSeq, replayed: 0 });
    const fromSnapshot = await digest(third.graph);
    await close();
    expect(fromSnapshot).toEqual(await replayed());

    // And writes after that survive the next restart.
    await write([(g) => [{ type: 'AliasAdded', entityId: g.entities('Company')[0]!.id, alias: 'Written After The Snapshot' }]]);
    const fourth = await open();
    expect(fourth.loaded.replayed).toBe(1);
    expect(fourth.graph.entitiesByName('Written After The Snapshot')).toHaveLength(1);
    const afterWrites = await digest(fourth.graph);
    await close();
    expect(afterWrites).toEqual(await replayed());
  });

  it('writes, for a server that stops, a snapshot of the facts it applied once they are enough', async () => {
    const first = await open({ snapshotAfter: 0 });
    const seededSeq = first.store.lastSeq();
    expect(first.loaded.coveredSeq).toBe(seededSeq);
    const writer = new GraphWriter(first.store, first.graph);
    for (const batch of changes) await writer.write('editor', (g) => ({ facts: batch(g), result: null }));
    const lastSeq = first.store.lastSeq();
    expect(first.graph.appliedSeq).toBe(lastSeq);
    const snapshotFile = snapshotPathOf(storePath);
    const headerSeq = async () => readHeader(await readFile(snapshotFile)).header.seq;

    // Fewer new facts than asked for, snapshots off, or a log in memory: nothing is written.
    expect(await snapshotIfBehind(first.graph, first.store, storePath, first.loaded.coveredSeq, changes.length + 1)).toBeNull();
    expect(await snapshotIfBehind(first.graph, first.store, storePath, first.loaded.coveredSeq, false)).toBeNull();
    expect(await snapshotIfBehind(first.graph, first.store, ':memory:', first.loaded.coveredSeq, 0)).toBeNull();
    expect(await headerSeq()).toBe(seededSeq);
    // Nothing new since the snapshot: nothing is written even when any number would do.
    expect(await snapshotIfBehind(first.graph, first.store, storePath, lastSeq, 0)).toBeNull();

    const written = await snapshotIfBehind(first.graph, first.store, storePath, first.loaded.coveredSeq, changes.length);
    expect(written).toEqual({ seq: lastSeq, bytes: (await stat(snapshotFile)).size });
    expect(await headerSeq()).toBe(lastSeq);
    await close();

    // The next start replays nothing and has the graph a full replay builds.
    const second = await open();
    expect(second.loaded).toMatchObject({ snapshotSeq: lastSeq, snapshotRefused: null, replayed: 0, coveredSeq: lastSeq });
    const restored = await digest(second.graph);
    await close();
    expect(restored).toEqual(await replayed());
  });

  it('removes what a write cut short by a kill left beside the snapshot, and only that', async () => {
    const snapshotFile = snapshotPathOf(storePath);
    const ended = spawnSync(process.execPath, ['-e', '']).pid!;
    const leftover = `${snapshotFile}.${ended}.tmp`;
    const underWay = `${snapshotFile}.${process.ppid}.tmp`;
    const unrelated = `${snapshotFile}.notes.tmp`;
    for (const file of [leftover, underWay, unrelated]) await writeFile(file, 'partial');
    const { loaded } = await open({ snapshotAfter: 0 });
    expect(loaded.snapshotWritten).toBeGreaterThan(0);
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(underWay)).toBe(true);
    expect(existsSync(unrelated)).toBe(true);
  });

  /** Seeds the store, writes every change, and starts once more to write a snapshot of it all. */
  async function snapshotOfChanges() {
    await open({ snapshotAfter: false });
    await close();
    await write(changes);
    await open({ snapshotAfter: 0 });
    await close();
  }

  it('builds a restored claim\'s record when it is first read, the same record the replay builds', async () => {
    await snapshotOfChanges();
    const { graph: full } = await open({ snapshotAfter: false });
    const { graph, loaded } = await open();
    expect(loaded).toMatchObject({ replayed: 0, snapshotRefused: null });
    const total = graph.count('Claim');
    expect(total).toBe(full.count('Claim'));
    expect(graph.unreadClaims).toBe(total);

    // Listing an entity's claim IDs reads no record; reading one builds it, once.
    const hub = graph.entities().find((e) => graph.claimIdsOf(e.id, 'ANY').length > 1)!;
    const [id] = graph.claimIdsOf(hub.id, 'ANY');
    expect(graph.unreadClaims).toBe(total);
    const record = graph.claim(id!)!;
    expect(record).toEqual(full.claim(id!));
    expect(graph.claim(id!)).toBe(record);
    expect(graph.unreadClaims).toBe(total - 1);

    expect(graph.claims({ includeDeprecated: true })).toEqual(full.claims({ includeDeprecated: true }));
    expect(graph.unreadClaims).toBe(0);
  });

  it('keeps the order in which each entity meets its links across a snapshot', async () => {
    // Links dropped and made again move to the end of an entity's list but not of the graph's.
    await snapshotOfChanges();
    const { graph, loaded } = await open();
    expect(loaded.snapshotSeq).toBeGreaterThan(0);
    const order = (g: KnowledgeGraph) => g.graph.mapNodes((node) => g.graph.edges(node));
    const restored = order(graph);
    await close();
    const { graph: full } = await open({ snapshotAfter: false });
    expect(restored).toEqual(order(full));
  });

  describe('falls back to replaying the whole log', () => {
    /** Seeds the store, writes some changes and a snapshot of it; returns the full replay. */
    async function withSnapshot(): Promise<unknown> {
      await open({ snapshotAfter: false });
      await close();
      await write(changes.slice(0, 2));
      const { loaded } = await open({ snapshotAfter: 0 });
      expect(loaded.snapshotWritten).toBeGreaterThan(0);
      await close();
      return replayed();
    }

    async function expectRefused(expected: unknown, reason: RegExp) {
      const { graph, loaded } = await open();
      expect(loaded.snapshotSeq).toBe(0);
      expect(loaded.snapshotRefused).toMatch(reason);
      expect(await digest(graph)).toEqual(expected);
    }

    it('when the snapshot is damaged', async () => {
      const expected = await withSnapshot();
      const file = snapshotPathOf(storePath);
      const bytes = await readFile(file);
      bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
      await writeFile(file, bytes);
      await expectRefused(expected, /checksum/);
    });

    it('when the snapshot is cut short', async () => {
      const expected = await withSnapshot();
      const file = snapshotPathOf(storePath);
      await truncate(file, (await stat(file)).size - 1000);
      await expectRefused(expected, /payload has/);
      await truncate(file, 5);
      await expectRefused(expected, /not a claimgraph snapshot/);
    });

    type Columns = { strings: unknown[]; evidence: Uint32Array; indexes: Record<string, { keys: Uint32Array; counts: Uint32Array; ids: Uint32Array }> };
    /** Rewrites the snapshot's columns with a sound checksum, so that only the columns are wrong. */
    async function rewriteColumns(change: (payload: Columns) => void): Promise<string> {
      const file = snapshotPathOf(storePath);
      const bytes = await readFile(file);
      const { header, payloadAt } = readHeader(bytes);
      const payload = deserialize(bytes.subarray(payloadAt)) as Columns;
      change(payload);
      const changed = serialize(payload);
      const headerBytes = Buffer.from(JSON.stringify({ ...header, bytes: changed.length, crc32: crc32(changed) }));
      const length = Buffer.alloc(4);
      length.writeUInt32LE(headerBytes.length);
      await writeFile(file, Buffer.concat([bytes.subarray(0, 8), length, headerBytes, changed]));
      return file;
    }

    it('when a claim\'s evidence refers to a string the snapshot does not hold', async () => {
      const expected = await withSnapshot();
      const file = await rewriteColumns((payload) => {
        payload.evidence[1] = payload.strings.length + 3;
      });
      expect(() => openSnapshot(file)!.state()).toThrow(/evidence article refers to string \d+, which is missing/);
      await expectRefused(expected, /evidence article refers to string/);
    });

    // An index keeps its IDs in the columns until they are read: the checks are at the open.
    it('when an index lists an ID the snapshot does not hold', async () => {
      const expected = await withSnapshot();
      const file = await rewriteColumns((payload) => {
        const ids = payload.indexes.claimsBySubject!.ids;
        ids[ids.length - 1] = payload.strings.length + 7;
      });
      expect(() => openSnapshot(file)!.state()).toThrow(/refers to string \d+, which is missing/);
      await expectRefused(expected, /refers to string/);
    });

    it('when an index counts more IDs than it lists', async () => {
      const expected = await withSnapshot();
      await rewriteColumns((payload) => {
        payload.indexes.claimsByArticle!.counts[0]! += 1;
      });
      await expectRefused(expected, /its index claimsByArticle does not line up/);
    });

    it('when the file is not a snapshot at all', async () => {
      const expected = await withSnapshot();
      const header = Buffer.from('{"format": 99}');
      const length = Buffer.alloc(4);
      length.writeUInt32LE(header.length);
      await writeFile(snapshotPathOf(storePath), Buffer.concat([Buffer.from('CGSNAP\r\n'), length, header]));
      await expectRefused(expected, /format 99/);
    });

    it('when the snapshot is of another log', async () => {
      const expected = await withSnapshot();
      // Another log of the same corpus, written at another time.
      const other = path.join(folder.dir, 'other.sqlite');
      const facts: Fact[] = [];
      for await (const stored of (await open({ snapshotAfter: false })).store.read(0)) facts.push(stored.fact);
      await close();
      const otherLog = SqliteFactLog.open(other);
      await otherLog.append(facts, { actor: 'corpus', at: '2020-01-01T00:00:00.000Z' });
      await otherLog.close();
      await open({ snapshotAfter: 0 }, other);
      await close();
      await copyFile(snapshotPathOf(other), snapshotPathOf(storePath));
      await expectRefused(expected, /another log/);
    });

    it('when the snapshot is ahead of the log', async () => {
      await open({ snapshotAfter: false });
      await close();
      // A copy of this log that went on to more writes, and its snapshot.
      const ahead = path.join(folder.dir, 'ahead.sqlite');
      await copyFile(storePath, ahead);
      await write(changes, 'editor', ahead);
      await open({ snapshotAfter: 0 }, ahead);
      await close();
      await copyFile(snapshotPathOf(ahead), snapshotPathOf(storePath));
      await expectRefused(await replayed(), /past the log's end/);
    });

    it('when the log went another way after the snapshot was taken', async () => {
      await open({ snapshotAfter: false });
      await close();
      const fork = path.join(folder.dir, 'fork.sqlite');
      await copyFile(storePath, fork);
      await write(changes.slice(0, 2), 'editor', fork);
      await write(changes.slice(2, 4), 'someone-else');
      await open({ snapshotAfter: 0 }, fork);
      await close();
      await copyFile(snapshotPathOf(fork), snapshotPathOf(storePath));
      await expectRefused(await replayed(), /not the one the snapshot ends at/);
    });
  });
});

describe('a graph state written and read back', () => {
  it('gives each entity its links in the same order, when a link was dropped while its pair kept another', async () => {
    // acme → second gets a link, then acme → third, then a second acme → second link; the
    // first is retracted. acme's targets stay second, third; the graph's edges are third, second.
    const outsells = (object: string) => ({ subject: 'Company:acme', predicate: 'OUTSELLS', object }) as const;
    const graph = new KnowledgeGraph(RATES);
    const more: Fact[] = ['Company:second', 'Company:third'].map((id) => ({ type: 'EntityAdded', entity: entity(id, id.slice(8)) }));
    graph.apply([...FACTS, ...more]);
    graph.apply([stated(outsells('Company:second'), A, 'Acme')]);
    graph.apply([stated(outsells('Company:third'), A, 'Acme')]);
    graph.apply([stated({ subject: 'Company:acme', predicate: 'PARENT_ORGANIZATION', object: 'Company:second' }, A, 'Acme')]);
    const retracted = makeClaim({ ...outsells('Company:second'), value: null, qualifiers: {}, negated: false });
    graph.apply([{ type: 'ClaimRetracted', claimId: retracted.id, reason: 'wrong' }]);
    const acmeLinks = graph.graph.outEdges('Company:acme');
    expect(graph.graph.edges().filter((key) => acmeLinks.includes(key))).not.toEqual(acmeLinks);

    const folder = await tempDir('claimgraph-state-');
    try {
      const file = path.join(folder.dir, 'graph.snapshot');
      writeSnapshot(file, graph.state(), { origin: 'test', seq: 1, batch: 1, at: '2024-01-01T00:00:00.000Z', actor: 'test' });
      const restored = KnowledgeGraph.fromState(openSnapshot(file)!.state(), RATES, new SearchIndex());
      const links = (g: KnowledgeGraph) => g.graph.mapNodes((node) => [node, g.graph.edges(node)]);
      expect(links(restored)).toEqual(links(graph));
      expect(restored.graph.outEdges('Company:acme')).toEqual(acmeLinks);
      for (const e of ENTITIES) expect(restored.related(e.id)).toEqual(graph.related(e.id));
      expect(restored.claims({ includeDeprecated: true })).toEqual(graph.claims({ includeDeprecated: true }));
      expect(restored.history(retracted.id)).toEqual(graph.history(retracted.id));
      expect(restored.version).toBe(graph.version);
    } finally {
      await folder.remove();
    }
  });

  it('gives every quote back exactly: accents, other scripts, emoji, a lone surrogate', async () => {
    const quotes = ['Acme pays 42,000 €', 'Лейка и Сяоми', 'ライカ 📷 camera', 'broken \uD800 half'];
    const odd = article('odd', `${quotes.join('. ')}.`, '2022-10');
    const graph = new KnowledgeGraph(RATES);
    graph.apply([...FACTS, { type: 'ArticleAdded', article: odd }]);
    graph.apply(quotes.map((quote, n) => stated({ subject: 'Company:acme', predicate: 'UNITS_PRODUCED', object: null, value: { type: 'Quantity', amount: n + 1, unit: 'unit', approximate: false } }, odd, quote)));
    const folder = await tempDir('claimgraph-quotes-');
    try {
      const file = path.join(folder.dir, 'graph.snapshot');
      writeSnapshot(file, graph.state(), { origin: 'test', seq: 1, batch: 1, at: '2024-01-01T00:00:00.000Z', actor: 'test' });
      const restored = KnowledgeGraph.fromState(openSnapshot(file)!.state(), RATES, new SearchIndex());
      const restoredQuotes = restored.claims({ article: odd.id }).map((c) => c.evidence.map((e) => e.quote));
      expect(restoredQuotes).toEqual(quotes.map((quote) => [quote]));
      expect(restored.claims({ includeDeprecated: true })).toEqual(graph.claims({ includeDeprecated: true }));
    } finally {
      await folder.remove();
    }
  });

  it('writes the claims and index keys a restored graph has not read as they were restored, without building them', async () => {
    const quotes = ['Acme pays 42,000 €', 'Лейка и Сяоми', 'ライカ 📷 camera', 'broken \uD800 half', 'Acme again'];
    const odd = article('odd', `${quotes.join('. ')}.`, '2022-10');
    const units = (n: number, quote: string, on = odd) =>
      stated({ subject: 'Company:acme', predicate: 'UNITS_PRODUCED', object: null, value: { type: 'Quantity', amount: n, unit: 'unit', approximate: false } }, on, quote);
    const live = new KnowledgeGraph(RATES);
    live.apply([...FACTS, { type: 'ArticleAdded', article: odd }]);
    live.apply(quotes.slice(0, 4).map((quote, n) => units(n + 1, quote)));
    const retracted = live.claims({ article: odd.id })[1]!.statement.id;
    live.apply([{ type: 'ClaimRetracted', claimId: retracted, reason: 'misread' }]);
    const folder = await tempDir('claimgraph-rows-');
    const position = { origin: 'test', seq: 1, batch: 1, at: '2024-01-01T00:00:00.000Z', actor: 'test' };
    const tableOf = async (file: string) => {
      const bytes = await readFile(file);
      return (deserialize(bytes.subarray(readHeader(bytes).payloadAt)) as { strings: (string | null)[] }).strings;
    };
    try {
      const first = path.join(folder.dir, 'first.snapshot');
      writeSnapshot(first, live.state(), position);
      const restored = KnowledgeGraph.fromState(openSnapshot(first)!.state(), RATES, new SearchIndex());
      // The same writes to both: a new claim, evidence on a restored one, an alias, a retraction.
      const more: Fact[] = [
        units(9, 'Acme again'),
        units(1, 'Acme partners with Lensco', C),
        { type: 'AliasAdded', entityId: 'Company:lensco', alias: 'Lensco Optics' },
      ];
      for (const graph of [live, restored]) graph.apply(more);
      const read = live.claims({ subject: 'Product:widget' })[0]!.statement.id;
      expect(restored.claim(read)).toEqual(live.claim(read));
      const unread = restored.unreadClaims;
      expect(unread).toBeGreaterThan(0);
      expect(unread).toBeLessThan(restored.count('Claim'));

      const second = path.join(folder.dir, 'second.snapshot');
      writeSnapshot(second, restored.state(), position);
      expect(restored.unreadClaims).toBe(unread);
      const again = KnowledgeGraph.fromState(openSnapshot(second)!.state(), RATES, new SearchIndex());
      expect(again.claims({ includeDeprecated: true })).toEqual(live.claims({ includeDeprecated: true }));
      expect(again.claims({ article: odd.id, includeDeprecated: true }).flatMap((c) => c.evidence.map((e) => e.quote)).sort()).toEqual([...quotes, 'Acme partners with Lensco'].sort());
      expect(again.history(retracted)).toEqual(live.history(retracted));
      for (const e of [...ENTITIES, entity('Company:lensco', 'Lensco Optics')]) {
        expect(again.entitiesByName(e.name)).toEqual(live.entitiesByName(e.name));
        expect(again.claimIdsOf(e.id, 'ANY')).toEqual(live.claimIdsOf(e.id, 'ANY'));
        expect(again.claimsCredited(e.id)).toEqual(live.claimsCredited(e.id));
        expect(again.related(e.id)).toEqual(live.related(e.id));
      }
      for (const a of [A, C, odd]) expect(again.claims({ article: a.id, includeDeprecated: true })).toEqual(live.claims({ article: a.id, includeDeprecated: true }));

      // Every string once, and the same strings as a snapshot of the graph that built every record.
      const built = path.join(folder.dir, 'built.snapshot');
      writeSnapshot(built, live.state(), position);
      const [fromRows, fromRecords] = [await tableOf(second), await tableOf(built)];
      expect(new Set(fromRows).size).toBe(fromRows.length);
      expect(new Set(fromRows)).toEqual(new Set(fromRecords));
    } finally {
      await folder.remove();
    }
  });

  it('files an index key restored with many IDs as the live graph does once a merge cuts and refiles them', async () => {
    const units = (subject: string, amount: number) =>
      stated({ subject, predicate: 'UNITS_PRODUCED', object: null, value: { type: 'Quantity', amount, unit: 'unit', approximate: false } }, A, 'Acme made 10 units');
    const graph = new KnowledgeGraph(RATES);
    graph.apply([...FACTS, { type: 'EntityAdded', entity: entity('Product:gadget', 'Gadget') }]);
    // Thirty claims of one predicate: more than an index keeps in a small array.
    graph.apply(Array.from({ length: 30 }, (_, n) => units(n % 2 ? 'Product:gadget' : 'Product:widget', 100 + n)));
    const folder = await tempDir('claimgraph-index-');
    try {
      const file = path.join(folder.dir, 'graph.snapshot');
      writeSnapshot(file, graph.state(), { origin: 'test', seq: 1, batch: 1, at: '2024-01-01T00:00:00.000Z', actor: 'test' });
      const restored = KnowledgeGraph.fromState(openSnapshot(file)!.state(), RATES, new SearchIndex());
      const merge: Fact = { type: 'EntitiesMerged', keep: 'Product:widget', merge: 'Product:gadget' };
      graph.apply([merge]);
      restored.apply([merge]);
      const filed = (g: KnowledgeGraph) => listedIds(g.state().indexes.claimsByPredicate);
      expect(filed(restored)).toEqual(filed(graph));
      const byPredicate = filed(restored).find(([key]) => key === 'UNITS_PRODUCED')![1] as string[];
      expect(byPredicate).toHaveLength(31);
      expect(restored.claims({ predicate: 'UNITS_PRODUCED' })).toEqual(graph.claims({ predicate: 'UNITS_PRODUCED' }));
    } finally {
      await folder.remove();
    }
  });
});
