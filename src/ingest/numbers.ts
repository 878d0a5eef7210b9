/**
 * Numbers as news text writes them: "41,210", "50.3", "1.2 million", "ten", "a dozen",
 * "third-largest".
 */

const WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, thousand: 1000, dozen: 12, 'a dozen': 12, 'a hundred': 100, 'a thousand': 1000,
};

const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, '5th': 5, '6th': 6, '7th': 7, '8th': 8, '9th': 9, '10th': 10,
};

const MULTIPLIERS: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, m: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12,
};

/** A numeral or number word, optionally scaled: the pattern other parsers build on. */
export const NUMBER_SOURCE = String.raw`(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?![.,]?\d)|\d+(?:\.\d+)?|(?:a\s+)?(?:dozen|hundred|thousand)|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:\s*(?:thousand|million|billion|trillion|mn|bn|tn|k|m|b)\b)?`;

/** The value of a numeral or number word (with a multiplier), or null. */
export function parseNumber(text: string): number | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const m = /^(.*?)\s*(thousand|million|billion|trillion|mn|bn|tn|k|m|b)?$/.exec(t);
  if (!m) return null;
  let head = m[1]!;
  let scale = 1;
  if (m[2] && head !== '') scale = MULTIPLIERS[m[2]]!;
  else if (m[2]) head = m[2];
  let value: number | null = null;
  if (head in WORDS) value = WORDS[head]!;
  else if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(head)) value = Number(head.replace(/,/g, ''));
  else if (/^\d{1,3}(?:\.\d{3})+$/.test(head)) value = Number(head.replace(/\./g, '')); // "42.000" written the European way
  else if (/^\d+(?:\.\d+)?$/.test(head)) value = Number(head);
  if (value === null || !Number.isFinite(value)) return null;
  return Math.round(value * scale * 1e6) / 1e6;
}

export function parseOrdinal(word: string): number | null {
  return ORDINALS[word.toLowerCase()] ?? null;
}

export const ORDINAL_SOURCE = String.raw`(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[1-9]0?(?:st|nd|rd|th))`;
