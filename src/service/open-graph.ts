/**
 * Opening the graph: the fact log is the system of record. On first start an empty log is
 * filled from the corpus in data/. Every start then rebuilds the graph from the log: from the
 * snapshot beside it (see src/graph/snapshot.ts) and the facts after it when there is a
 * snapshot of this log, else by replaying the whole log batch by batch, so the graph always
 * equals what the log holds. A start that replayed many facts writes a new snapshot, and so
 * does a server that stops with many facts applied since its snapshot (`snapshotIfBehind`).
 */

import { loadCorpus, loadRates } from '../corpus/index.ts';
import { KnowledgeGraph, SearchIndex } from '../graph/index.ts';
import { SnapshotError, openSnapshot, snapshotPathOf, writeSnapshot, type SnapshotHeader } from '../graph/snapshot.ts';
import type { RateTable } from '../model/index.ts';
import { SqliteFactLog, type FactLog, type StoredFact } from '../store/index.ts';

export interface OpenGraphOptions {
  storePath: string;
  dataDir: string;
  /**
   * Write a snapshot after a start that replayed at least this many facts (default
   * SNAPSHOT_AFTER_FACTS); `false` neither reads nor writes snapshots.
   */
  snapshotAfter?: number | false;
}

export interface OpenedGraph {
  graph: KnowledgeGraph;
  store: FactLog;
  /** True when this start filled an empty log from data/. */
  seeded: boolean;
  /** How the graph was built. */
  loaded: LoadReport;
}

export interface LoadReport {
  /** The log position of the snapshot the graph started from; 0 when it replayed the whole log. */
  snapshotSeq: number;
  /** Why a snapshot beside the log was not used, when there was one. */
  snapshotRefused: string | null;
  /** Facts replayed from the log. */
  replayed: number;
  /** Size in bytes of the snapshot this start wrote, if it wrote one. */
  snapshotWritten: number | null;
  /**
   * The log position the snapshot beside the log covers once the start is done: the one it was
   * restored from or the one it wrote; 0 when there is none.
   */
  coveredSeq: number;
  /** True when this start wrote a snapshot and serves the graph restored from it (see `loadGraph`). */
  servesWritten: boolean;
}

export const CORPUS_ACTOR = 'corpus';

/** A start that replays this many facts or more writes a snapshot, so the next one need not. */
export const SNAPSHOT_AFTER_FACTS = 20_000;

/** Where the search index of a log is kept: beside it, or in memory for a log in memory. */
export function searchPathOf(storePath: string): string {
  return storePath === ':memory:' ? ':memory:' : storePath.replace(/(\.sqlite)?$/, '.search.sqlite');
}

/** Names a log by its first record, so an index built from another log is not mistaken for its own. */
async function originOf(store: FactLog): Promise<string> {
  for await (const first of store.read(0)) return `${first.at} ${first.actor} ${first.batch}`;
  return '';
}

type Position = Omit<StoredFact, 'fact'>;

/**
 * Applies the log's facts after `afterSeq` to the graph, batch by batch. What the search
 * index already holds (article bodies, mentions) is not read again. Returns how many facts
 * were applied and the last of them.
 */
async function replayInto(graph: KnowledgeGraph, store: FactLog, afterSeq: number): Promise<{ replayed: number; last: Position | null }> {
  return graph.search.bulk(async () => {
    let batch: { facts: Parameters<KnowledgeGraph['apply']>[0][number][]; seqs: number[]; at: string; actor: string; id: number } | null = null;
    let replayed = 0;
    let last: Position | null = null;
    const flush = () => {
      if (batch) graph.apply(batch.facts, { seqs: batch.seqs, at: batch.at, actor: batch.actor });
      batch = null;
    };
    for await (const stored of store.readForReplay(afterSeq, graph.search.indexedSeq)) {
      if (!batch || batch.id !== stored.batch) {
        flush();
        batch = { facts: [], seqs: [], at: stored.at, actor: stored.actor, id: stored.batch };
      }
      batch.facts.push(stored.fact);
      batch.seqs.push(stored.seq);
      replayed++;
      last = { seq: stored.seq, batch: stored.batch, at: stored.at, actor: stored.actor };
    }
    flush();
    return { replayed, last };
  });
}

