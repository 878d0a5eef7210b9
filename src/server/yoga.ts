/**
 * The configured GraphQL server, not listening: tests call `yoga.fetch` in-process and
 * main.ts hands it to an HTTP server.
 */

import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Config } from '../config.ts';
import type { KnowledgeGraph } from '../graph/index.ts';
import { schema, type Context } from '../graphql/index.ts';
import type { GraphWriter } from '../service/graph-writer.ts';
import { viewerOf } from './auth/viewer.ts';
import type { ConfiguredToken } from './auth/index.ts';

export type ClaimgraphServer = YogaServerInstance<Record<string, never>, Context>;

export interface ServerServices {
  /** Takes writes; without it the API is read-only and mutations say so. */
  writer?: GraphWriter | null;
  /** Bearer tokens accepted for writes (and reads, when reads need a token). */
  tokens?: readonly ConfiguredToken[];
  /** Reads need a token with the read scope. Off by default: reads are open. */
  readRequiresToken?: boolean;
}

export function createServer(
  graph: KnowledgeGraph,
  config: Pick<Config, 'env' | 'graphiql'>,
  services: ServerServices = {},
): ClaimgraphServer {
  const tokens = services.tokens ?? [];
  return createYoga<Record<string, never>, Context>({
    schema,
    context: ({ request }) => ({
      graph,
      writer: services.writer ?? null,
      viewer: viewerOf(request.headers.get('authorization'), tokens, services.readRequiresToken ?? false),
    }),
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
