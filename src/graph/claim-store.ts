/**
 * The graph's claim records by ID. A graph restored from a snapshot holds its claims as the
 * snapshot's rows and builds each record the first time it is read: at a million claims,
 * building every record up front was a third of a restart and half of the heap it left, and
 * most claims are not read between two restarts. A record once built is kept, so what callers
 * change on it stays changed.
 */

import type { ClaimRecord } from './records.ts';

/** Claims not yet made into records: each one's ID, and its record when asked for. */
export interface ClaimRows {
  readonly length: number;
  id(row: number): string;
  record(row: number): ClaimRecord;
}

/** The claims as a snapshot takes them: each one's record, or its row in `rows` while unread. */
export interface ClaimListing {
  readonly rows: ClaimRows | null;
  readonly items: Iterable<ClaimRecord | number>;
}

export class ClaimStore {
  /** A claim's record, or its row while it has not been read. In the order claims were first stated. */
  private readonly held = new Map<string, ClaimRecord | number>();
  private rows: ClaimRows | null = null;
  private unbuilt = 0;

  get size(): number {
    return this.held.size;
  }

  /** How many claims are still rows: read from a snapshot and not asked for since. */
  get unread(): number {
    return this.unbuilt;
  }

  has(id: string): boolean {
    return this.held.has(id);
  }

  get(id: string): ClaimRecord | undefined {
    const held = this.held.get(id);
    if (typeof held !== 'number') return held;
    const record = this.rows!.record(held);
    this.held.set(id, record);
    this.rowDone();
    return record;
  }

  set(id: string, record: ClaimRecord): void {
    if (typeof this.held.get(id) === 'number') this.rowDone();
    this.held.set(id, record);
  }

  delete(id: string): void {
    if (typeof this.held.get(id) === 'number') this.rowDone();
    this.held.delete(id);
  }

  /** A row was built or replaced; once none is left the rows' columns are let go. */
  private rowDone(): void {
    if (--this.unbuilt === 0) this.rows = null;
  }

  keys(): IterableIterator<string> {
    return this.held.keys();
  }

  /**
   * Every claim as it is held, for a snapshot: its record, or its number in `rows` while it has
   * not been read, so that it is written as it was restored. Valid until the next change.
   */
  listing(): ClaimListing {
    return { rows: this.rows, items: this.held.values() };
  }

  /** Files the claims of a snapshot in an empty store. */
  restore(rows: ClaimRows): void {
    if (this.held.size > 0) throw new Error('ClaimStore.restore: the store already holds claims');
    if (rows.length === 0) return;
    for (let row = 0; row < rows.length; row++) this.held.set(rows.id(row), row);
    this.rows = rows;
    this.unbuilt = rows.length;
  }
}
