/**
 * Configuration: read once from the environment, validated, typed. This is the only module
 * that reads process.env; a bad setting stops start-up with every problem listed.
 */

import path from 'node:path';
import { z } from 'zod';
import { TokenConfigError, parseTokenConfig, type ConfiguredToken } from './server/auth/index.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** What the API refuses, with safe defaults; README "Limits" lists them. */
export interface Limits {
  /** Highest query cost accepted (limits/claimgraph-costs.ts says how cost is counted). */
  maxCost: number;
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  /** Characters in the query text. */
  maxQueryLength: number;
  /** Bytes in a request body. */
  maxBodyBytes: number;
  /** Operations in one batched request; 0 turns batching off. */
  maxBatch: number;
  /** Milliseconds an operation may run before it is stopped. */
  timeBudgetMs: number;
  /** Answers kept in the response cache; 0 turns it off. */
  responseCacheSize: number;
  /** Mebibytes of answers kept in the response cache. */
  responseCacheMb: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = {
  maxCost: 50_000,
  maxDepth: 12,
  maxAliases: 20,
  maxTokens: 2_000,
  maxDirectives: 20,
  maxQueryLength: 15_000,
  maxBodyBytes: 100_000,
  maxBatch: 0,
  timeBudgetMs: 1_000,
  responseCacheSize: 10_000,
  responseCacheMb: 256,
};

const limit = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);

const environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('localhost'),
  CLAIMGRAPH_ENV: z.enum(['development', 'production', 'test']).optional(),
  NODE_ENV: z.string().optional(),
  CLAIMGRAPH_DATA_DIR: z.string().min(1).default(path.join(ROOT, 'data')),
  CLAIMGRAPH_GRAPHIQL: flag.optional(),
  CLAIMGRAPH_STORE: z.string().min(1).default(path.join(ROOT, 'var', 'claimgraph.sqlite')),
  CLAIMGRAPH_TOKENS: z.string().default(''),
  CLAIMGRAPH_READ_REQUIRES_TOKEN: flag.default(false),
  CLAIMGRAPH_INTROSPECTION: flag.optional(),
  CLAIMGRAPH_CORS_ORIGINS: z.string().optional(),
  CLAIMGRAPH_CSRF_PREVENTION: flag.default(true),
  CLAIMGRAPH_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CLAIMGRAPH_MAX_COST: limit(DEFAULT_LIMITS.maxCost),
  CLAIMGRAPH_MAX_DEPTH: limit(DEFAULT_LIMITS.maxDepth),
  CLAIMGRAPH_MAX_ALIASES: limit(DEFAULT_LIMITS.maxAliases, 0),
  CLAIMGRAPH_MAX_TOKENS: limit(DEFAULT_LIMITS.maxTokens),
  CLAIMGRAPH_MAX_DIRECTIVES: limit(DEFAULT_LIMITS.maxDirectives, 0),
  CLAIMGRAPH_MAX_QUERY_LENGTH: limit(DEFAULT_LIMITS.maxQueryLength),
  CLAIMGRAPH_MAX_BODY_BYTES: limit(DEFAULT_LIMITS.maxBodyBytes),
  CLAIMGRAPH_MAX_BATCH: limit(DEFAULT_LIMITS.maxBatch, 0),
  CLAIMGRAPH_TIME_BUDGET_MS: limit(DEFAULT_LIMITS.timeBudgetMs),
  CLAIMGRAPH_RESPONSE_CACHE_SIZE: limit(DEFAULT_LIMITS.responseCacheSize, 0),
  CLAIMGRAPH_RESPONSE_CACHE_MB: limit(DEFAULT_LIMITS.responseCacheMb),
  CLAIMGRAPH_SNAPSHOT_AFTER_FACTS: z.coerce.number().int().min(0).optional(),
});

export interface Config {
  port: number;
  host: string;
  env: 'development' | 'production' | 'test';
  dataDir: string;
  graphiql: boolean;
  /** The SQLite fact log; `:memory:` keeps it in memory (nothing survives a restart). */
  storePath: string;
  /** Bearer tokens, as configured: names, scopes and sha256 digests, never the tokens. */
  tokens: ConfiguredToken[];
  readRequiresToken: boolean;
  /** `__schema` and `__type` answered, and "Did you mean" hints given; off in production. */
  introspection: boolean;
  /** Origins browsers may call from: a list, `'*'` for any, or none (same origin only). */
  corsOrigins: string[] | '*';
  /** Refuse GET and simple POST requests without a CSRF header (`x-graphql-yoga-csrf`). */
  csrfPrevention: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  limits: Limits;
  /**
   * Facts, at least, that a start replays or a stopping server has applied beyond the snapshot
   * beside the log before it writes a new one; open-graph.ts's SNAPSHOT_AFTER_FACTS when unset.
   */
  snapshotAfter?: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  let tokens: ConfiguredToken[];
  try {
    tokens = parseTokenConfig(e.CLAIMGRAPH_TOKENS);
  } catch (error) {
    if (error instanceof TokenConfigError) throw new ConfigError(error.problems.map((p) => `CLAIMGRAPH_TOKENS: ${p}`));
    throw error;
  }
  const mode = e.CLAIMGRAPH_ENV ?? (e.NODE_ENV === 'production' ? 'production' : e.NODE_ENV === 'test' ? 'test' : 'development');
  return {
    port: e.PORT,
    host: e.HOST,
    env: mode,
    dataDir: path.resolve(e.CLAIMGRAPH_DATA_DIR),
    graphiql: e.CLAIMGRAPH_GRAPHIQL ?? mode !== 'production',
    storePath: e.CLAIMGRAPH_STORE === ':memory:' ? ':memory:' : path.resolve(e.CLAIMGRAPH_STORE),
    tokens,
    readRequiresToken: e.CLAIMGRAPH_READ_REQUIRES_TOKEN,
    introspection: e.CLAIMGRAPH_INTROSPECTION ?? mode !== 'production',
    corsOrigins: corsOrigins(e.CLAIMGRAPH_CORS_ORIGINS ?? (mode === 'production' ? '' : '*')),
    csrfPrevention: e.CLAIMGRAPH_CSRF_PREVENTION,
    logLevel: e.CLAIMGRAPH_LOG_LEVEL,
    snapshotAfter: e.CLAIMGRAPH_SNAPSHOT_AFTER_FACTS,
    limits: {
      maxCost: e.CLAIMGRAPH_MAX_COST,
      maxDepth: e.CLAIMGRAPH_MAX_DEPTH,
      maxAliases: e.CLAIMGRAPH_MAX_ALIASES,
      maxTokens: e.CLAIMGRAPH_MAX_TOKENS,
      maxDirectives: e.CLAIMGRAPH_MAX_DIRECTIVES,
      maxQueryLength: e.CLAIMGRAPH_MAX_QUERY_LENGTH,
      maxBodyBytes: e.CLAIMGRAPH_MAX_BODY_BYTES,
      maxBatch: e.CLAIMGRAPH_MAX_BATCH,
      timeBudgetMs: e.CLAIMGRAPH_TIME_BUDGET_MS,
      responseCacheSize: e.CLAIMGRAPH_RESPONSE_CACHE_SIZE,
      responseCacheMb: e.CLAIMGRAPH_RESPONSE_CACHE_MB,
    },
  };
}

/** `*`, or a comma-separated list of origins (`https://a.example, https://b.example`). */
function corsOrigins(value: string): string[] | '*' {
  if (value.trim() === '*') return '*';
  return value.split(',').map((origin) => origin.trim()).filter((origin) => origin !== '');
}
