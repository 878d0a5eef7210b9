/**
 * Drives an HTTP endpoint with wrk (Debian's `wrk`), pinned to its own core: a fixed number
 * of connections, POST bodies cycled from a list, latency percentiles from wrk's own
 * histogram. Falls back to autocannon in-process when wrk cannot be had.
 *
 * With wrk, each connection waits SETTLE_MS before its first request, so that every connection
 * is open and accepted before any is timed. Node's event loop (libuv) accepts one pending
 * connection per turn; without the wait, the last of 50 connections opened at once against a
 * busy server is accepted only after 49 turns of the others' requests, and those first requests
 * (up to a second at 1M claims) were most of the slowest 1%. Requests per second are counted
 * over the run less the wait. The autocannon fallback has no such wait, so its p99 includes
 * them.
 */

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinned } from './processes.ts';

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  errors: number;
  tool: 'wrk' | 'autocannon';
}

/** How long each connection waits before its first request. */
export const SETTLE_MS = 250;

const LUA = `
local bodies = {}
local counter = 0
local waited = 0
function init(args)
  for line in io.lines(args[1]) do bodies[#bodies + 1] = line end
  counter = tonumber(args[2] or "0")
end
function delay()
  if waited < connections then
    waited = waited + 1
    return ${SETTLE_MS}
  end
  return 0
end
function request()
  counter = counter + 1
  return wrk.format("POST", args_path, { ["Content-Type"] = "application/json" }, bodies[(counter % #bodies) + 1])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK_JSON {"requests":%d,"duration_us":%d,"errors":%d,"p50":%d,"p99":%d}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
`;

/** Makes sure wrk is installed: installs Debian's package when it is missing and we are root. */
export function ensureWrk(log: (line: string) => void): boolean {
  if (spawnSync('wrk', ['--version']).error === undefined) return true;
  if (process.getuid?.() !== 0) {
    log('wrk is missing: install it with `apt-get install wrk` (falling back to autocannon, which shares a core with its own measuring)');
    return false;
  }
  log('installing wrk (apt-get install wrk)…');
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'wrk'], { stdio: 'ignore' });
  if (update.status !== 0 || install.status !== 0 || spawnSync('wrk', ['--version']).error !== undefined) {
    log('could not install wrk; falling back to autocannon');
    return false;
  }
  return true;
}

export async function drive(options: {
  url: string;
  bodies: string[];
  seconds: number;
  connections: number;
  core: number | null;
  workDir: string;
  useWrk: boolean;
}): Promise<LoadResult> {
  const { url, bodies, seconds, connections, core, workDir } = options;
  if (!options.useWrk) return autocannonRun(options);
  const bodiesFile = join(workDir, `bodies-${process.pid}-${Date.now()}.txt`);
  writeFileSync(bodiesFile, `${bodies.join('\n')}\n`);
  const path = new URL(url).pathname;
  const script = join(workDir, 'mix.lua');
  writeFileSync(script, `args_path = "${path}"\nconnections = ${connections}\n${LUA}`);
  const args = ['-t1', `-c${connections}`, `-d${Math.max(1, Math.round(seconds))}s`, '--timeout', '10s', '-s', script, url, '--', bodiesFile, '0'];
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(...pinned(core, 'wrk', args), { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.stderr.on('data', (d: Buffer) => (text += d.toString()));
    child.on('error', reject);
    child.on('close', () => resolve(text));
  });
  const line = output.split('\n').find((l) => l.startsWith('WRK_JSON '));
  if (!line) throw new Error(`wrk gave no result:\n${output}`);
  const r = JSON.parse(line.slice('WRK_JSON '.length)) as { requests: number; duration_us: number; errors: number; p50: number; p99: number };
  const secs = r.duration_us / 1e6 - SETTLE_MS / 1000;
  return { requests: r.requests, seconds: secs, rps: r.requests / secs, p50: r.p50 / 1000, p99: r.p99 / 1000, errors: r.errors, tool: 'wrk' };
}

async function autocannonRun(options: { url: string; bodies: string[]; seconds: number; connections: number }): Promise<LoadResult> {
  const { default: autocannon } = await import('autocannon');
  let i = 0;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: options.bodies[i++ % options.bodies.length] }) }],
  });
  return {
    requests: result.requests.total,
    seconds: options.seconds,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
    tool: 'autocannon',
  };
}

/** Which core each side runs on: the server on the first, the load tool on the second. */
export function cores(): { server: number | null; load: number | null } {
  try {
    const count = Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
    return count >= 2 ? { server: 0, load: 1 } : { server: null, load: null };
  } catch {
    return { server: null, load: null };
  }
}
