import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameIndex, fold } from '../../src/graph/name-index.ts';

const BOOST = { boost: { name: 10, aliases: 8 } };
const ids = (matches: { id: string }[]) => matches.map((m) => m.id);

describe('NameIndex', () => {
  const index = new NameIndex();
  index.set('Product:astent-quasar-16-lite', { name: 'Astent Quasar 16 Lite', aliases: 'Quasar 16 Lite' });
  index.set('Product:astent-quasar-16', { name: 'Astent Quasar 16', aliases: '' });
  index.set('Product:borel-quasar-16-lite', { name: 'Borel Quasar 16 Lite', aliases: '' });
  index.set('Product:borel-lithe', { name: 'Borel Lithe', aliases: '' });
  index.set('Company:astent', { name: 'Astent', aliases: 'Astent Group | Åstent' });

  it('finds the entities holding every word, the last as a word start', () => {
    expect(ids(index.every(['quasar', '16', 'lite'], false, 10)).sort()).toEqual(['Product:astent-quasar-16-lite', 'Product:borel-quasar-16-lite']);
    expect(ids(index.every(['borel', 'lit'], true, 10)).sort()).toEqual(['Product:borel-lithe', 'Product:borel-quasar-16-lite']);
    expect(index.every(['borel', 'lit'], false, 10)).toEqual([]);
    expect(index.every(['astent', 'missing'], false, 10)).toEqual([]);
  });

  it('scores a name above an alias, and a word as written above a longer one it starts', () => {
    const [first, second] = index.every(['astent'], true, 10);
    // "Astent" is the company's whole name; in the products it is one word of four.
    expect(first!.id).toBe('Company:astent');
    expect(first!.matched.name).toEqual(['astent']);
    expect(first!.matched.aliases).toEqual(['astent']);
    expect(second!.score).toBeLessThan(first!.score);
    const lit = index.every(['borel', 'lit'], true, 10);
    expect(lit[0]!.matched.name).toEqual(['borel', 'lithe']);
  });

  it('folds case and diacritics', () => {
    expect(ids(index.every([fold('ÅSTENT'), 'group'], false, 10))).toEqual(['Company:astent']);
    expect(ids(index.every(['Åstent', 'Group'], false, 10))).toEqual(['Company:astent']);
  });

  it('keeps the best ones when asked for fewer, the earlier added first on a tie', () => {
    const all = index.every(['quasar'], false, 10);
    expect(all.every((m, i) => i === 0 || m.score <= all[i - 1]!.score)).toBe(true);
    expect(index.every(['quasar'], false, 2)).toEqual(all.slice(0, 2));
    expect(index.every(['quasar'], false, 0)).toEqual([]);
    const twins = new NameIndex();
    twins.set('A', { name: 'Nova', aliases: '' });
    twins.set('B', { name: 'Nova', aliases: '' });
    expect(ids(twins.every(['nova'], false, 1))).toEqual(['A']);
  });

  it('forgets what an entity no longer holds when it is replaced or removed', () => {
    const names = new NameIndex();
    names.set('Company:one', { name: 'Orvel', aliases: 'Orvel Holdings' });
    names.set('Company:two', { name: 'Orvel Labs', aliases: '' });
    names.set('Company:one', { name: 'Orvel', aliases: 'Orvel Capital' });
    expect(names.every(['holdings'], false, 10)).toEqual([]);
    expect(ids(names.every(['capital'], false, 10))).toEqual(['Company:one']);
    expect(names.every(['hol'], true, 10)).toEqual([]);
    expect(names.delete('Company:one')).toBe(true);
    expect(names.delete('Company:one')).toBe(false);
    expect(ids(names.every(['orvel'], false, 10))).toEqual(['Company:two']);
    expect(names.near(['capitol'], 10, BOOST)).toEqual([]);
    expect(names.size).toBe(1);
  });

  it('finds names a small typo away, those matching more words first', () => {
    const near = index.near(['quasr', 'lyte'], 10, { boost: { name: 2, aliases: 1 } });
    expect(ids(near.slice(0, 2)).sort()).toEqual(['Product:astent-quasar-16-lite', 'Product:borel-quasar-16-lite']);
    expect(ids(near)).toContain('Product:astent-quasar-16');
    expect(near.find((m) => m.id === 'Product:astent-quasar-16')!.score).toBeLessThan(near[1]!.score);
    // Short words need to be exact or a word start: "lit" is not "lot".
    expect(index.near(['lot'], 10, BOOST)).toEqual([]);
    expect(ids(index.near(['lit'], 10, BOOST)).sort()).toEqual(['Product:astent-quasar-16-lite', 'Product:borel-lithe', 'Product:borel-quasar-16-lite']);
  });

  it('finds exactly the entities a scan of every name finds', () => {
    const word = fc.constantFrom('nova', 'novum', 'lite', 'lit', 'pro', 'max', '16', '6', 'orbit', 'orbital', 'ré', 're');
    const entry = fc.record({ name: fc.array(word, { minLength: 1, maxLength: 4 }), aliases: fc.array(word, { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 30 }), fc.array(word, { minLength: 1, maxLength: 3 }), fc.boolean(), (entries, query, prefix) => {
        const names = new NameIndex();
        entries.forEach((e, i) => names.set(`E:${i}`, { name: e.name.join(' '), aliases: e.aliases.join(' ') }));
        const found = ids(names.every(query, prefix, 1000)).sort();
        const expected = entries
          .map((e, i) => ({ id: `E:${i}`, words: [...e.name, ...e.aliases].map(fold) }))
          .filter(({ words }) => query.every((q, i) => words.some((w) => (prefix && i === query.length - 1 && q.length >= 3 ? w.startsWith(fold(q)) : w === fold(q)))))
          .map((e) => e.id)
          .sort();
        expect(found).toEqual(expected);
      }),
    );
  });
});