/** Replays every fact of the log into a new graph; the search index catches up on what it lacks. */
export async function replay(store: FactLog, rates: RateTable, searchPath = ':memory:'): Promise<KnowledgeGraph> {
  const graph = new KnowledgeGraph(rates, new SearchIndex(searchPath, await originOf(store)));
  await replayInto(graph, store, 0);
  return graph;
}

/** The stored fact at `seq`, or null when the log has none there. */
async function factAt(store: FactLog, seq: number): Promise<StoredFact | null> {
  if (seq < 1) return null;
  for await (const stored of store.read(seq - 1)) return stored.seq === seq ? stored : null;
  return null;
}

/** Why a snapshot cannot stand for the start of this log, or null when it can. */
async function snapshotMismatch(header: SnapshotHeader, store: FactLog, origin: string, indexedSeq: number): Promise<string | null> {
  if (header.origin !== origin) return 'it was taken of another log';
  if (header.seq > store.lastSeq()) return `it covers the log up to seq ${header.seq}, past the log's end at ${store.lastSeq()}`;
  const fact = await factAt(store, header.seq);
  if (!fact || fact.batch !== header.batch || fact.at !== header.at || fact.actor !== header.actor) {
    return `the log's fact at seq ${header.seq} is not the one the snapshot ends at`;
  }
  if (header.seq > indexedSeq) return `the search index covers the log up to seq ${indexedSeq} only`;
  return null;
}

/** The last seq of the batch `position` is in: a replay may have skipped its mentions. */
async function batchEnd(store: FactLog, position: Position): Promise<number> {
  let end = position.seq;
  for await (const stored of store.read(position.seq)) {
    if (stored.batch !== position.batch) break;
    end = stored.seq;
  }
  return end;
}

/**
 * The graph of the log: from its snapshot and the facts after it if it can, else from the whole
 * log. A start that writes a snapshot then serves the graph restored from it, as the next start
 * would: a replayed graph holds every claim as a record, where a restored one keeps claims in
 * the snapshot's columns until they are read. At 1,000,000 claims the first start's replayed
 * graph held 1,679 MB of heap after the load and the graph it now serves 742 MB; serving the mix,
 * the replayed graph's full collections held requests for seconds (p99 3,050 ms at 527
 * requests/s on one core, against 77 ms at 1,005 requests/s now).
 */
async function loadGraph(store: FactLog, rates: RateTable, storePath: string, snapshotAfter: number | false): Promise<{ graph: KnowledgeGraph; loaded: LoadReport }> {
  const origin = await originOf(store);
  const searchPath = searchPathOf(storePath);
  const useSnapshots = snapshotAfter !== false && storePath !== ':memory:';
  const snapshotPath = snapshotPathOf(storePath);
  const loaded: LoadReport = { snapshotSeq: 0, snapshotRefused: null, replayed: 0, snapshotWritten: null, coveredSeq: 0, servesWritten: false };
  let search = new SearchIndex(searchPath, origin);
  /** The graph from the snapshot beside the log, or null when it is missing or refused (and said why). */
  const restored = async (): Promise<KnowledgeGraph | null> => {
    try {
      const snapshot = openSnapshot(snapshotPath);
      if (!snapshot) return null;
      const mismatch = await snapshotMismatch(snapshot.header, store, origin, search.indexedSeq);
      if (mismatch) throw new SnapshotError(mismatch);
      const graph = KnowledgeGraph.fromState(snapshot.state(), rates, search);
      loaded.snapshotSeq = loaded.coveredSeq = snapshot.header.seq;
      return graph;
    } catch (error) {
      loaded.snapshotRefused = error instanceof Error ? error.message : String(error);
      console.warn(`claimgraph: the snapshot ${snapshotPath} is not used, the whole log is replayed: ${loaded.snapshotRefused}`);
      if (!(error instanceof SnapshotError)) {
        // Restoring may have begun filling the search index's in-memory names: start afresh.
        search.close();
        search = new SearchIndex(searchPath, origin);
      }
      return null;
    }
  };
  let graph: KnowledgeGraph | null = (useSnapshots ? await restored() : null) ?? new KnowledgeGraph(rates, search);
  const { replayed, last } = await replayInto(graph, store, loaded.snapshotSeq);
  loaded.replayed = replayed;
  if (useSnapshots && last && replayed >= snapshotAfter) {
    const written = await writeThrough(graph, store, snapshotPath, origin, last);
    if (written) {
      loaded.snapshotWritten = written.bytes;
      loaded.coveredSeq = written.seq;
      graph = null; // let go before the restored graph is built, so the two are never both live
      const reopened = await restored();
      loaded.servesWritten = reopened !== null;
      if (!reopened) loaded.snapshotSeq = 0;
      graph = reopened ?? new KnowledgeGraph(rates, search);
      // The log past the snapshot (nothing, unless another process appended), or all of it again.
      loaded.replayed += (await replayInto(graph, store, loaded.snapshotSeq)).replayed;
    }
  }
  return { graph, loaded };
}

