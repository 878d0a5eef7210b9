/**
 * A sentence as the claim extractors read it: its text, its mentions, and a masked copy in
 * which every mention is a placeholder naming its kind and index (`⟦C0⟧` a company, `⟦P1⟧` a
 * product, `⟦H2⟧` a person, `⟦M3⟧` a publication), so that patterns speak of "a company, then
 * 'partnered with', then a company" whatever the names are.
 */

import type { EntityKind } from '../model/entity.ts';
import type { DateMention } from './dates.ts';
import type { MoneyMention } from './money.ts';
import type { ResolvedMention } from './resolve.ts';
import type { Sentence } from './segment.ts';

export const KIND_LETTER: Record<EntityKind, string> = { Company: 'C', Product: 'P', Person: 'H', Publication: 'M' };

export interface SentenceView {
  index: number;
  /** Offsets of the sentence in the normalised text. */
  start: number;
  end: number;
  text: string;
  paragraph: number;
  /** The article's headline (its first paragraph, written as a title). */
  headline: boolean;
  /** The same words appeared earlier in the article (a repeated standfirst): claims are not taken twice. */
  duplicate: boolean;
  /** Mentions in this sentence, in order; offsets in the normalised text. */
  mentions: ResolvedMention[];
  masked: string;
  /** `maskOrigin[i]` is the offset in `text` of masked character i. */
  maskOrigin: Int32Array;
  /** Money and dates, offsets relative to `text`. */
  money: MoneyMention[];
  dates: DateMention[];
}

export function maskSentence(sentence: Sentence, mentions: readonly ResolvedMention[]): { masked: string; maskOrigin: Int32Array } {
  const parts: string[] = [];
  const origin: number[] = [];
  let at = 0;
  mentions.forEach((m, i) => {
    const s = m.start - sentence.start;
    const e = m.end - sentence.start;
    if (s < at) return;
    parts.push(sentence.text.slice(at, s));
    for (let k = at; k < s; k++) origin.push(k);
    const placeholder = `⟦${KIND_LETTER[m.kind]}${i}⟧`;
    parts.push(placeholder);
    for (let k = 0; k < placeholder.length; k++) origin.push(k === placeholder.length - 1 ? e - 1 : s);
    at = e;
  });
  parts.push(sentence.text.slice(at));
  for (let k = at; k < sentence.text.length; k++) origin.push(k);
  origin.push(sentence.text.length);
  return { masked: parts.join(''), maskOrigin: Int32Array.from(origin) };
}

/** The sentence-relative span of masked span [start, end). */
export function fromMasked(view: SentenceView, start: number, end: number): [number, number] {
  if (end <= start) return [view.maskOrigin[start]!, view.maskOrigin[start]!];
  return [view.maskOrigin[start]!, view.maskOrigin[end - 1]! + 1];
}

/** The mention a placeholder index names. */
export function mentionOf(view: SentenceView, index: string | number | undefined): ResolvedMention | null {
  if (index === undefined) return null;
  return view.mentions[Number(index)] ?? null;
}

/** Sentence-relative span of a mention. */
export function spanOf(view: SentenceView, m: ResolvedMention): [number, number] {
  return [m.start - view.start, m.end - view.start];
}

/** The masked offset of sentence-relative offset `at` (the first masked character at or after it). */
export function toMaskedIndex(view: SentenceView, at: number): number {
  for (let i = 0; i < view.maskOrigin.length; i++) if (view.maskOrigin[i]! >= at) return i;
  return view.masked.length;
}
