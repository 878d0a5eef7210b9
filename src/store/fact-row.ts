/**
 * Fact rows: the stored form of a fact, and the checks a record passes to become one.
 *
 * Both implementations keep a fact as a row of columns plus the fact's JSON text, written
 * from the schema's parsed output, so key order is canonical and a row reads back the same
 * on every implementation. Validation happens here, before any write begins: a batch or an
 * import with one bad record is refused whole.
 */

import type { Fact } from '../model/fact.ts';
import { StoreError, type RecordProblem } from './errors.ts';
import type { AppendMeta, StoredFact } from './fact-log.ts';
import { describeIssues, factSchema, storedFactSchema, timestampSchema } from './fact-schema.ts';

export interface FactRow {
  seq: number;
  batch: number;
  at: string;
  actor: string;
  type: Fact['type'];
  /** The fact as JSON text. */
  body: string;
}

export interface EncodedBatch {
  at: string;
  actor: string;
  facts: { type: Fact['type']; body: string }[];
}

/** At most this many bad records are reported: enough to fix the input, short enough to read. */
const MAX_PROBLEMS = 20;

/**
 * Validates a batch and its metadata and serialises each fact. `method` names the caller in
 * error messages (`SqliteFactLog.append`).
 */
export function encodeBatch(method: string, facts: readonly Fact[], meta: AppendMeta): EncodedBatch {
  if (!Array.isArray(facts) || facts.length === 0) {
    throw new StoreError('USAGE', `${method}: a batch needs at least one fact`);
  }
  if (typeof meta?.actor !== 'string' || meta.actor === '') {
    throw new StoreError('USAGE', `${method}: meta.actor must name who appends the batch (a non-empty string)`);
  }
  if (meta.at !== undefined && !timestampSchema.safeParse(meta.at).success) {
    throw new StoreError('USAGE', `${method}: meta.at "${meta.at}" is not an ISO 8601 UTC timestamp such as 2022-07-04T09:30:00.000Z`);
  }
  const problems: RecordProblem[] = [];
  const encoded: EncodedBatch['facts'] = [];
  facts.forEach((fact, index) => {
    const parsed = factSchema.safeParse(fact);
    if (parsed.success) encoded.push({ type: parsed.data.type, body: JSON.stringify(parsed.data) });
    else problems.push({ index, message: `fact ${index} (${describeType(fact)}): ${describeIssues(parsed.error)}` });
  });
  if (problems.length > 0) {
    throw new StoreError(
      'INVALID_FACT',
      `${method}: batch refused, nothing written: ${problems.slice(0, MAX_PROBLEMS).map((p) => p.message).join(' | ')}`,
      { problems },
    );
  }
  return { at: meta.at ?? new Date().toISOString(), actor: meta.actor, facts: encoded };
}

/**
 * An input record that could not even be read (a line that is not JSON), kept in its place so
 * that the records after it keep their positions and the check names it like any bad record.
 */
export class UnreadableRecord {
  readonly reason: string;
  constructor(reason: string) {
    this.reason = reason;
  }
}

/**
 * Checks an exported log one record at a time, in order, so a log of any size is checked as it
 * is read: each record's shape, seq strictly increasing, batch numbers increasing with each
 * batch's records adjacent, and one `at` and `actor` per batch. Problems are kept by record
 * index (up to a readable number; `full` says when to stop reading).
 */
export class LogCheck {
  readonly problems: RecordProblem[] = [];
  #previous: StoredFact | undefined;
  #index = 0;

  get full(): boolean {
    return this.problems.length >= MAX_PROBLEMS;
  }

  /** The next record as a stored fact, or null when it has a problem. */
  next(record: unknown): StoredFact | null {
    const index = this.#index++;
    if (record instanceof UnreadableRecord) {
      this.problems.push({ index, message: record.reason });
      return null;
    }
    const parsed = storedFactSchema.safeParse(record);
    if (!parsed.success) {
      this.problems.push({ index, message: describeIssues(parsed.error) });
      return null;
    }
    const disorder = this.#previous && orderProblem(this.#previous, parsed.data);
    if (disorder) this.problems.push({ index, message: disorder });
    // The next record is compared with this one even when it is out of order, so one misplaced
    // record is reported once rather than making every later one look wrong.
    this.#previous = parsed.data;
    return disorder ? null : parsed.data;
  }

  /**
   * The stored facts of `records`, checked as they arrive. After the first problem nothing more
   * is yielded, but reading goes on until `full` or the end, so the refusal lists what a
   * reader needs to fix; the caller then refuses the whole input when `problems` is not empty.
   */
  async *facts(records: Iterable<unknown> | AsyncIterable<unknown>): AsyncGenerator<StoredFact> {
    for await (const record of records) {
      const fact = this.next(record);
      if (fact && this.problems.length === 0) yield fact;
      if (this.full) return;
    }
  }

  /** The refusal of an import with problems (StoreError INVALID_LOG), for `method`. */
  refusal(method: string): StoreError {
    const listed = this.problems.map((p) => `record ${p.index + 1}: ${p.message}`).join(' | ');
    return new StoreError('INVALID_LOG', `${method}: log refused, nothing written: ${listed}`, { problems: this.problems });
  }
}

/** A checked stored fact as the row both stores keep. */
export function importRow({ seq, batch, at, actor, fact }: StoredFact): FactRow {
  return { seq, batch, at, actor, type: fact.type, body: JSON.stringify(fact) };
}

function orderProblem(previous: StoredFact, row: StoredFact): string | null {
  if (row.seq <= previous.seq) return `seq ${row.seq} does not follow seq ${previous.seq}: seq must strictly increase`;
  if (row.batch < previous.batch) return `batch ${row.batch} comes after batch ${previous.batch}: batches must be in order`;
  if (row.batch === previous.batch && (row.at !== previous.at || row.actor !== previous.actor)) {
    return `batch ${row.batch} changes its at or actor midway: one batch has one at and one actor`;
  }
  return null;
}

/** A sequence number a reader passes in: 0 (from the start) or a seq it has seen. */
export function assertAfterSeq(method: string, afterSeq: number): void {
  if (!Number.isSafeInteger(afterSeq) || afterSeq < 0) {
    throw new StoreError('USAGE', `${method}: afterSeq must be a non-negative integer (0 reads from the start), got ${String(afterSeq)}`);
  }
}

export function decodeRow(row: Omit<FactRow, 'type'>): StoredFact {
  return { seq: row.seq, batch: row.batch, at: row.at, actor: row.actor, fact: JSON.parse(row.body) as Fact };
}

function describeType(fact: unknown): string {
  const type = typeof fact === 'object' && fact !== null ? (fact as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? type : 'no type';
}

/** Whether `readForReplay` leaves a stored fact out, or passes it on without the article body. */
export function slimForReplay(stored: StoredFact): StoredFact | null {
  if (stored.fact.type === 'MentionFound') return null;
  if (stored.fact.type !== 'ArticleAdded') return stored;
  const { body: _body, ...article } = stored.fact.article;
  return { ...stored, fact: { type: 'ArticleAdded', article: article as typeof stored.fact.article } };
}
