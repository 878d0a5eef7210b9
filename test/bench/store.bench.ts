/**
 * Store benchmark: durable appends per second to the SQLite fact log, for batches of 1 and
 * of 100 facts, and the replay rate. Run with `node test/bench/store.bench.ts [seconds]`.
 *
 * Each append is a committed, fsynced transaction (WAL, synchronous FULL), so the figures
 * measure this machine's disk as much as the code. The store lives in the OS temporary
 * directory; run it where the real store will live for figures that matter.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Fact } from '../../src/model/fact.ts';
import { SqliteFactLog } from '../../src/store/sqlite-fact-log.ts';
import { everyKindOfFact } from '../store/fixtures/facts.ts';

const seconds = Number(process.argv[2] ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'claimgraph-bench-'));

function facts(count: number): Fact[] {
  return Array.from({ length: count }, (_, i) => everyKindOfFact[i % everyKindOfFact.length]!);
}

async function appendRate(batchSize: number): Promise<{ appends: number; facts: number }> {
  const log = SqliteFactLog.open(join(dir, `batch-${batchSize}.sqlite`));
  const batch = facts(batchSize);
  let appends = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    await log.append(batch, { actor: 'bench' });
    appends++;
  }
  const elapsed = (performance.now() - start) / 1000;
  await log.close();
  return { appends: appends / elapsed, facts: (appends * batchSize) / elapsed };
}

async function replayRate(): Promise<number> {
  const log = SqliteFactLog.open(join(dir, 'batch-100.sqlite'));
  let count = 0;
  const start = performance.now();
  for await (const _ of log.read()) count++;
  const elapsed = (performance.now() - start) / 1000;
  await log.close();
  return count / elapsed;
}

try {
  for (const size of [1, 100]) {
    const { appends, facts: perSecond } = await appendRate(size);
    console.log(`batch of ${String(size).padStart(3)}: ${appends.toFixed(0).padStart(6)} durable appends/s, ${perSecond.toFixed(0).padStart(7)} facts/s`);
  }
  console.log(`replay: ${(await replayRate()).toFixed(0)} facts/s read back`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
