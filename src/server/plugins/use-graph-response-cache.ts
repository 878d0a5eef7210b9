/**
 * A response cache for reads, exact across writes: every answer is cached under the graph's
 * version, which every applied write bumps, so after a write no earlier answer can be served
 * again. Entries are few and recent (an LRU of `max` answers); mutations and subscriptions are
 * never cached. `max: 0` turns it off.
 */

import { createInMemoryCache, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import type { Plugin } from 'graphql-yoga';
import type { KnowledgeGraph } from '../../graph/index.ts';

export interface GraphResponseCacheOptions {
  graph: KnowledgeGraph;
  /** Most answers kept; 0 for no cache. */
  max?: number;
  /** Say in each answer's extensions whether it came from the cache (for tests and debugging). */
  exposeHits?: boolean;
}

export function useGraphResponseCache({ graph, max = 10_000, exposeHits = false }: GraphResponseCacheOptions): Plugin {
  if (max <= 0) return {};
  return useResponseCache({
    cache: createInMemoryCache({ max }),
    // The "session" is the graph version: one shared cache for everyone, renewed by each write.
    session: () => `graph@${graph.version}`,
    ttl: Infinity,
    invalidateViaMutation: false,
    includeExtensionMetadata: exposeHits,
  });
}
