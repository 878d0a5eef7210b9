/**
 * Opening the graph: the fact log is the system of record. On first start an empty log is
 * filled from the corpus in data/; every start then replays the log into a fresh graph,
 * batch by batch, so the graph always equals what the log holds.
 */

import { loadCorpus, loadRates } from '../corpus/index.ts';
import { KnowledgeGraph, SearchIndex } from '../graph/index.ts';
import type { RateTable } from '../model/index.ts';
import { SqliteFactLog, type FactLog } from '../store/index.ts';

export interface OpenedGraph {
  graph: KnowledgeGraph;
  store: FactLog;
  /** True when this start filled an empty log from data/. */
  seeded: boolean;
}

export const CORPUS_ACTOR = 'corpus';

/** Where the search index of a log is kept: beside it, or in memory for a log in memory. */
export function searchPathOf(storePath: string): string {
  return storePath === ':memory:' ? ':memory:' : storePath.replace(/(\.sqlite)?$/, '.search.sqlite');
}

/** Names a log by its first record, so an index built from another log is not mistaken for its own. */
async function originOf(store: FactLog): Promise<string> {
  for await (const first of store.read(0)) return `${first.at} ${first.actor} ${first.batch}`;
  return '';
}

/** Replays every fact of the log into a new graph; the search index catches up on what it lacks. */
export async function replay(store: FactLog, rates: RateTable, searchPath = ':memory:'): Promise<KnowledgeGraph> {
  const graph = new KnowledgeGraph(rates, new SearchIndex(searchPath, await originOf(store)));
  let batch: { facts: Parameters<KnowledgeGraph['apply']>[0][number][]; seqs: number[]; at: string; actor: string; id: number } | null = null;
  const flush = () => {
    if (batch) graph.apply(batch.facts, { seqs: batch.seqs, at: batch.at, actor: batch.actor });
    batch = null;
  };
  // What the search index already holds (article bodies, mentions) need not be read again.
  for await (const stored of store.readForReplay(0, graph.search.indexedSeq)) {
    if (!batch || batch.id !== stored.batch) {
      flush();
      batch = { facts: [], seqs: [], at: stored.at, actor: stored.actor, id: stored.batch };
    }
    batch.facts.push(stored.fact);
    batch.seqs.push(stored.seq);
  }
  flush();
  return graph;
}

export async function openGraph(options: { storePath: string; dataDir: string }): Promise<OpenedGraph> {
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
    return { graph: await replay(store, rates, searchPathOf(options.storePath)), store, seeded };
  } catch (error) {
    await store.close();
    throw error;
  }
}
