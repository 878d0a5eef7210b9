/**
 * Wording problems a reader should know about: machine-spun and machine-translated text.
 *
 * Article spinners swap words for wrong synonyms, and a few of their swaps are so unusual in
 * real news prose that two of them in one article are a reliable tell ("astatine" for "at",
 * "ne'er", "agelong"). Machine translation from Italian or Portuguese leaves a bare "e" for
 * "and" between two names ("Xiaomi e Leica").
 */

const SPINNER_TELLS = [
  /\bastatine\b/i,
  /\bne['’]er\b/i,
  /\bagelong\b/i,
  /\bvolition ever\b/i,
  /\bthe apical\b/i,
  /\bcarnal units?\b/i,
  /\bequine the\b/i,
  /\baft being\b/i,
  /\binactive hasn['’]t\b/i,
  /\bconnected societal\b/i,
  /\bsuccessful selling\b/i,
  /\bextent of tract\b/i,
  /\bearthy bokeh\b/i,
  /\bthe archetypal\b/i,
  /\bbesides shared\b/i,
];

const TRANSLATION_TELLS = [
  /\b[A-Z][\p{L}\d]+ e [A-Z][\p{L}\d]+\b/u, // "Xiaomi e Leica"
  /\bit is definitely reality\b/i,
];

export function looksMachineSpun(text: string): boolean {
  let tells = 0;
  for (const tell of SPINNER_TELLS) if (tell.test(text) && ++tells >= 2) return true;
  return false;
}

export function looksMachineTranslated(text: string): boolean {
  return TRANSLATION_TELLS.some((tell) => tell.test(text));
}
