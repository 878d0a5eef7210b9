/**
 * Partnerships: PARTNERS_WITH, with startTime or endTime when the sentence dates it.
 *
 * Starts: "Xiaomi has entered a strategic partnership with Leica", "Leica partnered with
 * Xiaomi", "the relationship between Xiaomi and Leica", "Xiaomi and Leica, now it's official".
 * Ends: "Huawei has formally ended their ties with Leica", "breaking off with Huawei". A start
 * or end in the present or perfect tense is dated to the article's year.
 */

import type { Qualifiers } from '../../model/claim.ts';
import type { DateValue } from '../../model/value.ts';
import { mentionOf, type SentenceView } from '../sentence-view.ts';
import type { ClaimDraft, ExtractContext, Extractor } from './draft.ts';
import { DEMONYMS } from '../nationality.ts';
import { companyByDemonym } from './company.ts';
import { anchorOf, companySubject, ent, words } from './patterns.ts';

const ORG = 'CM';
const TIE = String.raw`(?:partnership|collaboration|cooperation|co-operation|alliance|relationship|tie-up|ties|deal|agreement|joint venture|arrangement|contract)`;
/** A company, then optionally its apposition or relative clause: "Fenwick Optics, the German lens maker," */
const SUBJECT = String.raw`${ent(ORG)}(?:['’]s)?,?\s+(?:(?:which|who)\s+[^,.;⟦]{0,80},\s+)?`;

const STARTS: RegExp[] = [
  new RegExp(String.raw`${SUBJECT}${words(0, 5)}(?:partnered|partners|partnering|partner|teamed up|teams up|team up|joined forces|joins forces|collaborates|collaborated|collaborate|works|worked|work|is working)\s+(?:up\s+)?with\s+${words(0, 3)}${ent(ORG)}`, 'iu'),
  new RegExp(String.raw`${SUBJECT}${words(0, 5)}(?:entered|enters|entering|formed|forms|signed|signs|struck|strikes|inked|inks|sealed|seals|announced|announces|agreed|agrees|renewed|renews|extended|extends)\s+(?:into\s+|on\s+|to\s+)?(?:a\s+|an\s+|its\s+|their\s+)?${words(0, 3)}${TIE}\s+with\s+${words(0, 3)}${ent(ORG)}`, 'iu'),
  new RegExp(String.raw`${ent(ORG)}['’]s\s+${words(0, 3)}${TIE}\s+with\s+${words(0, 3)}${ent(ORG)}`, 'iu'),
  new RegExp(String.raw`${TIE}\s+between\s+${ent(ORG)}\s+(?:and|e|&)\s+${ent(ORG)}`, 'iu'),
  new RegExp(String.raw`${ent(ORG)}\s+(?:and|&)\s+${ent(ORG)}\s+(?:have\s+|has\s+|will\s+|are\s+|to\s+)?(?:partnered|partner|teamed up|team up|joined forces|join forces|(?:signed|sign|signs|announced|announce|formed|form|struck|strike|agreed|agree|sealed|seal)\s+(?:a\s+|an\s+)?${words(0, 3)}${TIE}|collaborate|co-develop|co-engineer)`, 'iu'),
  new RegExp(String.raw`^${ent(ORG)}\s+(?:and|&)\s+${ent(ORG)},?\s+(?:now\s+)?it['’]?s official`, 'iu'),
];

const ENDS: RegExp[] = [
  new RegExp(String.raw`${SUBJECT}${words(0, 8)}(?:ended|ends|end|ending|terminated|terminates|severed|severs|cut|cuts|broke off|breaks off|broken off|dropped|drops|parted ways|parts ways|split|splits|walked away|walks away)\s+(?:its\s+|their\s+|the\s+)?${words(0, 3)}(?:${TIE}\s+)?(?:ways\s+)?with\s+${words(0, 3)}${ent(ORG)}`, 'iu'),
  new RegExp(String.raw`${ent(ORG)}\s+(?:and|&)\s+${ent(ORG)}\s+${words(0, 3)}(?:ended|end|ends|terminated|severed|parted ways|part ways|split|broke off)`, 'iu'),
];

/** "its partnership with Klangfeld", "Its last smartphone partner was Corvid Phones": the owner is the sentence's company. */
const ITS_TIE = new RegExp(String.raw`\b(?:its|their)\s+${words(0, 3)}(?:${TIE}\s+with\s+${words(0, 3)}|partner\s+(?:was|is|has been)\s+)${ent(ORG)}`, 'iu');

/** "Leica, with which the Chinese have entered into a cooperation": the partner is named by nationality or as "the company". */
const WITH_WHICH = new RegExp(String.raw`${ent(ORG)},?\s+with\s+(?:which|whom)\s+(?:${ent(ORG)}|the\s+(?<ref>[\p{L}]+))\s+(?:have|has|had)\s+(?:now\s+|recently\s+|just\s+)?(?:entered|signed|formed|struck|sealed)\s+(?:into\s+)?(?:a\s+|an\s+)?${words(0, 2)}${TIE}`, 'iu');

