/**
 * Helpers for tests that run the whole pipeline over small texts.
 */

import { ingestArticle, type ArticleInput, type IngestResult } from '../../src/ingest/index.ts';
import type { Entity } from '../../src/model/entity.ts';
import { valueKey } from '../../src/model/value.ts';
import { REGISTRY } from './registry.ts';

export function ingest(body: string, more: Partial<ArticleInput> = {}, registry: Entity[] = REGISTRY): IngestResult {
  return ingestArticle({ body, published: '2022-08', ...more }, registry);
}

/** Each claim as "subject PREDICATE object-or-value", for readable assertions. */
export function statements(result: IngestResult): string[] {
  return result.claims.map(({ claim }) => `${claim.negated ? 'NOT ' : ''}${claim.subject} ${claim.predicate} ${claim.object ?? (claim.value ? valueKey(claim.value) : '')}`);
}

/** The evidence of the first claim with the given predicate and subject. */
export function evidenceOf(result: IngestResult, predicate: string, subject?: string) {
  const found = result.claims.find(({ claim }) => claim.predicate === predicate && (!subject || claim.subject === subject));
  if (!found) throw new Error(`no ${predicate} claim${subject ? ` about ${subject}` : ''} in: ${statements(result).join('; ')}`);
  return found.evidence;
}
