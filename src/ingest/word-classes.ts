/**
 * Word classes from compromise's English lexicon: is a capitalised word a first name, a
 * surname, a place, a month, or a plain English word that only happens to start a sentence?
 *
 * compromise ships a tagged lexicon of some 24,000 words (names, places, demonyms, dates and
 * common words). The NER pass asks it about single words only; running the full tagger on
 * every sentence would cost several milliseconds per article for little gain on news text.
 */

import nlp from 'compromise';
import { isDemonym } from './nationality.ts';

export type WordClass =
  | 'FirstName'
  | 'LastName'
  | 'Place'
  | 'Demonym'
  | 'Date'
  | 'Organization'
  | 'Honorific'
  | 'Common'
  | null;

type LexiconTag = string | string[];

function loadLexicon(): Record<string, LexiconTag> {
  const world = nlp.world() as { model?: { one?: { lexicon?: Record<string, LexiconTag> } } };
  return world.model?.one?.lexicon ?? {};
}

const LEXICON = loadLexicon();

const CLASS_OF_TAG: Record<string, WordClass> = {
  FirstName: 'FirstName', MaleName: 'FirstName', FemaleName: 'FirstName',
  LastName: 'LastName',
  Country: 'Place', City: 'Place', Place: 'Place', Region: 'Place', Address: 'Place',
  Demonym: 'Demonym',
  Month: 'Date', WeekDay: 'Date', Date: 'Date', Holiday: 'Date',
  Organization: 'Organization',
  Honorific: 'Honorific',
};

/** Words that start sentences or headlines and are never names, whatever the lexicon says. */
const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'it', 'its', 'they', 'their', 'we', 'our', 'he', 'she', 'his', 'her',
  'in', 'on', 'at', 'by', 'for', 'with', 'from', 'to', 'of', 'as', 'after', 'before', 'since', 'until', 'while', 'when',
  'and', 'but', 'or', 'so', 'yet', 'if', 'though', 'although', 'because', 'however', 'meanwhile', 'still', 'also', 'even',
  'now', 'then', 'today', 'yesterday', 'tomorrow', 'here', 'there', 'what', 'which', 'who', 'why', 'how', 'where',
  'according', 'despite', 'during', 'under', 'over', 'about', 'around', 'nearly', 'almost', 'only', 'just', 'both',
  'each', 'every', 'all', 'some', 'many', 'most', 'other', 'others', 'another', 'such', 'no', 'not', 'yes',
  'source', 'sources', 'image', 'photo', 'update', 'editor', 'note', 'read', 'more', 'new', 'first',
]);

/** Trade vocabulary the lexicon lacks: "Chipmaker TSMC" opens with a common noun, not a name. */
const TRADE_WORDS = new Set([
  'smartphone', 'smartphones', 'phone', 'phones', 'handset', 'handsets', 'camera', 'cameras', 'lens', 'lenses', 'sensor', 'sensors',
  'chip', 'chips', 'chipset', 'chipmaker', 'chipmakers', 'carmaker', 'automaker', 'startup', 'foldable', 'foldables', 'flagship',
  'flagships', 'tablet', 'laptop', 'smartwatch', 'earbuds', 'headset', 'drone', 'drones', 'app', 'apps', 'firmware', 'megapixel',
  'analysts', 'analyst', 'shipments', 'shares', 'prototype', 'prototypes', 'teaser', 'rumour', 'rumor', 'leak', 'leaks',
]);

/** Month and day names, which the lexicon files under other tags ("march", "may", "sun"). */
const CALENDAR = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'spring', 'summer', 'autumn', 'winter',
]);

const CLASS_CACHE = new Map<string, WordClass>();

export function wordClass(word: string): WordClass {
  const known = CLASS_CACHE.get(word);
  if (known !== undefined) return known;
  const cls = classify(word);
  if (CLASS_CACHE.size < 50_000) CLASS_CACHE.set(word, cls);
  return cls;
}

function classify(word: string): WordClass {
  const lower = word.toLowerCase();
  if (CALENDAR.has(lower)) return 'Date';
  if (isDemonym(word)) return 'Demonym';
  if (FUNCTION_WORDS.has(lower) || TRADE_WORDS.has(lower)) return 'Common';
  const tags = LEXICON[lower];
  if (tags === undefined) return null;
  for (const tag of Array.isArray(tags) ? tags : [tags]) {
    const cls = CLASS_OF_TAG[tag];
    if (cls) return cls;
  }
  return 'Common';
}

export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(word.toLowerCase());
}

/** True for words that are plain English vocabulary (not names, places or dates). */
export function isCommonWord(word: string): boolean {
  return wordClass(word) === 'Common';
}