export interface SnapshotWritten {
  /** The log position it covers. */
  seq: number;
  /** Its size in bytes. */
  bytes: number;
}

/**
 * Writes a snapshot of the graph covering the log to the end of the batch `last` is in, when
 * the search index covers that too. Null when it does not, or when the write failed (with a
 * warning; the snapshot already there is kept).
 */
async function writeThrough(graph: KnowledgeGraph, store: FactLog, snapshotPath: string, origin: string, last: Position): Promise<SnapshotWritten | null> {
  try {
    const seq = await batchEnd(store, last);
    if (seq > graph.search.indexedSeq) return null;
    return { seq, bytes: writeSnapshot(snapshotPath, graph.state(), { origin, ...last, seq }) };
  } catch (error) {
    console.warn(`claimgraph: could not write the snapshot ${snapshotPath}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/**
 * Writes a snapshot of `graph` as it stands, covering the log up to the last batch it applied
 * (`appliedSeq`), when that is at least `after` facts, and at least one, past `coveredSeq` (the
 * position of the snapshot beside the log): the next start then restores it instead of
 * replaying those facts. For a server that is stopping, since writing takes time in proportion
 * to the graph and the graph must not change meanwhile. Null when nothing was written: too few
 * new facts, snapshots off (`after` false, or a log in memory), a search index behind the
 * graph, or a write that failed (with a warning; the snapshot already there is kept).
 */
export async function snapshotIfBehind(
  graph: KnowledgeGraph,
  store: FactLog,
  storePath: string,
  coveredSeq: number,
  after: number | false = SNAPSHOT_AFTER_FACTS,
): Promise<SnapshotWritten | null> {
  if (after === false || storePath === ':memory:' || graph.appliedSeq - coveredSeq < Math.max(after, 1)) return null;
  const applied = await factAt(store, graph.appliedSeq);
  if (!applied) return null;
  const last = { seq: applied.seq, batch: applied.batch, at: applied.at, actor: applied.actor };
  return writeThrough(graph, store, snapshotPathOf(storePath), await originOf(store), last);
}

export async function openGraph(options: OpenGraphOptions): Promise<OpenedGraph> {
  // No separate integrity pass: the replay reads the log through, and a damaged page fails it.
  const store = SqliteFactLog.open(options.storePath, { integrityCheck: false });
  try {
    let seeded = false;
    if (store.isEmpty()) {
      const corpus = await loadCorpus(options.dataDir);
      await store.append(corpus.facts, { actor: CORPUS_ACTOR });
      seeded = true;
    }
    const rates = await loadRates(options.dataDir);
    const { graph, loaded } = await loadGraph(store, rates, options.storePath, options.snapshotAfter ?? SNAPSHOT_AFTER_FACTS);
    return { graph, store, seeded, loaded };
  } catch (error) {
    await store.close();
    throw error;
  }
}
