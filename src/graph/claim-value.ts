/**
 * Claim values as the API shows them: money normalised to US dollars at the rate of the
 * month the figure was first published.
 */

import { toUsd, type UsdConversion } from '../model/index.ts';
import { timeline } from './corroboration.ts';
import type { KnowledgeGraph } from './knowledge-graph.ts';
import type { ClaimRecord } from './records.ts';

export function usdOf(kg: KnowledgeGraph, record: ClaimRecord): UsdConversion | null {
  const value = record.statement.value;
  if (value?.type !== 'Money') return null;
  const first = timeline(kg, record)[0];
  const published = first ? kg.article(first.articleId)?.published?.value ?? null : null;
  return toUsd(value, published, kg.rates);
}
