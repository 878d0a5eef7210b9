/**
 * Lineage: BASED_ON, DEVELOPED_ALONGSIDE and PRECEDED_BY.
 *
 * "Based on its flagship 12S Ultra, Xiaomi presents a smartphone", "The device is based on the
 * Xiaomi 12S Ultra", "a “12S Ultra Concept Phone” variant" (a variant of the product whose
 * name it extends), "developed alongside ... the Xiaomi 12S Ultra". Earlier attempts are
 * announced by the sentence ("not the first time", "a few attempts in this direction", "toyed
 * with the same notion"); the products it names, or the next sentence names, preceded the one
 * the article is about.
 */

import type { ClaimDraft, Extractor } from './draft.ts';
import { anchorOf, ent, list, mentionsIn, productSubject, words } from './patterns.ts';
import { mentionOf, type SentenceView } from '../sentence-view.ts';

const BASED = new RegExp(String.raw`\b(?:based on|built on|derived from|built upon|(?:a\s+)?(?:modified|tweaked|special|custom|souped-up)\s+version of|a variant of|a version of)\s+(?:its\s+|the\s+|their\s+|a\s+)?${words(0, 2)}${ent('P')}`, 'iu');
const VARIANT = new RegExp(String.raw`${ent('P')}["”’]?\s+(?:variant|version|edition|spin-off)\b`, 'iu');
const ALONGSIDE = new RegExp(String.raw`\b(?:developed|designed|built|made|created|engineered)\s+(?:[\p{L}-]+\s+){0,2}?(?:alongside|together with|in parallel with|at the same time as)\s+${words(0, 7)}${ent('P')}`, 'iu');
const SUCCESSOR = new RegExp(String.raw`\b(?:the\s+|a\s+)?(?:successor|follow-up|replacement|sequel)\s+(?:to|for|of)\s+(?:its\s+|the\s+|their\s+)?${words(0, 3)}${ent('P')}`, 'iu');
const EARLIER = /\bnot the (?:first|only)\b[^.]{0,60}\b(?:time|attempt|company|maker|phone|one)\b|\b(?:attempted this|tried this)\b|\b(?:earlier|previous|prior|few|several|other)\s+attempts?\b|\battempts? in this direction\b|\btoyed with the (?:same|very same) (?:notion|idea|concept)\b|\b(?:has|have) been (?:tried|attempted) before\b|\bpredecessors?\b|\bbefore it came\b/i;

/** The named product whose name `variant`'s name extends ("Xiaomi 12S Ultra" for "Xiaomi 12S Ultra Concept"). */
function baseOf(variantName: string, candidates: { id: string; name: string }[]): string | null {
  let best: { id: string; name: string } | null = null;
  for (const c of candidates) {
    if (variantName.length > c.name.length && variantName.startsWith(`${c.name} `) && (!best || c.name.length > best.name.length)) best = c;
  }
  return best?.id ?? null;
}

function firstProductGroup(view: SentenceView, accessory: (id: string) => boolean): string[] {
  const m = new RegExp(list('P')).exec(view.masked);
  if (!m) return [];
  return mentionsIn(view, m[0]).map((p) => p.entityId).filter((id) => !accessory(id));
}

export const extractLineage: Extractor = (view, context) => {
  const drafts: ClaimDraft[] = [];
  const { discourse } = context;
  const based = BASED.exec(view.masked);
  if (based) {
    const base = mentionOf(view, based[1]);
    const others = mentionsIn(view, view.masked).filter((m) => m.kind === 'Product' && m.entityId !== base?.entityId && !discourse.isAccessory(m.entityId));
    const subject = others[0] ? { id: others[0].entityId, weight: 1 } : productSubject(view, based.index, context);
    if (base && subject && subject.id !== base.entityId) {
      drafts.push({ subject: subject.id, predicate: 'BASED_ON', object: base.entityId, confidence: 0.8 * subject.weight, anchor: anchorOf(view, based) });
    }
  }
  const variant = VARIANT.exec(view.masked);
  if (variant) {
    const product = mentionOf(view, variant[1]);
    const entity = product ? discourse.entity(product.entityId) : undefined;
    if (product && entity) {
      const known = [discourse.focusProduct(view.index), discourse.mainProduct, ...view.mentions.map((m) => m.entityId)]
        .filter((id): id is string => id !== null)
        .map((id) => ({ id, name: discourse.entity(id)?.name ?? '' }));
      const base = baseOf(entity.name, known);
      if (base && base !== product.entityId) drafts.push({ subject: product.entityId, predicate: 'BASED_ON', object: base, confidence: 0.7, anchor: anchorOf(view, variant) });
    }
  }
  const successor = SUCCESSOR.exec(view.masked);
  if (successor) {
    const earlier = mentionOf(view, successor[1]);
    const later = mentionsIn(view, view.masked.slice(0, successor.index)).filter((m) => m.kind === 'Product' && !discourse.isAccessory(m.entityId)).at(-1);
    if (earlier && later && earlier.entityId !== later.entityId) {
      drafts.push({ subject: later.entityId, predicate: 'PRECEDED_BY', object: earlier.entityId, confidence: 0.75, anchor: anchorOf(view, successor) });
    }
  }
  const alongside = ALONGSIDE.exec(view.masked);
  if (alongside) {
    const other = mentionOf(view, alongside[1]);
    const subject = productSubject(view, alongside.index, context);
    if (other && subject && subject.id !== other.entityId) {
      drafts.push({ subject: subject.id, predicate: 'DEVELOPED_ALONGSIDE', object: other.entityId, confidence: 0.75 * subject.weight, anchor: anchorOf(view, alongside) });
    }
  }
  return drafts;
};

/**
 * PRECEDED_BY needs two sentences: the one that says "this has been tried before" and the
 * products it (or the next sentence) names. Returns drafts keyed to the sentence with the products.
 */
export function extractPredecessors(views: readonly SentenceView[], context: Parameters<Extractor>[1]): Map<number, ClaimDraft[]> {
  const found = new Map<number, ClaimDraft[]>();
  const { discourse } = context;
  views.forEach((view, i) => {
    const cue = EARLIER.exec(view.masked);
    if (!cue) return;
    const subject = discourse.mainProduct ?? discourse.focusProduct(view.index);
    if (!subject) return;
    for (const target of [view, views[i + 1]]) {
      if (!target || target.paragraph !== view.paragraph) continue;
      const group = firstProductGroup(target, discourse.isAccessory).filter((id) => id !== subject);
      if (group.length === 0) continue;
      const anchor: [number, number] = target === view ? anchorOf(view, cue) : [0, target.text.length];
      found.set(target.index, group.map((id) => ({ subject, predicate: 'PRECEDED_BY', object: id, confidence: target === view ? 0.7 : 0.6, anchor })));
      return;
    }
  });
  return found;
}
