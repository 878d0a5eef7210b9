import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { KnowledgeGraph, SearchIndex } from '../../src/graph/index.ts';
import { FACTS, RATES } from './fixtures.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Builds a graph on `search`, reads every article's body many times, and returns a weak reference to it. */
function usedGraph(search: SearchIndex): WeakRef<KnowledgeGraph> {
  const graph = new KnowledgeGraph(RATES, search);
  graph.apply(FACTS);
  let length = 0;
  for (let i = 0; i < 5_000; i++) for (const article of graph.articles()) length += article.body.length;
  expect(length).toBeGreaterThan(0);
  return new WeakRef(graph);
}

describe('a graph let go', () => {
  it('is freed by one full collection while its search index lives on', async () => {
    const search = new SearchIndex();
    try {
      const dropped = usedGraph(search);
      // A weak reference holds its target until the current job ends.
      await new Promise((resolve) => setImmediate(resolve));
      gc();
      expect(dropped.deref()).toBeUndefined();
    } finally {
      search.close();
    }
  });
});
