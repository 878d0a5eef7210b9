/**
 * Reads a V8 .cpuprofile (node --cpu-prof) and says where the time went: self time per
 * function and per package or source folder, the largest first.
 */

import type { LoadResult } from './wrk-driver.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  size: number | 'seed';
  /** Which part of the process's life: loading the graph, or serving the mix. */
  phase: string;
  totalMs: number;
  mix: LoadResult | null;
  functions: { name: string; where: string; selfMs: number; share: number }[];
  areas: { area: string; selfMs: number; share: number }[];
}

/** Groups a script URL: a package under node_modules, a folder under src/, or Node itself. */
export function areaOf(url: string): string {
  if (url === '') return '(V8 / native)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  const src = /\/src\/([^/]+)\//.exec(url);
  if (src) return `src/${src[1]}`;
  if (url.startsWith('node:')) return 'node: (runtime)';
  return url.replace(/^file:\/\//, '');
}

/**
 * Self time within one window of the profile, in milliseconds from its start: `fromMs` to
 * `toMs` (the load phase is spawn → healthy, the serving phase after it). Idle time (the
 * `(idle)` node) is left out.
 */
export function summariseProfile(
  profile: CpuProfile,
  window: { phase: string; fromMs: number; toMs: number },
  size: number | 'seed',
  mix: LoadResult | null,
  top = 20,
): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  let at = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at < window.fromMs * 1000 || at > window.toMs * 1000) continue;
    const id = profile.samples[i]!;
    if (byId.get(id)!.callFrame.functionName === '(idle)') continue;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  }
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const functions = new Map<string, { name: string; where: string; us: number }>();
  const areas = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    const name = frame.functionName || '(anonymous)';
    const file = frame.url.replace(/^file:\/\//, '').replace(/^.*\/(node_modules|src|test)\//, '$1/');
    const where = frame.url ? `${file}:${frame.lineNumber + 1}` : '';
    const key = `${name}@${where}`;
    const entry = functions.get(key) ?? { name, where, us: 0 };
    entry.us += us;
    functions.set(key, entry);
    const area = areaOf(frame.url);
    areas.set(area, (areas.get(area) ?? 0) + us);
  }
  const share = (us: number) => Math.round((us / total) * 1000) / 10;
  return {
    size,
    phase: window.phase,
    totalMs: Math.round(total / 1000),
    mix,
    functions: [...functions.values()].sort((a, b) => b.us - a.us).slice(0, top)
      .map((f) => ({ name: f.name, where: f.where, selfMs: Math.round(f.us / 1000), share: share(f.us) })),
    areas: [...areas].sort((a, b) => b[1] - a[1]).slice(0, top)
      .map(([area, us]) => ({ area, selfMs: Math.round(us / 1000), share: share(us) })),
  };
}
