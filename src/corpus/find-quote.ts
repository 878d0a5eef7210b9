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

/**
 * The passage of `body` a missing quote most likely meant: anchored on the longest prefix or
 * suffix of the quote that the body does contain, and as long as the quote. Null when not
 * even a few characters line up.
 */
export function closestPassage(body: string, quote: string): string | null {
  const prefix = longestFound(quote.length, (n) => body.indexOf(quote.slice(0, n)));
  const suffix = longestFound(quote.length, (n) => body.indexOf(quote.slice(quote.length - n)));
  const best = prefix.length >= suffix.length ? prefix : suffix;
  if (best.length < Math.min(MIN_ANCHOR, quote.length)) return null;
  const start = best === prefix ? prefix.at : Math.max(0, suffix.at + suffix.length - quote.length);
  return body.slice(start, start + quote.length);
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
