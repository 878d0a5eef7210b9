/**
 * Word tokens with offsets: runs of letters and digits, the unit names are matched on.
 */

export interface Token {
  start: number;
  end: number;
  /** The token as written. */
  text: string;
  /** Lower case, for matching. */
  lower: string;
}

const WORD = /[\p{L}\p{N}]+/gu;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    const end = Math.min(m.index + m[0].length, to);
    const word = text.slice(m.index, end);
    tokens.push({ start: m.index, end, text: word, lower: word.toLowerCase() });
  }
  return tokens;
}

/**
 * Two tokens belong to one name when only a space, a hyphen, a slash or a period without a
 * following space stands between them ("Summilux-M 35 mm f/1.4", "12S Ultra").
 */
export function joins(text: string, left: Token, right: Token): boolean {
  const gap = text.slice(left.end, right.start);
  return gap === '' || /^[ \u00a0]+$/.test(gap) || gap === '-' || gap === '/' || gap === '.';
}

/** The compact matching key of a name: lower case letters and digits only ("12S Ultra" → "12sultra"). */
export function compactKey(name: string): string {
  return tokenize(name.normalize('NFKC')).map((t) => t.lower).join('');
}

export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}
