/**
 * People: AFFILIATED_WITH and SAID.
 *
 * Affiliation: "Lei Jun's brand", "Sony CEO Kenichiro Yoshida", "Kenichiro Yoshida, chief
 * executive of Sony", "analyst Ming-Chi Kuo of TF International". Speech: a person's words in
 * quotation marks ("These are the words of Lei Jun on the matter: \"...\"", "\"...,\" said
 * Yoshida", "..., she said") are QUOTED; reported speech ("He said that ...", "Jun believes
 * that ...", "Okafor said the lab would ...") is the clause after the verb, QUOTED when it
 * carries quotation marks and REPORTED otherwise.
 */

import { mentionOf, type SentenceView } from '../sentence-view.ts';
import type { ClaimDraft, ExtractContext, Extractor } from './draft.ts';
import { anchorOf, ent } from './patterns.ts';

const ROLE = String.raw`(?:CEO|chief executive(?: officer)?|chief [a-z]+ officer|chief|founder|co-founder|president|vice[- ]president|chairman|chairwoman|chair|analyst|spokesperson|spokesman|spokeswoman|director|head(?: of [a-z ]+)?|executive|engineer|manager|boss|general manager|product manager|researcher)`;
const AFFILIATION: { pattern: RegExp; person: number; org: number }[] = [
  { pattern: new RegExp(String.raw`${ent('CM')}(?:['’]s)?\s+(?:[\p{L}-]+\s+)?${ROLE},?\s+${ent('H')}`, 'iu'), person: 2, org: 1 },
  { pattern: new RegExp(String.raw`${ent('H')},\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}-]+\s+){0,2}?${ROLE}\s+(?:of|at|with)\s+${ent('CM')}`, 'iu'), person: 1, org: 2 },
  { pattern: new RegExp(String.raw`${ent('H')},?\s+(?:who\s+)?(?:has\s+|have\s+|had\s+)?(?:heads|headed|leads|led|runs|run|ran|founded|co-founded|chairs|chaired)\s+${ent('CM')}`, 'iu'), person: 1, org: 2 },
  { pattern: new RegExp(String.raw`\b${ROLE}\s+${ent('H')}\s+(?:of|at|from)\s+${ent('CM')}`, 'iu'), person: 1, org: 2 },
];
const PERSONS_ORG = new RegExp(String.raw`${ent('H')}['’]s\s+(?:brand|company|firm|startup|group)\b`, 'iu');

const SPEECH = String.raw`(?:said|says|stated|states|explained|explains|added|adds|noted|notes|believes|believe|thinks|argued|argues|claimed|claims|told [^,.:;]{1,40}?|wrote|writes|insisted|insists|revealed|reveals|estimated|estimates|expects|predicted|predicts|hinted|hints|suggested|suggests|warned|warns)`;
/** "Lin added that ...", "Okafor said the lab ...", "Lindqvist, who co-founded the company, said Nordlys ...". */
const INDIRECT = new RegExp(
  String.raw`(?:${ent('H')}(?:,\s+(?:who|whose)\s+[^"“]{1,120}?,)?|\b(?<pronoun>He|She|he|she))\s+(?:also\s+|has\s+|had\s+|previously\s+)?${SPEECH}\s+(?:(?:that|on \p{L}+ that)\s+|(?=(?:the|a|an|it|its|they|their|there|this|these|he|she|we|⟦[A-Z]\d+⟧)\s))(?<clause>[^"“].+?)[.!?]*$`,
  'du',
);
const QUOTE_MARKS = /"([^"]{12,})"|“([^”]{12,})”/;
const SPEAKER_BEFORE = new RegExp(String.raw`(?:${ent('H')}\s+(?:also\s+)?(?:${SPEECH}|told|wrote)\b[^"“]{0,40}|\bwords of\s+${ent('H')}[^"“:]{0,30}|${ent('H')}[^"“]{0,20}):?\s*$`, 'u');
const SPEAKER_AFTER = new RegExp(String.raw`^[,.]?\s*(?:${SPEECH}|according to)\s+${ent('H')}|^[,.]?\s*(?:⟦[CM]\d+⟧\s+)?(?:[\p{L}-]+\s+){0,3}?${ent('H')}\s+${SPEECH}`, 'u');
const PRONOUN_AFTER = /^[,.]?\s*(?:he|she)\s+(?:said|says|added|adds|told|explained|noted|insisted|continued)\b/i;

