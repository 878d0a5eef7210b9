/**
 * Image sensors: SENSOR_RESOLUTION, SENSOR_SIZE, SENSOR_COUNT and SENSOR_MAKER.
 *
 * "a 50MP 1\" sensor", "an enlarged Type 1 50.3-megapixel sensor", "a one-inch,
 * 50-megapixel (MP) Sony sensor", "Two 1-inch sensors on board", "a second 1-inch sensor".
 * Sizes are optical formats in inches ("Type 1" is the 1-inch format); resolutions are in MP.
 * The product is the one named before the figure, else the one under discussion.
 */

import { NUMBER_SOURCE, parseNumber, parseOrdinal } from '../numbers.ts';
import { toMaskedIndex } from '../sentence-view.ts';
import type { ClaimDraft, Extractor } from './draft.ts';
import { ent, productGroupSubjects, productSubject, type Subject } from './patterns.ts';
import { mentionOf } from '../sentence-view.ts';

const SENSOR = /\bsensors?\b/i;
const RESOLUTION = /(?<![\d.])(\d+(?:\.\d+)?)\s*-?\s*(?:MP|megapixels?|mega-pixels?|Mpx)\b/gi;
const SIZE = /(?<![\d./])(?:(1\/\d+(?:\.\d+)?|\d+(?:\.\d+)?|one|half)\s*-?\s*(?:inch|")(?:-type|-class)?|\bType\s+(1\/\d+(?:\.\d+)?|\d+(?:\.\d+)?))(?=[\s,.-]|$)/gi;
const COUNT = new RegExp(String.raw`\b(?<n>${NUMBER_SOURCE}|dual|twin|triple|quad)\s+(?:[\p{L}\d./"-]+\s+){0,2}?sensors\b`, 'giu');
const ORDINAL_SENSOR = /\b(?:a|an|the)\s+(second|third|fourth)\s+(?:[\p{L}\d./"-]+\s+){0,2}?sensor\b/iu;
const MAKER = new RegExp(String.raw`${ent('C')}(?:['’]s)?\s+(?:[\p{L}\d-]+\s+){0,2}?sensors?\b|\bsensors?\s+(?:made|supplied|built|designed|provided)\s+by\s+${ent('C')}`, 'iu');

function inches(text: string): number | null {
  const t = text.toLowerCase();
  if (t === 'one') return 1;
  if (t === 'half') return 0.5;
  if (t.startsWith('1/')) {
    const d = Number(t.slice(2));
    return d > 0 ? Math.round((1 / d) * 1000) / 1000 : null;
  }
  const n = Number(t);
  return Number.isFinite(n) && n > 0 && n <= 4 ? n : null;
}

const MULTIPLE: Record<string, number> = { dual: 2, twin: 2, triple: 3, quad: 4 };

export const extractSensors: Extractor = (view, context) => {
  if (!SENSOR.test(view.text)) return [];
  const drafts: ClaimDraft[] = [];
  const near = (start: number) => {
    const sensor = view.text.slice(start).search(SENSOR);
    return sensor >= 0 && sensor <= 60;
  };
  const subjectsAt = (at: number): Subject[] => {
    const group = productGroupSubjects(view, toMaskedIndex(view, at), context);
    if (group) return group;
    const one = productSubject(view, toMaskedIndex(view, at), context);
    return one ? [one] : [];
  };
  const subjectAt = (at: number) => subjectsAt(at)[0] ?? null;
  for (const m of view.text.matchAll(RESOLUTION)) {
    if (!near(m.index)) continue;
    for (const subject of subjectsAt(m.index)) drafts.push({ subject: subject.id, predicate: 'SENSOR_RESOLUTION', value: { type: 'Quantity', amount: Number(m[1]), unit: 'MP', approximate: false }, confidence: 0.85 * subject.weight, anchor: [m.index, m.index + m[0].length] });
    break;
  }
  for (const m of view.text.matchAll(SIZE)) {
    if (!near(m.index)) continue;
    // A bare `1"` is a size only when a sensor follows closely; otherwise it is a closing quote.
    if (m[0].endsWith('"') && !/^\s*(?:[\p{L}-]+\s+){0,1}sensor/iu.test(view.text.slice(m.index + m[0].length))) continue;
    const amount = inches((m[1] ?? m[2])!);
    const subject = subjectAt(m.index);
    if (amount !== null && subject) drafts.push({ subject: subject.id, predicate: 'SENSOR_SIZE', value: { type: 'Quantity', amount, unit: 'inch', approximate: false }, confidence: 0.8 * subject.weight, anchor: [m.index, m.index + m[0].length] });
    break;
  }
  const count = [...view.text.matchAll(COUNT)][0];
  const ordinal = ORDINAL_SENSOR.exec(view.text);
  if (count || ordinal) {
    const word = count ? count.groups!.n!.toLowerCase() : '';
    const amount = count ? (MULTIPLE[word] ?? parseNumber(word)) : parseOrdinal(ordinal![1]!);
    const at = count ? count.index : ordinal!.index;
    const subject = subjectAt(at);
    if (amount !== null && amount >= 2 && amount <= 10 && subject) {
      const end = count ? count.index + count[0].length : ordinal!.index + ordinal![0].length;
      drafts.push({ subject: subject.id, predicate: 'SENSOR_COUNT', value: { type: 'Quantity', amount, unit: null, approximate: false }, confidence: 0.75 * subject.weight, anchor: [at, end] });
    }
  }
  const maker = MAKER.exec(view.masked);
  if (maker) {
    const company = mentionOf(view, maker[1] ?? maker[2]);
    const group = productGroupSubjects(view, maker.index, context);
    const one = productSubject(view, maker.index, context);
    for (const subject of group ?? (one ? [one] : [])) {
      if (company) drafts.push({ subject: subject.id, predicate: 'SENSOR_MAKER', object: company.entityId, confidence: 0.75 * subject.weight, anchor: [company.start - view.start, company.end - view.start] });
    }
  }
  return drafts;
};
