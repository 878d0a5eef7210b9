/**
 * Starts the real server (src/server/main.ts) as a child process on a free port, with a fact
 * log in memory, and hands back its address, its pid (to read its memory from /proc) and the
 * JSON lines it has logged.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const MAIN = path.resolve(import.meta.dirname, '../../src/server/main.ts');

export interface RealServer {
  base: string;
  url: string;
  pid: number;
  /** Every JSON line the server has written to stdout so far. */
  logLines(): Record<string, unknown>[];
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resident memory in bytes (Linux /proc). */
  rss(): number;
  /** Peak resident memory in bytes since start (Linux /proc). */
  peakRss(): number;
  /** Sends SIGTERM; resolves with the exit code once the process has exited. */
  stop(): Promise<number | null>;
}

export interface StartOptions {
  /** Keep what the server writes (for logLines and output); off for long runs. */
  keepOutput?: boolean;
  /** What node runs: the server module unless given (such as the command line's `serve`). */
  args?: string[];
}

export async function startServer(env: Record<string, string> = {}, { keepOutput = true, args = [MAIN] }: StartOptions = {}): Promise<RealServer> {
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CLAIMGRAPH_STORE: ':memory:', CLAIMGRAPH_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let started = false;
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (keepOutput || !started) output += chunk.toString();
      if (started) return;
      const match = output.match(/GraphQL at (http:\/\/[^/\s]+)\/graphql/);
      if (match) {
        started = true;
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  const status = (field: string): number => {
    const line = readFileSync(`/proc/${child.pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
    return Number(line!.split(/\s+/)[1]) * 1024;
  };
  return {
    base,
    url: `${base}/graphql`,
    pid: child.pid!,
    logLines: () =>
      output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    output: () => output,
    rss: () => status('VmRSS'),
    peakRss: () => status('VmHWM'),
    stop: () =>
      new Promise<number | null>((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}

/** Adds an alias to Company:sony through the API at `base` with a write token; whether it was added. */
export async function addSonyAlias(base: string, token: string, alias: string): Promise<boolean> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'mutation($a: String!) { addAlias(input: { entity: "Company:sony", alias: $a }) { added } }', variables: { a: alias } }),
  });
  const body = (await response.json()) as { data?: { addAlias: { added: boolean } } };
  return body.data?.addAlias.added === true;
}

/** Company:sony's aliases, read through the API at `base`. */
export async function sonyAliases(base: string): Promise<string[]> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ entity(id: "Company:sony") { aliases } }' }),
  });
  return ((await response.json()) as { data: { entity: { aliases: string[] } } }).data.entity.aliases;
}
