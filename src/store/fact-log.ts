/**
 * The fact log: the append-only system of record the graph is projected from.
 *
 * Facts are appended in batches. A batch is atomic (all of it is written or none) and is
 * acknowledged only once durable. Every stored fact gets a sequence number (`seq`, strictly
 * increasing, starting at 1) and the number of its batch; facts of one batch have consecutive
 * positions in the log and share `at` and `actor`. Sequence numbers need not be contiguous: a
 * PostgreSQL sequence skips numbers on rollback, so readers compare, they never count.
 *
 * Readers replay with `read(afterSeq)` and then keep up with `follow(afterSeq, onBatch)`.
 * Both take the last sequence number the reader has seen, so a reader that starts from what
 * it already has misses nothing and sees nothing twice.
 */

import type { Fact } from '../model/fact.ts';

export interface StoredFact {
  seq: number;
  batch: number;
  /** When the batch was appended: ISO 8601 UTC, e.g. `2022-07-04T09:30:00.000Z`. */
  at: string;
  /** Who appended the batch: a token name, `curation`, `ingest`. */
  actor: string;
  fact: Fact;
}

export interface AppendMeta {
  actor: string;
  /** Defaults to now. Given explicitly by replays and tests that need fixed timestamps. */
  at?: string;
}

export interface AppendResult {
  batch: number;
  firstSeq: number;
  lastSeq: number;
  at: string;
}

/** A whole committed batch, in seq order; never empty. */
export type Batch = readonly StoredFact[];

export type Unsubscribe = () => void;

export interface FactLog {
  /**
   * Appends one batch atomically. Every fact is validated against the fact schema first; one
   * invalid fact rejects the whole batch (StoreError INVALID_FACT) and nothing is written.
   * Resolves once the batch is durable.
   */
  append(facts: readonly Fact[], meta: AppendMeta): Promise<AppendResult>;

  /**
   * The facts with `seq > afterSeq`, in order, up to the end of the log as it is when
   * iteration starts; batches appended meanwhile are left to `follow`. Asynchronous because a
   * networked log pages through a cursor; the SQLite log pages too, so a long replay never
   * holds one read transaction open across the consumer's awaits.
   */
  read(afterSeq?: number): AsyncIterable<StoredFact>;

  /**
   * Calls `onBatch` with every committed batch after `afterSeq`: first those already in the
   * log, then each new one as it commits. Batches arrive whole (but for the rest of one that
   * `afterSeq` falls inside), in order, one at a time (a returned promise is awaited before
   * the next call) and never during `append` itself. If
   * `onBatch` or the store fails, the subscription ends and `onError` gets the error; without
   * `onError` it is rethrown as an uncaught exception, because a projection that skipped a
   * batch is silently wrong.
   */
  follow(afterSeq: number, onBatch: (batch: Batch) => void | Promise<void>, onError?: (error: unknown) => void): Unsubscribe;

  /**
   * Writes a whole exported log into an empty store in one transaction, keeping each record's
   * seq, batch, at and actor, so that export → import → export is the identity. The records
   * may arrive as a stream and are checked as they come (shape, order, batches contiguous),
   * never all held at once; any problem refuses the import (StoreError INVALID_LOG, or
   * NOT_EMPTY) and nothing is written. An error from the stream itself is passed on as it is,
   * with nothing written either. Resolves with the number of facts written.
   */
  importLog(records: Iterable<unknown> | AsyncIterable<unknown>): Promise<number>;

  /**
   * `read` for a projection that already holds the article texts and mentions of every fact
   * up to `coveredSeq` (the search index does): within that range MentionFound facts are left
   * out and ArticleAdded facts come without their body; past it, facts come whole. A restart
   * then parses a fraction of the log.
   */
  readForReplay(afterSeq: number, coveredSeq: number): AsyncIterable<StoredFact>;

  /** The highest sequence number in the log; 0 when it is empty. */
  lastSeq(): number;

  isEmpty(): boolean;

  /** Ends every subscription and releases the store. Calling it twice is harmless. */
  close(): Promise<void>;
}
