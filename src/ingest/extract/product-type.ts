/**
 * What a product is: PRODUCT_TYPE.
 *
 * "the QX1 and QX30, 2 smartphone add-ons", "the 12S Ultra, a behemoth of a smartphone",
 * "Samsung's strange hybrid device, the Galaxy NX", "it is actually a smartphone", "the Huawei
 * Xs 2 foldable", "the full-frame Summilux-M 35 mm f/1.4 ASPH lens". The type keeps the words
 * that classify (smartphone add-on, hybrid device, full-frame lens) and drops the ones that
 * judge or rank (strange, gigantic, flagship, new).
 */

import { mentionOf } from '../sentence-view.ts';
import type { ClaimDraft, Extractor } from './draft.ts';
import { anchorOf, ent, list, mentionsIn, productSubject } from './patterns.ts';

const TYPE_NOUN = String.raw`(?:smartphones?|phones?|handsets?|foldables?|tablets?|laptops?|notebooks?|cameras?|lens|lenses|add-ons?|accessor(?:y|ies)|attachments?|devices?|smartwatch(?:es)?|watch(?:es)?|earbuds|headsets?|chips?|chipsets?|processors?|drones?|consoles?|prototypes?)`;
const MODIFIER = String.raw`(?:[\p{L}-]+\s+){0,3}?`;
const JUDGING = new Set(['strange', 'new', 'latest', 'gigantic', 'huge', 'big', 'great', 'flagship', 'upcoming', 'powerful', 'incredible', 'impressive', 'premium', 'expensive', 'cheap', 'odd', 'bizarre', 'interesting', 'cool', 'first', 'next', 'recent', 'own', 'behemoth', 'true', 'real', 'actual', 'very', 'so', 'much', 'more', 'most', 'quite', 'rather', 'two', 'three', 'four', 'both', 'other', 'such', 'single', 'only', 'commercially', 'available', 'not-for-sale']);

function singular(word: string): string {
  if (/(?:ch|sh|ss|x)es$/.test(word)) return word.slice(0, -2);
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/[^s]s$/.test(word) && !/(?:lens|earbuds)$/.test(word)) return word.slice(0, -1);
  if (word === 'lenses') return 'lens';
  return word;
}

/** "strange hybrid device" → "hybrid device"; "smartphone add-ons" → "smartphone add-on". */
export function typeName(phrase: string): string | null {
  const words = phrase.toLowerCase().replace(/[“”"]/g, '').split(/\s+/).filter((w) => w && !JUDGING.has(w) && !/^\d+$/.test(w) && !/^(?:a|an|the|of)$/.test(w));
  if (words.length === 0) return null;
  words[words.length - 1] = singular(words[words.length - 1]!);
  return words.join(' ');
}

const APPOSITION_AFTER = new RegExp(String.raw`(${list('P')}),\s+(?:a|an|two|three|four|both|\d+)\s+(?:(?:[\p{L}-]+\s+){0,2}of\s+an?\s+)?(${MODIFIER}${TYPE_NOUN})\b`, 'iu');
const APPOSITION_BEFORE = new RegExp(String.raw`${ent('C')}['’]s\s+(${MODIFIER}${TYPE_NOUN}),\s+(?:the\s+)?${ent('P')}`, 'iu');
const COPULA = new RegExp(String.raw`(?:${ent('P')}|\b(?:it|this|which))\s*(?:is|was|['’]s)\s+(?:actually\s+|essentially\s+|basically\s+|really\s+|simply\s+)?(?:a|an)\s+(${MODIFIER}${TYPE_NOUN})\b`, 'iu');
const HEAD_AFTER = new RegExp(String.raw`\bthe\s+(?:([\p{L}]+-[\p{L}]+)\s+)?${ent('P')}\s+(foldable|tablet|laptop|smartwatch|drone|camera|lens|add-on)\b`, 'iu');

export const extractProductTypes: Extractor = (view, context) => {
  const drafts: ClaimDraft[] = [];
  const add = (subject: string, phrase: string, anchor: [number, number], confidence: number): void => {
    const type = typeName(phrase);
    if (type && !drafts.some((d) => d.subject === subject)) drafts.push({ subject, predicate: 'PRODUCT_TYPE', value: { type: 'Text', text: type }, confidence, anchor });
  };
  const after = APPOSITION_AFTER.exec(view.masked);
  if (after) for (const p of mentionsIn(view, after[1]!)) add(p.entityId, after[2]!, anchorOf(view, after), 0.75);
  const before = APPOSITION_BEFORE.exec(view.masked);
  const named = before ? mentionOf(view, before[3]) : null;
  if (before && named) add(named.entityId, before[2]!, anchorOf(view, before), 0.75);
  const copula = COPULA.exec(view.masked);
  if (copula) {
    const named = mentionOf(view, copula[1]);
    const subject = named ? { id: named.entityId, weight: 1 } : productSubject(view, copula.index, context);
    if (subject) add(subject.id, copula[2]!, anchorOf(view, copula), 0.7 * subject.weight);
  }
  const head = HEAD_AFTER.exec(view.masked);
  const product = head ? mentionOf(view, head[2]) : null;
  // "the Huawei Xs 2 foldable", "the full-frame Summilux-M 35 mm f/1.4 ASPH lens"; a bare "lens" after a lens says nothing.
  if (head && product && (head[1] !== undefined || head[3]!.toLowerCase() !== 'lens')) {
    add(product.entityId, `${head[1] ?? ''} ${head[3]}`.trim(), anchorOf(view, head), 0.65);
  }
  return drafts;
};
