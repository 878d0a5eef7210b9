/**
 * Measured server processes: started pinned to a core, timed from spawn to their first
 * healthy answer, asked for their memory, and stopped by their own process ID.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RunningServer {
  name: string;
  url: string;
  pid: number;
  /** Milliseconds from spawn to the first 200 from the health URL. */
  coldStartMs: number;
  child: ChildProcess;
  /** Everything the process printed, for error reports. */
  output: () => string;
}

/** The command and arguments that run `command` pinned to `core` with taskset, or as it is when `core` is null. */
export function pinned(core: number | null, command: string, args: string[]): [string, string[]] {
  return core === null ? [command, args] : ['taskset', ['-c', String(core), command, ...args]];
}

export async function startServer(options: {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  core: number | null;
  port: number;
  healthPath: string;
  urlPath: string;
  /** Default: $BENCH_START_TIMEOUT_MS, else 30 minutes (a million claims load slowly). */
  timeoutMs?: number;
}): Promise<RunningServer> {
  const { command, args, core } = options;
  const started = performance.now();
  const child = spawn(...pinned(core, command, args), { env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (d: Buffer) => {
    output += d.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited: number | null = null;
  child.on('exit', (code) => (exited = code ?? -1));
  const health = `http://127.0.0.1:${options.port}${options.healthPath}`;
  const timeoutMs = options.timeoutMs ?? Number(process.env.BENCH_START_TIMEOUT_MS ?? 1_800_000);
  const deadline = started + timeoutMs;
  for (;;) {
    if (exited !== null) throw new Error(`${options.name} exited with ${exited} before it was healthy:\n${output.slice(-4000)}`);
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} was not healthy within ${timeoutMs} ms:\n${output.slice(-4000)}`);
    }
    try {
      const response = await fetch(health);
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(20);
  }
  return {
    name: options.name,
    url: `http://127.0.0.1:${options.port}${options.urlPath}`,
    pid: child.pid!,
    coldStartMs: performance.now() - started,
    child,
    output: () => output,
  };
}

/** Resident set size of a process, in bytes, from /proc. */
export function rssOf(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

/** The live heap after a full collection, from a server started with heap-probe.ts. */
export async function heapOf(server: RunningServer, file: string): Promise<{ heapUsed: number; rss: number } | null> {
  rmSync(file, { force: true });
  process.kill(server.pid, 'SIGUSR2');
  for (let i = 0; i < 200 && !existsSync(file); i++) await sleep(50);
  await sleep(50);
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as { heapUsed: number; rss: number };
}

export async function stopServer(server: RunningServer, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
  server.child.kill(signal);
  const timeout = sleep(15_000).then(() => 'timeout');
  if ((await Promise.race([exited.then(() => 'exited'), timeout])) === 'timeout') {
    server.child.kill('SIGKILL');
    await exited;
  }
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
