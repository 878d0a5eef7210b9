/**
 * Benchmark corpora: writes one corpus, at a requested size, in every form the benchmark
 * loads: `facts.jsonl` (the `claimgraph import` format), `rates.yaml` (the exchange-rate
 * table claimgraph reads beside its store), CSV tables and a load script for PostgreSQL,
 * N-Triples for Oxigraph, and `sample.json` (IDs and search terms for the query mix).
 *
 *   node test/bench/generate-corpus.ts --claims 100000 [--seed bench] [--out dir]
 *   node test/bench/generate-corpus.ts --claims seed        # the shipped corpus in data/
 *
 * All forms come from the one fact stream, so every system is loaded with the same data. A
 * directory that already holds a finished corpus of the same size and seed is reused.
 */

import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../../src/corpus/index.ts';
import { formatLine } from '../../src/store/jsonl.ts';
import type { StoredFact } from '../../src/store/fact-log.ts';
import { PeerExports, postgresLoadScript } from './corpus/peer-exports.ts';
import { QuerySampler, type QuerySample } from './corpus/query-sample.ts';
import { Random } from './corpus/random.ts';
import { syntheticFacts, type SyntheticSummary } from './corpus/synthetic-facts.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface CorpusFiles {
  dir: string;
  /** `seed` for the shipped corpus, else the number of distinct claims. */
  size: 'seed' | number;
  seed: string;
  facts: string;
  /** A directory holding rates.yaml, for CLAIMGRAPH_DATA_DIR. */
  dataDir: string;
  postgresScript: string;
  ntriples: string;
  summary: SyntheticSummary & { jsonlBytes: number; seconds: number };
  sample: QuerySample;
}

/** Bumped whenever the generator or an export changes, so stale cached corpora are rebuilt. */
export const CORPUS_FORMAT = 2;

export function defaultCorpusDir(size: 'seed' | number, seed: string): string {
  return join(tmpdir(), 'claimgraph-bench', `corpus-${size}-${seed}`);
}

/** Writes (or reuses) a corpus and returns where each form is. */
export async function generateCorpus(options: { size: 'seed' | number; seed?: string; dir?: string; log?: (line: string) => void }): Promise<CorpusFiles> {
  const seed = options.seed ?? 'bench';
  const dir = options.dir ?? defaultCorpusDir(options.size, seed);
  const files = {
    dir,
    size: options.size,
    seed,
    facts: join(dir, 'facts.jsonl'),
    dataDir: dir,
    postgresScript: join(dir, 'load-postgres.sql'),
    ntriples: join(dir, 'graph.nt'),
  };
  const done = join(dir, 'summary.json');
  if (existsSync(done)) {
    const { format, ...summary } = JSON.parse(readFileSync(done, 'utf8')) as CorpusFiles['summary'] & { format?: number };
    if (format === CORPUS_FORMAT) {
      // The load script is cheap and may have changed since the corpus was written.
      writeFileSync(files.postgresScript, postgresLoadScript(dir));
      const sample = JSON.parse(readFileSync(join(dir, 'sample.json'), 'utf8')) as QuerySample;
      return { ...files, summary, sample };
    }
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const summary: SyntheticSummary = { entities: 0, articles: 0, claims: 0, evidence: 0, mentions: 0, facts: 0 };

  let facts: Iterable<StoredFact>;
  if (options.size === 'seed') {
    const corpus = await loadCorpus(join(ROOT, 'data'));
    facts = corpus.facts.map((fact, i) => ({ seq: i + 1, batch: 1, at: '2024-01-01T00:00:00.000Z', actor: 'corpus', fact }));
    await copyFile(join(ROOT, 'data', 'rates.yaml'), join(dir, 'rates.yaml'));
  } else {
    facts = syntheticFacts({ claims: options.size, seed }, summary);
    writeFileSync(join(dir, 'rates.yaml'), syntheticRates(seed));
  }

  const out = createWriteStream(files.facts);
  const peers = new PeerExports(dir);
  const sampler = new QuerySampler(seed);
  let chunk = '';
  let bytes = 0;
  let count = 0;
  const claims = new Set<string>();
  for (const stored of facts) {
    count++;
    const line = `${formatLine(stored)}\n`;
    chunk += line;
    bytes += Buffer.byteLength(line);
    if (chunk.length >= 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
    await peers.add(stored.fact);
    sampler.add(stored.fact);
    if (options.size === 'seed' && stored.fact.type === 'ClaimStated') claims.add(stored.fact.claim.id);
    if (count % 500_000 === 0) options.log?.(`  ${count} facts written`);
  }
  out.end(chunk);
  await once(out, 'finish');
  await peers.close();
  if (options.size === 'seed') {
    const all = [...(facts as StoredFact[])].map((s) => s.fact);
    summary.entities = all.filter((f) => f.type === 'EntityAdded').length;
    summary.articles = all.filter((f) => f.type === 'ArticleAdded').length;
    summary.mentions = all.filter((f) => f.type === 'MentionFound').length;
    summary.evidence = all.filter((f) => f.type === 'ClaimStated').length;
    summary.claims = claims.size;
    summary.facts = all.length;
  }
  writeFileSync(files.postgresScript, postgresLoadScript(dir));
  const sample = sampler.sample();
  writeFileSync(join(dir, 'sample.json'), JSON.stringify(sample));
  const full = { ...summary, jsonlBytes: bytes, seconds: Math.round((performance.now() - started) / 100) / 10 };
  writeFileSync(done, JSON.stringify({ ...full, format: CORPUS_FORMAT }, null, 2));
  return { ...files, summary: full, sample };
}

/** A monthly rate table for every currency the generator uses, as a seeded random walk. */
export function syntheticRates(seed: string): string {
  const random = new Random(`rates:${seed}`);
  const start: Record<string, number> = { EUR: 1.1, CNY: 0.15, JPY: 0.0085, GBP: 1.3 };
  const lines = [
    '# Synthetic exchange rates for the benchmark corpus (test/bench/generate-corpus.ts).',
    'source: >-',
    '  Synthetic monthly rates: a seeded random walk around realistic levels. For benchmarking only.',
    '',
    'rates:',
  ];
  for (const [currency, first] of Object.entries(start)) {
    let rate = first;
    for (let year = 2014; year <= 2026; year++) {
      for (let month = 1; month <= 12; month++) {
        rate *= 1 + (random.next() - 0.5) * 0.04;
        lines.push(`  - { currency: ${currency}, month: ${year}-${String(month).padStart(2, '0')}, usdPerUnit: ${rate.toPrecision(4)} }`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      claims: { type: 'string', default: '10000' },
      seed: { type: 'string', default: 'bench' },
      out: { type: 'string' },
    },
  });
  const size = values.claims === 'seed' ? 'seed' : Number(values.claims);
  if (size !== 'seed' && (!Number.isInteger(size) || size < 1)) {
    console.error(`generate-corpus: --claims must be a positive integer or "seed", got ${values.claims}`);
    process.exit(2);
  }
  const corpus = await generateCorpus({ size, seed: values.seed, dir: values.out, log: console.log });
  console.log(`${corpus.dir}: ${JSON.stringify(corpus.summary)}`);
}
