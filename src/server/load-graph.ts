/**
 * Builds the knowledge graph from the corpus in data/.
 */

import { loadCorpus } from '../corpus/index.ts';
import { KnowledgeGraph } from '../graph/index.ts';

export async function loadGraph(dataDir: string): Promise<KnowledgeGraph> {
  const corpus = await loadCorpus(dataDir);
  const graph = new KnowledgeGraph(corpus.rates);
  graph.apply(corpus.facts, { actor: 'corpus' });
  return graph;
}
