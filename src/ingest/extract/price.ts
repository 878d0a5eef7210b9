/**
 * Prices and costs: UNIT_COST for every amount of money a sentence gives as what one unit
 * costs ("each costing around 42,000 euros", "came at an absurd cost of $41,210 dollars, or
 * roughly 300,000 Chinese Yuan", "priced at £1,199", "each unit cost $40,000 to produce").
 * Money that is a deal's value, revenue, profit or an investment is not a unit cost.
 */

import { toMaskedIndex } from '../sentence-view.ts';
import type { ClaimDraft, Extractor } from './draft.ts';
import { productSubject } from './patterns.ts';

const COST_CUE = /\b(?:costs?|costing|price[sd]?|pricing|price tag|priced|retails?|retailing|sells? for|selling for|sold for|set you back|msrp|rrp|starts? at|starting at|came at|comes at|worth of|to (?:produce|make|build|manufacture)|per unit|apiece|each)\b/i;
const NOT_UNIT = /\b(?:deal|contract|agreement|revenue|revenues|profit|profits|sales|investment|invest(?:ed|s)?|raised|funding|valuation|valued|market cap|fine[ds]?|budget|acquisition|acquire[ds]?|bought|buyout|spend(?:s|ing)?|spent|loss|losses|income|turnover)\b/i;

export const extractPrices: Extractor = (view, context) => {
  if (view.money.length === 0 || !COST_CUE.test(view.text)) return [];
  const drafts: ClaimDraft[] = [];
  for (const money of view.money) {
    const before = view.text.slice(Math.max(0, money.start - 80), money.start);
    const after = view.text.slice(money.end, money.end + 40);
    if (!COST_CUE.test(before) && !COST_CUE.test(after)) {
      // The second figure of "cost $41,210, or roughly 300,000 yuan" shares the first one's cue.
      const previous = drafts.at(-1);
      if (!previous || !/^[\s,]*or\b/i.test(view.text.slice(previous.anchor[1], money.start))) continue;
    }
    if (NOT_UNIT.test(view.text.slice(Math.max(0, money.start - 40), money.start))) continue;
    const subject = productSubject(view, toMaskedIndex(view, money.start), context);
    if (!subject) continue;
    drafts.push({
      subject: subject.id,
      predicate: 'UNIT_COST',
      value: money.money,
      confidence: 0.8 * subject.weight,
      anchor: [money.start, money.end],
    });
  }
  return drafts;
};
