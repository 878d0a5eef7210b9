/**
 * A throwaway PostgreSQL cluster for the PostGraphile peer: initdb in a temporary directory,
 * started on a spare loopback port (pinned to the server core, like every measured server),
 * loaded with a corpus's tables, and stopped and deleted afterwards.
 *
 * Uses the server binaries under /usr/lib/postgresql/<version>/bin; when they are missing and
 * we are root, installs Debian's `postgresql` package first. As root, the cluster runs as the
 * `postgres` user (PostgreSQL refuses to run as root).
 */

import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PostgresCluster {
  port: number;
  dir: string;
  connectionString: string;
  bin: string;
  /** Runs a SQL file (psql, stopping at the first error). */
  runFile(file: string): void;
  stop(): void;
}

function findBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'postgres'))).sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(root, versions[0]!, 'bin') : null;
}

export function ensurePostgres(log: (line: string) => void): string {
  let bin = findBin();
  if (bin) return bin;
  if (process.getuid?.() !== 0) throw new Error('PostgreSQL server binaries are missing: install Debian\'s postgresql package (apt-get install postgresql)');
  log('installing PostgreSQL (apt-get install postgresql)…');
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  bin = findBin();
  if (install.status !== 0 || !bin) throw new Error('could not install PostgreSQL (apt-get install postgresql failed)');
  return bin;
}

export function startCluster(options: { port: number; core: number | null; log: (line: string) => void }): PostgresCluster {
  const bin = ensurePostgres(options.log);
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-bench-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const as = (command: string, args: string[]) => (root ? { command: 'runuser', args: ['-u', 'postgres', '--', command, ...args] } : { command, args });
  const run = (command: string, args: string[], pin = false) => {
    const c = as(command, args);
    const argv = pin && options.core !== null ? ['taskset', '-c', String(options.core), c.command, ...c.args] : [c.command, ...c.args];
    execFileSync(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
  };
  run(join(bin, 'initdb'), ['-D', data, '-U', 'bench', '--auth=trust', '-E', 'UTF8', '--locale=C']);
  // A read benchmark: durability settings do not matter, memory for the working set does.
  run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o',
    `-p ${options.port} -k ${dir} -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c work_mem=16MB -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c jit=off`,
    'start'], true);
  const connectionString = `postgres://bench@127.0.0.1:${options.port}/postgres`;
  return {
    port: options.port,
    dir,
    bin,
    connectionString,
    runFile(file: string) {
      execFileSync(join(bin, 'psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(options.port), '-U', 'bench', '-d', 'postgres', '-f', file],
        { stdio: ['ignore', 'pipe', 'inherit'] });
    },
    stop() {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
