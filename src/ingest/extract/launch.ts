/**
 * Launches: LAUNCH_DATE, and MANUFACTURED_BY for the company that launches a product.
 *
 * "In July, Xiaomi unveiled the 12S Ultra", "Back in 2014, Sony created two smartphone
 * attachment devices called the QX1 and QX30", "the Pixel 9 was launched on 13 August",
 * "Lei Jun's brand has announced that it will come to July 2022", "the Arclight Nova 5, which
 * launched in September 2024". The date is the one written next to the launch; a launch without
 * a date still says who made the product.
 */

import type { ClaimDraft, Extractor } from './draft.ts';
import type { DateValue } from '../../model/value.ts';
import { fromMasked, mentionOf, type SentenceView } from '../sentence-view.ts';
import { anchorOf, ent, list, mentionsIn, productSubject } from './patterns.ts';

const LAUNCH_VERB = String.raw`(?:unveiled|unveils|unveil|launched|launches|launch|released|releases|release|introduced|introduces|introduce|debuted|debuts|announced|announces|presented|presents|revealed|reveals|showed off|shows off|rolled out|rolls out|created|creates|marketed|markets|brought out|teased|teases)`;

const ACTIVE = new RegExp(
  String.raw`(?:${ent('C')}|\b(?<ref>the company|the firm|the brand|the group|it|they))(?:['’]s)?\s+(?:would\s+|plans\s+to\s+|is\s+set\s+to\s+|is\s+going\s+to\s+|intends\s+to\s+)?(?:has\s+|have\s+|had\s+|will\s+|officially\s+|finally\s+|just\s+|quietly\s+|also\s+|on\s+\p{Lu}\p{L}+\s+|today\s+|yesterday\s+|this\s+week\s+|last\s+(?:week|month|year)\s+)*${LAUNCH_VERB}\s+(?:(?:that\s+)?(?:its|their|the|a|an|two|three|\d+|new|latest|recently|newly|first|next)\s+|[\p{L}-]+\s+){0,7}?(?:(?:called|named|dubbed)\s+)?(?:the\s+)?(?<products>${list('P')})`,
  'iu',
);
const PASSIVE = new RegExp(
  String.raw`(${list('P')})\s+(?:was|were|is|are|has been|have been|will be|would be|is set to be|is expected to be)\s+(?:officially\s+|first\s+|quietly\s+)?(?:unveiled|launched|released|introduced|announced|presented|revealed|shown)(?:\s+by\s+${ent('C')})?`,
  'iu',
);
const ARRIVAL = /\b(?:will|would|could|to|should|may|might)\s+(?:come|arrive|launch|ship|debut|be released|be unveiled|be launched|go on sale|hit (?:stores|shelves)|be available)\b|\b(?:launch|release|arrival|debut)\s+(?:date|is set for|in|on)\b|\b(?:goes|go|went)\s+on\s+sale\b|\b(?:when|once|after)\s+(?:it|they)\s+(?:launches|launch|arrives|arrive|ships|ship|goes on sale)\b/i;
/** "the Arclight Nova 5, which launched in September 2024", "The original Z7, launched in 2021". */
const RELATIVE = new RegExp(String.raw`${ent('P')},?\s+(?:which\s+|that\s+)?(?:was\s+|were\s+|had\s+|has\s+)?(?:first\s+)?(?:launched|released|unveiled|introduced|debuted|arrived|announced|followed|went on sale)\s+(?:in|on|back in)\s+`, 'iu');
/** "Orion entered the foldable market in 2022 with the original Orion Fold". */
const MARKET_ENTRY = new RegExp(String.raw`\b(?:entered|entering|enters|joined)\s+the\s+(?:[\p{L}-]+\s+){0,2}market\s+(?:in\s+[^,.;]{2,20}?\s+)?with\s+(?:the\s+|its\s+|a\s+)?(?:original\s+|first\s+)?${ent('P')}`, 'iu');

