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

interface Family {
  extract: Extractor;
  /** A cheap test that the family's patterns could match at all: most sentences fail it. */
  worthTrying: (view: SentenceView) => boolean;
}

const has = (pattern: RegExp) => (view: SentenceView): boolean => pattern.test(view.masked);

export const EXTRACTORS: readonly Family[] = [
  { extract: extractPartnerships, worthTrying: (v) => /⟦[CM]/.test(v.masked) && /partner|collaborat|co-?operat|alliance|\bties\b|tie-up|deal|agreement|arrangement|contract|official|team(?:s|ed)? up|forces|breaking off|broke off|parted|split|relationship|joint venture|\bwork(?:s|ed|ing)? with/i.test(v.masked) },
  { extract: extractLaunches, worthTrying: has(/unveil|launch|releas|introduc|debut|announc|present|reveal|show|roll|creat|market|brought out|teas|\bcome\b|arriv|\bship|on sale|available|enter|joined|followed/i) },
  { extract: extractMakers, worthTrying: (v) => v.headline || /⟦P|produced|manufactured|\bmade\b|\bbuilt\b|assembled/i.test(v.masked) },
  { extract: extractProduction, worthTrying: has(/\d|dozen|hundred|thousand|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b|influencer|reviewer|journalist|tester|developer|partner|carrier|employee|\bfans\b|creator|photographer|celebrit|ambassador|press|media|blogger|youtuber|engineer/i) },
  { extract: extractPrices, worthTrying: (v) => v.money.length > 0 },
  { extract: extractAvailability, worthTrying: has(/sale|available|\bsold\b|offered/i) },
  { extract: extractLensAndOptics, worthTrying: has(/lens|mount|adapt|optic|brand|camera|glass|\bshow|present|pictur|demo|paired|add-on|attachment|accessor/i) },
  { extract: extractLineage, worthTrying: has(/based|built (?:on|upon)|derived|version|variant|edition|spin-off|alongside|together with|in parallel|same time|successor|follow-up|replacement|sequel/i) },
  { extract: extractSensors, worthTrying: has(/sensor/i) },
  { extract: extractCompanyFacts, worthTrying: has(/⟦C|\b(?:they|it|its|their)\b|company|firm|group|maker|manufacturer|brand|house|marque|vendor|supplier/i) },
  { extract: extractPeople, worthTrying: has(/⟦H|\b(?:he|she)\b|["“]/i) },
  { extract: extractProductTypes, worthTrying: has(/⟦P|\bit\b|\bthis\b|\bwhich\b/i) },
  { extract: extractFeatures, worthTrying: () => true },
];

/** Drafts per sentence index. Repeated sentences (a standfirst printed twice) give nothing. */
export function extractDrafts(views: readonly SentenceView[], context: ExtractContext, companies: readonly Entity[]): Map<number, ClaimDraft[]> {
  const drafts = new Map<number, ClaimDraft[]>();
  const add = (index: number, more: ClaimDraft[]): void => {
    if (more.length > 0) drafts.set(index, [...(drafts.get(index) ?? []), ...more]);
  };
  for (const view of views) {
    if (view.duplicate) continue;
    for (const family of EXTRACTORS) if (family.worthTrying(view)) add(view.index, family.extract(view, context));
  }
  for (const [index, more] of extractPredecessors(views, context)) if (!views[index]?.duplicate) add(index, more);
  const stated = new Set<string>();
  for (const list of drafts.values()) for (const d of list) if (d.predicate === 'MANUFACTURED_BY') stated.add(d.subject);
  for (const [index, more] of makersFromNames(views, companies, stated)) add(index, more);
  return drafts;
}
