/**
 * Claim extraction: every extractor over every sentence, then the two that need more than
 * one sentence (earlier attempts, makers named in product names).
 */

import type { Entity } from '../../model/entity.ts';
import type { SentenceView } from '../sentence-view.ts';
import { extractAvailability } from './availability.ts';
import { extractCompanyFacts } from './company.ts';
import type { ClaimDraft, ExtractContext, Extractor } from './draft.ts';
import { extractFeatures } from './feature.ts';
import { extractLaunches } from './launch.ts';
import { extractMakers, makersFromNames } from './maker.ts';
import { extractLensAndOptics } from './mount.ts';
import { extractPartnerships } from './partnership.ts';
import { extractPeople } from './people.ts';
import { extractPrices } from './price.ts';
import { extractProductTypes } from './product-type.ts';
import { extractProduction } from './production.ts';
import { extractSensors } from './sensor.ts';
import { extractLineage, extractPredecessors } from './variant.ts';

export type { ClaimDraft, ExtractContext, Extractor } from './draft.ts';

export const EXTRACTORS: readonly Extractor[] = [
  extractPartnerships,
  extractLaunches,
  extractMakers,
  extractProduction,
  extractPrices,
  extractAvailability,
  extractLensAndOptics,
  extractLineage,
  extractSensors,
  extractCompanyFacts,
  extractPeople,
  extractProductTypes,
  extractFeatures,
];

/** Drafts per sentence index. Repeated sentences (a standfirst printed twice) give nothing. */
export function extractDrafts(views: readonly SentenceView[], context: ExtractContext, companies: readonly Entity[]): Map<number, ClaimDraft[]> {
  const drafts = new Map<number, ClaimDraft[]>();
  const add = (index: number, more: ClaimDraft[]): void => {
    if (more.length > 0) drafts.set(index, [...(drafts.get(index) ?? []), ...more]);
  };
  for (const view of views) {
    if (view.duplicate) continue;
    for (const extractor of EXTRACTORS) add(view.index, extractor(view, context));
  }
  for (const [index, more] of extractPredecessors(views, context)) if (!views[index]?.duplicate) add(index, more);
  const stated = new Set<string>();
  for (const list of drafts.values()) for (const d of list) if (d.predicate === 'MANUFACTURED_BY') stated.add(d.subject);
  for (const [index, more] of makersFromNames(views, companies, stated)) add(index, more);
  return drafts;
}
