/**
 * The machine a benchmark ran on, recorded beside its numbers: cores, CPU model, memory,
 * Node version and the load average before and after, since other work on a shared machine
 * moves every figure.
 */

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
