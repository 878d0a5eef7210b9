/**
 * Running the extractor over gold articles and scoring it, per article and per set. Curation plays no part: the
 * pipeline sees only each article's text and metadata and the entity registry.
 */

import type { Entity } from '../../model/entity.ts';
import { buildAliasIndex } from '../alias-index.ts';
import { ingestArticle } from '../ingest-article.ts';
import { fixtureGold, seedGold, type GoldArticle } from './gold.ts';
import { overall, scoreArticle, type ArticleScore } from './score.ts';

export interface Evaluation {
  articles: ArticleScore[];
  overall: Omit<ArticleScore, 'missed' | 'spurious'>;
}

export function evaluate(articles: readonly GoldArticle[], registry: readonly Entity[]): Evaluation {
  const aliasIndex = buildAliasIndex(registry);
  const scores = articles.map((gold) => {
    const result = ingestArticle(gold.input, registry, { aliasIndex });
    const entities = new Set([...result.mentions.map((m) => m.entityId), ...(result.article.publisher ? [result.article.publisher] : [])]);
    const evidence = result.claims.map(({ claim, evidence: e }) => ({
      subject: claim.subject,
      predicate: claim.predicate,
      object: claim.object,
      value: claim.value,
      negated: claim.negated,
      start: e.start,
      end: e.end,
    }));
    return scoreArticle(gold.name, { entities, evidence }, { entities: gold.entities, evidence: gold.evidence });
  });
  return { articles: scores, overall: overall(scores) };
}

export interface EvalReport {
  seeds: Evaluation;
  /** Fixtures the rules were developed against. */
  fixtures: Evaluation;
  /** Fixtures written after the rules were settled ("heldout" in the name), never used to tune them. */
  heldOut: Evaluation;
  overall: Omit<ArticleScore, 'missed' | 'spurious'>;
}

/** The seed corpus (gold from dataDir's curation) and the fixtures in fixturesDir, scored. */
export async function evaluateAll(dataDir: string, fixturesDir: string): Promise<EvalReport> {
  const seeds = await seedGold(dataDir);
  const labelled = await fixtureGold(fixturesDir);
  const fixtures = evaluate(labelled.filter((a) => !a.name.includes('heldout')), seeds.registry);
  const heldOut = evaluate(labelled.filter((a) => a.name.includes('heldout')), seeds.registry);
  const seedScores = evaluate(seeds.articles, seeds.registry);
  return { seeds: seedScores, fixtures, heldOut, overall: overall([...seedScores.articles, ...fixtures.articles, ...heldOut.articles]) };
}

