/**
 * Production: UNITS_PRODUCED and DISTRIBUTED_TO.
 *
 * "only 10 units of this Leica-compatible phone have been produced", "Ten devices have been
 * manufactured so far", "The company produced 10 units of the concept", "sending them to
 * Chinese influencers", "ten devices that some influencers were allowed to try out". Shipments
 * are sales, not production, and are left alone.
 */

import { NUMBER_SOURCE, parseNumber } from '../numbers.ts';
import { fromMasked, mentionOf } from '../sentence-view.ts';
import type { ClaimDraft, Extractor } from './draft.ts';
import { anchorOf, productSubject } from './patterns.ts';

const UNIT_NOUN = String.raw`(?:units|unit|devices|phones|handsets|pieces|copies|examples|prototypes|models|cars|cameras|lenses|samples|chips|chipsets|processors|pairs|bodies)`;
const MADE = String.raw`(?:produced|made|manufactured|built|assembled)`;
const WILL_MAKE = String.raw`(?:plans?|planning|intends?|expects?|aims?|is set|are set|wants?)\s+to\s+(?:produce|make|manufacture|build|assemble)`;
const NUM = String.raw`(?<n>${NUMBER_SOURCE})`;

const UNITS: RegExp[] = [
  new RegExp(String.raw`\b(?:${MADE}|${WILL_MAKE})\s+(?:only\s+|just\s+|a total of\s+|some\s+|about\s+|around\s+|roughly\s+|exactly\s+)?${NUM}\s+(?:[\p{L}-]+\s+|⟦P\d+⟧\s+){0,2}?${UNIT_NOUN}\b`, 'iu'),
  new RegExp(String.raw`\b${NUM}\s+(?:[\p{L}-]+\s+){0,2}?${UNIT_NOUN}\s+(?:of\s+[^,.;]{0,60}?\s+)?(?:have|has|had|were|was|are|will)\s+(?:been\s+|be\s+)?(?:\w+\s+)?${MADE}\b`, 'iu'),
  new RegExp(String.raw`\b(?:production|run|batch)\s+(?:run\s+)?(?:is\s+|was\s+)?(?:limited|restricted|capped)\s+to\s+(?:just\s+|only\s+)?${NUM}\s+${UNIT_NOUN}\b`, 'iu'),
  new RegExp(String.raw`\b(?:limited|restricted)\s+(?:production\s+)?(?:run\s+)?(?:of|to)\s+(?:just\s+|only\s+)?${NUM}\s+${UNIT_NOUN}\b`, 'iu'),
];

const RECIPIENT = String.raw`(?<who>influencers|reviewers|journalists|testers|developers|partners|carriers|employees|fans|creators|photographers|celebrities|ambassadors|press|media|bloggers|youtubers|engineers)`;
const RECIPIENT_WORD = /influencers|reviewers|journalists|testers|developers|partners|carriers|employees|fans|creators|photographers|celebrities|ambassadors|press|media|bloggers|youtubers|engineers/i;
const GIVEN: RegExp[] = [
  new RegExp(String.raw`\b(?:sent|sending|send|sends|gave|giving|give|gives|lent|lending|lend|lends|loaned|loaning|handed|handing|distributed|distributing|seeded|seeding|shipped|shipping|provided|providing)\b[^.;]{0,90}?\bto\s+(?:a\s+few\s+|a\s+handful\s+of\s+|some\s+|select(?:ed)?\s+|several\s+|a\s+group\s+of\s+|[\p{L}-]+\s+){0,3}${RECIPIENT}\b`, 'iu'),
  new RegExp(String.raw`\b(?:some|several|a few|select(?:ed)?|chosen|[\p{L}-]+)\s+${RECIPIENT}\s+(?:were|was|are|have been|got|get)\s+(?:allowed|able|invited|given|lent|sent|permitted|chosen)\b`, 'iu'),
];

export const extractProduction: Extractor = (view, context) => {
  const drafts: ClaimDraft[] = [];
  for (const pattern of UNITS) {
    const m = pattern.exec(view.masked);
    if (!m) continue;
    const amount = parseNumber(m.groups!.n!);
    if (amount === null || amount <= 0) continue;
    const end = m.index + m[0].length;
    // "10 units of the concept": the product named right after the count.
    const of = /^\s+of\s+[^,.;]{0,40}/.exec(view.masked.slice(end));
    const inside = /⟦P(\d+)⟧/.exec(m[0]);
    const named = inside ? mentionOf(view, inside[1]) : null;
    const subject = named ? { id: named.entityId, weight: 1 } : productSubject(view, m.index, context, of ? end + of[0].length : -1);
    if (!subject) continue;
    drafts.push({
      subject: subject.id,
      predicate: 'UNITS_PRODUCED',
      value: { type: 'Quantity', amount, unit: null, approximate: /\b(?:about|around|some|roughly|nearly|almost)\s*$/i.test(view.masked.slice(0, m.index + m[0].indexOf(m.groups!.n!))) },
      confidence: 0.85 * subject.weight,
      anchor: anchorOf(view, m),
    });
    break;
  }
  for (const pattern of RECIPIENT_WORD.test(view.masked) ? GIVEN : []) {
    const m = pattern.exec(view.masked);
    if (!m) continue;
    const subject = productSubject(view, m.index, context);
    if (!subject) continue;
    const who = m.groups!.who!.toLowerCase();
    drafts.push({
      subject: subject.id,
      predicate: 'DISTRIBUTED_TO',
      value: { type: 'Text', text: who },
      confidence: 0.75 * subject.weight,
      anchor: fromMasked(view, m.index, m.index + m[0].length),
    });
    break;
  }
  return drafts;
};
