/**
 * Crash safety: a writer process killed with SIGKILL at random moments loses no acknowledged
 * batch and leaves no partial batch, and the store opens cleanly after every kill.
 *
 * SIGKILL stops the process but not the kernel, so this checks the transaction boundaries and
 * WAL recovery; surviving power loss rests on `synchronous = FULL`, which a test cannot cut.
 */

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoredFact } from '../../src/store/fact-log.ts';
import { SqliteFactLog } from '../../src/store/sqlite-fact-log.ts';

const ROUNDS = 20;
const writer = join(import.meta.dirname, 'fixtures/append-until-killed.ts');
const dir = mkdtempSync(join(tmpdir(), 'claimgraph-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Ack {
  batch: number;
  firstSeq: number;
  lastSeq: number;
}

/** Runs the writer until it has acknowledged a batch, lets it go on a random while, kills it. */
function appendUntilKilled(path: string): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killing = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!killing && out.includes('\n')) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), Math.random() * 60);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer stopped by itself: ${err}`));
      // Only whole lines are acknowledgements; a line cut short was never fully written.
      const lines = out.split('\n').slice(0, -1);
      resolve(lines.map((line) => {
        const [batch, firstSeq, lastSeq] = line.split(' ').map(Number) as [number, number, number];
        return { batch, firstSeq, lastSeq };
      }));
    });
  });
}

/** Every batch in the log is whole: its facts numbered 1/n … n/n on consecutive seqs. */
function partialBatches(facts: StoredFact[]): string[] {
  const problems: string[] = [];
  const byBatch = Map.groupBy(facts, (f) => f.batch);
  for (const [batch, members] of byBatch) {
    const size = members.length;
    const expected = members.map((_, i) => `${i + 1}/${size}`);
    const actual = members.map((f) => (f.fact.type === 'AliasAdded' ? f.fact.alias : f.fact.type));
    if (actual.join() !== expected.join()) problems.push(`batch ${batch}: ${actual.slice(0, 3).join(', ')}… (${size} facts)`);
  }
  return problems;
}

describe('a SQLite store written by a process killed at random', () => {
  it(`keeps every acknowledged batch and no partial one, across ${ROUNDS} kills`, async () => {
    const path = join(dir, 'claimgraph.sqlite');
    const acknowledged: Ack[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      acknowledged.push(...(await appendUntilKilled(path)));

      const log = SqliteFactLog.open(path, { create: false });
      const facts: StoredFact[] = [];
      for await (const fact of log.read()) facts.push(fact);
      await log.close();

      const seqs = new Map(facts.map((f) => [f.seq, f.batch]));
      const lost = acknowledged.filter((a) => [a.firstSeq, a.lastSeq].some((seq) => seqs.get(seq) !== a.batch));
      expect(lost, `round ${round}: acknowledged batches missing`).toEqual([]);
      expect(partialBatches(facts), `round ${round}: partial batches`).toEqual([]);
      expect(facts.map((f) => f.seq), `round ${round}: seq runs 1..n`).toEqual(facts.map((_, i) => i + 1));
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(ROUNDS);
  }, 40_000);
});
