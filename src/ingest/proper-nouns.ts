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
import { wordClass } from './word-classes.ts';

export interface ProperNoun {
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  /** Tokens with digits in them: model numbers ("S24", "12S", "QX1"). */
  hasModelNumber: boolean;
}

const MODEL = /\p{N}/u;

/** Capitalised abbreviations of units, formats and ratings: never names. */
const NOT_NAME_ABBREVIATIONS = /^(?:MP|MB|GB|TB|KB|GHz|MHz|Hz|mAh|mm|cm|HDR|OLED|AMOLED|LCD|LED|USB|AI|AR|VR|PR|CEO|CFO|CTO|COO|DSLR|SLR|NFC|LTE|GPS|CPU|GPU|NPU|RAM|ROM|SSD|OS|UI|API|IPO|US|USA|UK|EU|UN|TV|PC|IT|FAQ|PDF|ASPH|IPX\d*|IP\d\d|[1-9]G)$/;
const NOT_NAMES = new Set(['Place', 'Demonym', 'Date', 'Honorific']);

/** Most of the longer words are capitalised: a Title Case headline. */
/** Words the text writes in lower case somewhere. */
export function lowerCaseWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}-]*/gu)) words.add(m[0]);
  return words;
}

export function isTitleCase(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => t.text.length > 3 && /^\p{L}/u.test(t.text));
  if (words.length < 3) return false;
  return words.filter((t) => isCapitalised(t.text)).length / words.length >= 0.6;
}

function isNameLike(token: Token, previous: Token | null, text: string): boolean {
  if (NOT_NAME_ABBREVIATIONS.test(token.text)) return false;
  if (isCapitalised(token.text)) return true;
  // A model number continues a name ("Xiaomi 14", "Pixel 9a") but does not start one.
  return MODEL.test(token.text) && previous !== null && isCapitalised(previous.text) && joins(text, previous, token);
}

function trimmed(tokens: Token[]): Token[] {
  let s = 0;
  let e = tokens.length;
  const edge = (t: Token): boolean => {
    const cls = wordClass(t.text);
    return cls === 'Common' || (cls !== null && NOT_NAMES.has(cls));
  };
  const hasModel = tokens.some((t) => MODEL.test(t.text));
  while (s < e && edge(tokens[s]!) && !MODEL.test(tokens[s]!.text)) s++;
  // Trailing plain words stay when the name has a model number: "Galaxy S24 Ultra", "Mate 60 Pro";
  // a trailing place stays after a name: "Nikkei Asia".
  const trailing = (t: Token): boolean => wordClass(t.text) === 'Common' || (wordClass(t.text) !== 'Place' && edge(t));
  if (!hasModel) while (e > s && (e - s === 1 ? edge(tokens[e - 1]!) : trailing(tokens[e - 1]!))) e--;
  return tokens.slice(s, e);
}

/**
 * Proper nouns in one sentence's tokens. `commonWords` holds the words the article also writes
 * in lower case: "Smartphone" opening a sentence is the word "smartphone", not a name.
 */
export function findProperNouns(text: string, tokens: readonly Token[], commonWords: ReadonlySet<string> = new Set()): ProperNoun[] {
  const titleCase = isTitleCase(tokens);
  const found: ProperNoun[] = [];
  let run: Token[] = [];
  const flush = (): void => {
    const kept = trimmed(run);
    run = [];
    if (kept.length === 0) return;
    const hasModelNumber = kept.some((t) => MODEL.test(t.text));
    if (titleCase && !hasModelNumber) return;
    // A lone capitalised word that is only a place, date or nationality is not an entity.
    if (kept.every((t) => NOT_NAMES.has(wordClass(t.text) ?? ''))) return;
    if (kept.length === 1 && commonWords.has(kept[0]!.lower)) return;
    const start = kept[0]!.start;
    const end = kept[kept.length - 1]!.end;
    found.push({ start, end, text: text.slice(start, end), tokens: kept, hasModelNumber });
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const previous = run.length > 0 ? run[run.length - 1]! : null;
    if (previous && !joins(text, previous, token)) flush();
    const last = run.length > 0 ? run[run.length - 1]! : null;
    if (isNameLike(token, last, text)) run.push(token);
    else flush();
  }
  flush();
  return found;
}
