/**
 * The systems the benchmark measures side by side, each started on the same corpus and
 * asked the same questions: claimgraph itself, the bare node:http ceiling, PostGraphile over
 * PostgreSQL and Oxigraph. A target knows how to start its server and how to phrase the mix.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusFiles } from './generate-corpus.ts';
import type { QuerySample } from './corpus/query-sample.ts';
import { claimgraphBodies, type Operation } from './query-mix.ts';
import { startServer, stopServer, type RunningServer } from './processes.ts';
import { SERVER_NODE_FLAGS } from '../../src/server/node-flags.ts';

export interface TargetContext {
  port: number;
  /** Delete what the server derived from the store on an earlier start (its search index), so this start builds it. */
  fresh?: boolean;
  core: number | null;
  workDir: string;
  log: (line: string) => void;
}

export interface Target {
  name: string;
  /** What the report calls it. */
  label: string;
  start(corpus: CorpusFiles, context: TargetContext): Promise<RunningServer>;
  bodies(operation: Operation, sample: QuerySample): string[];
  stop(server: RunningServer): Promise<void>;
  /** Releases whatever start left behind for later starts (a database cluster). */
  dispose?(): Promise<void>;
}

const ROOT = join(import.meta.dirname, '..', '..');
/** Heap limit for every measured Node process: big enough for a million claims. */
export const NODE_HEAP_MB = 12_288;

/** claimgraph's SQLite store for a corpus, made once with `claimgraph import`. */
export function importedStore(corpus: CorpusFiles, log: (line: string) => void): { path: string; importSeconds: number | null } {
  const path = join(corpus.dir, 'claimgraph.sqlite');
  if (existsSync(path) && existsSync(`${path}.imported`)) {
    // The marker holds how long the import took, when it was timed.
    const seconds = Number(readFileSync(`${path}.imported`, 'utf8').trim());
    return { path, importSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : null };
  }
  for (const suffix of ['', '-wal', '-shm', '.imported']) rmSync(`${path}${suffix}`, { force: true });
  log(`  claimgraph import --in ${corpus.facts}`);
  const started = performance.now();
  const result = spawnSync(process.execPath, [`--max-old-space-size=${NODE_HEAP_MB}`, join(ROOT, 'src/cli/main.ts'), 'import', '--in', corpus.facts, '--store', path], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`claimgraph import failed for ${corpus.facts}`);
  const importSeconds = (performance.now() - started) / 1000;
  writeFileSync(`${path}.imported`, `${importSeconds}\n`);
  return { path, importSeconds };
}

/**
 * Files the server derived from the store on earlier starts and keeps beside it (the search
 * index, any snapshot): everything named claimgraph.* in the corpus directory but the store.
 */
export function clearDerived(corpus: CorpusFiles): string[] {
  const keep = new Set(['claimgraph.sqlite', 'claimgraph.sqlite-wal', 'claimgraph.sqlite-shm', 'claimgraph.sqlite.imported']);
  const removed = readdirSync(corpus.dir).filter((f) => f.startsWith('claimgraph.') && !keep.has(f));
  for (const f of removed) rmSync(join(corpus.dir, f), { recursive: true, force: true });
  return removed;
}

/**
 * Starts a Node script that serves the mix at /graphql and says it is healthy at /health, on
 * the server core, listening on HOST 127.0.0.1 and PORT, with the benchmark's heap limit and
 * the node flags claimgraph's `npm start` uses (every Node server in the run gets the same).
 */
export function startNodeServer(name: string, script: string, context: TargetContext, env: NodeJS.ProcessEnv, nodeArgs: string[] = []): Promise<RunningServer> {
  return startServer({
    name,
    command: process.execPath,
    args: [`--max-old-space-size=${NODE_HEAP_MB}`, ...SERVER_NODE_FLAGS, ...nodeArgs, script],
    env: { ...process.env, PORT: String(context.port), HOST: '127.0.0.1', ...env },
    core: context.core,
    port: context.port,
    healthPath: '/health',
    urlPath: '/graphql',
  });
}

function nodeServer(name: string, label: string, script: string, extraEnv: NodeJS.ProcessEnv = {}): Target {
  return {
    name,
    label,
    async start(corpus, context) {
      const store = importedStore(corpus, context.log);
      if (context.fresh) clearDerived(corpus);
      return startNodeServer(name, script, context, {
        CLAIMGRAPH_STORE: store.path,
        CLAIMGRAPH_DATA_DIR: corpus.dataDir,
        CLAIMGRAPH_ENV: 'production',
        CLAIMGRAPH_LOG_LEVEL: 'warn',
        BENCH_HEAP_FILE: join(context.workDir, `${name}-heap.json`),
        ...extraEnv,
      }, ['--expose-gc', '--import', join(import.meta.dirname, 'peers/heap-probe.ts'),
        ...(process.env.BENCH_NODE_FLAGS ? process.env.BENCH_NODE_FLAGS.split(' ') : [])]);
    },
    bodies: claimgraphBodies,
    stop: (server) => stopServer(server),
  };
}

/** Whether this build of claimgraph has a response cache that CLAIMGRAPH_RESPONSE_CACHE_SIZE=0 turns off. */
export const HAS_RESPONSE_CACHE = readFileSync(join(ROOT, 'src/config.ts'), 'utf8').includes('CLAIMGRAPH_RESPONSE_CACHE_SIZE');

/**
 * claimgraph as users run it (src/server/main.ts, production mode, request log off), with any
 * response cache off: every answer computed, as the peers compute theirs.
 */
export const claimgraph = nodeServer('claimgraph', HAS_RESPONSE_CACHE ? 'claimgraph (no answer cache)' : 'claimgraph',
  join(ROOT, 'src/server/main.ts'), HAS_RESPONSE_CACHE ? { CLAIMGRAPH_RESPONSE_CACHE_SIZE: '0' } : {});

/** claimgraph with its response cache at the default size. */
export const claimgraphCached = nodeServer('claimgraph-cached', 'claimgraph + answer cache', join(ROOT, 'src/server/main.ts'));

/** The ceiling: the same graph answered by hand-written code over node:http. */
export const bare = nodeServer('bare', 'bare node:http', join(import.meta.dirname, 'peers/bare-server.ts'));
