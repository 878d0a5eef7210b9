/**
 * `npm run bench`: claimgraph against what a user would pick instead, measured side by side
 * in one run on the same data, plus how it grows with size and how fast it ingests.
 *
 *   npm run bench                                   # everything (long: the 1M-claim corpus takes a while)
 *   npm run bench -- --only peers --duration 5      # the query mix against the peers only
 *   npm run bench -- --only scale --sizes 10000,100000
 *
 * Parts (--only, comma-separated; default all):
 *   peers    the query mix over HTTP at --connections (50) for --duration seconds per query, on
 *            each --mix-sizes corpus (default seed,10000): claimgraph, then each --peers system
 *            (bare node:http ceiling, PostGraphile 5 over PostgreSQL, Oxigraph), every server
 *            pinned to one core and wrk to the other
 *   scale    per --sizes corpus (default 10000,100000,1000000): import, cold start to /health 200,
 *            live heap and RSS after load, the mix's req/s and p99
 *   ingest   articles/s through the ingestion pipeline, durable facts/s into the store
 *   profile  claimgraph under the mix with --cpu-prof on --profile-size (default 100000);
 *            the top self-time functions and packages
 *
 * One table goes to stdout and, with the machine's description, to
 * test/bench/results/<date>.md and .json.
 */

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus, type CorpusFiles } from './generate-corpus.ts';
import { describeMachine, loadAverage, watchDisk, type DiskWait, type Machine } from './machine.ts';
import { pipelineRates, type IngestRate } from './pipeline-rate.ts';
import { summariseProfile, type ProfileSummary } from './profile-summary.ts';
import { freePort, heapOf, pinned, rssOf, type RunningServer } from './processes.ts';
import { OPERATIONS, mix, type Operation } from './query-mix.ts';
import { renderReport } from './report.ts';
import { HAS_RESPONSE_CACHE, NODE_HEAP_MB, bare, claimgraph, claimgraphCached, importedStore, type Target } from './targets.ts';
import { SERVER_NODE_FLAGS } from '../../src/server/node-flags.ts';
import { cores, drive, ensureWrk, type LoadResult } from './wrk-driver.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'peers,scale,ingest,profile' },
    sizes: { type: 'string', default: '10000,100000,1000000' },
    'mix-sizes': { type: 'string', default: 'seed,10000' },
    peers: { type: 'string', default: 'bare,postgraphile,oxigraph' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    seed: { type: 'string', default: 'bench' },
    'profile-size': { type: 'string', default: '100000' },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
  },
});

const parts = new Set(values.only.split(',').map((p) => p.trim()));
const parseSize = (s: string): 'seed' | number => (s.trim() === 'seed' ? 'seed' : Number(s.trim().replace(/_/g, '')));
const sizes = values.sizes.split(',').filter(Boolean).map(parseSize);
const mixSizes = values['mix-sizes'].split(',').filter(Boolean).map(parseSize);
const seconds = Number(values.duration);
const connections = Number(values.connections);
const log = (line: string) => console.error(line);

export interface TargetRun {
  target: string;
  label: string;
  coldStartMs: number;
  heapUsed: number | null;
  rss: number | null;
  verified: { ok: number; failed: number; firstError: string | null };
  /** The commit (and uncommitted files under src/) when this server started: the work tree can move during a long run. */
  code: string;
  /** Milliseconds per request when the sample requests are sent one at a time, before the load. */
  single: Partial<Record<Operation, { median: number; max: number; count: number }>>;
  results: Partial<Record<Operation | 'mix', LoadResult>>;
  /** Disk waits while the server started, and while it was asked and loaded; null where Linux does not report them. */
  disk: { start: DiskWait | null; load: DiskWait | null };
  error?: string;
}

