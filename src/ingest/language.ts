/**
 * Language detection with franc-min (ISO 639-3 codes over trigram profiles of the most
 * spoken languages), on the first 600 characters. Short texts say too little to tell, so
 * they pass as undetermined.
 */

import { franc } from 'franc-min';

/**
 * The languages weighed against English. Any of them winning means "not English", which is all
 * the pipeline needs to know; a short list keeps detection to a fraction of a millisecond.
 */
const CANDIDATES = ['eng', 'deu', 'fra', 'spa', 'ita', 'por', 'nld', 'swe', 'dan', 'nob', 'fin', 'pol', 'ces', 'tur', 'ron', 'hun', 'ind', 'vie', 'rus', 'ukr', 'cmn', 'jpn', 'kor', 'arb', 'hin', 'ell', 'heb', 'tha'];

/** Texts shorter than this are not judged. */
export const MIN_DETECTABLE_LENGTH = 120;

/** The ISO 639-3 code of the text's language ("eng"), or "und" when it cannot be told. */
export function detectLanguage(text: string): string {
  if (text.length < MIN_DETECTABLE_LENGTH) return 'und';
  return franc(text.slice(0, 600), { minLength: MIN_DETECTABLE_LENGTH, only: CANDIDATES });
}

const ENGLISH = new Set(['en', 'eng', 'en-us', 'en-gb', 'english']);

export function isEnglishCode(code: string): boolean {
  return ENGLISH.has(code.toLowerCase());
}
