/**
 * Lenses and optics: LENS_MOUNT, SHOWN_WITH, OPTICS_BY and ACCESSORY_FOR.
 *
 * A sentence that names a lens mount and speaks of lenses, adapters or mounting gives every
 * product named before the mount a LENS_MOUNT ("the QX1 and QX30, which were designed to work
 * with Sony's own E-mount lenses"); with no product named, the focus product. "shows the 12S
 * Ultra Concept with the Summilux-M 35 mm f/1.4 ASPH lens" is SHOWN_WITH; "equipped with Leica
 * optics", "carry Leica branding" and "a Leica lens" are OPTICS_BY, denied by "does not";
 * "add-ons that would let users mount ... on their Xperia phones" is ACCESSORY_FOR.
 */

import type { ClaimDraft, Extractor } from './draft.ts';
import { anchorOf, ent, mentionsIn, productSubject, words } from './patterns.ts';
import { mentionOf } from '../sentence-view.ts';

const MOUNT_CUE = /\b(?:lens|lenses|adapter|adaptor|accepts?|accepting|mount(?:ed|s|ing)?|attach(?:ed|es)?|compatible|work with|bayonet|takes?|interchangeable)\b/i;
const SHOWN = new RegExp(String.raw`\b(?:shows|showed|shown|showing|presents|presented|pictured|demonstrated|demoed|paired)\s+(?:off\s+)?(?:the\s+|its\s+)?${ent('P')}\s+${words(0, 3)}with\s+(?:the\s+|a\s+|an\s+|its\s+)?${words(0, 3)}${ent('P')}`, 'iu');
const OPTICS = new RegExp(String.raw`\b(?:equipped with|without|carry|carries|carrying|carried|sport|sports|sporting|feature|features|featuring|bear|bears|bearing|don|dons|get|gets|use|uses|using|includes?|including|with)\s+(?:the\s+|its\s+|a\s+|an\s+)?(?:[\p{L}-]+\s+){0,2}?${ent('C')}(?:-branded|-engineered)?\s+(?:[\p{L}-]+\s+)?(?:optics|lens|lenses|branding|cameras?|camera system|glass)\b`, 'iu');
const NEGATION = /\b(?:not|n['’]t|never|no longer|without)\b/i;
const ACCESSORY = new RegExp(String.raw`\b(?:add-ons?|attachments?|accessor(?:y|ies)|adapters?)\b[^.;]{0,80}?\b(?:on|for|to|with)\s+(?:their|its|the|your)\s+(?:own\s+)?${ent('P')}`, 'iu');

export const extractLensAndOptics: Extractor = (view, context) => {
  const drafts: ClaimDraft[] = [];
  const { discourse } = context;
  const mounts = view.mentions.filter((m) => m.kind === 'Product' && discourse.isAccessory(m.entityId) && /mount|lenses$/i.test(discourse.entity(m.entityId)?.name ?? ''));
  // The cue is read without the names, so "M-mount smartphone" is no cue; a name such as "E-Lenses" is one.
  if (mounts.length > 0 && (MOUNT_CUE.test(view.masked) || mounts.some((m) => /lens/i.test(m.text)))) {
    const mount = mounts[0]!;
    const at = view.masked.indexOf(`⟦P${view.mentions.indexOf(mount)}⟧`);
    const before = mentionsIn(view, view.masked.slice(0, at)).filter((m) => m.kind === 'Product' && !discourse.isAccessory(m.entityId));
    const anchor: [number, number] = [0, mount.end - view.start];
    if (before.length > 0) {
      for (const product of new Set(before.map((m) => m.entityId))) drafts.push({ subject: product, predicate: 'LENS_MOUNT', object: mount.entityId, confidence: 0.75, anchor });
    } else {
      const subject = productSubject(view, at, context);
      if (subject) drafts.push({ subject: subject.id, predicate: 'LENS_MOUNT', object: mount.entityId, confidence: 0.7 * subject.weight, anchor });
    }
  }
  const shown = SHOWN.exec(view.masked);
  if (shown) {
    const a = mentionOf(view, shown[1]);
    const b = mentionOf(view, shown[2]);
    if (a && b && a.entityId !== b.entityId) drafts.push({ subject: a.entityId, predicate: 'SHOWN_WITH', object: b.entityId, confidence: 0.8, anchor: anchorOf(view, shown) });
  }
  const optics = OPTICS.exec(view.masked);
  if (optics) {
    const maker = mentionOf(view, optics[1]);
    const isPhone = (m: { kind: string; entityId: string }): boolean => m.kind === 'Product' && !discourse.isAccessory(m.entityId);
    const before = mentionsIn(view, view.masked.slice(0, optics.index)).filter(isPhone).at(-1);
    const after = mentionsIn(view, view.masked.slice(optics.index)).filter(isPhone)[0];
    const named = before ?? after;
    // With no product named, only a sentence that points back at one ("it", "the phone") has a subject.
    const inferred = named || (!view.headline && !/\b(?:it|its|this|the)\s+(?:phone|smartphone|device|handset|model)\b|\bit\b/i.test(view.masked.slice(0, optics.index + 30))) ? null : productSubject(view, optics.index, context);
    const subject = named ? { id: named.entityId, weight: 1 } : inferred;
    if (maker && subject) {
      const negated = NEGATION.test(view.masked.slice(Math.max(0, optics.index - 25), optics.index + 8));
      drafts.push({ subject: subject.id, predicate: 'OPTICS_BY', object: maker.entityId, negated, confidence: 0.75 * subject.weight, anchor: anchorOf(view, optics) });
    }
  }
  const accessory = ACCESSORY.exec(view.masked);
  if (accessory) {
    const target = mentionOf(view, accessory[1]);
    const head = view.masked.slice(0, accessory.index);
    const addOns = mentionsIn(view, head).filter((m) => m.kind === 'Product' && !discourse.isAccessory(m.entityId));
    for (const addOn of addOns) {
      if (target && addOn.entityId !== target.entityId) {
        drafts.push({ subject: addOn.entityId, predicate: 'ACCESSORY_FOR', object: target.entityId, confidence: 0.7, anchor: [addOn.start - view.start, target.end - view.start] });
      }
    }
  }
  return drafts;
};
