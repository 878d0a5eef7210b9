/**
 * Preloaded into a measured server (`node --expose-gc --import …/heap-probe.ts`): on SIGUSR2
 * it runs a full garbage collection and writes `process.memoryUsage()` as one JSON line to
 * $BENCH_HEAP_FILE, so the benchmark reads the live heap after load without the server's
 * own code knowing it is measured.
 */

import { writeFileSync } from 'node:fs';

process.on('SIGUSR2', () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const file = process.env.BENCH_HEAP_FILE;
  if (file) writeFileSync(file, `${JSON.stringify({ ...process.memoryUsage(), collected: gc !== undefined })}\n`);
});
