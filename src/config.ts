/**
 * Configuration: read once from the environment, validated, typed. This is the only module
 * that reads process.env; a bad setting stops start-up with every problem listed.
 */

import path from 'node:path';
import { z } from 'zod';
import { TokenConfigError, parseTokenConfig, type ConfiguredToken } from './server/auth/index.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

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
  };
}
