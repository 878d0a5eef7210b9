/**
 * The configured GraphQL server, not listening: tests call `yoga.fetch` in-process and
 * main.ts hands it to an HTTP server.
 */

import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Config } from '../config.ts';
import type { KnowledgeGraph } from '../graph/index.ts';
import { schema, type Context } from '../graphql/index.ts';

export type ClaimgraphServer = YogaServerInstance<Record<string, never>, Context>;

export function createServer(graph: KnowledgeGraph, config: Pick<Config, 'env' | 'graphiql'>): ClaimgraphServer {
  return createYoga<Record<string, never>, Context>({
    schema,
    context: () => ({ graph }),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: config.graphiql
      ? {
          title: 'claimgraph',
          defaultQuery: EXAMPLE_QUERY,
        }
      : false,
    // Expected errors carry their own message and code; anything unexpected is masked
    // outside development so internals never reach a client.
    maskedErrors: config.env === 'development' ? { isDev: true } : true,
  });
}

const EXAMPLE_QUERY = `# Which articles say the Xiaomi 12S Ultra Concept cost about $40,000 a unit,
# in which words, and whom do they credit?
query UnitCost {
  entity(name: "Xiaomi 12S Ultra Concept") {
    name
    claims(predicate: UNIT_COST) {
      totalCount
      edges {
        node {
          text
          value { ... on Money { amount currency usd { amount rateMonth } } }
          evidence { quote start end modality attributedTo { name } article { title } }
          corroboration { articleCount independentSourceCount }
        }
      }
    }
  }
}
`;
