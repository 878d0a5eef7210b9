/**
 * Segment: sentences with their offsets.
 *
 * A paragraph break always ends a sentence. Inside a paragraph a sentence ends at `.`, `!` or
 * `?` (with any closing quotes or brackets after it) followed by white space and a capital,
 * digit or opening quote, except after an abbreviation ("Mr.", "Inc.", "U.S.") or an initial,
 * and never inside a quotation: a quoted passage of several sentences stays whole, because it
 * is one person's words. "50.3", "f/1.4" and "IPX/68." need no rule: a split needs white space.
 */

export interface Sentence {
  /** Offsets in the text that was segmented. */
  start: number;
  end: number;
  text: string;
  /** Index of the paragraph the sentence belongs to. */
  paragraph: number;
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'gen', 'gov', 'sen', 'rep', 'rev', 'capt', 'col', 'lt', 'sgt',
  'inc', 'ltd', 'co', 'corp', 'plc', 'llc', 'bros', 'dept', 'est', 'approx', 'vs', 'etc', 'al', 'cf', 'fig', 'figs',
  'no', 'nos', 'vol', 'pp', 'ed', 'eds',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thurs', 'fri', 'sat', 'sun',
]);
const CLOSERS = '"”»’\')]';
const STARTERS = /[\p{Lu}\p{N}"“«„'‘(\[]/u;

/** The straight-quote count is odd: the quotation marks cannot be paired, so ignore them. */
function straightQuotesBalanced(text: string, start: number, end: number): boolean {
  let count = 0;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 34) count++;
  return count % 2 === 0;
}

function endsWithAbbreviation(text: string, dot: number, from: number): boolean {
  let s = dot;
  while (s > from && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  const word = text.slice(s, dot);
  if (word === '') return false;
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J. Smith"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S", "e.g", "i.e"
  return ABBREVIATIONS.has(word.toLowerCase());
}

function splitParagraph(text: string, from: number, to: number, paragraph: number, out: Sentence[]): void {
  const trackStraight = straightQuotesBalanced(text, from, to);
  let depth = 0;
  let inStraight = false;
  let start = from;
  const emit = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e), paragraph });
    start = end;
  };
  for (let i = from; i < to; i++) {
    const ch = text[i]!;
    if (ch === '"' && trackStraight) {
      inStraight = !inStraight;
      continue;
    }
    if (ch === '“' || ch === '«' || ch === '„') depth++;
    else if ((ch === '”' || ch === '»') && depth > 0) depth--;
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let j = i + 1;
    while (j < to && /[.!?]/.test(text[j]!)) j++;
    // Closing quotes end the quotation they close, so a sentence may end just after them.
    let closing = j;
    let closingDepth = depth;
    let closingStraight: boolean = inStraight;
    while (closing < to && CLOSERS.includes(text[closing]!)) {
      const c = text[closing]!;
      if (c === '"' && trackStraight) {
        if (!closingStraight) break;
        closingStraight = false;
      }
      if ((c === '”' || c === '»') && closingDepth > 0) closingDepth--;
      closing++;
    }
    // A period straight after a closing quote (`fusion.".`) belongs to the sentence too.
    while (closing < to && /[.!?]/.test(text[closing]!)) closing++;
    if (closing >= to || !/\s/.test(text[closing]!)) continue;
    if (closingDepth > 0 || closingStraight) continue;
    let next = closing;
    while (next < to && /\s/.test(text[next]!)) next++;
    if (next >= to || !STARTERS.test(text[next]!)) continue;
    if (ch === '.' && j === i + 1 && endsWithAbbreviation(text, i, from)) continue;
    depth = closingDepth;
    inStraight = closingStraight;
    emit(closing);
    i = closing - 1;
  }
  emit(to);
}

/** Splits `text` into sentences; paragraphs are separated by one or more newlines. */
export function segment(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let pos = 0;
  while (pos < text.length) {
    const newline = text.indexOf('\n', pos);
    const end = newline < 0 ? text.length : newline;
    if (text.slice(pos, end).trim() !== '') {
      splitParagraph(text, pos, end, paragraph, sentences);
      paragraph++;
    }
    pos = end + 1;
  }
  return sentences;
}
