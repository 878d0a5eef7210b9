/**
 * The configured GraphQL server, not listening: tests call `yoga.fetch` in-process and
 * main.ts hands it to an HTTP server.
 */

import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { pino, type Logger } from 'pino';
import { DEFAULT_LIMITS, type Config } from '../config.ts';
import type { KnowledgeGraph } from '../graph/index.ts';
import { schema, type Context } from '../graphql/index.ts';
import type { GraphWriter } from '../service/graph-writer.ts';
import { viewerOf } from './auth/viewer.ts';
import type { ConfiguredToken } from './auth/index.ts';
import { DirectExecution, type ExecutionParts } from './direct-execution.ts';
import { CompiledOperations, useCompiledExecution } from './plugins/use-compiled-execution.ts';
import { CostLimit, useCostLimit } from './plugins/use-cost-limit.ts';
import { useCsrfPrevention } from './plugins/use-csrf-prevention.ts';
import { useIntrospectionSwitch } from './plugins/use-introspection-switch.ts';
import { renderLocalGraphiQL, useLocalGraphiQL } from './plugins/use-local-graphiql.ts';
import { useQueryLimits } from './plugins/use-query-limits.ts';
import { REQUEST_ID_HEADER, useRequestId } from './plugins/use-request-id.ts';
import { useRequestLog } from './plugins/use-request-log.ts';
import { useVariableCheck } from './plugins/use-variable-check.ts';
import { TimeBudget, useTimeBudget } from './plugins/use-time-budget.ts';
import { maskUnexpectedError, useUnexpectedErrorLog } from './plugins/use-unexpected-error-log.ts';

export type ClaimgraphServer = YogaServerInstance<Record<string, never>, Context>;

export interface ServerServices {
  /** Takes writes; without it the API is read-only and mutations say so. */
  writer?: GraphWriter | null;
  /** Bearer tokens accepted for writes (and reads, when reads need a token). */
  tokens?: readonly ConfiguredToken[];
  /** Reads need a token with the read scope. Off by default: reads are open. */
  readRequiresToken?: boolean;
  /** Where request lines and unexpected errors go; silent when absent. */
  logger?: Logger;
}

/** Settings with safe defaults when a caller (a test) leaves them out. */
export type ServerConfig = Pick<Config, 'env' | 'graphiql'> &
  Partial<Pick<Config, 'introspection' | 'corsOrigins' | 'csrfPrevention' | 'limits'>>;

export function createServer(
  graph: KnowledgeGraph,
  config: ServerConfig,
  services: ServerServices = {},
): ClaimgraphServer {
  const tokens = services.tokens ?? [];
  const limits = { ...DEFAULT_LIMITS, ...config.limits };
  const logger = services.logger ?? pino({ level: 'silent' });
  const yogaLogger = logger.child({ component: 'yoga' });
  const corsOrigins = config.corsOrigins ?? (config.env === 'production' ? [] : '*');
  const parts: ExecutionParts = {
    compiled: new CompiledOperations(),
    costLimit: new CostLimit({ maxCost: limits.maxCost }),
    budget: new TimeBudget({ budgetMs: limits.timeBudgetMs }),
  };
  const yoga = createYoga<Record<string, never>, Context>({
    schema,
    context: ({ request }) => ({
      graph,
      writer: services.writer ?? null,
      viewer: viewerOf(request.headers.get('authorization'), tokens, services.readRequiresToken ?? false),
    }),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    renderGraphiQL: renderLocalGraphiQL,
    graphiql: config.graphiql
      ? {
          title: 'claimgraph',
          defaultQuery: EXAMPLE_QUERY,
        }
      : false,
    // Expected errors carry their own message and code; anything unexpected is masked
    // outside development so internals never reach a client.
    maskedErrors: { isDev: config.env === 'development', maskError: maskUnexpectedError },
    // Unexpected errors are logged once, with their request ID, by useUnexpectedErrorLog.
    logging: {
      debug: (...args) => yogaLogger.debug(args.map(String).join(' ')),
      info: (...args) => yogaLogger.info(args.map(String).join(' ')),
      warn: (...args) => yogaLogger.warn(args.map(String).join(' ')),
      error: (...args) => yogaLogger.debug(args.map(String).join(' ')),
    },
    maxRequestBodySize: limits.maxBodyBytes,
    batching: limits.maxBatch > 0 ? { limit: limits.maxBatch } : false,
    cors:
      corsOrigins === '*' || corsOrigins.length > 0
        ? { origin: corsOrigins, credentials: false, methods: ['GET', 'POST'], exposedHeaders: [REQUEST_ID_HEADER] }
        : false,
    plugins: [
      ...(config.graphiql ? [useLocalGraphiQL()] : []),
      useRequestId(),
      useRequestLog({ logger }),
      useUnexpectedErrorLog({ logger }),
      useCsrfPrevention({ enabled: config.csrfPrevention ?? true }),
      useQueryLimits({
        maxLength: limits.maxQueryLength,
        maxTokens: limits.maxTokens,
        maxDepth: limits.maxDepth,
        maxAliases: limits.maxAliases,
        maxDirectives: limits.maxDirectives,
      }),
      useIntrospectionSwitch({ enabled: config.introspection ?? config.env !== 'production' }),
      useCostLimit(parts.costLimit),
      useTimeBudget(parts.budget),
      // Compiled execution (graphql-jit), after a graphql-js check of the variables it would
      // otherwise report as execution errors.
      useVariableCheck(),
      useCompiledExecution(parts.compiled),
    ],
  });
  directExecutions.set(yoga, new DirectExecution(parts));
  return yoga;
}

const directExecutions = new WeakMap<ClaimgraphServer, DirectExecution>();

/**
 * How the direct path (direct-query.ts) runs a query on this server: with the same compiled
 * operations, cost limit and time budget as the server's own plugins.
 */
export function directExecutionOf(yoga: ClaimgraphServer): DirectExecution {
  const execution = directExecutions.get(yoga);
  if (!execution) throw new Error('directExecutionOf: not a server made by createServer');
  return execution;
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
