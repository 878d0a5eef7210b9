/**
 * Running the extractor over gold articles and scoring it. Curation plays no part: the
 * pipeline sees only each article's text and metadata and the entity registry.
 */

import type { Entity } from '../../model/entity.ts';
import { buildAliasIndex } from '../alias-index.ts';
import { ingestArticle } from '../ingest-article.ts';
import type { GoldArticle } from './gold.ts';
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
