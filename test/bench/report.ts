/**
 * The benchmark's one table, as Markdown: the machine, claimgraph and each peer per query
 * with ratios, the scale rows, ingest rates and the profile's top entries.
 */

import type { DiskWait } from './machine.ts';
import type { BenchResults, TargetRun } from './run.ts';
import { SETTLE_MS, type LoadResult } from './wrk-driver.ts';
import { OPERATIONS } from './query-mix.ts';

const MB = 2 ** 20;
const num = (n: number | null | undefined, digits = 0) =>
  n == null || !Number.isFinite(n) ? '—' : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (n: number | null | undefined) => (n == null ? '—' : n < 10 ? num(n, 2) : num(n, 1));
const ratio = (ours: number | undefined, theirs: number | undefined) =>
  ours && theirs ? `${(ours / theirs).toFixed(2)}×` : '—';

export function renderReport(results: BenchResults): string {
  const m = results.machine;
  const lines: string[] = [];
  lines.push(`# claimgraph benchmark, ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC`, '');
  lines.push(
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB memory, Node ${m.node}, Linux ${m.kernel}. ` +
      `Load average at start ${m.loadAverage.join(' ')}, at end ${results.machineAfter.loadAverage.join(' ')}` +
      `${results.loadDuring.length ? `; 1-minute load after each run: ${summariseLoad(results.loadDuring)}` : ''}.`,
    '',
    `Code: commit ${results.commit}${results.uncommittedSrcFiles ? ` with ${results.uncommittedSrcFiles} uncommitted file(s) under src/ in the work tree` : ''}.`,
    '',
    `Load: ${results.tool} on its own core, ${results.options.connections} connections, ${results.options.duration} s per row after a warm-up with the mix as long as a row (at most 15 s); ` +
      `${results.tool === 'wrk' ? `each connection waits ${SETTLE_MS} ms before its first request, so none is timed while the server is still accepting the others, and requests/s are counted without the wait; ` : ''}` +
      `each server pinned to the other core with taskset${results.nodeFlags?.length ? `, each Node server started with claimgraph's \`npm start\` flags (${results.nodeFlags.join(' ')})` : ''}. Queries draw their IDs and search terms from across the corpus. ` +
      `Response cache: ${results.responseCache}.`,
    '',
  );

  for (const t of results.throughput) {
    const c = t.corpus;
    lines.push(`## Query throughput, ${t.size === 'seed' ? 'seed corpus' : `${num(c.claims)} claims`} ` +
      `(${num(c.entities)} entities, ${num(c.articles)} articles, ${num(c.claims)} claims, ${num(c.evidence)} evidence)`, '');
    const ours = t.runs.find((r) => r.target === 'claimgraph');
    const peers = t.runs.filter((r) => r.target !== 'claimgraph');
    const header = ['query', `${ours?.label ?? 'claimgraph'} req/s`, 'p50 ms', 'p99 ms', ...peers.flatMap((p) => [`${p.label} req/s`, `p99 ms`, `claimgraph ÷ ${p.label}`])];
    lines.push(`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
    for (const op of [...OPERATIONS, 'mix'] as const) {
      const o = ours?.results[op];
      const done = (r: LoadResult | undefined) => (r && r.requests > 0 ? r : undefined);
      const cells = [op === 'mix' ? '**mix**' : op, num(o?.rps), ms(done(o)?.p50), ms(done(o)?.p99)];
      for (const p of peers) {
        const r = p.results[op];
        cells.push(num(r?.rps), ms(done(r)?.p99), ratio(o?.rps, r?.rps));
      }
      lines.push(`| ${cells.join(' | ')} |`);
    }
    lines.push('');
    lines.push('One request at a time, median ms (20 sample requests per query, before the load):', '');
    lines.push(`| system | ${OPERATIONS.join(' | ')} |`, `|---|${OPERATIONS.map(() => '---:').join('|')}|`);
    for (const r of t.runs) lines.push(`| ${r.label} | ${OPERATIONS.map((op) => ms(r.single[op]?.median)).join(' | ')} |`);
    lines.push('');
    for (const r of t.runs) lines.push(`- ${r.label}: ${describeRun(r)}`);
    if (t.agreement) lines.push(`- bare node:http gives the same JSON as claimgraph for ${t.agreement} sample requests`);
    const bareMix = t.runs.find((r) => r.target === 'bare')?.results.mix?.rps;
    for (const r of t.runs.filter((x) => x.target.startsWith('claimgraph'))) {
      if (bareMix && r.results.mix) lines.push(`- ${r.label}: the mix at ${(r.results.mix.rps / bareMix).toFixed(2)} of the bare node:http ceiling's requests/s`);
    }
    lines.push('');
  }

  if (results.scale.length > 0) {
    lines.push('## Scale', '');
    const cached = results.scale.some((row) => row.cachedMix !== undefined);
    lines.push(`| claims | entities | articles | facts | import s | first start s | restart s | heap MB | RSS MB | heap B/claim | mix req/s | mix p99 ms |${cached ? ' + answer cache req/s | p99 ms |' : ''}`);
    lines.push(`|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|${cached ? '---:|---:|' : ''}`);
    for (const row of results.scale) {
      lines.push(`| ${row.size === 'seed' ? 'seed' : num(row.claims)} | ${num(row.entities)} | ${num(row.articles)} | ${num(row.facts)} | ` +
        `${num(row.importSeconds, 1)} | ${num(row.firstStartMs && row.firstStartMs / 1000, 1)} | ${num(row.coldStartMs / 1000, 1)} | ${num(row.heapUsed && row.heapUsed / MB)} | ${num(row.rss && row.rss / MB)} | ` +
        `${num(row.heapUsed && row.heapUsed / row.claims)} | ${num(row.mix?.rps)} | ${row.mix?.requests ? ms(row.mix.p99) : '—'} |` +
        (cached ? ` ${num(row.cachedMix?.rps)} | ${row.cachedMix?.requests ? ms(row.cachedMix.p99) : '—'} |` : ''));
    }
    if (results.scale.some((row) => row.everyClaim)) {
      lines.push('', 'The store opened in a process of its own, as the server opens it, then every claim\'s record read (a restart builds each record when it is first read):', '');
      lines.push('| claims | open s | heap MB after open | claims not yet read | read every claim s | heap MB after | B/claim after |', '|---:|---:|---:|---:|---:|---:|---:|');
      for (const row of results.scale) {
        const e = row.everyClaim;
        if (!e) continue;
        lines.push(`| ${num(row.claims)} | ${num(e.openMs / 1000, 1)}${e.fromSnapshot ? '' : ' (no snapshot)'} | ${num(e.heapAfterOpen / MB)} | ${num(e.unreadAfterOpen)} | ${num(e.readMs / 1000, 1)} | ${num(e.heapAfterRead / MB)} | ${num(e.heapAfterRead / e.claims)} |`);
      }
      for (const row of results.scale) {
        if (row.everyClaim?.unreadAfterRead) lines.push('', `- ${num(row.claims)}: ${num(row.everyClaim.unreadAfterRead)} claims were still unread after reading every claim, so its heap is not the most`);
      }
    }
    lines.push('', 'One request at a time (median ms of 20 sample requests per query, before the load):', '');
    lines.push(`| claims | ${OPERATIONS.join(' | ')} |`, `|---:|${OPERATIONS.map(() => '---:').join('|')}|`);
    for (const row of results.scale) {
      lines.push(`| ${row.size === 'seed' ? 'seed' : num(row.claims)} | ${OPERATIONS.map((op) => ms(row.single[op]?.median)).join(' | ')} |`);
    }
    if (results.scale.some((row) => row.disk)) {
      lines.push('', 'Disk waits: the share of each stretch\'s wall time in which every runnable task on the machine was stalled on I/O, and the file data read back from disk after the kernel had let it go from its page cache (a mix\'s stretch includes its sample requests and warm-up):', '');
      lines.push('| claims | first start | restart | mix | + answer cache mix |', '|---:|---:|---:|---:|---:|');
      for (const row of results.scale) {
        if (!row.disk) continue;
        lines.push(`| ${row.size === 'seed' ? 'seed' : num(row.claims)} | ${waited(row.disk.firstStart)} | ${waited(row.disk.restart)} | ${waited(row.disk.mix)} | ${waited(row.disk.cachedMix)} |`);
      }
    }
    for (const row of results.scale) {
      if (row.mix && row.mix.requests === 0) lines.push('', `- ${num(row.claims)}: no request of the mix completed within the ${results.options.duration} s run at ${results.options.connections} connections`);
      if (row.verified?.failed) lines.push('', `- ${row.size}: ${row.verified.failed} of ${row.verified.ok + row.verified.failed} sample answers were errors (first: ${row.verified.firstError?.slice(0, 200)})`);
      if (row.error) lines.push('', `- ${row.size}: ${row.error}`);
    }
    lines.push('', 'First start: process spawn to the first 200 from /health right after `claimgraph import`, the server deriving everything (graph, search index) from the fact log. Restart: the same again, reusing what the first start kept beside the store; heap, RSS and the mix are measured on the restarted server; "+ answer cache" is the mix on a server restarted again with its default answer cache. Heap: V8 heap used after a full GC once loaded; RSS from /proc. Mix p99 over a loaded server: requests queue behind slow ones.', '');
  }

  if (results.ingest.length > 0) {
    lines.push('## Ingest', '');
    lines.push('| articles | pipeline articles/s | facts per article | durable articles/s | durable facts/s |', '|---|---:|---:|---:|---:|');
    for (const r of results.ingest) {
      lines.push(`| ${r.corpus} | ${num(r.articlesPerSecond)} | ${num(r.factsPerArticle, 1)} | ${num(r.durableArticlesPerSecond)} | ${num(r.durableFactsPerSecond)} |`);
    }
    lines.push('', 'Durable: each article ingested and its facts appended as one fsynced batch (WAL, synchronous FULL) to a fresh SQLite fact log.', '');
  }

  for (const p of results.profile) {
    lines.push(`## Profile: ${p.phase}, ${p.size === 'seed' ? 'seed corpus' : `${num(p.size as number)} claims`}`, '');
    lines.push(`${num(p.totalMs)} ms of CPU sampled${p.mix ? `, mix at ${num(p.mix.rps)} req/s under --cpu-prof` : ''}.`, '');
    lines.push('| area | self ms | share |', '|---|---:|---:|');
    for (const a of p.areas.slice(0, 10)) lines.push(`| ${a.area} | ${num(a.selfMs)} | ${a.share}% |`);
    lines.push('', '| function | where | self ms | share |', '|---|---|---:|---:|');
    for (const f of p.functions.slice(0, 15)) lines.push(`| ${f.name} | ${f.where} | ${num(f.selfMs)} | ${f.share}% |`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

function describeRun(r: TargetRun): string {
  const parts = [`code ${r.code}`, `cold start ${num(r.coldStartMs / 1000, 2)} s`];
  if (r.heapUsed != null) parts.push(`heap ${num(r.heapUsed / MB)} MB`);
  if (r.rss != null) parts.push(`RSS ${num(r.rss / MB)} MB`);
  if (r.disk?.start || r.disk?.load) parts.push(`disk waits: starting ${waited(r.disk.start)}, under load ${waited(r.disk.load)}`);
  parts.push(`sample answers ${r.verified.ok} ok, ${r.verified.failed} failed${r.verified.firstError ? ` (first: ${r.verified.firstError.slice(0, 160)})` : ''}`);
  const errors = Object.entries(r.results).filter(([, v]) => v && v.errors > 0).map(([k, v]) => `${k} ${v!.errors}`);
  if (errors.length) parts.push(`HTTP errors under load: ${errors.join(', ')}`);
  if (r.error) parts.push(`FAILED: ${r.error.slice(0, 300)}`);
  return parts.join('; ');
}

/** A disk wait as "12.3% · 450 MiB re-read", or a dash where it was not measured. */
export function waited(d: DiskWait | null | undefined): string {
  if (!d) return '—';
  return `${(d.stalledShare * 100).toFixed(1)}% · ${num(d.refaultMiB)} MiB re-read`;
}

function summariseLoad(samples: string[]): string {
  const ones = samples.map((s) => Number(s.split(' ')[0]));
  return `${Math.min(...ones).toFixed(2)}–${Math.max(...ones).toFixed(2)}`;
}
