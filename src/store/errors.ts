/**
 * Store errors: what went wrong when writing, reading or opening the fact log.
 *
 * Every failure the store reports on purpose is a `StoreError` with a `code`, so callers
 * branch on the code and tests assert on it, never on the wording. Messages start with the
 * method that failed (`SqliteFactLog.append: …`) and say what is accepted.
 */

export const STORE_ERROR_CODES = [
  /** The caller broke the contract: an empty batch, no actor, a bad sequence number. */
  'USAGE',
  /** A fact in an appended batch does not match the fact schema; nothing was written. */
  'INVALID_FACT',
  /** Records given to `importLog` are malformed or out of order; nothing was written. */
  'INVALID_LOG',
  /** `importLog` needs an empty store. */
  'NOT_EMPTY',
  /** No store at the given path, and the caller asked not to create one. */
  'NOT_FOUND',
  /** The file exists but is not a claimgraph fact log (another database, or not SQLite). */
  'NOT_A_STORE',
  /** The store was written by a newer claimgraph with a schema this one does not know. */
  'UNSUPPORTED_VERSION',
  /** The database failed its integrity check. */
  'CORRUPT',
  /** The log was used after `close()`. */
  'CLOSED',
  /** The database refused a read or a write (disk full, locked, I/O error). */
  'IO',
] as const;
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

/** One problem in a list of records, by its position (0-based) in the list given. */
export interface RecordProblem {
  index: number;
  message: string;
}

export class StoreError extends Error {
  override readonly name: string = 'StoreError';
  readonly code: StoreErrorCode;
  /** For INVALID_FACT and INVALID_LOG: each bad record and what is wrong with it. */
  readonly problems: readonly RecordProblem[];

  constructor(code: StoreErrorCode, message: string, options: { cause?: unknown; problems?: RecordProblem[] } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.problems = options.problems ?? [];
  }
}
