/**
 * Launches: LAUNCH_DATE, and MANUFACTURED_BY for the company that launches a product.
 *
 * "In July, Xiaomi unveiled the 12S Ultra", "Back in 2014, Sony created two smartphone
 * attachment devices called the QX1 and QX30", "the Pixel 9 was launched on 13 August",
 * "Lei Jun's brand has announced that it will come to July 2022". The date is the first one in
 * the sentence; a launch without a date still says who made the product.
 */

import type { ClaimDraft, Extractor } from './draft.ts';
import { anchorOf, ent, list, mentionsIn, productSubject, words } from './patterns.ts';
import { mentionOf } from '../sentence-view.ts';

const LAUNCH_VERB = String.raw`(?:unveiled|unveils|unveil|launched|launches|launch|released|releases|release|introduced|introduces|introduce|debuted|debuts|announced|announces|presented|presents|revealed|reveals|showed off|shows off|rolled out|rolls out|created|creates|marketed|markets|brought out|teased|teases)`;

const ACTIVE = new RegExp(
  String.raw`${ent('C')}(?:['’]s)?\s+(?:has\s+|have\s+|had\s+|will\s+|officially\s+|finally\s+|just\s+|quietly\s+|also\s+)*${LAUNCH_VERB}\s+(?:(?:that\s+)?(?:its|their|the|a|an|two|three|\d+|new|latest|recently|newly|first|next)\s+|[\p{L}-]+\s+){0,7}?(?:(?:called|named|dubbed)\s+)?(?:the\s+)?(${list('P')})`,
  'iu',
);
const PASSIVE = new RegExp(
  String.raw`(${list('P')})\s+(?:was|were|is|are|has been|have been|will be|would be|is set to be|is expected to be)\s+(?:officially\s+|first\s+|quietly\s+)?(?:unveiled|launched|released|introduced|announced|presented|revealed|shown)(?:\s+by\s+${ent('C')})?`,
  'iu',
);
const ARRIVAL = /\b(?:will|would|could|to|should)\s+(?:come|arrive|launch|ship|debut|be released|be unveiled|be launched|go on sale|hit (?:stores|shelves)|be available)\b|\b(?:launch|release|arrival|debut)\s+(?:date|is set for|in|on)\b|\bgoes on sale\b|\bwent on sale\b/i;

export const extractLaunches: Extractor = (view, context) => {
  const drafts: ClaimDraft[] = [];
  const date = view.dates.find((d) => d.date.precision !== 'CENTURY' && d.date.precision !== 'DECADE')?.date ?? null;
  const active = ACTIVE.exec(view.masked);
  if (active) {
    const maker = mentionOf(view, active[1]);
    const anchor = anchorOf(view, active);
    for (const product of mentionsIn(view, active[2]!)) {
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
  const arrival = ARRIVAL.exec(view.masked);
  if (arrival && date) {
    const subject = productSubject(view, view.masked.length, context);
    if (subject) {
      drafts.push({ subject: subject.id, predicate: 'LAUNCH_DATE', value: date, confidence: 0.7 * subject.weight, anchor: anchorOf(view, arrival) });
    }
  }
  return drafts;
};

export { LAUNCH_VERB };
