/**
 * Money in the many ways articles write it: "$41,210 dollars", "300,000 Chinese Yuan",
 * "around 42,000 euros", "almost 42,000 euros", "€42,000", "¥300,000", "£1.2 million",
 * "US$5bn", "40 billion yen".
 *
 * A hedge just before the figure ("around", "roughly", "almost", "about", "nearly", "the
 * equivalent of") marks it approximate. "¥" is both the yen and the yuan: it is read as yuan
 * when the sentence speaks of China, the yuan or the renminbi, and as yen otherwise.
 */

import type { Money } from '../model/value.ts';
import { NUMBER_SOURCE, parseNumber } from './numbers.ts';

export interface MoneyMention {
  /** Offsets in the text given to findMoney. */
  start: number;
  end: number;
  money: Money;
}

const SYMBOLS: [RegExp, string][] = [
  [/^(?:US\$|USD|U\.S\. ?\$)$/i, 'USD'],
  [/^\$$/, 'USD'],
  [/^HK\$$/i, 'HKD'],
  [/^NT\$$/i, 'TWD'],
  [/^A\$$/i, 'AUD'],
  [/^C\$$/i, 'CAD'],
  [/^S\$$/i, 'SGD'],
  [/^(?:€|EUR)$/i, 'EUR'],
  [/^(?:£|GBP)$/i, 'GBP'],
  [/^(?:CN¥|RMB|CNY)$/i, 'CNY'],
  [/^(?:JP¥|JPY)$/i, 'JPY'],
  [/^(?:₩|KRW)$/i, 'KRW'],
  [/^(?:₹|INR)$/i, 'INR'],
  [/^CHF$/i, 'CHF'],
  [/^NOK$/i, 'NOK'],
  [/^SEK$/i, 'SEK'],
  [/^DKK$/i, 'DKK'],
];

const WORDS: [RegExp, string][] = [
  [/^(?:us |u\.s\. |american )?dollars?$|^usd$/i, 'USD'],
  [/^euros?$|^eur$/i, 'EUR'],
  [/^(?:british )?pounds?(?: sterling)?$|^sterling$|^gbp$/i, 'GBP'],
  [/^(?:japanese )?yen$|^jpy$/i, 'JPY'],
  [/^(?:chinese )?(?:yuan|renminbi)$|^rmb$|^cny$/i, 'CNY'],
  [/^(?:south korean |korean )?won$|^krw$/i, 'KRW'],
  [/^(?:indian )?rupees?$|^inr$/i, 'INR'],
  [/^(?:swiss )?francs?$|^chf$/i, 'CHF'],
  [/^norwegian (?:kroner|krone|crowns?)$|^nok$/i, 'NOK'],
  [/^swedish (?:kronor|krona|crowns?)$|^sek$/i, 'SEK'],
  [/^danish (?:kroner|krone|crowns?)$|^dkk$/i, 'DKK'],
  [/^(?:hong kong dollars?)$|^hkd$/i, 'HKD'],
  [/^(?:taiwan dollars?|new taiwan dollars?)$|^twd$/i, 'TWD'],
];

const SYMBOL_SOURCE = String.raw`US\$|U\.S\. ?\$|HK\$|NT\$|A\$|C\$|S\$|CN¥|JP¥|\$|€|£|¥|￥|₩|₹|\b(?:USD|EUR|GBP|JPY|CNY|RMB|KRW|INR|CHF|NOK|SEK|DKK)\s?`;
const WORD_SOURCE = String.raw`(?:hong kong dollars?|new taiwan dollars?|taiwan dollars?|(?:us |u\.s\. |american )?dollars?|euros?|(?:british )?pounds?(?: sterling)?|sterling|(?:japanese )?yen|(?:chinese )?(?:yuan|renminbi)|rmb|(?:south korean |korean )?won|(?:indian )?rupees?|(?:swiss )?francs?|norwegian (?:kroner|krone)|swedish (?:kronor|krona)|danish (?:kroner|krone)|USD|EUR|GBP|JPY|CNY|KRW|INR|CHF|NOK|SEK|DKK)\b`;
const HEDGE_SOURCE = String.raw`(?:(?:the\s+)?equivalent\s+of\s+(?:almost|about|around|roughly|nearly|some)?\s*|(?:around|about|roughly|approximately|approx\.?|almost|nearly|some|circa|close\s+to|an\s+estimated|just\s+(?:under|over)|upwards\s+of|~)\s*)`;

const MONEY = new RegExp(
  String.raw`(?<hedge>\b${HEDGE_SOURCE})?(?:(?<symbol>${SYMBOL_SOURCE})\s?(?<n1>${NUMBER_SOURCE})(?:\s+(?<w1>${WORD_SOURCE}))?|(?<n2>${NUMBER_SOURCE})\s*(?<w2>${WORD_SOURCE}|€|£))`,
  'giu',
);

function currencyOf(symbol: string | undefined, word: string | undefined, chinaContext: boolean): string | null {
  const w = word?.trim().replace(/\s+/g, ' ');
  if (w) for (const [re, code] of WORDS) if (re.test(w)) return code;
  const s = symbol?.trim();
  if (!s) return w === '€' ? 'EUR' : w === '£' ? 'GBP' : null;
  if (s === '¥' || s === '￥') return chinaContext ? 'CNY' : 'JPY';
  for (const [re, code] of SYMBOLS) if (re.test(s)) return code;
  return null;
}

/** Every amount of money in `text`, in order. */
const MAY_HOLD_MONEY = /\d|dollar|euro|pound|yen|yuan|renminbi|won\b|rupee|franc|kron|sterling/i;

export function findMoney(text: string): MoneyMention[] {
  if (!MAY_HOLD_MONEY.test(text)) return [];
  const chinaContext = /\b(?:China|Chinese|yuan|renminbi|RMB|CNY)\b/.test(text);
  const found: MoneyMention[] = [];
  MONEY.lastIndex = 0;
  for (let m = MONEY.exec(text); m; m = MONEY.exec(text)) {
    const g = m.groups!;
    const number = g.n1 ?? g.n2;
    if (number === undefined) continue;
    // A bare number word is money only with a currency word after it: "ten euros", not "one $".
    if (g.n1 !== undefined && /^[a-z]/i.test(g.n1.trim()) && !g.w1) continue;
    const amount = parseNumber(number);
    const currency = currencyOf(g.symbol, g.w1 ?? g.w2, chinaContext);
    if (amount === null || currency === null) continue;
    const hedge = g.hedge ?? '';
    const start = m.index + hedge.length;
    let end = m.index + m[0].length;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    found.push({ start, end, money: { type: 'Money', amount, currency, approximate: hedge.trim() !== '' } });
  }
  return found;
}
