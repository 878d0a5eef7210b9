/**
 * Finding a curated quote in an article body.
 *
 * Curators never type offsets: they copy the words, and the offsets are computed here, so
 * `body.slice(start, end) === quote` holds by construction. A quote that appears more than
 * once must say which appearance it means; one that appears nowhere gets the closest passage
 * as a hint, since the usual cause is a retyped character (a straight quote for a curly one).
 */

export type QuoteMatch =
  | { kind: 'found'; start: number; end: number }
  | { kind: 'missing'; closest: string | null }
  | { kind: 'ambiguous'; count: number }
  | { kind: 'out-of-range'; count: number };

/** Start offsets of every appearance of `quote` in `body`, overlapping ones included. */
export function quoteOffsets(body: string, quote: string): number[] {
  const offsets: number[] = [];
  if (quote === '') return offsets;
  for (let at = body.indexOf(quote); at >= 0; at = body.indexOf(quote, at + 1)) offsets.push(at);
  return offsets;
}

/** Locates `quote`; `occurrence` (1-based) picks one appearance when there are several. */
export function findQuote(body: string, quote: string, occurrence?: number): QuoteMatch {
  const offsets = quoteOffsets(body, quote);
  if (offsets.length === 0) return { kind: 'missing', closest: closestPassage(body, quote) };
  if (occurrence === undefined && offsets.length > 1) return { kind: 'ambiguous', count: offsets.length };
  const start = offsets[(occurrence ?? 1) - 1];
  if (start === undefined) return { kind: 'out-of-range', count: offsets.length };
  return { kind: 'found', start, end: start + quote.length };
}

/** The shortest stretch of a quote worth anchoring a hint on. */
const MIN_ANCHOR = 8;
/** The shortest end of a quote worth closing a hint on: a letter or two matches anywhere. */
const MIN_TAIL = 3;

/**
 * The passage of `body` a missing quote most likely meant. It starts where the longest
 * prefix of the quote the body contains starts, and ends where the longest suffix found after
 * that ends, so a changed word in the middle shows whole. Anchored on the suffix alone when
 * that is the longer match; widened to whole words when only one end lines up. Null when not
 * even a few characters line up.
 */
export function closestPassage(body: string, quote: string): string | null {
  const anchor = Math.min(MIN_ANCHOR, quote.length);
  const prefix = longestFound(quote.length, (n) => body.indexOf(quote.slice(0, n)));
  const suffix = longestFound(quote.length, (n) => body.indexOf(quote.slice(quote.length - n)));
  if (Math.max(prefix.length, suffix.length) < anchor) return null;
  if (prefix.length >= suffix.length) {
    const tail = longestFound(quote.length - prefix.length, (n) => body.indexOf(quote.slice(quote.length - n), prefix.at + prefix.length));
    const end = tail.at + tail.length;
    if (tail.length >= MIN_TAIL && end - prefix.at <= 2 * quote.length) return body.slice(prefix.at, end);
    return wholeWords(body, prefix.at, prefix.at + quote.length);
  }
  const end = suffix.at + suffix.length;
  return wholeWords(body, end - quote.length, end);
}

/** Widens [start, end) outwards so that it does not cut a word, and trims its edges. */
function wholeWords(body: string, start: number, end: number): string {
  const isWordChar = (at: number) => at >= 0 && at < body.length && /[\p{L}\p{N}]/u.test(body[at]!);
  let from = Math.max(0, start);
  let to = Math.min(body.length, end);
  while (isWordChar(from - 1) && isWordChar(from)) from--;
  while (isWordChar(to) && isWordChar(to - 1)) to++;
  return body.slice(from, to).trim();
}

/**
 * Binary search for the longest n in [0, max] with `find(n) >= 0`. Being found is monotone
 * in n (a shorter prefix of a found prefix is found too), which is what makes this valid.
 */
function longestFound(max: number, find: (n: number) => number): { length: number; at: number } {
  let low = 0;
  let high = max;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (find(mid) >= 0) low = mid;
    else high = mid - 1;
  }
  return { length: low, at: find(low) };
}
