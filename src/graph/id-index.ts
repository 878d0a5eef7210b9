/**
 * The graph's ID indexes (claims by subject, articles by publisher, ...): a key, an entity or
 * article ID, to the IDs filed under it. Most keys hold a handful of IDs, kept in a small array
 * (a Set costs several times as much); a key that gathers many moves to a Set, a restored one
 * holding more than a handful when it is first written. Arrays are never changed in place, so an
 * array a reader was given stays as it was.
 *
 * A restart from a snapshot files hundreds of thousands of keys, and most are never written
 * again. Their IDs stay in the snapshot's columns (`IdListColumns`) and each read lists them
 * afresh, so a restored index is one Map entry per key rather than an array per key that the
 * collector must visit on every full collection. A key becomes an array of its own when it is
 * first written.
 */

/** Keys and their IDs as positions in a string table, each key's IDs after the last's. */
export interface IdListColumns {
  readonly strings: readonly (string | null)[];
  readonly keys: Uint32Array;
  /** Where each key's IDs begin in `ids`; one more entry than keys, the last being ids.length. */
  readonly starts: Uint32Array;
  readonly ids: Uint32Array;
}

/**
 * An index as a snapshot takes it: each key with its IDs, or with its number in `columns` while
 * it holds the IDs it was restored with, so that those are written as they are.
 */
export interface IdIndexListing {
  readonly columns: IdListColumns | null;
  readonly entries: Iterable<[string, readonly string[] | ReadonlySet<string> | number]>;
}

const EMPTY: readonly string[] = [];

export class IdIndex {
  private static readonly SMALL = 16;
  /** A key's IDs, or its number in `columns` while it has not been written since the restore. */
  private readonly map = new Map<string, string[] | Set<string> | number>();
  private columns: IdListColumns | null = null;

  add(key: string, id: string): void {
    const ids = this.owned(key);
    if (ids === undefined) this.map.set(key, [id]);
    else if (ids instanceof Set) ids.add(id);
    else if (!ids.includes(id)) {
      // A new array of the exact length: a pushed-to array reserves room for 16 more.
      if (ids.length < IdIndex.SMALL) this.map.set(key, [...ids, id]);
      else this.map.set(key, new Set([...ids, id]));
    }
  }

  delete(key: string, id: string): void {
    let ids = this.owned(key);
    if (ids === undefined) return;
    // A restored key keeps its IDs as an array however many; it becomes a Set when first cut.
    if (!(ids instanceof Set) && ids.length > IdIndex.SMALL) this.map.set(key, (ids = new Set(ids)));
    if (ids instanceof Set) ids.delete(id);
    else if (ids.includes(id)) this.map.set(key, ids.filter((other) => other !== id));
  }

  get(key: string): Iterable<string> {
    const ids = this.map.get(key);
    if (typeof ids === 'number') return this.listed(ids);
    return ids ?? EMPTY;
  }

  take(key: string): Iterable<string> {
    const ids = this.get(key);
    this.map.delete(key);
    return ids;
  }

  /** Every key as it is held, in the order the keys were first filed, for a snapshot; valid until the next write. */
  listing(): IdIndexListing {
    return { columns: this.columns, entries: this.map.entries() };
  }

  /**
   * Files the keys of a snapshot's columns, leaving their IDs there until a key is written. The
   * index must be empty, and every position in the columns a string (the snapshot checks both).
   */
  restoreColumns(columns: IdListColumns): void {
    if (this.map.size > 0) throw new Error('IdIndex.restoreColumns: the index already holds keys');
    this.columns = columns;
    for (let k = 0; k < columns.keys.length; k++) this.map.set(columns.strings[columns.keys[k]!] as string, k);
  }

  /** The key's IDs as an array the index owns, made from the columns if it was restored there. */
  private owned(key: string): string[] | Set<string> | undefined {
    const ids = this.map.get(key);
    if (typeof ids !== 'number') return ids;
    const list = this.listed(ids);
    this.map.set(key, list);
    return list;
  }

  private listed(k: number): string[] {
    const { strings, starts, ids } = this.columns!;
    const from = starts[k]!;
    const list = new Array<string>(starts[k + 1]! - from);
    for (let j = 0; j < list.length; j++) list[j] = strings[ids[from + j]!] as string;
    return list;
  }
}
