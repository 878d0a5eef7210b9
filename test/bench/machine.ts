/**
 * The machine a benchmark ran on, recorded beside its numbers: cores, CPU model, memory,
 * Node version and the load average before and after, since other work on a shared machine
 * moves every figure; and how long a run waited on the disk, since a file the kernel has let
 * go of from its page cache is read again from disk and every figure that touches it moves too.
 */

import { readFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem, release } from 'node:os';

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  freeMemoryGiB: number;
  node: string;
  kernel: string;
  loadAverage: [number, number, number];
}

export function describeMachine(): Machine {
  const [one, five, fifteen] = loadavg() as [number, number, number];
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGiB: Math.round((freemem() / 2 ** 30) * 10) / 10,
    node: process.version,
    kernel: release(),
    loadAverage: [round2(one), round2(five), round2(fifteen)],
  };
}

export function loadAverage(): string {
  return (loadavg() as number[]).map((n) => n.toFixed(2)).join(' ');
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** How much a stretch of the run waited on the disk. */
export interface DiskWait {
  /** Share of the stretch's wall time in which every runnable task was stalled on I/O (Linux PSI, io "full"). */
  stalledShare: number;
  /** File pages read back after the kernel had dropped them from its page cache, in MiB (pages of 4 KiB, as on x86-64 Linux). */
  refaultMiB: number;
}

interface DiskCounters {
  at: number;
  stalledMicros: number;
  refaultPages: number;
}

/** Where the disk counters are read from: the files under /proc, and a clock in milliseconds. */
export interface DiskSources {
  read: (path: string) => string;
  now: () => number;
}

const PROC: DiskSources = { read: (path) => readFileSync(path, 'utf8'), now: () => performance.now() };
const PAGE_BYTES = 4096;

/**
 * Starts watching the disk; the returned function says how much was waited since. Null where
 * the kernel does not report it (no /proc/pressure/io, or no refault count in /proc/vmstat).
 */
export function watchDisk(sources: DiskSources = PROC): (() => DiskWait) | null {
  const start = diskCounters(sources);
  if (!start) return null;
  return () => {
    const end = diskCounters(sources) ?? start;
    const wallMicros = Math.max(1, (end.at - start.at) * 1000);
    return {
      stalledShare: Math.min(1, (end.stalledMicros - start.stalledMicros) / wallMicros),
      refaultMiB: ((end.refaultPages - start.refaultPages) * PAGE_BYTES) / 2 ** 20,
    };
  };
}

function diskCounters({ read, now }: DiskSources): DiskCounters | null {
  try {
    const stalled = /^full .*total=(\d+)/m.exec(read('/proc/pressure/io'));
    const refaults = /^workingset_refault_file (\d+)/m.exec(read('/proc/vmstat'));
    if (!stalled || !refaults) return null;
    return { at: now(), stalledMicros: Number(stalled[1]), refaultPages: Number(refaults[1]) };
  } catch {
    return null;
  }
}
