/**
 * The bench's disk watch reads Linux's I/O pressure and page-cache refault counters and says
 * how much of a stretch of wall time was stalled on the disk and how much file data was read
 * back; where the kernel reports neither it gives no figure rather than a zero.
 */

import { describe, expect, it } from 'vitest';
import { watchDisk, type DiskSources } from './machine.ts';
import { waited } from './report.ts';

/** /proc as it reads at successive moments: each read of a file advances that file one step. */
function procAt(steps: { ms: number; stalledMicros: number; refaults: number }[]): DiskSources {
  let pressureStep = 0;
  let vmstatStep = 0;
  let clockStep = 0;
  return {
    read(path) {
      if (path === '/proc/pressure/io') {
        const s = steps[Math.min(pressureStep++, steps.length - 1)]!;
        return `some avg10=0.00 avg60=0.00 avg300=0.00 total=${s.stalledMicros * 2}\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=${s.stalledMicros}\n`;
      }
      if (path === '/proc/vmstat') {
        const s = steps[Math.min(vmstatStep++, steps.length - 1)]!;
        return `nr_free_pages 1000\nworkingset_refault_anon 7\nworkingset_refault_file ${s.refaults}\npgsteal_file 0\n`;
      }
      throw Object.assign(new Error(`no such file ${path}`), { code: 'ENOENT' });
    },
    now: () => steps[Math.min(clockStep++, steps.length - 1)]!.ms,
  };
}

describe('watching the disk', () => {
  it('reports the stalled share of wall time and the MiB read back since it started', () => {
    const since = watchDisk(procAt([
      { ms: 1_000, stalledMicros: 5_000_000, refaults: 10_000 },
      { ms: 5_000, stalledMicros: 6_000_000, refaults: 10_000 + 25_600 },
    ]));
    expect(since).not.toBeNull();
    // 1 s stalled over 4 s of wall time; 25,600 pages of 4 KiB are 100 MiB.
    expect(since!()).toEqual({ stalledShare: 0.25, refaultMiB: 100 });
  });

  it('gives no figure where the kernel does not report I/O pressure or refaults', () => {
    const noPressure: DiskSources = { read: (path) => { if (path.endsWith('vmstat')) return 'workingset_refault_file 1\n'; throw new Error('ENOENT'); }, now: () => 0 };
    const noRefaults: DiskSources = { read: (path) => (path.endsWith('vmstat') ? 'nr_free_pages 1\n' : 'full avg10=0 avg60=0 avg300=0 total=1\n'), now: () => 0 };
    expect(watchDisk(noPressure)).toBeNull();
    expect(watchDisk(noRefaults)).toBeNull();
  });

  it('is written in the report as a percentage and MiB, or a dash when not measured', () => {
    expect(waited({ stalledShare: 0.123, refaultMiB: 450.4 })).toBe('12.3% · 450 MiB re-read');
    expect(waited(null)).toBe('—');
  });
});
