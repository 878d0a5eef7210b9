import { describe, expect, it } from 'vitest';
import { MappedTextBuilder, composeMaps, identityMap, toSource } from '../../src/ingest/offset-map.ts';

describe('offset map', () => {
  it('maps slices, replacements and synthetic breaks back to the source', () => {
    const source = 'Hello &amp; goodbye';
    const b = new MappedTextBuilder();
    b.appendSlice(source, 0, 6);
    b.appendReplacement('&', 6, 11);
    b.appendSynthetic('\n', 11);
    b.appendSlice(source, 11, 19);
    const m = b.build();
    expect(m.text).toBe('Hello &\n goodbye');
    expect(toSource(m, 0, 5)).toEqual({ start: 0, end: 5 });
    expect(toSource(m, 6, 7)).toEqual({ start: 6, end: 7 });
    expect(source.slice(toSource(m, 9, 16).start, toSource(m, 9, 16).end)).toBe('goodbye');
    expect(m.synthetic[7]).toBe(1);
  });

  it('composes two maps into one from the outer text to the first source', () => {
    const source = '<p>A  B</p>';
    const inner = new MappedTextBuilder();
    inner.appendSlice(source, 3, 7);
    const innerMap = inner.build(); // "A  B"
    const outer = new MappedTextBuilder();
    outer.appendSlice(innerMap.text, 0, 2);
    outer.appendSlice(innerMap.text, 3, 4);
    const composed = composeMaps(outer.build(), innerMap); // "A B"
    expect(composed.text).toBe('A B');
    expect(Array.from(composed.origin)).toEqual([3, 4, 6, 7]);
  });

  it('rejects spans outside the text', () => {
    expect(() => toSource(identityMap('abc'), 2, 5)).toThrow(RangeError);
  });
});