/** An end with no company before it: "Right after breaking off with Huawei" (the focus company did). */
const END_WITHOUT_SUBJECT = new RegExp(String.raw`\b(?:breaking off|broke off|parting ways|parted ways|splitting|split|ending (?:its|their) ${TIE})\s+with\s+${ent(ORG)}`, 'iu');

/** The year a partnership started or ended: a date in the sentence that is not a founding date. */
function yearOf(view: SentenceView, context: ExtractContext, recent: boolean, near: [number, number] = [0, view.text.length]): DateValue | null {
  const dated = view.dates.find(
    (d) =>
      d.start >= near[0] - 30 &&
      d.start <= near[1] + 25 &&
      !/\b(?:founded|founding|established|incorporated|since|born|launched|released|unveiled|introduced)\b[^,.;]{0,20}$/i.test(view.text.slice(Math.max(0, d.start - 40), d.start)),
  );
  if (dated) return { type: 'Date', value: dated.date.value.slice(0, 4), precision: 'YEAR' };
  if (recent && context.published) return { type: 'Date', value: context.published.value.slice(0, 4), precision: 'YEAR' };
  return null;
}

function draft(a: string, b: string, anchor: [number, number], qualifiers: Qualifiers, confidence: number): ClaimDraft | null {
  if (a === b) return null;
  return { subject: a, predicate: 'PARTNERS_WITH', object: b, qualifiers, confidence, anchor };
}

export const extractPartnerships: Extractor = (view, context) => {
  const drafts: ClaimDraft[] = [];
  const text = view.masked;
  const recentTense = /\b(?:has|have|now|recently|officially|this week|today|enters|announces|is)\b|['’]s official|\bbreaking off\b/i.test(text) || view.headline;
  for (const pattern of STARTS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const a = mentionOf(view, m[1]);
    const b = mentionOf(view, m[2]);
    if (!a || !b) continue;
    const start = yearOf(view, context, recentTense, anchorOf(view, m));
    const d = draft(a.entityId, b.entityId, anchorOf(view, m), start ? { startTime: start } : {}, 0.85);
    if (d) drafts.push(d);
    break;
  }
  const withWhich = drafts.length === 0 ? WITH_WHICH.exec(text) : null;
  if (withWhich) {
    const a = mentionOf(view, withWhich[1]);
    const ref = withWhich.groups!.ref;
    const b = ref
      ? DEMONYMS[ref] ? companyByDemonym(view, withWhich.index, ref, context) : /^(?:company|firm|group|brand)$/i.test(ref) ? context.discourse.focusCompany(view.index) : null
      : mentionOf(view, withWhich[2])?.entityId ?? null;
    const start = yearOf(view, context, true, anchorOf(view, withWhich));
    const d = a && b ? draft(a.entityId, b, anchorOf(view, withWhich), start ? { startTime: start } : {}, 0.7) : null;
    if (d) drafts.push(d);
  }
  for (const pattern of ENDS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const a = mentionOf(view, m[1]);
    const b = mentionOf(view, m[2]);
    if (!a || !b) continue;
    const end = yearOf(view, context, recentTense, anchorOf(view, m));
    const d = draft(a.entityId, b.entityId, anchorOf(view, m), end ? { endTime: end } : {}, 0.8);
    if (d) drafts.push(d);
    return drafts;
  }
  const its = drafts.length === 0 ? ITS_TIE.exec(text) : null;
  const partner = its ? mentionOf(view, its[1]) : null;
  if (its && partner) {
    const owner = companySubject(view, its.index, context) ?? (context.discourse.focusCompany(view.index) ? { id: context.discourse.focusCompany(view.index)!, weight: 0.8 } : null);
    const ended = /\b(?:ended|ends|end|terminated|severed|broke off|dropped|was|expired)\b/i.test(text.slice(its.index + its[0].length));
    const date = yearOf(view, context, false, anchorOf(view, its));
    const qualifiers = date ? (ended ? { endTime: date } : { startTime: date }) : {};
    const d = owner ? draft(owner.id, partner.entityId, anchorOf(view, its), qualifiers, 0.7 * owner.weight) : null;
    if (d) drafts.push(d);
  }
  const alone = END_WITHOUT_SUBJECT.exec(text);
  const other = alone ? mentionOf(view, alone[1]) : null;
  if (alone && other) {
    const subject = companySubject(view, alone.index, context) ?? (context.discourse.focusCompany(view.index) ? { id: context.discourse.focusCompany(view.index)!, weight: 0.8 } : null);
    const end = yearOf(view, context, recentTense, anchorOf(view, alone));
    const d = subject ? draft(subject.id, other.entityId, anchorOf(view, alone), end ? { endTime: end } : {}, 0.75 * subject.weight) : null;
    if (d) drafts.push(d);
  }
  return drafts;
};
