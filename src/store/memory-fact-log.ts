/**
 * The in-memory fact log: the FactLog contract without a disk, for tests and throwaway runs.
 *
 * Facts are kept as rows of JSON text, as the SQLite log keeps them, so a reader gets a fresh
 * copy each time and cannot change the log by mutating what it was given. Nothing is
 * durable: the log is gone when the process ends.
 */

import { StoreError } from './errors.ts';
import type { AppendMeta, AppendResult, Batch, FactLog, StoredFact, Unsubscribe } from './fact-log.ts';
import { LogCheck, assertAfterSeq, decodeRow, encodeBatch, importRow, slimForReplay, type FactRow } from './fact-row.ts';
import { Followers } from './followers.ts';
import type { Fact } from '../model/fact.ts';

/** How many facts a follower is handed per read; whole batches are never split. */
const FOLLOW_PAGE = 1000;

export class MemoryFactLog implements FactLog {
  readonly #rows: FactRow[] = [];
  readonly #followers = new Followers((afterSeq) => this.#batchesAfter(afterSeq));
  #closed = false;

  async append(facts: readonly Fact[], meta: AppendMeta): Promise<AppendResult> {
    this.#assertOpen('append');
    const encoded = encodeBatch('MemoryFactLog.append', facts, meta);
    const last = this.#rows[this.#rows.length - 1];
    const batch = (last?.batch ?? 0) + 1;
    const firstSeq = (last?.seq ?? 0) + 1;
    encoded.facts.forEach(({ type, body }, i) => {
      this.#rows.push({ seq: firstSeq + i, batch, at: encoded.at, actor: encoded.actor, type, body });
    });
    this.#followers.notify();
    return { batch, firstSeq, lastSeq: firstSeq + encoded.facts.length - 1, at: encoded.at };
  }

  async *read(afterSeq = 0): AsyncIterable<StoredFact> {
    this.#assertOpen('read');
    assertAfterSeq('MemoryFactLog.read', afterSeq);
    const end = this.#rows.length;
    for (let i = this.#firstIndexAfter(afterSeq); i < end; i++) {
      this.#assertOpen('read');
      yield decodeRow(this.#rows[i]!);
    }
  }

  async *readForReplay(afterSeq: number, coveredSeq: number): AsyncIterable<StoredFact> {
    for await (const stored of this.read(afterSeq)) {
      const slim = stored.seq <= coveredSeq ? slimForReplay(stored) : stored;
      if (slim) yield slim;
    }
  }

  follow(afterSeq: number, onBatch: (batch: Batch) => void | Promise<void>, onError?: (error: unknown) => void): Unsubscribe {
    this.#assertOpen('follow');
    assertAfterSeq('MemoryFactLog.follow', afterSeq);
    return this.#followers.add(afterSeq, onBatch, onError);
  }

  async importLog(records: Iterable<unknown> | AsyncIterable<unknown>): Promise<number> {
    this.#assertOpen('importLog');
    const assertEmpty = () => {
      if (!this.isEmpty()) throw new StoreError('NOT_EMPTY', 'MemoryFactLog.importLog: the store already holds facts; import needs an empty store');
    };
    assertEmpty();
    const check = new LogCheck();
    const rows: FactRow[] = [];
    for await (const fact of check.facts(records)) rows.push(importRow(fact));
    if (check.problems.length > 0) throw check.refusal('MemoryFactLog.importLog');
    // Appended to while the records were read?
    assertEmpty();
    for (const row of rows) this.#rows.push(row);
    this.#followers.notify();
    return rows.length;
  }

  lastSeq(): number {
    this.#assertOpen('lastSeq');
    return this.#rows[this.#rows.length - 1]?.seq ?? 0;
  }

  isEmpty(): boolean {
    return this.lastSeq() === 0;
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#followers.close();
  }

  #batchesAfter(afterSeq: number): StoredFact[] {
    const start = this.#firstIndexAfter(afterSeq);
    let end = Math.min(start + FOLLOW_PAGE, this.#rows.length);
    // Extend the page to the end of the batch it stops in.
    while (end < this.#rows.length && this.#rows[end]!.batch === this.#rows[end - 1]!.batch) end++;
    return this.#rows.slice(start, end).map(decodeRow);
  }

  /** Binary search: seqs strictly increase but may have gaps after an import. */
  #firstIndexAfter(afterSeq: number): number {
    let low = 0;
    let high = this.#rows.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.#rows[mid]!.seq <= afterSeq) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  #assertOpen(method: string): void {
    if (this.#closed) throw new StoreError('CLOSED', `MemoryFactLog.${method}: the log is closed`);
  }
}
