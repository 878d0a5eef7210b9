/**
 * The SQLite fact log: the FactLog specification on a file and in memory, then what only a
 * file store does: survive a reopen, refuse files that are not claimgraph stores, and stay
 * byte-for-byte unchanged when a write is refused.
 */

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/store/errors.ts';
import { SqliteFactLog } from '../../src/store/sqlite-fact-log.ts';
import { aliases, describeFactLog, exportText, readAll } from './describe-fact-log.ts';
import { AT, aliasAdded, everyKindOfFact, quoteOffByOne } from './fixtures/facts.ts';

const dir = mkdtempSync(join(tmpdir(), 'claimgraph-sqlite-'));
let files = 0;
const newPath = (): string => join(dir, `store-${++files}`, 'claimgraph.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeFactLog('SqliteFactLog (file)', () => SqliteFactLog.open(newPath()));
describeFactLog('SqliteFactLog (:memory:)', () => SqliteFactLog.open(':memory:'));

function openError(path: string, options?: Parameters<typeof SqliteFactLog.open>[1]): StoreError {
  try {
    SqliteFactLog.open(path, options).close();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error(`SqliteFactLog.open(${path}) did not fail`);
}

/** The bytes of the database and its write-ahead log: all SQLite keeps on disk. */
function fileBytes(path: string): Buffer {
  return Buffer.concat([readFileSync(path), existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`) : Buffer.alloc(0)]);
}

describe('SqliteFactLog on disk', () => {
  const opened: SqliteFactLog[] = [];
  function open(path: string): SqliteFactLog {
    const log = SqliteFactLog.open(path);
    opened.push(log);
    return log;
  }
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((log) => log.close()));
  });

  it('creates a new store, and the directories above it, in WAL mode', async () => {
    const path = newPath();
    open(path);
    expect(existsSync(path)).toBe(true);
    const db = new DatabaseSync(path);
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get()).toEqual({ value: '1' });
    db.close();
  });

  it('holds everything appended before close when reopened, and numbers on from there', async () => {
    const path = newPath();
    const first = SqliteFactLog.open(path);
    await first.append(everyKindOfFact, { actor: 'curation', at: AT });
    await first.append(aliases(2), { actor: 'ingest', at: AT });
    const before = await exportText(first);
    await first.close();

    const reopened = open(path);
    expect(await exportText(reopened)).toBe(before);
    const next = await reopened.append([aliasAdded], { actor: 'api' });
    expect([next.batch, next.firstSeq]).toEqual([3, everyKindOfFact.length + 3]);
  });

  it('leaves the file byte-for-byte unchanged when a batch is refused', async () => {
    const path = newPath();
    const log = open(path);
    await log.append(everyKindOfFact, { actor: 'curation', at: AT });
    const before = fileBytes(path);
    await expect(log.append([aliasAdded, quoteOffByOne], { actor: 'api' })).rejects.toMatchObject({ code: 'INVALID_FACT' });
    expect(fileBytes(path).equals(before)).toBe(true);
  });

  it('rolls back a batch that fails midway through its transaction, leaving no part of it', async () => {
    const path = newPath();
    const log = open(path);
    await log.append(aliases(2), { actor: 'ingest', at: AT });
    const before = await exportText(log);
    // Make SQLite itself refuse the third row of the next batch, after two rows are in.
    const saboteur = new DatabaseSync(path);
    saboteur.exec("CREATE TRIGGER refuse_fifth BEFORE INSERT ON facts WHEN NEW.seq = 5 BEGIN SELECT RAISE(ABORT, 'disk says no'); END");
    await expect(log.append(aliases(4, 'doomed'), { actor: 'api' })).rejects.toMatchObject({ code: 'IO' });
    saboteur.exec('DROP TRIGGER refuse_fifth');
    saboteur.close();

    expect(await exportText(log)).toBe(before);
    const next = await log.append([aliasAdded], { actor: 'api' });
    expect([next.batch, next.firstSeq]).toEqual([2, 3]);
  });

  it('refuses to create a store when told not to, creating nothing', () => {
    const path = newPath();
    expect(openError(path, { create: false }).code).toBe('NOT_FOUND');
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a file that is not a SQLite database, leaving it untouched', () => {
    const path = join(dir, 'notes.txt');
    writeFileSync(path, 'Leica partnered with Xiaomi in 2022.\n'.repeat(20));
    const before = readFileSync(path);
    expect(openError(path).code).toBe('NOT_A_STORE');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses another application’s SQLite database, leaving it untouched', () => {
    const path = join(dir, 'other.sqlite');
    const other = new DatabaseSync(path);
    other.exec("CREATE TABLE photos (lens TEXT); INSERT INTO photos VALUES ('Leica Summilux')");
    other.close();
    const before = readFileSync(path);
    expect(openError(path).code).toBe('NOT_A_STORE');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('refuses a store written with a schema version it does not know', async () => {
    const path = newPath();
    await SqliteFactLog.open(path).close();
    const db = new DatabaseSync(path);
    db.exec("UPDATE meta SET value = '2' WHERE key = 'schema_version'");
    db.close();
    expect(openError(path).code).toBe('UNSUPPORTED_VERSION');
  });

  it('refuses a store whose pages are damaged', async () => {
    const path = newPath();
    const log = SqliteFactLog.open(path);
    for (let i = 0; i < 20; i++) await log.append(everyKindOfFact, { actor: 'curation', at: AT });
    await log.close();
    const bytes = readFileSync(path);
    bytes.fill(0x5a, 3 * 4096, 4 * 4096);
    writeFileSync(path, bytes);
    expect(openError(path).code).toBe('CORRUPT');
  });

  it('refuses a write while an import is reading its records, and finishes the import', async () => {
    const log = open(newPath());
    let release!: () => void;
    const paused = new Promise<void>((resolve) => (release = resolve));
    const [first, second] = aliases(2);
    async function* records() {
      yield { seq: 1, batch: 1, at: AT, actor: 'ingest', fact: first! };
      await paused;
      yield { seq: 2, batch: 2, at: AT, actor: 'ingest', fact: second! };
    }
    const importing = log.importLog(records());
    await new Promise((resolve) => setImmediate(resolve));
    const refused = await log.append([aliasAdded], { actor: 'api' }).then(() => null, (e: unknown) => e as StoreError);
    expect(refused?.code).toBe('IO');
    expect(refused?.message).toMatch(/being imported into/);
    release();
    expect(await importing).toBe(2);
    expect((await log.append([aliasAdded], { actor: 'api' })).firstSeq).toBe(3);
  });

  it('reads a store another connection appended to', async () => {
    const path = newPath();
    const reader = open(path);
    const writer = open(path);
    await writer.append(aliases(3), { actor: 'ingest' });
    expect((await readAll(reader)).map((s) => s.seq)).toEqual([1, 2, 3]);
  });
});
