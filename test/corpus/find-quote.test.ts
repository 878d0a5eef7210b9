/**
 * findQuote: curated quotes located in a body, with the offsets computed rather than typed.
 */

import { describe, expect, it } from 'vitest';
import { closestPassage, findQuote } from '../../src/corpus/index.ts';

const BODY = 'Two 1-inch sensors on board.\n\nTwo 1-inch sensors on board. Ten devices were made, each costing around 42,000 euros.';

describe('findQuote', () => {
  it('gives the offsets of a quote that appears once', () => {
    const match = findQuote(BODY, 'Ten devices were made');
    expect(match.kind).toBe('found');
    if (match.kind === 'found') expect(BODY.slice(match.start, match.end)).toBe('Ten devices were made');
  });

  it('calls a repeated quote ambiguous unless an occurrence picks one', () => {
    expect(findQuote(BODY, 'Two 1-inch sensors on board')).toEqual({ kind: 'ambiguous', count: 2 });
    expect(findQuote(BODY, 'Two 1-inch sensors on board', 2)).toEqual({ kind: 'found', start: 30, end: 57 });
    expect(findQuote(BODY, 'Two 1-inch sensors on board', 3)).toEqual({ kind: 'out-of-range', count: 2 });
  });

  it('offers the closest passage for a quote that is not verbatim, from its first to its last matching word', () => {
    expect(findQuote(BODY, 'each costing about 42,000 euros')).toEqual({ kind: 'missing', closest: 'each costing around 42,000 euros' });
    // Only the start lines up: the hint is as long as the quote, widened to whole words.
    expect(closestPassage(BODY, 'Ten devices were built')).toBe('Ten devices were made,');
    expect(closestPassage(BODY, 'roughly 42,000 euros')).toBe('around 42,000 euros');
  });

  it('offers no passage when nothing lines up', () => {
    expect(closestPassage(BODY, 'Leica enters a partnership')).toBeNull();
  });
});
