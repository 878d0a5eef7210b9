/**
 * Pattern pieces shared by the extractors, over masked sentences (sentence-view.ts), and the
 * choice of subject when a sentence says "the device", "it" or "the company".
 */

import type { ResolvedMention } from '../resolve.ts';
import { fromMasked, mentionOf, type SentenceView } from '../sentence-view.ts';
import type { ExtractContext } from './draft.ts';

/** One mention of the given kinds (letters C, P, H, M); group 1 is its index. */
export const ent = (kinds: string): string => String.raw`⟦[${kinds}](\d+)⟧`;

/** A list of mentions: "⟦P1⟧ and ⟦P2⟧", "⟦C1⟧, ⟦C2⟧ and ⟦C3⟧", "⟦C1⟧ e ⟦C2⟧". */
export const list = (kinds: string): string =>
  String.raw`⟦[${kinds}]\d+⟧(?:(?:\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&|e|as well as)\s+)(?:the\s+)?⟦[${kinds}]\d+⟧)*`;

/** Between `min` and `max` words, as few as possible. */
export const words = (min: number, max: number): string => String.raw`(?:[\p{L}\p{N}’'/-]+,?\s+){${min},${max}}?`;

/** The mentions a matched piece of masked text names, in order. */
export function mentionsIn(view: SentenceView, masked: string): ResolvedMention[] {
  const found: ResolvedMention[] = [];
  for (const m of masked.matchAll(/⟦[A-Z](\d+)⟧/g)) {
    const mention = mentionOf(view, m[1]);
    if (mention) found.push(mention);
  }
  return found;
}

/** Sentence-relative span of a regex match on the masked text. */
export function anchorOf(view: SentenceView, match: RegExpExecArray | RegExpMatchArray): [number, number] {
  const at = match.index ?? 0;
  return fromMasked(view, at, at + match[0].length);
}

export interface Subject {
  id: string;
  /** How directly the sentence names it: 1 named, less when inferred from the discourse. */
  weight: number;
}

const PRODUCT_REFERENCE = /\b(?:the|this|that|these|each|every)\s+(?:[\p{L}-]+\s+){0,3}?(?:concept|device|devices|phone|phones|smartphone|handset|unit|units|model|variant|prototype|camera|telephone)\b|\b(?:it|they|them|its)\b/iu;

const COMPARED = /\b(?:based on|built on|derived from|alongside|than|successor to|variant of|unlike|compared (?:with|to))\s+(?:[\p{L}’'-]+\s+){0,4}$/iu;
const COMPONENT_REFERENCE = /\b(?:the|this|that|each|every|one)\s+(?:[\p{L}-]+\s+)?(?:chip|processor|sensor|lens|module)\b/iu;

/** "Both phones are expected to use ...": every product of the last sentence that named several. */
export function productGroupSubjects(view: SentenceView, before: number, context: ExtractContext): Subject[] | null {
  if (!/\b(?:both|the two|all three|these|the)\s+(?:phones|devices|models|cameras|handsets|products|smartphones)\b/i.test(view.masked.slice(0, before))) return null;
  if (/⟦P\d+⟧/.test(view.masked.slice(0, before))) return null;
  const group = context.discourse.productGroup(view.index);
  return group.length >= 2 ? group.map((id) => ({ id, weight: 0.85 })) : null;
}

/** The product a property in masked text before `before` belongs to. */
export function productSubject(view: SentenceView, before: number, context: ExtractContext, after = -1): Subject | null {
  const { discourse } = context;
  const head = view.masked.slice(0, before);
  let found: ResolvedMention | null = null;
  for (const m of head.matchAll(/⟦P(\d+)⟧/g)) {
    const mention = mentionOf(view, m[1]);
    // "based on last year's Orion X1 but with a larger display": the display is not the X1's.
    // "based on the 12S Ultra, which already comes with ...": the relative clause is the 12S Ultra's.
    const compared = COMPARED.test(head.slice(Math.max(0, (m.index ?? 0) - 50), m.index)) && /\b(?:but|yet|while|whereas|although)\b/.test(head.slice(m.index));
    if (mention && !discourse.isAccessory(mention.entityId) && !compared) found = mention;
  }
  if (found) return { id: found.entityId, weight: 1 };
  if (after >= 0) {
    // A product named right after the figure is the thing counted or priced, part or not.
    const tail = /⟦P(\d+)⟧/.exec(view.masked.slice(before, after));
    const mention = tail ? mentionOf(view, tail[1]) : null;
    if (mention) return { id: mention.entityId, weight: 0.95 };
  }
  const reference = PRODUCT_REFERENCE.exec(after >= 0 ? view.masked.slice(before, after) : '') ?? PRODUCT_REFERENCE.exec(head);
  const part = COMPONENT_REFERENCE.test(head) ? discourse.focusComponent(view.index) : null;
  if (part) return { id: part, weight: 0.85 };
  if (reference && /concept/i.test(reference[0])) {
    const concept = [discourse.focusProduct(view.index), discourse.mainProduct].find((id) => id && /concept/i.test(discourse.entity(id)?.name ?? ''));
    if (concept) return { id: concept, weight: 0.9 };
  }
  const focus = discourse.focusProduct(view.index);
  if (focus) return { id: focus, weight: reference ? 0.85 : 0.75 };
  if (discourse.mainProduct) return { id: discourse.mainProduct, weight: 0.7 };
  return null;
}

const COMPANY_REFERENCE = /\b(?:the|this)\s+(?:[\p{L}-]+\s+){0,2}?(?:company|firm|group|brand|maker|manufacturer|giant|house|marque|vendor|institution)\b|\b(?:it|they|its|their)\b/iu;

/** The company a statement in masked text before `before` is about. */
export function companySubject(view: SentenceView, before: number, context: ExtractContext): Subject | null {
  const head = view.masked.slice(0, before);
  let found: ResolvedMention | null = null;
  for (const m of head.matchAll(/⟦C(\d+)⟧/g)) found = mentionOf(view, m[1]) ?? found;
  if (found) return { id: found.entityId, weight: 1 };
  const focus = context.discourse.focusCompany(view.index) ?? context.discourse.mainCompany;
  if (focus && COMPANY_REFERENCE.test(head)) return { id: focus, weight: 0.85 };
  return null;
}