function speakerOf(view: SentenceView, before: string, after: string, context: ExtractContext): string | null {
  const b = SPEAKER_BEFORE.exec(before);
  const fromBefore = b ? mentionOf(view, b[1] ?? b[2] ?? b[3]) : null;
  if (fromBefore) return fromBefore.entityId;
  const a = SPEAKER_AFTER.exec(after);
  const fromAfter = a ? mentionOf(view, a[1] ?? a[2]) : null;
  if (fromAfter) return fromAfter.entityId;
  if (PRONOUN_AFTER.test(after)) return view.mentions.filter((m) => m.kind === 'Person').at(-1)?.entityId ?? context.discourse.focusPerson(view.index);
  return null;
}

function quotation(view: SentenceView, context: ExtractContext): ClaimDraft[] {
  const q = QUOTE_MARKS.exec(view.masked);
  if (!q) return [];
  const inner = (q[1] ?? q[2])!;
  const speaker = speakerOf(view, view.masked.slice(0, q.index), view.masked.slice(q.index + q[0].length), context);
  if (!speaker) return [];
  const start = q.index + 1;
  const [from, to] = [view.maskOrigin[start]!, view.maskOrigin[start + inner.length - 1]! + 1];
  const text = view.text.slice(from, to).trim();
  return [{ subject: speaker, predicate: 'SAID', value: { type: 'Text', text }, confidence: 0.85, anchor: [from, to], modality: 'QUOTED', attributedTo: speaker }];
}

function reportedSpeech(view: SentenceView, context: ExtractContext): ClaimDraft[] {
  const m = INDIRECT.exec(view.masked);
  if (!m) return [];
  const person = m.groups!.pronoun ? context.discourse.focusPerson(view.index) : mentionOf(view, m[1])?.entityId ?? null;
  if (!person) return [];
  const clauseStart = m.indices!.groups!.clause![0];
  const from = view.maskOrigin[clauseStart]!;
  let to = view.text.length;
  while (to > from && /[\s.!?]/.test(view.text[to - 1]!)) to--;
  const text = view.text.slice(from, to);
  if (text.length < 8) return [];
  const quoted = /["“”]/.test(text);
  return [{ subject: person, predicate: 'SAID', value: { type: 'Text', text }, confidence: m.groups!.pronoun ? 0.65 : 0.75, anchor: [0, view.text.length], modality: quoted ? 'QUOTED' : 'REPORTED', attributedTo: person }];
}

export const extractPeople: Extractor = (view, context) => {
  const drafts: ClaimDraft[] = [];
  for (const { pattern, person, org } of AFFILIATION) {
    const m = pattern.exec(view.masked);
    const p = m ? mentionOf(view, m[person]) : null;
    const o = m ? mentionOf(view, m[org]) : null;
    if (m && p && o) {
      drafts.push({ subject: p.entityId, predicate: 'AFFILIATED_WITH', object: o.entityId, confidence: 0.8, anchor: anchorOf(view, m) });
      break;
    }
  }
  const brand = PERSONS_ORG.exec(view.masked);
  const owner = brand ? mentionOf(view, brand[1]) : null;
  const company = context.discourse.mainCompany;
  if (brand && owner && company && !drafts.some((d) => d.predicate === 'AFFILIATED_WITH')) {
    drafts.push({ subject: owner.entityId, predicate: 'AFFILIATED_WITH', object: company, confidence: 0.6, anchor: anchorOf(view, brand) });
  }
  const quoted = quotation(view, context);
  drafts.push(...(quoted.length > 0 ? quoted : reportedSpeech(view, context)));
  return drafts;
};
