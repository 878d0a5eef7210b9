/**
 * The NER pass: proper nouns the registry does not know.
 *
 * A proper noun is a run of capitalised words and model numbers ("Kenichiro Yoshida",
 * "Galaxy S24 Ultra", "TSMC") joined only by spaces, hyphens or slashes. Plain English words
 * at its edges are trimmed ("However", "The"), dates, places and nationalities are not
 * entities, and a Title Case headline only yields names with a model number in them, since
 * every word of it is capitalised. The kind of each name comes from entity-kind.ts.
 */

import { joins, isCapitalised, type Token } from './tokens.ts';
import { parseNumber } from './numbers.ts';
import { isCommonWord, isFunctionWord, wordClass } from './word-classes.ts';

const parseNumberWord = (word: string): number | null => (/^[a-z]+$/.test(word) ? parseNumber(word) : null);

export interface ProperNoun {
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  /** Tokens with digits in them: model numbers ("S24", "12S", "QX1"). */
  hasModelNumber: boolean;
  /** Found in a Title Case line, where capitals do not mark names: only a name known from elsewhere counts. */
  titleCase: boolean;
}

const MODEL = /\p{N}/u;

/** Capitalised abbreviations of units, formats and ratings: never names. */
const NOT_NAME_ABBREVIATIONS = /^(?:MP|MB|GB|TB|KB|GHz|MHz|Hz|mAh|mm|cm|HDR|OLED|AMOLED|LCD|LED|USB|AI|AR|VR|PR|CEO|CFO|CTO|COO|DSLR|SLR|NFC|LTE|GPS|CPU|GPU|NPU|RAM|ROM|SSD|OS|UI|API|IPO|US|USA|UK|EU|UN|TV|PC|IT|FAQ|PDF|ASPH|IPX\d*|IP\d\d|[1-9]G)$/;
const NOT_NAMES = new Set(['Place', 'Demonym', 'Date', 'Honorific']);

/** Words the text writes in lower case somewhere. */
export function lowerCaseWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}-]*/gu)) words.add(m[0]);
  return words;
}

/**
 * A Title Case line: most of its plain English words are capitalised ("This Xiaomi Smartphone
 * Includes a Full-sized Leica Lens"). Names alone do not make one: "Mara Lindqvist has run
 * Nordlys Audio" writes its plain words in lower case.
 */
export function isTitleCase(tokens: readonly Token[], commonWords: ReadonlySet<string> = new Set()): boolean {
  const plain = tokens.slice(1).filter((t) => t.text.length >= 3 && /^\p{L}+$/u.test(t.text) && (isCommonWord(t.text) || commonWords.has(t.lower)));
  const capitalised = plain.filter((t) => isCapitalised(t.text)).length;
  return capitalised >= 2 && capitalised / plain.length >= 0.6;
}

function isNameLike(token: Token, run: readonly Token[], text: string): boolean {
  if (NOT_NAME_ABBREVIATIONS.test(token.text)) return false;
  if (isCapitalised(token.text)) return true;
  const previous = run.at(-1);
  if (!previous || !joins(text, previous, token)) return false;
  // A lens mount is named with its letter: "K-mount", "RF-mount".
  if (token.lower === 'mount' && text[token.start - 1] === '-') return true;
  // An aperture continues a lens name: "24-70mm f/2.8 S".
  if (token.text === 'f' && /^\/\d/.test(text.slice(token.end, token.end + 2))) return true;
  // A model number continues a name ("Xiaomi 14", "Pixel 9a", "24-70mm") but does not start one,
  // and a figure such as "1,199" is not a model number.
  // A figure such as "1,199", or a measure such as "50.3-megapixel" or "1-inch", is not a model number.
  return MODEL.test(token.text) && !/^,\d{3}/.test(text.slice(token.end, token.end + 4)) && !/^(?:\.\d+)?-\p{L}/u.test(text.slice(token.end, token.end + 8));
}

/** Words that number things rather than name a product line: "Type 1", "Version 2", "Part 3". */
const NOT_LINE_WORDS = new Set(['type', 'size', 'class', 'model', 'version', 'number', 'grade', 'level', 'gen', 'generation', 'series', 'step', 'stage', 'phase', 'part', 'chapter', 'page', 'section', 'round', 'tier', 'season', 'episode', 'day', 'week', 'year', 'top', 'covid']);

const FUNCTION_END = new Set(['the', 'a', 'an', 'and', 'of', 'in', 'on', 'at', 'for', 'to', 'by', 'with', 'but', 'or', 'however', 'also']);

function trimmed(tokens: Token[], text: string): Token[] {
  let s = 0;
  let e = tokens.length;
  const edge = (t: Token): boolean => {
    const cls = wordClass(t.text);
    return cls === 'Common' || (cls !== null && NOT_NAMES.has(cls));
  };
  if (tokens.at(-1)?.lower === 'mount') return tokens; // "K-mount": the letter is the name
  // A plain word before a model number is a product line: "Edge 9", "Note 20", "Mate 60 Pro".
  const lineName = (i: number): boolean =>
    i + 1 < e &&
    !isFunctionWord(tokens[i]!.text) &&
    parseNumberWord(tokens[i]!.lower) === null &&
    !NOT_LINE_WORDS.has(tokens[i]!.lower) &&
    MODEL.test(tokens[i + 1]!.text) &&
    !/^(?:1[5-9]|20)\d\d$/.test(tokens[i + 1]!.text) &&
    !/^[-.]\p{L}|^\.\d/u.test(text.slice(tokens[i + 1]!.end, tokens[i + 1]!.end + 2));
  while (s < e && edge(tokens[s]!) && !MODEL.test(tokens[s]!.text) && !lineName(s)) s++;
  // At the end only dates and function words go ("Apple Tuesday"); other capitalised words are
  // part of the name: "Halden Mobile", "Meridian Wire", "Nikkei Asia", "Galaxy S24 Ultra".
  while (e > s && (wordClass(tokens[e - 1]!.text) === 'Date' || FUNCTION_END.has(tokens[e - 1]!.lower))) e--;
  return tokens.slice(s, e);
}

/**
 * Proper nouns in one sentence's tokens. `commonWords` holds the words the article also writes
 * in lower case: "Smartphone" opening a sentence is the word "smartphone", not a name.
 */
export function findProperNouns(text: string, tokens: readonly Token[], commonWords: ReadonlySet<string> = new Set()): ProperNoun[] {
  const titleCase = isTitleCase(tokens, commonWords);
  const found: ProperNoun[] = [];
  let run: Token[] = [];
  const flush = (): void => {
    const kept = trimmed(run, text);
    run = [];
    if (kept.length === 0) return;
    const hasModelNumber = kept.some((t) => MODEL.test(t.text));
    if (!kept.some((t) => /\p{L}/u.test(t.text))) return;
    // A lone capitalised word that is only a place, date or nationality is not an entity.
    if (kept.every((t) => NOT_NAMES.has(wordClass(t.text) ?? ''))) return;
    if (kept.length === 1 && commonWords.has(kept[0]!.lower)) return;
    const start = kept[0]!.start;
    const end = kept[kept.length - 1]!.end;
    found.push({ start, end, text: text.slice(start, end), tokens: kept, hasModelNumber, titleCase: titleCase && !hasModelNumber });
  };
  for (const token of tokens) {
    const previous = run.at(-1);
    if (previous && !joins(text, previous, token)) flush();
    if (isNameLike(token, run, text)) run.push(token);
    else flush();
  }
  flush();
  return found;
}
