/**
 * Modality: how firmly the article states a claim.
 *
 * Only the clause that holds the claim counts, so "which isn't available in the United
 * States" is not hedged by a "supposed to" two clauses later. A stated plan is ANNOUNCED ("has
 * announced that it will come in July", "plans to"); a hedge is SPECULATED ("would",
 * "probably", "expected", "it is very likely"); a credited account is REPORTED; otherwise the
 * article ASSERTS it. A person's own words are QUOTED, which the SAID extractor decides.
 */

import type { Modality } from '../model/modality.ts';
import type { Attribution } from './attribution.ts';

const ANNOUNCED = /\b(?:announced|announces|confirmed|confirms|revealed|said|says|stated)\s+(?:that\s+)?(?:it|they|the\s+\w+|⟦[A-Z]\d+⟧)\s+(?:will|would|is going to|are going to|plans? to|intends? to)\b|\b(?:plans?|planning|intends?|aims?) to\b|\b(?:is|are) set to\b|\bscheduled (?:to|for)\b|\bslated (?:to|for)\b|\bdue to (?:launch|arrive|ship|go on sale|be released|start|begin)\b/i;
const HEDGES = /\b(?:would|could|might|may|probably|likely|unlikely|possibly|perhaps|presumably|supposedly|rumou?r(?:ed|s)?|expected|expects|anticipated|speculat\w*|tipped|(?:is|are) said to|believed to|appears? to|seems? to|should be|assuming|potentially|allegedly|if true)\b/i;
const CLAUSE_BREAK = /[;:—–()]|,\s+(?=(?:but|while|although|though|whereas|which|who|since|because)\b)|\s(?=but\s)/g;

/** The clause of `text` around [start, end): from the break before it to the break after it. */
export function clauseAround(text: string, start: number, end: number): [number, number] {
  let from = 0;
  let to = text.length;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m; m = CLAUSE_BREAK.exec(text)) {
    if (m.index + m[0].length <= start) from = m.index + m[0].length;
    else if (m.index >= end) {
      to = m.index;
      break;
    }
  }
  return [from, to];
}

export function isHedged(text: string): boolean {
  return HEDGES.test(text);
}

export function isAnnouncement(text: string): boolean {
  return ANNOUNCED.test(text);
}

/**
 * The modality of a claim resting on [start, end) of a sentence: `masked` is the sentence with
 * mentions as placeholders (same clause structure), `attribution` the sentence's credit.
 */
export function modalityOf(text: string, anchor: [number, number], attribution: Attribution): Modality {
  const [from, to] = clauseAround(text, anchor[0], anchor[1]);
  const clause = text.slice(from, to);
  if (isAnnouncement(clause) || (attribution.announcement && /\bwill\b/.test(clause))) return 'ANNOUNCED';
  if (isHedged(clause)) return 'SPECULATED';
  if (attribution.reported) return 'REPORTED';
  return 'ASSERTED';
}
