/**
 * The SQLite fact log: the embedded default store, one file through Node's built-in node:sqlite.
 *
 * The file runs in WAL mode with `synchronous = FULL`, so a commit returns only after the
 * write-ahead log is synced to disk: when `append` resolves, the batch survives a crash or a
 * power cut. Each batch is one `BEGIN IMMEDIATE … COMMIT` transaction. node:sqlite is
 * synchronous, so an append holds the event loop for the length of one fsync; in exchange a
 * batch's position in the log is decided without any await in between, and no native module
 * has to be built.
 *
 * Opening checks that the file is a claimgraph store of a schema version this code reads, and
 * runs SQLite's quick integrity check, before anything is written to it.
 */

import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { Fact } from '../model/fact.ts';
import { StoreError } from './errors.ts';
import type { AppendMeta, AppendResult, Batch, FactLog, StoredFact, Unsubscribe } from './fact-log.ts';
import { LogCheck, assertAfterSeq, decodeRow, encodeBatch, importRow } from './fact-row.ts';
import { Followers } from './followers.ts';

/** Written into `meta` so that a claimgraph store can be told from any other SQLite file. */
const FORMAT = 'claimgraph-fact-log';
const SCHEMA_VERSION = 1;

/** Facts per read query: large enough to amortise the query, small enough to keep memory flat. */
const PAGE = 1000;

/** How a database error during an import is reported: as with an append, nothing of it stays. */
const IMPORT_FAILED = 'importLog: nothing written';

/** SQLite result codes the store reports as their own StoreError codes. */
const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;
  CREATE TABLE IF NOT EXISTS facts (
    seq INTEGER PRIMARY KEY,
    batch INTEGER NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    type TEXT NOT NULL,
    body TEXT NOT NULL CHECK (json_valid(body))
  ) STRICT;
  INSERT OR IGNORE INTO meta (key, value) VALUES ('format', '${FORMAT}'), ('schema_version', '${SCHEMA_VERSION}');
