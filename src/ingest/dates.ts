/**
 * Dates in article text, read relative to the article's own date.
 *
 * chrono-node parses day and month expressions ("In July", "on 3 March", "July 2022",
 * "next Tuesday"); what it is certain of sets the precision (DAY, MONTH or YEAR). A month or
 * weekday without a year needs the article's date to say which one is meant; without it the
 * expression is left alone rather than guessed. Bare years ("In 2014"), decades ("the 1990s")
 * and centuries ("the 1800s", "the 19th century") are read by pattern, as chrono does not.
 */

import * as chrono from 'chrono-node';
import type { DatePrecision, PublishedDate } from '../model/article.ts';
import type { DateValue } from '../model/value.ts';

export interface DateMention {
  /** Offsets in the text given to findDates. */
  start: number;
  end: number;
  date: DateValue;
}

const CHRONO_HINT = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:today|yesterday|tomorrow|tonight)\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/i;
const YEAR = /\b(?:in|since|from|until|by|of|during|back in|early|late|mid-?|around|before|after|circa)\s+(1[5-9]\d\d|20\d\d)\b|\b(1[5-9]\d\d|20\d\d)\b/gi;
const DECADE = /\b(?:the\s+)?(?:early\s+|late\s+|mid-?)?((?:1[0-9]|20)\d0)['’]?s\b/gi;
const CENTURY = /\b(\d{1,2})(?:st|nd|rd|th)[- ]century\b/gi;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function reference(published: PublishedDate | null): Date | null {
  if (!published) return null;
  const [y, m, d] = published.value.split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 7) - 1, d ?? 15, 12));
}

function chronoDates(text: string, published: PublishedDate | null): DateMention[] {
  if (!CHRONO_HINT.test(text)) return [];
  const ref = reference(published);
  const found: DateMention[] = [];
  for (const result of chrono.parse(text, ref ?? new Date(Date.UTC(2000, 0, 1)))) {
    const start = result.start;
    const written = result.text;
    // "may" is far more often a modal verb than the month.
    if (/^may$/i.test(written.trim()) && !/\b(?:in|on|by|since|until|from|early|late|mid-?|of|next|last|this)\s+$/i.test(text.slice(0, result.index))) continue;
    const knowsYear = start.isCertain('year');
    const knowsMonth = start.isCertain('month');
    const knowsDay = start.isCertain('day');
    const relative = !knowsMonth && !knowsDay && !knowsYear; // "next Tuesday", "yesterday"
    if (!knowsYear && !ref) continue;
    if (relative && (!published || published.precision !== 'DAY')) continue;
    const y = start.get('year')!;
    const mo = start.get('month')!;
    const d = start.get('day')!;
    let precision: DatePrecision;
    let value: string;
    if (knowsDay || relative) {
      if (!knowsMonth && !relative) continue;
      precision = 'DAY';
      value = `${y}-${pad(mo)}-${pad(d)}`;
    } else if (knowsMonth) {
      precision = 'MONTH';
      value = `${y}-${pad(mo)}`;
    } else {
      precision = 'YEAR';
      value = String(y);
    }
    let end = result.index + written.length;
    while (end > result.index && /[\s,.]/.test(text[end - 1]!)) end--;
    found.push({ start: result.index, end, date: { type: 'Date', value, precision } });
  }
  return found;
}

function patternDates(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (const m of text.matchAll(CENTURY)) {
    const n = Number(m[1]);
    if (n >= 1 && n <= 21) found.push({ start: m.index, end: m.index + m[0].length, date: { type: 'Date', value: String((n - 1) * 100).padStart(4, '0'), precision: 'CENTURY' } });
  }
  for (const m of text.matchAll(DECADE)) {
    const year = m[1]!;
    const at = m.index + m[0].indexOf(year);
    const precision: DatePrecision = year.endsWith('00') ? 'CENTURY' : 'DECADE';
    found.push({ start: at, end: m.index + m[0].length, date: { type: 'Date', value: year, precision } });
  }
  for (const m of text.matchAll(YEAR)) {
    const year = (m[1] ?? m[2])!;
    const at = m.index + m[0].lastIndexOf(year);
    if (/^(?:\d|[,.]\d)/.test(text.slice(at + 4, at + 6)) || /[\d$€£¥][,.]?$/.test(text.slice(0, at))) continue; // part of a larger number
    if (/^\s*(?:units|devices|phones|mm|mAh|MP|megapixels?|euros?|dollars?|yen|yuan)\b/i.test(text.slice(at + 4))) continue;
    found.push({ start: at, end: at + 4, date: { type: 'Date', value: year, precision: 'YEAR' } });
  }
  return found;
}

/** Every date in `text`, in order, without overlaps (the more precise reading wins). */
export function findDates(text: string, published: PublishedDate | null): DateMention[] {
  const all = [...chronoDates(text, published), ...patternDates(text)];
  const rank: Record<DatePrecision, number> = { DAY: 5, MONTH: 4, YEAR: 3, DECADE: 2, CENTURY: 1 };
  all.sort((a, b) => a.start - b.start || rank[b.date.precision] - rank[a.date.precision]);
  const kept: DateMention[] = [];
  for (const d of all) {
    const clash = kept.find((k) => d.start < k.end && d.end > k.start);
    if (!clash) kept.push(d);
    else if (rank[d.date.precision] > rank[clash.date.precision] && d.date.value.startsWith(clash.date.value.slice(0, 4))) {
      kept[kept.indexOf(clash)] = d;
    }
  }
  return kept;
}
