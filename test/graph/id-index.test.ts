import { describe, expect, it } from 'vitest';
import { IdIndex, type IdListColumns } from '../../src/graph/id-index.ts';
import { listedIds } from './fixtures.ts';

/** Columns as a snapshot lays them out: every string once, keys and IDs as positions. */
function columnsOf(filed: [string, string[]][]): IdListColumns {
  const strings: (string | null)[] = [null];
  const at = new Map<string, number>();
  const s = (text: string) => {
    if (!at.has(text)) at.set(text, strings.push(text) - 1);
    return at.get(text)!;
  };
  const starts = [0];
  const ids: number[] = [];
  for (const [, list] of filed) {
    for (const id of list) ids.push(s(id));
    starts.push(ids.length);
  }
  return { strings, keys: Uint32Array.from(filed.map(([key]) => s(key))), starts: Uint32Array.from(starts), ids: Uint32Array.from(ids) };
}

const FILED: [string, string[]][] = [
  ['Company:acme', ['Claim:1', 'Claim:2', 'Claim:3']],
  ['Company:zeta', ['Claim:2']],
  ['Product:gadget', Array.from({ length: 20 }, (_, n) => `Claim:g${n}`)],
];

function restored(): IdIndex {
  const index = new IdIndex();
  index.restoreColumns(columnsOf(FILED));
  return index;
}

const listed = (index: IdIndex) => listedIds(index.listing());

describe('IdIndex restored from columns', () => {
  it('gives back every key with its IDs in the order they were filed', () => {
    const index = restored();
    for (const [key, ids] of FILED) expect([...index.get(key)]).toEqual(ids);
    expect([...index.get('Company:unknown')]).toEqual([]);
    expect(listed(index)).toEqual(FILED);
  });

  it('answers a written key from its own IDs and leaves the other keys as filed', () => {
    const index = restored();
    index.add('Company:acme', 'Claim:4');
    index.add('Company:acme', 'Claim:1');
    index.delete('Company:zeta', 'Claim:2');
    index.delete('Product:gadget', 'Claim:g3');
    index.add('Company:new', 'Claim:5');
    expect([...index.get('Company:acme')]).toEqual(['Claim:1', 'Claim:2', 'Claim:3', 'Claim:4']);
    expect([...index.get('Company:zeta')]).toEqual([]);
    expect([...index.get('Product:gadget')]).toEqual(FILED[2]![1].filter((id) => id !== 'Claim:g3'));
    expect([...index.get('Company:new')]).toEqual(['Claim:5']);
  });

  it('lists the same as an index filed one ID at a time, after the same writes', () => {
    const fromColumns = restored();
    const fromEntries = new IdIndex();
    for (const [key, ids] of FILED) for (const id of ids) fromEntries.add(key, id);
    for (const index of [fromColumns, fromEntries]) {
      index.add('Company:zeta', 'Claim:9');
      index.delete('Company:acme', 'Claim:2');
    }
    expect(listed(fromColumns)).toEqual(listed(fromEntries));
  });

  it('gives a fresh list on each read, so a caller that changes one changes nothing filed', () => {
    const index = restored();
    const first = index.get('Company:acme') as string[];
    first.push('Claim:stray');
    expect([...index.get('Company:acme')]).toEqual(FILED[0]![1]);
  });

  it('hands over a key\'s IDs and forgets the key when it is taken', () => {
    const index = restored();
    expect([...index.take('Company:acme')]).toEqual(FILED[0]![1]);
    expect([...index.get('Company:acme')]).toEqual([]);
    expect(listed(index).map(([key]) => key)).toEqual(['Company:zeta', 'Product:gadget']);
  });

  it('lists for a snapshot the keys still as restored by their number in the columns, the written ones by their IDs', () => {
    const index = restored();
    index.add('Company:zeta', 'Claim:9');
    index.add('Company:new', 'Claim:5');
    const { columns, entries } = index.listing();
    const listing = [...entries].map(([key, ids]) => [key, typeof ids === 'number' ? ids : [...ids]]);
    expect(listing).toEqual([
      ['Company:acme', 0],
      ['Company:zeta', ['Claim:2', 'Claim:9']],
      ['Product:gadget', 2],
      ['Company:new', ['Claim:5']],
    ]);
    expect(columns!.strings[columns!.keys[2]!]).toBe('Product:gadget');
    expect(new IdIndex().listing().columns).toBeNull();
  });

  it('refuses columns over keys it already holds', () => {
    const index = new IdIndex();
    index.add('Company:acme', 'Claim:1');
    expect(() => index.restoreColumns(columnsOf(FILED))).toThrow(/already holds keys/);
    expect([...index.get('Company:acme')]).toEqual(['Claim:1']);
  });
});
