/**
 * `claimgraph eval [--json] [--verbose] [--data dir] [--fixtures dir]` (npm run eval): scores the
 * extractor alone, with curation switched off, against labelled articles: the seed corpus (gold:
 * the curated claims in data/curation/, read through the corpus loader) and the fixtures in
 * test/fixtures/ (gold: test/fixtures/labels/). Prints precision, recall and F1 for entities,
 * claims and evidence spans, per article, per set and overall.
 */

import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { evaluateAll, type EvalReport } from '../ingest/eval/evaluate.ts';
import type { ArticleScore, Score, SpannedStatement } from '../ingest/eval/score.ts';
import { valueKey } from '../model/value.ts';

const DEFAULT_FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));

type Row = Omit<ArticleScore, 'missed' | 'spurious'>;

function cells(s: Score): string {
  return `${s.precision.toFixed(2)} ${s.recall.toFixed(2)} ${s.f1.toFixed(2)}`;
}

function table(rows: Row[]): string {
  const width = Math.max(28, ...rows.map((r) => r.article.length));
  const head = `${'article'.padEnd(width)}  ${'entities P  R   F1'.padEnd(16)}  ${'claims P  R   F1'.padEnd(16)}  evidence P  R   F1`;
  const lines = rows.map((r) => `${r.article.padEnd(width)}  ${cells(r.entities).padEnd(16)}  ${cells(r.claims).padEnd(16)}  ${cells(r.evidence)}`);
  return [head, '-'.repeat(head.length), ...lines].join('\n');
}

function describe(s: SpannedStatement): string {
  return `${s.negated ? 'NOT ' : ''}${s.subject} ${s.predicate} ${s.object ?? (s.value ? valueKey(s.value) : '')} @${s.start}-${s.end}`;
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', short: 'v', default: false },
      data: { type: 'string' },
      fixtures: { type: 'string' },
    },
  });
  const dataDir = values.data ?? loadConfig().dataDir;
  let report: EvalReport;
  try {
    report = await evaluateAll(dataDir, values.fixtures ?? DEFAULT_FIXTURES);
  } catch (error) {
    console.error(`claimgraph eval: ${(error as Error).message}`);
    return 1;
  }
  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
    return 0;
  }
  const rows: Row[] = [
    ...report.seeds.articles,
    { ...report.seeds.overall, article: 'seed corpus' },
    ...report.fixtures.articles,
    { ...report.fixtures.overall, article: 'fixtures (development)' },
    ...report.heldOut.articles,
    { ...report.heldOut.overall, article: 'fixtures (held out)' },
    { ...report.overall, article: 'overall' },
  ];
  console.log('Extractor alone (curation switched off): precision, recall, F1 per article, micro-averaged per set.');
  console.log('Claims match on subject, predicate and object or value; evidence also on the cited sentence.\n');
  console.log(table(rows));
  if (values.verbose) {
    for (const a of [...report.seeds.articles, ...report.fixtures.articles, ...report.heldOut.articles]) {
      if (a.missed.length + a.spurious.length === 0) continue;
      console.log(`\n${a.article}`);
      for (const m of a.missed) console.log(`  missed    ${describe(m)}`);
      for (const s of a.spurious) console.log(`  spurious  ${describe(s)}`);
    }
  }
  return 0;
}