`;

export interface OpenSqliteFactLogOptions {
  /** Create the file, and its directory, when missing. Readers such as export pass false. */
  create?: boolean;
  /** Run `PRAGMA quick_check` on open; it reads the whole file, so huge stores may skip it. */
  integrityCheck?: boolean;
}

interface Row {
  seq: number;
  batch: number;
  at: string;
  actor: string;
  body: string;
}

export class SqliteFactLog implements FactLog {
  /** The file path, or `:memory:`. */
  readonly path: string;
  readonly #db: DatabaseSync;
  readonly #insert: StatementSync;
  readonly #last: StatementSync;
  readonly #page: StatementSync;
  readonly #after: StatementSync;
  readonly #slimPage: StatementSync;
  readonly #followers = new Followers((afterSeq) => this.#batchesAfter(afterSeq));
  #closed = false;
  /**
   * Set while `importLog` reads its records: its transaction stays open between them, so no
   * other write may start on this connection until it ends.
   */
  #importing = false;

  /** Opens (or creates) the store at `path`; `:memory:` gives a private store for tests. */
  static open(path: string, options: OpenSqliteFactLogOptions = {}): SqliteFactLog {
    const { create = true, integrityCheck = true } = options;
    if (path !== ':memory:' && !existsSync(path)) {
      if (!create) throw new StoreError('NOT_FOUND', `SqliteFactLog.open: there is no store at ${path}`);
      mkdirSync(dirname(path), { recursive: true });
    }
    let db: DatabaseSync;
    try {
      db = new DatabaseSync(path);
    } catch (error) {
      throw storeError(`SqliteFactLog.open: cannot open ${path}`, error);
    }
    try {
      prepare(db, path, integrityCheck);
      return new SqliteFactLog(db, path);
    } catch (error) {
      db.close();
      throw storeError(`SqliteFactLog.open: ${path}`, error);
    }
  }

  private constructor(db: DatabaseSync, path: string) {
    this.#db = db;
    this.path = path;
    this.#insert = db.prepare('INSERT INTO facts (seq, batch, at, actor, type, body) VALUES (?, ?, ?, ?, ?, ?)');
    this.#last = db.prepare('SELECT seq, batch FROM facts ORDER BY seq DESC LIMIT 1');
    this.#page = db.prepare(`SELECT seq, batch, at, actor, body FROM facts WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ${PAGE}`);
    this.#after = db.prepare('SELECT seq, batch, at, actor, body FROM facts WHERE seq > ? ORDER BY seq');
    // SQLite drops the bodies and skips the mentions itself, so they are never parsed in JS.
    this.#slimPage = db.prepare(
      `SELECT seq, batch, at, actor, CASE type WHEN 'ArticleAdded' THEN json_remove(body, '$.article.body') ELSE body END AS body
       FROM facts WHERE seq > ? AND seq <= ? AND type <> 'MentionFound' ORDER BY seq LIMIT ${PAGE}`,
    );
  }

  async append(facts: readonly Fact[], meta: AppendMeta): Promise<AppendResult> {
    this.#assertOpen('append');
    this.#assertIdle('append');
    const encoded = encodeBatch('SqliteFactLog.append', facts, meta);
    const result = this.#transaction('append', () => {
      const last = this.#lastRow();
      const batch = (last?.batch ?? 0) + 1;
      const firstSeq = (last?.seq ?? 0) + 1;
      encoded.facts.forEach(({ type, body }, i) => {
        this.#insert.run(firstSeq + i, batch, encoded.at, encoded.actor, type, body);
      });
      return { batch, firstSeq, lastSeq: firstSeq + encoded.facts.length - 1, at: encoded.at };
    });
    this.#followers.notify();
    return result;
  }

  async *read(afterSeq = 0): AsyncIterable<StoredFact> {
    this.#assertOpen('read');
    assertAfterSeq('SqliteFactLog.read', afterSeq);
    const end = this.lastSeq();
    let cursor = afterSeq;
    while (cursor < end) {
      this.#assertOpen('read');
      const rows = this.#query('read', () => this.#page.all(cursor, end) as unknown as Row[]);
      if (rows.length === 0) return;
      for (const row of rows) yield decodeRow(row);
      cursor = rows[rows.length - 1]!.seq;
    }
  }

  async *readForReplay(afterSeq: number, coveredSeq: number): AsyncIterable<StoredFact> {
    this.#assertOpen('readForReplay');
    assertAfterSeq('SqliteFactLog.readForReplay', afterSeq);
    const end = Math.min(coveredSeq, this.lastSeq());
    let cursor = afterSeq;
    while (cursor < end) {
      this.#assertOpen('readForReplay');
      const rows = this.#query('readForReplay', () => this.#slimPage.all(cursor, end) as unknown as Row[]);
      if (rows.length === 0) break;
      for (const row of rows) yield decodeRow(row);
      cursor = rows[rows.length - 1]!.seq;
    }
    yield* this.read(Math.max(afterSeq, end));
  }

  follow(afterSeq: number, onBatch: (batch: Batch) => void | Promise<void>, onError?: (error: unknown) => void): Unsubscribe {
    this.#assertOpen('follow');
    assertAfterSeq('SqliteFactLog.follow', afterSeq);
    return this.#followers.add(afterSeq, onBatch, onError);
  }

  async importLog(records: Iterable<unknown> | AsyncIterable<unknown>): Promise<number> {
    this.#assertOpen('importLog');
    this.#assertIdle('importLog');
    // Checked before the records too, so that a full store is refused without reading them.
    this.#assertEmpty();
    const check = new LogCheck();
    let written = 0;
    this.#importing = true;
    try {
      this.#query(IMPORT_FAILED, () => {
        this.#db.exec('BEGIN IMMEDIATE');
        this.#assertEmpty();
      });
      for await (const fact of check.facts(records)) {
        const row = importRow(fact);
        this.#query(IMPORT_FAILED, () => this.#insert.run(row.seq, row.batch, row.at, row.actor, row.type, row.body));
        written++;
      }
      if (check.problems.length > 0) throw check.refusal('SqliteFactLog.importLog');
      this.#query(IMPORT_FAILED, () => this.#db.exec('COMMIT'));
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
      throw error;
    } finally {
      this.#importing = false;
    }
    this.#followers.notify();
    return written;
  }

  lastSeq(): number {
    this.#assertOpen('lastSeq');
    return this.#query('lastSeq', () => this.#lastRow()?.seq ?? 0);
  }

  isEmpty(): boolean {
    return this.lastSeq() === 0;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#followers.close();
    this.#db.close();
  }

  #lastRow(): { seq: number; batch: number } | undefined {
    return this.#last.get() as { seq: number; batch: number } | undefined;
  }

  /** Whole batches after `afterSeq`: about one page, extended to the end of the last batch. */
  #batchesAfter(afterSeq: number): StoredFact[] {
    if (this.#closed) return [];
    return this.#query('follow', () => {
      const facts: StoredFact[] = [];
      for (const row of this.#after.iterate(afterSeq) as IterableIterator<Row>) {
        if (facts.length >= PAGE && row.batch !== facts[facts.length - 1]!.batch) break;
        facts.push(decodeRow(row));
      }
      return facts;
    });
  }

  #query<T>(method: string, work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw storeError(`SqliteFactLog.${method}`, error);
    }
  }

  #transaction<T>(method: string, work: () => T): T {
    try {
      this.#db.exec('BEGIN IMMEDIATE');
      const result = work();
      this.#db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
      throw storeError(`SqliteFactLog.${method}: nothing written`, error);
    }
  }

  #assertEmpty(): void {
    if (this.#lastRow()) {
      throw new StoreError('NOT_EMPTY', `SqliteFactLog.importLog: ${this.path} already holds facts; import needs an empty store`);
    }
  }

  #assertIdle(method: string): void {
    if (this.#importing) throw new StoreError('IO', `SqliteFactLog.${method}: ${this.path} is being imported into; try again once the import ends`);
  }

  #assertOpen(method: string): void {
    if (this.#closed) throw new StoreError('CLOSED', `SqliteFactLog.${method}: the store ${this.path} is closed`);
  }
}

/**
 * Makes `db` ready: identifies it (without writing to a file that is not ours), sets the
 * journal and sync modes, creates the tables in a new file and checks integrity.
 */
function prepare(db: DatabaseSync, path: string, integrityCheck: boolean): void {
  const notOurs = `SqliteFactLog.open: ${path} is not a claimgraph store`;
  let tables: string[];
  try {
    tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
  } catch (error) {
    if (errcode(error) === SQLITE_NOTADB) throw new StoreError('NOT_A_STORE', `${notOurs}: it is not a SQLite database`, { cause: error });
    throw error;
  }
  const fresh = tables.length === 0;
  if (!fresh && !(tables.includes('meta') && tables.includes('facts'))) {
    throw new StoreError('NOT_A_STORE', `${notOurs}: it is a SQLite database with other tables (${tables.join(', ')})`);
  }

  if (path !== ':memory:') {
    const { journal_mode: mode } = db.prepare('PRAGMA journal_mode = WAL').get() as { journal_mode: string };
    if (mode !== 'wal') throw new StoreError('IO', `SqliteFactLog.open: ${path} cannot use write-ahead logging (journal mode stays ${mode})`);
  }
  db.exec('PRAGMA synchronous = FULL');
  // Another process (an export, say) may hold the file briefly; wait rather than fail.
  db.exec('PRAGMA busy_timeout = 5000');
  if (fresh) db.exec(`BEGIN IMMEDIATE; ${SCHEMA} COMMIT;`);

  const meta = new Map(
    (db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((m) => [m.key, m.value]),
  );
  if (meta.get('format') !== FORMAT) {
    throw new StoreError('NOT_A_STORE', `${notOurs}: its meta table does not name the format ${FORMAT}`);
  }
  const version = meta.get('schema_version');
  if (version !== String(SCHEMA_VERSION)) {
    throw new StoreError(
      'UNSUPPORTED_VERSION',
      `SqliteFactLog.open: ${path} has schema version ${version}; this claimgraph reads version ${SCHEMA_VERSION} only`,
    );
  }
  if (integrityCheck) {
    const results = (db.prepare('PRAGMA quick_check').all() as { quick_check: string }[]).map((r) => r.quick_check);
    if (results.length !== 1 || results[0] !== 'ok') {
      throw new StoreError('CORRUPT', `SqliteFactLog.open: ${path} failed its integrity check: ${results.slice(0, 5).join('; ')}`);
    }
  }
}

/** A StoreError as it is, or SQLite's error wrapped in one with the matching code. */
function storeError(context: string, error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const message = `${context}: ${error instanceof Error ? error.message : String(error)}`;
  const code = errcode(error);
  return new StoreError(code === SQLITE_CORRUPT ? 'CORRUPT' : code === SQLITE_NOTADB ? 'NOT_A_STORE' : 'IO', message, { cause: error });
}

function errcode(error: unknown): number | undefined {
  // node:sqlite reports SQLite's extended result code; its low byte is the primary code.
  const code = (error as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' ? code & 0xff : undefined;
}