export interface ScaleRow {
  size: number | 'seed';
  entities: number;
  articles: number;
  claims: number;
  facts: number;
  jsonlBytes: number;
  generateSeconds: number;
  importSeconds: number | null;
  /** Spawn to /health 200 on the first start after import, deriving everything afresh. */
  firstStartMs: number | null;
  /** Spawn to /health 200 on a restart, reusing what the first start kept beside the store. */
  coldStartMs: number;
  heapUsed: number | null;
  rss: number | null;
  mix: LoadResult | null;
  /** The mix again on a restarted server with its default answer cache, when it has one. */
  cachedMix?: LoadResult | null;
  /** The store opened in a process of its own, then every claim's record read (see read-every-claim.ts). */
  everyClaim?: EveryClaimRead | null;
  /** Disk waits during the first start, the restart, the mix and the cached mix. */
  disk?: { firstStart: DiskWait | null; restart: DiskWait | null; mix: DiskWait | null; cachedMix: DiskWait | null };
  verified: TargetRun['verified'] | null;
  single: TargetRun['single'];
  error?: string;
}

export interface EveryClaimRead {
  openMs: number;
  fromSnapshot: boolean;
  heapAfterOpen: number;
  unreadAfterOpen: number;
  readMs: number;
  claims: number;
  evidence: number;
  unreadAfterRead: number;
  heapAfterRead: number;
}

