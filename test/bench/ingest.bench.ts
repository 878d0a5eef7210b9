/**
 * Ingestion throughput on one core: articles per second and MB per second through the whole
 * pipeline (ingestArticle: checks, language, normalise, segment, mentions, resolve, claims,
 * facts), over synthetic articles of about 3 KB built from the labelled fixtures.
 *
 *   node test/bench/ingest.bench.ts [--articles 600] [--rounds 5] [--size 3000]
 *
 * A plain node script, not part of npm test. It pins itself to CPU 0 with taskset when that is
 * available, so the figure is one core's. Each synthetic article is a different shuffle of
 * fixture paragraphs, so no two share a content hash.
 */

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../../src/corpus/index.ts';
import { buildAliasIndex, ingestArticle, type ArticleInput } from '../../src/ingest/index.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const PINNED = 'CLAIMGRAPH_BENCH_PINNED';

if (process.env[PINNED] === undefined && process.platform === 'linux') {
  const pinned = spawnSync('taskset', ['-c', '0', process.execPath, ...process.execArgv, import.meta.filename, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, [PINNED]: '1' },
  });
  if (pinned.error === undefined) process.exit(pinned.status ?? 1);
  process.env[PINNED] = '0'; // taskset is missing: measure unpinned, and say so.
}

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '600' },
    rounds: { type: 'string', default: '5' },
    size: { type: 'string', default: '3000' },
  },
});
const count = Number(values.articles);
const rounds = Number(values.rounds);
const size = Number(values.size);

/** A deterministic shuffle, so runs compare. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed * 2654435761 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function syntheticArticles(): ArticleInput[] {
  const dir = join(ROOT, 'test', 'fixtures', 'articles');
  const paragraphs = readdirSync(dir)
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\n\s*\n/))
    .map((p) => p.trim())
    .filter((p) => p.length > 80);
  const articles: ArticleInput[] = [];
  for (let i = 0; i < count; i++) {
    const parts: string[] = [];
    let length = 0;
    for (const p of shuffled(paragraphs, i + 1)) {
      if (length >= size) break;
      parts.push(p);
      length += p.length + 2;
    }
    articles.push({ body: parts.join('\n\n'), published: '2024-06-01', format: 'text' });
  }
  return articles;
}

const { entities } = await loadCorpus(join(ROOT, 'data'));
const aliasIndex = buildAliasIndex(entities);
const articles = syntheticArticles();
const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.body, 'utf8'), 0);

// Warm up the JIT and the lazily built lexicons before timing.
for (const article of articles.slice(0, 100)) ingestArticle(article, entities, { aliasIndex });

const rates: number[] = [];
let claims = 0;
for (let round = 0; round < rounds; round++) {
  const start = performance.now();
  for (const article of articles) claims += ingestArticle(article, entities, { aliasIndex }).claims.length;
  rates.push(articles.length / ((performance.now() - start) / 1000));
}
rates.sort((a, b) => a - b);
const median = rates[Math.floor(rates.length / 2)]!;
const mbPerSecond = (median * (bytes / articles.length)) / 1e6;

console.log(`node ${process.version} on ${process.platform}/${process.arch}, ${process.env[PINNED] === '1' ? 'pinned to CPU 0 (taskset)' : 'not pinned (no taskset)'}`);
console.log(`${articles.length} synthetic articles of ${Math.round(bytes / articles.length)} bytes on average, ${rounds} rounds, ${Math.round(claims / rounds / articles.length * 10) / 10} claims per article`);
console.log(`articles/s  median ${median.toFixed(0)}  (min ${rates[0]!.toFixed(0)}, max ${rates.at(-1)!.toFixed(0)})`);
console.log(`MB/s        median ${mbPerSecond.toFixed(2)}`);
console.log(`target      200 articles/s of ~3 KB: ${median >= 200 ? 'met' : 'NOT met'}`);
