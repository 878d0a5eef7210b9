/**
 * Corroboration: how many passages, articles and independent sources back a claim.
 *
 * Articles that credit the same upstream source for a claim count as one source: three
 * articles repeating Engadget's figure are one independent confirmation, not three. An
 * article that credits no one stands as its own source (grouped by its publisher when known).
 */

import type { Article, Entity, Evidence } from '../model/index.ts';
import type { KnowledgeGraph } from './knowledge-graph.ts';
import type { ClaimRecord } from './records.ts';

export interface IndependentSource {
  /** Stable key: the credited or publishing entity's ID, or the article's own ID. */
  key: string;
  /** The credited outlet or person, or the publisher of an article that credits no one. */
  entity: Entity | null;
  /** Set when an article with no known publisher is its own source. */
  article: Article | null;
  /** Every article that carries the claim from this source, earliest first. */
  articles: Article[];
}

export interface Corroboration {
  evidenceCount: number;
  articleCount: number;
  independentSourceCount: number;
  independentSources: IndependentSource[];
}

export function corroboration(kg: KnowledgeGraph, record: ClaimRecord): Corroboration {
  const byArticle = new Map<string, Evidence[]>();
  for (const evidence of record.evidence) {
    byArticle.set(evidence.articleId, [...(byArticle.get(evidence.articleId) ?? []), evidence]);
  }
  const sources = new Map<string, IndependentSource>();
  for (const [articleId, evidences] of byArticle) {
    const article = kg.article(articleId)!;
    const credited = [...new Set(evidences.map((e) => e.attributedTo).filter((id): id is string => id !== null))];
    const keys = credited.length > 0 ? credited : [article.publisher ?? article.id];
    for (const key of keys) {
      const source = sources.get(key) ?? {
        key,
        entity: kg.entity(key) ?? null,
        article: kg.entity(key) ? null : article,
        articles: [],
      };
      source.articles.push(article);
      sources.set(key, source);
    }
  }
  const independentSources = [...sources.values()].map((s) => ({ ...s, articles: byPublication(s.articles) }));
  independentSources.sort((a, b) => publishedKey(a.articles[0]!).localeCompare(publishedKey(b.articles[0]!)));
  return {
    evidenceCount: record.evidence.length,
    articleCount: byArticle.size,
    independentSourceCount: independentSources.length,
    independentSources,
  };
}

/** Sort key for articles by publication date; undated articles last, then by ID. */
export function publishedKey(article: Article): string {
  return `${article.published?.value ?? '9999'}|${article.sourceFile ?? article.id}`;
}

export function byPublication(articles: Article[]): Article[] {
  return [...articles].sort((a, b) => publishedKey(a).localeCompare(publishedKey(b)));
}

/** Evidence in the order the articles were published: the first is where a claim first appeared. */
export function timeline(kg: KnowledgeGraph, record: ClaimRecord): Evidence[] {
  return [...record.evidence].sort(
    (a, b) => publishedKey(kg.article(a.articleId)!).localeCompare(publishedKey(kg.article(b.articleId)!)) || a.start - b.start,
  );
}