/** Opens the corpus's store in a process of its own on the server core and reads every claim. */
function readEveryClaim(files: CorpusFiles, storePath: string): EveryClaimRead | null {
  const args = [`--max-old-space-size=${NODE_HEAP_MB}`, '--expose-gc', join(import.meta.dirname, 'read-every-claim.ts'), storePath, files.dataDir];
  const result = spawnSync(...pinned(serverCore, process.execPath, args), { encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = result.stdout?.trim().split('\n').at(-1);
  if (result.status !== 0 || !line) {
    log(`  reading every claim failed: ${(result.stderr ?? '').slice(-2000)}`);
    return null;
  }
  return JSON.parse(line) as EveryClaimRead;
}

export interface BenchResults {
  /** The commit measured, and how many files under src/ differed from it in the work tree. */
  commit: string;
  uncommittedSrcFiles: number;
  /** The node flags every Node server of the run was started with (claimgraph's `npm start` flags). */
  nodeFlags?: string[];
  startedAt: string;
  finishedAt: string;
  machine: Machine;
  machineAfter: Machine;
  loadDuring: string[];
  options: typeof values;
  tool: 'wrk' | 'autocannon';
  responseCache: string;
  throughput: { size: number | 'seed'; corpus: CorpusFiles['summary']; runs: TargetRun[]; agreement: string | null }[];
  scale: ScaleRow[];
  ingest: IngestRate[];
  profile: ProfileSummary[];
}

const workDir = mkdtempSync(join(tmpdir(), 'claimgraph-bench-run-'));
const { server: serverCore, load: loadCore } = cores();
const useWrk = ensureWrk(log);
const loadDuring: string[] = [];
const git = (args: string[]) => spawnSync('git', args, { cwd: join(import.meta.dirname, '..', '..'), encoding: 'utf8' }).stdout?.trim() ?? '';
function codeNow(): string {
  const dirty = git(['status', '--short', '--', 'src']).split('\n').filter(Boolean).length;
  return `${git(['rev-parse', '--short', 'HEAD'])}${dirty ? ` + ${dirty} uncommitted file(s) under src/` : ''}`;
}
const results: BenchResults = {
  commit: git(['rev-parse', '--short', 'HEAD']),
  uncommittedSrcFiles: git(['status', '--short', '--', 'src']).split('\n').filter(Boolean).length,
  nodeFlags: [...SERVER_NODE_FLAGS],
  startedAt: new Date().toISOString(),
  finishedAt: '',
  machine: describeMachine(),
  machineAfter: describeMachine(),
  loadDuring,
  options: values,
  tool: useWrk ? 'wrk' : 'autocannon',
  responseCache: responseCacheNote(),
  throughput: [],
  scale: [],
  ingest: [],
  profile: [],
};
log(`claimgraph bench: ${results.machine.cores} cores, ${results.machine.cpu}, load ${loadAverage()}; parts: ${[...parts].join(', ')}`);

async function peerTargets(): Promise<Target[]> {
  const chosen: Target[] = [];
  for (const name of values.peers.split(',').map((p) => p.trim()).filter(Boolean)) {
    if (name === 'bare') chosen.push(bare);
    else if (name === 'postgraphile') chosen.push((await import('./peers/postgraphile-target.ts')).postgraphile);
    else if (name === 'oxigraph') chosen.push((await import('./peers/oxigraph-target.ts')).oxigraph);
    else throw new Error(`--peers: unknown peer "${name}" (bare, postgraphile, oxigraph)`);
  }
  return chosen;
}

async function corpus(size: number | 'seed'): Promise<CorpusFiles> {
  log(`corpus ${size}: generating (or reusing) …`);
  const files = await generateCorpus({ size, seed: values.seed, log });
  log(`corpus ${size}: ${JSON.stringify(files.summary)}`);
  return files;
}

/** Sends the first bodies of each operation once and checks each answer is data, not errors. */
async function verify(url: string, bodies: Record<Operation, string[]>): Promise<{
  ok: number; failed: number; firstError: string | null; answers: Map<string, unknown>; single: TargetRun['single'];
}> {
  let ok = 0;
  let failed = 0;
  let firstError: string | null = null;
  const answers = new Map<string, unknown>();
  const single: TargetRun['single'] = {};
  for (const op of OPERATIONS) {
    const times: number[] = [];
    for (const body of bodies[op].slice(0, 20)) {
      const sent = performance.now();
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const text = await response.text();
      times.push(performance.now() - sent);
      let parsed: { data?: unknown; errors?: unknown } | null = null;
      try {
        parsed = JSON.parse(text) as { data?: unknown; errors?: unknown };
      } catch {
        // counted below
      }
      if (response.status === 200 && parsed && parsed.errors === undefined && parsed.data != null) {
        ok++;
        answers.set(body, parsed.data);
      } else {
        failed++;
        firstError ??= `${op}: HTTP ${response.status} ${text.slice(0, 300)}`;
      }
    }
    times.sort((x, y) => x - y);
    if (times.length > 0) single[op] = { median: times[Math.floor(times.length / 2)]!, max: times[times.length - 1]!, count: times.length };
  }
  return { ok, failed, firstError, answers, single };
}

async function measureTarget(
  target: Target,
  files: CorpusFiles,
  opsToRun: readonly (Operation | 'mix')[],
  fresh = false,
): Promise<{ run: TargetRun; answers: Map<string, unknown> }> {
  const port = await freePort();
  log(`  ${target.label}: starting on core ${serverCore ?? 'any'} …`);
  let server: RunningServer | null = null;
  const run: TargetRun = {
    target: target.name, label: target.label, coldStartMs: 0, heapUsed: null, rss: null,
    verified: { ok: 0, failed: 0, firstError: null }, single: {}, results: {}, code: codeNow(), disk: { start: null, load: null },
  };
  let answers = new Map<string, unknown>();
  let disk = watchDisk();
  try {
    server = await target.start(files, { port, core: serverCore, workDir, log, fresh });
    run.coldStartMs = server.coldStartMs;
    run.disk.start = disk?.() ?? null;
    disk = watchDisk();
    const bodies = Object.fromEntries(OPERATIONS.map((op) => [op, target.bodies(op, files.sample)])) as Record<Operation, string[]>;
    const checked = await verify(server.url, bodies);
    answers = checked.answers;
    run.verified = { ok: checked.ok, failed: checked.failed, firstError: checked.firstError };
    run.single = checked.single;
    if (checked.failed > 0) log(`  ${target.label}: ${checked.failed} of ${checked.ok + checked.failed} sample answers failed: ${checked.firstError}`);
    const mixed = mix(bodies);
    // Warm-up, as long as a measured row (at most 15 s): V8 takes several seconds under load to
    // settle its optimised code, and until it has the latency tail is warm-up, not serving.
    await drive({ url: server.url, bodies: mixed, seconds: Math.min(15, Math.max(2, seconds)), connections, core: loadCore, workDir, useWrk });
    for (const op of opsToRun) {
      const list = op === 'mix' ? mixed : bodies[op];
      const result = await drive({ url: server.url, bodies: list, seconds, connections, core: loadCore, workDir, useWrk });
      run.results[op] = result;
      loadDuring.push(loadAverage());
      log(`  ${target.label} ${op.padEnd(12)} ${result.rps.toFixed(0).padStart(7)} req/s  p50 ${result.p50.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms${result.errors ? `  ${result.errors} errors` : ''}  (load ${loadAverage()})`);
    }
    run.disk.load = disk?.() ?? null;
    const memory = target.name.startsWith('claimgraph') || target.name === 'bare' ? await heapOf(server, join(workDir, `${target.name}-heap.json`)) : null;
    run.heapUsed = memory?.heapUsed ?? null;
    run.rss = rssOf(server.pid);
  } catch (error) {
    run.error = (error as Error).message.split('\n').slice(0, 6).join(' ');
    log(`  ${target.label}: failed: ${(error as Error).message.slice(0, 2000)}`);
  } finally {
    if (server) await target.stop(server);
  }
  return { run, answers };
}

/** Starts a target with its derived files cleared, waits for health, stops it: milliseconds to healthy, and the disk waits meanwhile. */
async function startOnly(target: Target, files: CorpusFiles): Promise<{ ms: number | null; disk: DiskWait | null }> {
  const port = await freePort();
  log(`  ${target.label}: first start after import …`);
  const disk = watchDisk();
  try {
    const server = await target.start(files, { port, core: serverCore, workDir, log, fresh: true });
    log(`  ${target.label}: healthy after ${(server.coldStartMs / 1000).toFixed(1)} s`);
    const waited = disk?.() ?? null;
    await target.stop(server);
    return { ms: server.coldStartMs, disk: waited };
  } catch (error) {
    log(`  ${target.label}: first start failed: ${(error as Error).message.slice(0, 1000)}`);
    return { ms: null, disk: disk?.() ?? null };
  }
}

function agreement(a: Map<string, unknown>, b: Map<string, unknown>): string | null {
  let same = 0;
  let compared = 0;
  for (const [body, answer] of a) {
    if (!b.has(body)) continue;
    compared++;
    if (JSON.stringify(answer) === JSON.stringify(b.get(body))) same++;
  }
  return compared === 0 ? null : `${same} of ${compared}`;
}

try {
  if (parts.has('peers') || parts.has('throughput')) {
    const peers = await peerTargets();
    for (const size of mixSizes) {
      const files = await corpus(size);
      importedStore(files, log);
      const runs: TargetRun[] = [];
      const ours = await measureTarget(claimgraph, files, [...OPERATIONS, 'mix'], true);
      runs.push(ours.run);
      let agree: string | null = null;
      if (HAS_RESPONSE_CACHE) {
        const cached = await measureTarget(claimgraphCached, files, [...OPERATIONS, 'mix']);
        runs.push(cached.run);
      }
      for (const peer of peers) {
        const theirs = await measureTarget(peer, files, [...OPERATIONS, 'mix']);
        runs.push(theirs.run);
        if (peer.name === 'bare') agree = agreement(ours.answers, theirs.answers);
      }
      for (const peer of peers) await peer.dispose?.();
      results.throughput.push({ size, corpus: files.summary, runs, agreement: agree });
      writeOut();
    }
  }

  if (parts.has('scale')) {
    for (const size of sizes) {
      const files = await corpus(size);
      const row: ScaleRow = {
        size, entities: files.summary.entities, articles: files.summary.articles, claims: files.summary.claims, facts: files.summary.facts,
        jsonlBytes: files.summary.jsonlBytes, generateSeconds: files.summary.seconds, importSeconds: null, firstStartMs: null, coldStartMs: 0, heapUsed: null, rss: null, mix: null, verified: null, single: {},
      };
      try {
        const imported = importedStore(files, log);
        row.importSeconds = imported.importSeconds;
        // First start after import: the server builds everything it derives from the log
        // (the search index too). Then a restart, as after a deploy: what it kept is reused.
        const first = await startOnly(claimgraph, files);
        row.firstStartMs = first.ms;
        const { run } = await measureTarget(claimgraph, files, ['mix']);
        row.disk = { firstStart: first.disk, restart: run.disk.start, mix: run.disk.load, cachedMix: null };
        row.coldStartMs = run.coldStartMs;
        row.heapUsed = run.heapUsed;
        row.rss = run.rss;
        row.mix = run.results.mix ?? null;
        row.verified = run.verified;
        row.single = run.single;
        if (run.error) row.error = run.error;
        if (HAS_RESPONSE_CACHE) {
          const cached = (await measureTarget(claimgraphCached, files, ['mix'])).run;
          row.cachedMix = cached.results.mix ?? null;
          row.disk.cachedMix = cached.disk.load;
        }
        log('  every claim read in a process of its own …');
        row.everyClaim = readEveryClaim(files, imported.path);
      } catch (error) {
        row.error = (error as Error).message.slice(0, 500);
        log(`scale ${size}: ${row.error}`);
      }
      results.scale.push(row);
      writeOut();
    }
  }

  if (parts.has('ingest')) {
    log('ingest: pipeline and durable appends …');
    const synthetic = await corpus(10_000);
    results.ingest = await pipelineRates(synthetic.facts, Math.min(seconds, 10));
    writeOut();
  }

  if (parts.has('profile')) {
    const size = parseSize(values['profile-size']);
    const files = await corpus(size);
    const profileDir = join(workDir, 'cpu-profile');
    mkdirSync(profileDir, { recursive: true });
    process.env.BENCH_NODE_FLAGS = `--cpu-prof --cpu-prof-dir=${profileDir}`;
    log(`profile: claimgraph on ${size} claims under the mix with --cpu-prof …`);
    const { run } = await measureTarget(claimgraph, files, ['mix']);
    delete process.env.BENCH_NODE_FLAGS;
    const profiles = readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'));
    if (profiles.length > 0) {
      const file = join(profileDir, profiles[0]!);
      const profile = JSON.parse(readFileSync(file, 'utf8')) as Parameters<typeof summariseProfile>[0];
      const load = run.coldStartMs;
      results.profile = [
        summariseProfile(profile, { phase: 'loading (spawn to /health 200)', fromMs: 0, toMs: load }, size, null),
        summariseProfile(profile, { phase: 'serving the mix (after load)', fromMs: load, toMs: Number.MAX_SAFE_INTEGER }, size, run.results.mix ?? null),
      ];
      // Large (tens of MB): kept beside the corpora, not in the repository.
      const kept = join(tmpdir(), 'claimgraph-bench', `claimgraph-${size}.cpuprofile`);
      writeFileSync(kept, readFileSync(file));
      log(`profile: kept at ${kept}`);
    } else log('profile: no .cpuprofile was written');
    writeOut();
  }
} finally {
  results.finishedAt = new Date().toISOString();
  results.machineAfter = describeMachine();
  const { markdown } = writeOut();
  console.log(markdown);
  rmSync(workDir, { recursive: true, force: true });
}

function writeOut(): { markdown: string } {
  mkdirSync(values.out, { recursive: true });
  const stamp = results.startedAt.slice(0, 16).replace(/:/g, '-');
  const markdown = renderReport(results);
  writeFileSync(join(values.out, `${stamp}.md`), markdown);
  writeFileSync(join(values.out, `${stamp}.json`), `${JSON.stringify(results, null, 2)}\n`);
  return { markdown };
}

/** Which claimgraph figures are with a response cache and which without. */
function responseCacheNote(): string {
  if (HAS_RESPONSE_CACHE) {
    return 'claimgraph runs with its answer cache off (CLAIMGRAPH_RESPONSE_CACHE_SIZE=0) unless a column says ' +
      '"+ answer cache" (its defaults: at most 10,000 answers and 256 MB); each query kind cycles through up to 1,000 distinct requests, ' +
      'so once warm the cached server answers nearly all of them from the cache. Scale rows are without the cache except their last two columns, and profiles without it';
  }
  const src = join(import.meta.dirname, '..', '..', 'src');
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const mentions = files.filter((f) => /response.?cache/i.test(readFileSync(join(src, f), 'utf8')));
  return mentions.length === 0
    ? 'none: src/ has no response cache, so every figure is without one'
    : `src/ mentions a response cache (${mentions.join(', ')}) but no CLAIMGRAPH_RESPONSE_CACHE_SIZE switch; these runs use the server's defaults`;
}

