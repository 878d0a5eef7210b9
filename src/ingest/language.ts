/**
 * Language detection with franc-min (ISO 639-3 codes over trigram profiles of the most
 * spoken languages). Short texts say too little to tell, so they pass as undetermined.
 */

import { franc } from 'franc-min';

/** Texts shorter than this are not judged. */
export const MIN_DETECTABLE_LENGTH = 120;

/** The ISO 639-3 code of the text's language ("eng"), or "und" when it cannot be told. */
export function detectLanguage(text: string): string {
  if (text.length < MIN_DETECTABLE_LENGTH) return 'und';
  return franc(text.slice(0, 4000), { minLength: MIN_DETECTABLE_LENGTH });
}

const ENGLISH = new Set(['en', 'eng', 'en-us', 'en-gb', 'english']);

export function isEnglishCode(code: string): boolean {
  return ENGLISH.has(code.toLowerCase());
}
