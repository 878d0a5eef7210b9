/**
 * In-process GraphQL client over the seed corpus: the real schema and server, called through
 * `yoga.fetch` without a network.
 */

import { loadConfig } from '../../src/config.ts';
import { loadGraph } from '../../src/server/load-graph.ts';
import { createServer } from '../../src/server/yoga.ts';
import type { KnowledgeGraph } from '../../src/graph/index.ts';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: string[] }[];
}

export async function seedClient() {
  const config = loadConfig({});
  const graph: KnowledgeGraph = await loadGraph(config.dataDir);
  const yoga = createServer(graph, { env: 'test', graphiql: false });
  async function query<T = any>(text: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
    const response = await yoga.fetch('http://claimgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: text, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  }
  /** Runs a query that must succeed and returns its data. */
  async function data<T = any>(text: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await query<T>(text, variables);
    if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data!;
  }
  return { graph, yoga, query, data };
}
