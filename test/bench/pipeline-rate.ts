/**
 * Ingest rates: articles per second through the ingestion pipeline (ingestArticle: text in,
 * facts out), and durable facts per second when each article's facts are appended to a
 * SQLite fact log as one fsynced batch, as a running server does for ingestArticle.
 *
 * Articles are the seed corpus's five (the messy real ones) and synthetic ones against the
 * synthetic registry, so both the hard and the plain case are on record.
 */

import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { loadCorpus } from '../../src/corpus/index.ts';
import { buildAliasIndex, ingestArticle, type ArticleInput } from '../../src/ingest/index.ts';
import type { Entity, Fact } from '../../src/model/index.ts';
import { SqliteFactLog } from '../../src/store/index.ts';

export interface IngestRate {
  corpus: string;
  articles: number;
  articlesPerSecond: number;
  factsPerArticle: number;
  /** Facts per second, ingesting and appending each article durably. */
  durableFactsPerSecond: number;
  durableArticlesPerSecond: number;
}

const ROOT = join(import.meta.dirname, '..', '..');

async function measure(label: string, inputs: ArticleInput[], registry: Entity[], seconds: number): Promise<IngestRate> {
  const aliasIndex = buildAliasIndex(registry);
  // Pure pipeline: repeat the inputs until the time is up.
  let articles = 0;
  let facts = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    const input = inputs[articles % inputs.length]!;
    facts += ingestArticle(input, registry, { aliasIndex }).facts.length;
    articles++;
  }
  const elapsed = (performance.now() - start) / 1000;

  // Through the store: each article's facts as one durable batch into a fresh log.
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-ingest-'));
  const log = SqliteFactLog.open(join(dir, 'log.sqlite'));
  let durable = 0;
  let durableArticles = 0;
  const seen = new Set<string>();
  const started = performance.now();
  try {
    while (performance.now() - started < seconds * 1000 && durableArticles < inputs.length * 50) {
      const input = inputs[durableArticles % inputs.length]!;
      // The same text twice is the same article; vary it so each append is a new article.
      const varied = { ...input, body: `${input.body}\n\nUpdate ${durableArticles}.` };
      const result = ingestArticle(varied, registry, { aliasIndex });
      const batch: Fact[] = result.facts.filter((f) => f.type !== 'EntityAdded' || !seen.has(f.entity.id));
      for (const f of batch) if (f.type === 'EntityAdded') seen.add(f.entity.id);
      await log.append(batch, { actor: 'bench' });
      durable += batch.length;
      durableArticles++;
    }
  } finally {
    await log.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const durableElapsed = (performance.now() - started) / 1000;
  return {
    corpus: label,
    articles,
    articlesPerSecond: articles / elapsed,
    factsPerArticle: facts / articles,
    durableFactsPerSecond: durable / durableElapsed,
    durableArticlesPerSecond: durableArticles / durableElapsed,
  };
}

/** The seed corpus's articles, as a client would send them. */
async function seedInputs(): Promise<{ inputs: ArticleInput[]; registry: Entity[] }> {
  const corpus = await loadCorpus(join(ROOT, 'data'));
  const inputs = corpus.articles.map((a) => ({
    body: a.body, title: a.title, publisher: a.publisher ?? undefined, url: a.url ?? undefined,
    published: a.published ? { value: a.published.value, precision: a.published.precision } : undefined, format: 'text' as const,
  }));
  return { inputs, registry: corpus.entities };
}

/** The first `count` synthetic articles of a generated corpus, with its registry. */
async function syntheticInputs(factsFile: string, count: number): Promise<{ inputs: ArticleInput[]; registry: Entity[] }> {
  const registry: Entity[] = [];
  const inputs: ArticleInput[] = [];
  for await (const line of createInterface({ input: createReadStream(factsFile), crlfDelay: Infinity })) {
    const { fact } = JSON.parse(line) as { fact: Fact };
    if (fact.type === 'EntityAdded') registry.push(fact.entity);
    else if (fact.type === 'ArticleAdded') {
      const a = fact.article;
      inputs.push({ body: a.body, title: a.title, publisher: a.publisher ?? undefined, published: a.published ? { value: a.published.value, precision: a.published.precision } : undefined, format: 'text' });
      if (inputs.length >= count) break;
    }
  }
  return { inputs, registry };
}

export async function pipelineRates(syntheticFacts: string | null, seconds: number): Promise<IngestRate[]> {
  const out: IngestRate[] = [];
  const seed = await seedInputs();
  out.push(await measure('seed (5 real articles)', seed.inputs, seed.registry, seconds));
  if (syntheticFacts) {
    const synthetic = await syntheticInputs(syntheticFacts, 200);
    out.push(await measure('synthetic (200 articles, 1,000-entity registry)', synthetic.inputs, synthetic.registry, seconds));
  }
  return out;
}