/** The first date at or after `from` (sentence-relative) and at most `within` characters away. */
/** "the company would launch": the company the sentence or the article is about. */
function companyRef(view: SentenceView, at: number, context: Parameters<Extractor>[1]): { entityId: string } | null {
  const named = mentionsIn(view, view.masked.slice(0, at)).filter((m) => m.kind === 'Company').at(-1);
  const id = named?.entityId ?? context.discourse.focusCompany(view.index) ?? context.discourse.mainCompany;
  return id ? { entityId: id } : null;
}

function dateNear(view: SentenceView, from: number, within: number): DateValue | null {
  const usable = view.dates.filter((d) => d.date.precision !== 'CENTURY' && d.date.precision !== 'DECADE');
  return usable.find((d) => d.start >= from && d.start - from <= within)?.date ?? null;
}

export const extractLaunches: Extractor = (view, context) => {
  const drafts: ClaimDraft[] = [];
  const date = view.dates.find((d) => d.date.precision !== 'CENTURY' && d.date.precision !== 'DECADE')?.date ?? null;
  const active = ACTIVE.exec(view.masked);
  if (active) {
    const maker = active.groups!.ref ? companyRef(view, active.index, context) : mentionOf(view, active[1]);
    const anchor = anchorOf(view, active);
    // The launch date sits next to the launch: "In July, Xiaomi unveiled", "launched the Z8 in May 2023".
    const date = dateNear(view, anchor[1], 30) ?? [...view.dates].reverse().find((d) => d.end <= anchor[0] && anchor[0] - d.end <= 40 && d.date.precision !== 'CENTURY')?.date ?? null;
    for (const product of mentionsIn(view, active.groups!.products!)) {
      if (maker) {
        drafts.push({ subject: product.entityId, predicate: 'MANUFACTURED_BY', object: maker.entityId, confidence: 0.8, anchor });
      }
      if (date) drafts.push({ subject: product.entityId, predicate: 'LAUNCH_DATE', value: date, confidence: 0.8, anchor });
    }
    return drafts;
  }
  const passive = PASSIVE.exec(view.masked);
  if (passive) {
    const maker = mentionOf(view, passive[2]);
    const anchor = anchorOf(view, passive);
    for (const product of mentionsIn(view, passive[1]!)) {
      if (maker) drafts.push({ subject: product.entityId, predicate: 'MANUFACTURED_BY', object: maker.entityId, confidence: 0.8, anchor });
      if (date) drafts.push({ subject: product.entityId, predicate: 'LAUNCH_DATE', value: date, confidence: 0.75, anchor });
    }
    return drafts;
  }
  const relative = RELATIVE.exec(view.masked);
  if (relative) {
    const product = mentionOf(view, relative[1]);
    const at = fromMasked(view, relative.index, relative.index + relative[0].length);
    const when = dateNear(view, at[1], 15);
    if (product && when) drafts.push({ subject: product.entityId, predicate: 'LAUNCH_DATE', value: when, confidence: 0.75, anchor: at });
  }
  const entry = MARKET_ENTRY.exec(view.masked);
  const entrant = entry ? mentionOf(view, entry[1]) : null;
  if (entry && entrant && date) drafts.push({ subject: entrant.entityId, predicate: 'LAUNCH_DATE', value: date, confidence: 0.65, anchor: anchorOf(view, entry) });
  const arrival = drafts.length === 0 ? ARRIVAL.exec(view.masked) : null;
  if (arrival) {
    const at = fromMasked(view, arrival.index, arrival.index + arrival[0].length);
    const when = dateNear(view, at[1], 25);
    // "the Fjord 3 and Fjord 3 Max phones, which go on sale in October": every product of the list.
    const listed = new RegExp(String.raw`(${list('P')})\s+(?:[\p{L}-]+\s+)?,?\s*(?:which|that)\s+[^⟦]*$`, 'iu').exec(view.masked.slice(0, arrival.index));
    const subjects = listed ? mentionsIn(view, listed[1]!).map((m) => ({ id: m.entityId, weight: 1 })) : [productSubject(view, arrival.index, context)];
    for (const subject of subjects) {
      if (subject && when) drafts.push({ subject: subject.id, predicate: 'LAUNCH_DATE', value: when, confidence: 0.7 * subject.weight, anchor: at });
    }
  }
  return drafts;
};

