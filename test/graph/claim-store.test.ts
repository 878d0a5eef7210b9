import { describe, expect, it } from 'vitest';
import { ClaimStore, type ClaimRows } from '../../src/graph/claim-store.ts';
import type { ClaimRecord } from '../../src/graph/records.ts';
import { makeClaim } from '../../src/model/index.ts';

const recordOf = (n: number): ClaimRecord => ({
  statement: makeClaim({ subject: `Company:c${n}`, predicate: 'PARTNERS_WITH', object: 'Company:leica', value: null, qualifiers: {}, negated: false }),
  evidence: [],
  recorded: [],
  retraction: null,
});

/** Rows over fixed records that count how often each is built. */
function countingRows(count: number): ClaimRows & { built: number[] } {
  const records = Array.from({ length: count }, (_, n) => recordOf(n));
  const built = new Array<number>(count).fill(0);
  return {
    length: count,
    built,
    id: (row) => records[row]!.statement.id,
    record: (row) => {
      built[row]!++;
      return { ...records[row]!, evidence: [...records[row]!.evidence] };
    },
  };
}

describe('ClaimStore', () => {
  it('holds restored claims by ID and builds each record once, on its first read', () => {
    const rows = countingRows(4);
    const store = new ClaimStore();
    store.restore(rows);
    expect(store.size).toBe(4);
    expect(store.unread).toBe(4);
    expect(rows.built).toEqual([0, 0, 0, 0]);
    const id = rows.id(2);
    expect(store.has(id)).toBe(true);

    const first = store.get(id)!;
    expect(first.statement.id).toBe(id);
    expect(store.get(id)).toBe(first);
    expect(rows.built).toEqual([0, 0, 1, 0]);
    expect(store.unread).toBe(3);

    // What a caller changes on the record it was given stays changed.
    first.retraction = { reason: 'corrected', seq: 9, at: null, actor: null };
    expect(store.get(id)!.retraction?.reason).toBe('corrected');
    expect(store.get('Claim:none')).toBeUndefined();
    expect(store.has('Claim:none')).toBe(false);
  });

  it('lists claims for a snapshot in the order they were restored, the unread ones as rows, building none', () => {
    const rows = countingRows(3);
    const store = new ClaimStore();
    store.restore(rows);
    const read = store.get(rows.id(1))!;
    const listing = store.listing();
    expect(listing.rows).toBe(rows);
    expect([...listing.items]).toEqual([0, read, 2]);
    expect(rows.built).toEqual([0, 1, 0]);

    // Once every row has been read the rows are let go, and only records are listed.
    store.get(rows.id(2));
    store.get(rows.id(0));
    const after = store.listing();
    expect(after.rows).toBeNull();
    expect([...after.items].map((item) => (item as ClaimRecord).statement.id)).toEqual([0, 1, 2].map((row) => rows.id(row)));
    expect(rows.built).toEqual([1, 1, 1]);
  });

  it('counts a row replaced or deleted before it was read as no longer unread, without building it', () => {
    const rows = countingRows(3);
    const store = new ClaimStore();
    store.restore(rows);
    const replacement = recordOf(7);
    store.set(rows.id(0), replacement);
    store.delete(rows.id(1));
    expect(store.unread).toBe(1);
    expect(store.size).toBe(2);
    expect(store.get(rows.id(0))).toBe(replacement);
    expect(store.has(rows.id(1))).toBe(false);
    expect(rows.built).toEqual([0, 0, 0]);
    // A new claim goes after the restored ones.
    const added = recordOf(8);
    store.set(added.statement.id, added);
    expect([...store.keys()]).toEqual([rows.id(0), rows.id(2), added.statement.id]);
    expect(store.unread).toBe(1);
  });

  it('restores only into an empty store', () => {
    const store = new ClaimStore();
    const record = recordOf(1);
    store.set(record.statement.id, record);
    expect(() => store.restore(countingRows(2))).toThrow(/already holds claims/);
    expect(store.size).toBe(1);
  });
});
