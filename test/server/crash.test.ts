import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/server/auth/index.ts';
import { SqliteFactLog } from '../../src/store/index.ts';
import { addSonyAlias, sonyAliases } from './real-server.ts';

const MAIN = path.resolve(import.meta.dirname, '../../src/server/main.ts');
const TOKEN = 'cg_crash_test_token';
const dir = mkdtempSync(path.join(tmpdir(), 'claimgraph-crash-'));
const STORE = path.join(dir, 'facts.sqlite');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(): Promise<{ child: ChildProcess; base: string; exited: Promise<unknown> }> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      CLAIMGRAPH_ENV: 'test',
      CLAIMGRAPH_STORE: STORE,
      CLAIMGRAPH_TOKENS: `crash:write:${hashToken(TOKEN)}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/GraphQL at (http:\/\/[^/\s]+)\/graphql/);
      if (match) resolve({ child, base: match[1]!, exited });
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before it was ready: ${output}`)));
  });
}

describe('a server killed mid-write', () => {
  it('keeps every acknowledged write across 20 SIGKILLs at random moments, and no write half-applied', async () => {
    const acknowledged: string[] = [];
    let next = 0;
    for (let round = 0; round < 20; round++) {
      const { child, base, exited } = await start();
      // Everything acknowledged before this start must be there after it.
      const present = await sonyAliases(base);
      for (const alias of acknowledged) expect(present).toContain(alias);
      expect(new Set(present).size).toBe(present.length);

      let killed = false;
      const writers = Array.from({ length: 6 }, async () => {
        while (!killed) {
          const alias = `Crash alias ${next++}`;
          try {
            if (await addSonyAlias(base, TOKEN, alias)) acknowledged.push(alias);
          } catch {
            return; // the connection died with the server
          }
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 250));
      killed = true;
      child.kill('SIGKILL');
      await Promise.all(writers);
      await exited;
    }
    expect(acknowledged.length).toBeGreaterThan(20);

    // The log reads cleanly, and holds each write exactly once.
    const log = SqliteFactLog.open(STORE, { create: false });
    const written: string[] = [];
    for await (const stored of log.read(0)) if (stored.fact.type === 'AliasAdded') written.push(stored.fact.alias);
    await log.close();
    expect(new Set(written).size).toBe(written.length);
    for (const alias of acknowledged) expect(written).toContain(alias);
    const { child, base } = await start();
    expect((await sonyAliases(base)).filter((a) => a.startsWith('Crash alias'))).toHaveLength(written.length);
    child.kill('SIGKILL');
  }, 120_000);
});
