/**
 * Availability: whether a product is on sale, and where ("a not-for-sale telephone", "which
 * isn't available in the United States", "goes on sale in Europe", "commercially available").
 */

import type { Qualifiers } from '../../model/claim.ts';
import type { ClaimDraft, Extractor } from './draft.ts';
import { anchorOf, productSubject } from './patterns.ts';

const NOT_ON_SALE = /\bnot[- ]for[- ]sale\b|\b(?:unlikely|not expected|not going|not set)\s+to\s+(?:be\s+(?:sold|available|offered)|go on sale)\b|\b(?:is|are|was|were|will|would)\s*(?:not|n['’]t)\s+(?:be\s+)?(?:available|on sale|for sale|sold|offered)\b|\b(?:isn|aren|wasn|weren|won)['’]t\s+(?:be\s+)?(?:available|on sale|for sale|sold|offered)\b|\bunavailable\b|\bnever\s+(?:go|went|be)\s+on sale\b|\bno plans to sell\b/i;
const ON_SALE = /\b(?:is|are|was|were|will be)\s+(?:only\s+|exclusively\s+)?sold\s+(?:only\s+|exclusively\s+)?(?=in\s)|\b(?:is|are|will be|goes|go|went|now)\s+(?:now\s+|already\s+|widely\s+)?(?:available|on sale)\b|\bcommercially available\b|\bavailable (?:to (?:buy|order|pre-?order)|now)\b|\bcan (?:now )?be (?:bought|ordered|pre-?ordered)\b/i;
const REGION = /^\s*(?:in|across|throughout|outside(?: of)?)\s+(the\s+(?:United States|US|U\.S\.|UK|United Kingdom|European Union|EU|Middle East)|(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|the|a|an)\b)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b|^\s+(globally|worldwide|internationally)\b/;

const REGION_NAMES: Record<string, string> = { US: 'United States', 'U.S.': 'United States', UK: 'United Kingdom', EU: 'European Union' };

export const extractAvailability: Extractor = (view, context) => {
  const drafts: ClaimDraft[] = [];
  for (const [pattern, flag] of [[NOT_ON_SALE, false], [ON_SALE, true]] as const) {
    const m = pattern.exec(view.masked);
    if (!m) continue;
    const subject = productSubject(view, m.index, context);
    if (!subject) continue;
    const qualifiers: Qualifiers = {};
    const rest = view.masked.slice(m.index + m[0].length);
    const region = REGION.exec(rest);
    // "go on sale in October" is a launch date, not a statement about availability.
    if (flag && !region && /^\s+(?:in|on|from)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|\d)/.test(rest)) continue;
    if (region) {
      const name = (region[1] ?? region[2])!.replace(/^the\s+/, '');
      qualifiers.region = REGION_NAMES[name] ?? (region[2] ? 'World' : name);
    }
    drafts.push({ subject: subject.id, predicate: 'AVAILABILITY', value: { type: 'Flag', flag }, qualifiers, confidence: 0.8 * subject.weight, anchor: anchorOf(view, m) });
    break;
  }
  return drafts;
};
