/**
 * Graph snapshots: a graph's whole state in one file beside its fact log, with the position in
 * the log it covers, so that a restart reads it back and replays only the facts after it.
 *
 * The file is an 8-byte magic, the header's length (u32, little-endian), the header as JSON
 * (format version, which log and how far into it, the payload's length and CRC-32), then the
 * payload: `v8.serialize` of one table of every distinct string the state holds (entry 0
 * stands for null), columns of typed arrays that refer to the table by index, and the evidence
 * quotes as one UTF-8 buffer. Each string is read once and every record that holds it shares
 * the one copy; the columns are read back as views onto the file's bytes where they are
 * aligned. Claims are left in their columns until the graph reads them (SnapshotClaims), so
 * those bytes are kept until every claim has been read, and the next snapshot copies the
 * claims still unread from them (ClaimColumns.addRow), as it does the index keys not written
 * since. A file that is short, altered, of another format or of another log is refused with a
 * SnapshotError, and the caller replays the log instead.
 */

import { closeSync, fsyncSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import type { Article, ClaimStatement, Entity, EntityKind, Evidence, Predicate } from '../model/index.ts';
import type { Change } from './change-log.ts';
import type { ClaimRows } from './claim-store.ts';
import type { IdListColumns } from './id-index.ts';
import { ID_INDEXES, type ArticleMetadata, type EdgeState, type GraphState, type IdIndexName, type RestoredState } from './knowledge-graph.ts';
import type { ClaimRecord, Recorded, Retraction } from './records.ts';

/** Bumped whenever the layout changes: a snapshot of another format is not read. */
export const SNAPSHOT_FORMAT = 2;

const MAGIC = Buffer.from('CGSNAP\r\n', 'latin1');

/** Where in which log a snapshot was taken: the last fact it covers, and the log's origin. */
export interface SnapshotPosition {
  /** Names the log (see `originOf` in open-graph.ts). */
  origin: string;
  seq: number;
  batch: number;
  at: string;
  actor: string;
}

export interface SnapshotHeader extends SnapshotPosition {
  format: number;
  bytes: number;
  crc32: number;
}

export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

/** Where the snapshot of the log at `storePath` is kept. */
export function snapshotPathOf(storePath: string): string {
  return `${storePath}.snapshot`;
}

// ---- writing ---------------------------------------------------------------------------------

class StringTable {
  readonly strings: (string | null)[] = [null];
  private readonly index = new Map<string, number>();
  private readonly fromTables = new Map<readonly (string | null)[], (at: number) => number>();

  of(text: string | null | undefined): number {
    if (text === null || text === undefined) return 0;
    let at = this.index.get(text);
    if (at === undefined) {
      at = this.strings.length;
      this.strings.push(text);
      this.index.set(text, at);
    }
    return at;
  }

  /**
   * This table's number for each entry of another (a restored snapshot's), each entry looked up
   * once: its rows and index columns refer to the same strings many times over, and a look-up
   * in a Map of millions of strings costs far more than one in an array.
   */
  from(strings: readonly (string | null)[]): (at: number) => number {
    let numberOf = this.fromTables.get(strings);
    if (!numberOf) {
      const numbers = new Uint32Array(strings.length);
      numberOf = (at) => numbers[at] || (numbers[at] = this.of(strings[at]));
      this.fromTables.set(strings, numberOf);
    }
    return numberOf;
  }
}

/**
 * Numbers appended one at a time, into blocks that are joined into one typed array at the end:
 * an array of numbers that grows to millions is copied at each growth, and the collector
 * visits every one of its slots. Writing the snapshot of a restored 1M graph with the server's
 * node flags took 9.8–11.0 s this way and 12.7 s with arrays of numbers, RSS 3.2 GB against
 * 4.0 GB. Without `--external-memory-accounted-in-global-limit` the blocks, being memory
 * outside the heap, start full collections and it is slower (24.8–25.2 s against 17.8–19.4 s).
 */
class Column<A extends Uint32Array<ArrayBuffer> | Float64Array<ArrayBuffer>> {
  private static readonly FIRST = 1 << 8;
  private static readonly MOST = 1 << 16;
  private readonly make: (length: number) => A;
  private readonly full: A[] = [];
  private fullLength = 0;
  private block: A;
  private at = 0;

  constructor(make: (length: number) => A) {
    this.make = make;
    this.block = make(Column.FIRST);
  }

  static u32(): Column<Uint32Array<ArrayBuffer>> {
    return new Column((length) => new Uint32Array(length));
  }

  static f64(): Column<Float64Array<ArrayBuffer>> {
    return new Column((length) => new Float64Array(length));
  }

  get length(): number {
    return this.fullLength + this.at;
  }

  push(value: number): void {
    if (this.at === this.block.length) {
      this.full.push(this.block);
      this.fullLength += this.block.length;
      this.block = this.make(Math.min(2 * this.block.length, Column.MOST));
      this.at = 0;
    }
    this.block[this.at++] = value;
  }

  done(): A {
    const joined = this.make(this.length);
    let at = 0;
    for (const block of this.full) {
      joined.set(block, at);
      at += block.length;
    }
    joined.set(this.block.subarray(0, this.at), at);
    return joined;
  }
}

/** UTF-8 texts one after another in one buffer that grows as needed, and where each ends. */
class TextColumn {
  private bytes = Buffer.allocUnsafe(1 << 16);
  private length = 0;
  private readonly ends = Column.f64();

  get count(): number {
    return this.ends.length;
  }

  add(text: string): void {
    this.reserve(text.length * 3);
    this.length += this.bytes.write(text, this.length, 'utf8');
    this.ends.push(this.length);
  }

  /** Bytes `start` to `end` of `from`, as one more text. */
  copy(from: Buffer, start: number, end: number): void {
    this.reserve(end - start);
    this.length += from.copy(this.bytes, this.length, start, end);
    this.ends.push(this.length);
  }

  columns(): Pick<Payload, 'quoteText' | 'quoteEnds'> {
    return { quoteText: this.bytes.subarray(0, this.length), quoteEnds: this.ends.done() };
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(2 * this.bytes.length, this.length + bytes));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }
}

/** Columns of IDs: each key, how many IDs it has, then all the IDs in a row. */
interface IdColumns {
  keys: Uint32Array;
  counts: Uint32Array;
  ids: Uint32Array;
}

interface Payload {
  strings: (string | null)[];
  version: number;
  /** id, kind, name, description, alias count; then the aliases. */
  entities: Uint32Array;
  aliases: Uint32Array;
  /** source, target, predicate, claim count; then the claims. */
  edges: Uint32Array;
  edgeClaims: Uint32Array;
  /** See ARTICLE_FIELDS; then the quality issues. */
  articles: Uint32Array;
  quality: Uint32Array;
  /** See CLAIM_FIELDS; the retraction's seq apart. */
  claims: Uint32Array;
  retractionSeqs: Float64Array;
  /** See EVIDENCE_FIELDS; quotes, offsets, confidence and seq apart. */
  evidence: Uint32Array;
  /**
   * Every quote's UTF-8, one after another, and where each ends: a million strings cost V8 far
   * more to read back and to hold than one buffer. A quote UTF-8 cannot hold exactly (a lone
   * surrogate) is kept as a string in `oddQuotes` instead, under its evidence number in `oddQuoteAt`.
   */
  quoteText: Uint8Array;
  quoteEnds: Float64Array;
  oddQuoteAt: Uint32Array;
  oddQuotes: string[];
  offsets: Float64Array;
  confidence: Float64Array;
  evidenceSeqs: Float64Array;
  redirects: Uint32Array;
  /** Node, change count; then each change's at, actor, type and summary, and its seq apart. */
  changed: Uint32Array;
  changes: Uint32Array;
  changeSeqs: Float64Array;
  indexes: Record<IdIndexName, IdColumns>;
}

const ENTITY_FIELDS = 5;
const EDGE_FIELDS = 4;
/** id, title, publisher, url, published value, precision, estimated (0 none, 1 no, 2 yes), language, sourceFile, contentHash, quality count. */
const ARTICLE_FIELDS = 11;
/** id, subject, predicate, object, value JSON, qualifiers JSON, negated, evidence count, retraction reason (0 none), at, actor. */
const CLAIM_FIELDS = 11;
/** The claim fields that are numbers themselves, not strings of the table. */
const NEGATED = 6;
const EVIDENCE_COUNT = 7;
/** claimId, articleId, modality, attributedTo, method, at, actor. */
const EVIDENCE_FIELDS = 7;
const CHANGE_FIELDS = 4;
/** A seq that was null (a batch applied without log positions). */
const NO_SEQ = -1;

function seqOf(seq: number | null): number {
  return seq ?? NO_SEQ;
}

function seqFrom(value: number): number | null {
  return value === NO_SEQ ? null : value;
}

function encode(state: GraphState): Payload {
  const table = new StringTable();
  const s = (text: string | null | undefined) => table.of(text);

  const entities = Column.u32();
  const aliases = Column.u32();
  for (const e of state.entities) {
    entities.push(s(e.id));
    entities.push(s(e.kind));
    entities.push(s(e.name));
    entities.push(s(e.description));
    entities.push(e.aliases.length);
    for (const alias of e.aliases) aliases.push(s(alias));
  }

  const edges = Column.u32();
  const edgeClaims = Column.u32();
  for (const edge of state.edges) {
    edges.push(s(edge.source));
    edges.push(s(edge.target));
    edges.push(s(edge.predicate));
    edges.push(edge.claims.length);
    for (const claim of edge.claims) edgeClaims.push(s(claim));
  }

  const articles = Column.u32();
  const quality = Column.u32();
  for (const a of state.articles) {
    const p = a.published;
    for (const text of [a.id, a.title, a.publisher, a.url, p?.value, p?.precision]) articles.push(s(text));
    articles.push(p ? (p.estimated ? 2 : 1) : 0);
    for (const text of [a.language, a.sourceFile, a.contentHash]) articles.push(s(text));
    articles.push(a.quality.length);
    for (const issue of a.quality) quality.push(s(issue));
  }

  const claims = new ClaimColumns(table);
  const { rows, items } = state.claims;
  const snapshotRows = rows instanceof SnapshotClaims ? rows : null;
  const restored = snapshotRows && table.from(snapshotRows.strings);
  for (const item of items) {
    if (typeof item !== 'number') claims.addRecord(item);
    else if (snapshotRows) claims.addRow(snapshotRows, item, restored!);
    else claims.addRecord(rows!.record(item));
  }

  const redirects = Column.u32();
  for (const [from, to] of state.redirects) {
    redirects.push(s(from));
    redirects.push(s(to));
  }

  const changed = Column.u32();
  const changes = Column.u32();
  const changeSeqs = Column.f64();
  for (const [id, list] of state.changes) {
    changed.push(s(id));
    changed.push(list.length);
    for (const c of list) {
      for (const text of [c.at, c.actor, c.type, c.summary]) changes.push(s(text));
      changeSeqs.push(seqOf(c.seq));
    }
  }

  const indexes = {} as Record<IdIndexName, IdColumns>;
  for (const name of ID_INDEXES) {
    const { columns, entries } = state.indexes[name];
    const restored = columns && table.from(columns.strings);
    const keys = Column.u32();
    const counts = Column.u32();
    const ids = Column.u32();
    for (const [key, list] of entries) {
      if (typeof list === 'number') {
        // Still the IDs it was restored with: copied from the columns without reading them.
        const from = columns!.starts[list]!;
        const to = columns!.starts[list + 1]!;
        keys.push(restored!(columns!.keys[list]!));
        for (let j = from; j < to; j++) ids.push(restored!(columns!.ids[j]!));
        counts.push(to - from);
        continue;
      }
      keys.push(s(key));
      const before = ids.length;
      for (const id of list) ids.push(s(id));
      counts.push(ids.length - before);
    }
    indexes[name] = { keys: keys.done(), counts: counts.done(), ids: ids.done() };
  }

  return {
    strings: table.strings,
    version: state.version,
    entities: entities.done(),
    aliases: aliases.done(),
    edges: edges.done(),
    edgeClaims: edgeClaims.done(),
    articles: articles.done(),
    quality: quality.done(),
    ...claims.columns(),
    redirects: redirects.done(),
    changed: changed.done(),
    changes: changes.done(),
    changeSeqs: changeSeqs.done(),
    indexes,
  };
}

/**
 * The claim and evidence columns, filled from records or, for the claims a restored graph has
 * not read since, straight from the rows of its snapshot: those are neither built into records
 * nor their quotes decoded and encoded again.
 */
class ClaimColumns {
  private readonly claims = Column.u32();
  private readonly retractionSeqs = Column.f64();
  private readonly evidence = Column.u32();
  private readonly quotes = new TextColumn();
  private readonly oddQuoteAt = Column.u32();
  private readonly oddQuotes: string[] = [];
  private readonly offsets = Column.f64();
  private readonly confidence = Column.f64();
  private readonly evidenceSeqs = Column.f64();
  private readonly table: StringTable;

  constructor(table: StringTable) {
    this.table = table;
  }

  addRecord(record: ClaimRecord): void {
    const s = (text: string | null | undefined) => this.table.of(text);
    const c = record.statement;
    const r = record.retraction;
    if (record.recorded.length !== record.evidence.length) throw new SnapshotError(`claim ${c.id} has ${record.evidence.length} evidences but ${record.recorded.length} records of them`);
    for (const text of [c.id, c.subject, c.predicate, c.object, c.value === null ? null : JSON.stringify(c.value), JSON.stringify(c.qualifiers)]) this.claims.push(s(text));
    this.claims.push(c.negated ? 1 : 0);
    this.claims.push(record.evidence.length);
    for (const text of [r?.reason, r?.at, r?.actor]) this.claims.push(s(text));
    this.retractionSeqs.push(r ? seqOf(r.seq) : NO_SEQ);
    record.evidence.forEach((e, i) => {
      const recorded = record.recorded[i]!;
      for (const text of [e.claimId, e.articleId, e.modality, e.attributedTo, e.method, recorded.at, recorded.actor]) this.evidence.push(s(text));
      if (e.quote.isWellFormed()) this.quotes.add(e.quote);
      else this.addOddQuote(e.quote);
      this.offsets.push(e.start);
      this.offsets.push(e.end);
      this.confidence.push(e.confidence);
      this.evidenceSeqs.push(seqOf(recorded.seq));
    });
  }

  /** Row `row` of a snapshot's claims, as it is there; `s` numbers its strings in this table. */
  addRow(rows: SnapshotClaims, row: number, s: (at: number) => number): void {
    const f = rows.claims;
    for (let i = row * CLAIM_FIELDS, k = 0; k < CLAIM_FIELDS; k++) this.claims.push(k === NEGATED || k === EVIDENCE_COUNT ? f[i + k]! : s(f[i + k]!));
    this.retractionSeqs.push(rows.retractionSeqs[row]!);
    for (let e = rows.evidenceAt[row]!; e < rows.evidenceAt[row + 1]!; e++) {
      for (let at = e * EVIDENCE_FIELDS, k = 0; k < EVIDENCE_FIELDS; k++) this.evidence.push(s(rows.evidence[at + k]!));
      const odd = rows.oddQuotes.get(e);
      if (odd === undefined) this.quotes.copy(rows.quoteText, e === 0 ? 0 : rows.quoteEnds[e - 1]!, rows.quoteEnds[e]!);
      else this.addOddQuote(odd);
      this.offsets.push(rows.offsets[2 * e]!);
      this.offsets.push(rows.offsets[2 * e + 1]!);
      this.confidence.push(rows.confidence[e]!);
      this.evidenceSeqs.push(rows.evidenceSeqs[e]!);
    }
  }

  columns(): Pick<Payload, 'claims' | 'retractionSeqs' | 'evidence' | 'quoteText' | 'quoteEnds' | 'oddQuoteAt' | 'oddQuotes' | 'offsets' | 'confidence' | 'evidenceSeqs'> {
    return {
      claims: this.claims.done(),
      retractionSeqs: this.retractionSeqs.done(),
      evidence: this.evidence.done(),
      ...this.quotes.columns(),
      oddQuoteAt: this.oddQuoteAt.done(),
      oddQuotes: this.oddQuotes,
      offsets: this.offsets.done(),
      confidence: this.confidence.done(),
      evidenceSeqs: this.evidenceSeqs.done(),
    };
  }

  /** A quote UTF-8 cannot hold exactly: kept as a string, an empty text in its place. */
  private addOddQuote(quote: string): void {
    this.oddQuoteAt.push(this.quotes.count);
    this.oddQuotes.push(quote);
    this.quotes.add('');
  }
}

/** Whether a process with this ID is running (one this user may signal or not). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes what writes of the snapshot at `path` left when their process was killed mid-way:
 * the files beside it named after a process no longer running.
 */
function removeLeftovers(path: string): void {
  const name = basename(path);
  for (const file of readdirSync(dirname(path))) {
    const pid = file.startsWith(`${name}.`) && file.endsWith('.tmp') ? Number(file.slice(name.length + 1, -4)) : NaN;
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !running(pid)) rmSync(join(dirname(path), file), { force: true });
  }
}

/**
 * Writes the state to `path`, covering the log up to `position`: to a file beside it first,
 * then renamed over it, so a reader finds the old snapshot or the new one, never half of one.
 * Such files that writes cut short by a kill left are removed first. Returns the size of the
 * file in bytes.
 */
export function writeSnapshot(path: string, state: GraphState, position: SnapshotPosition): number {
  removeLeftovers(path);
  const payload = serialize(encode(state));
  const header: SnapshotHeader = { format: SNAPSHOT_FORMAT, ...position, bytes: payload.length, crc32: crc32(payload) };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    for (const part of [MAGIC, length, headerBytes, payload]) {
      for (let written = 0; written < part.length; ) written += writeSync(fd, part, written, part.length - written);
    }
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, path);
  return MAGIC.length + 4 + headerBytes.length + payload.length;
}

// ---- reading ---------------------------------------------------------------------------------

/** The header of the snapshot in `bytes`, checked for its magic and format; the payload unread. */
export function readHeader(bytes: Buffer): { header: SnapshotHeader; payloadAt: number } {
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new SnapshotError('not a claimgraph snapshot');
  const headerLength = bytes.readUInt32LE(MAGIC.length);
  const payloadAt = MAGIC.length + 4 + headerLength;
  if (payloadAt > bytes.length) throw new SnapshotError('the file ends inside its header');
  let header: SnapshotHeader;
  try {
    header = JSON.parse(bytes.toString('utf8', MAGIC.length + 4, payloadAt)) as SnapshotHeader;
  } catch {
    throw new SnapshotError('its header is not JSON');
  }
  if (header?.format !== SNAPSHOT_FORMAT) throw new SnapshotError(`format ${String(header?.format)}, this claimgraph reads format ${SNAPSHOT_FORMAT}`);
  for (const key of ['seq', 'batch', 'bytes', 'crc32'] as const) {
    if (!Number.isSafeInteger(header[key]) || header[key] < 0) throw new SnapshotError(`its header has no valid ${key}`);
  }
  for (const key of ['origin', 'at', 'actor'] as const) {
    if (typeof header[key] !== 'string') throw new SnapshotError(`its header has no valid ${key}`);
  }
  return { header, payloadAt };
}

/**
 * Opens the snapshot at `path`: its header is read and checked at once, the state only when
 * asked for, so that a snapshot of another log is refused before its payload is decoded.
 * Returns null when there is no file; throws a SnapshotError when it is not a snapshot of this
 * format, or when its payload is short, damaged or not a graph state.
 */
export function openSnapshot(path: string): { header: SnapshotHeader; state: () => RestoredState } | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new SnapshotError(`cannot read it: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { header, payloadAt } = readHeader(bytes);
  const state = (): RestoredState => {
    if (bytes.length - payloadAt !== header.bytes) throw new SnapshotError(`its payload has ${bytes.length - payloadAt} bytes, its header says ${header.bytes}`);
    const payload = bytes.subarray(payloadAt);
    if (crc32(payload) !== header.crc32) throw new SnapshotError('its checksum does not match: the file is damaged');
    let decoded: Payload;
    try {
      decoded = deserialize(payload) as Payload;
    } catch (error) {
      throw new SnapshotError(`its payload cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
    try {
      return decode(decoded);
    } catch (error) {
      if (error instanceof SnapshotError) throw error;
      throw new SnapshotError(`its payload is not a graph state: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return { header, state };
}

/** Entry `at` of the string table, which must be a string; `what` names what refers to it. */
function stringIn(strings: readonly (string | null)[], at: number, what = 'record'): string {
  const text = strings[at];
  if (typeof text !== 'string') throw new SnapshotError(`its ${what} refers to string ${at}, which is missing`);
  return text;
}

function decode(p: Payload): RestoredState {
  const strings = p.strings;
  const str = (at: number): string => stringIn(strings, at);
  const nullable = (at: number): string | null => (at === 0 ? null : str(at));

  const entities: Entity[] = [];
  for (let i = 0, a = 0; i < p.entities.length; i += ENTITY_FIELDS) {
    const f = p.entities;
    const aliases = new Array<string>(f[i + 4]!);
    for (let k = 0; k < aliases.length; k++, a++) aliases[k] = str(p.aliases[a]!);
    entities.push({ id: str(f[i]!), kind: str(f[i + 1]!) as EntityKind, name: str(f[i + 2]!), aliases, description: nullable(f[i + 3]!) });
    if (i + ENTITY_FIELDS >= p.entities.length && a !== p.aliases.length) throw new SnapshotError('its aliases do not line up');
  }

  const edges: EdgeState[] = [];
  for (let i = 0, c = 0; i < p.edges.length; i += EDGE_FIELDS) {
    const f = p.edges;
    const claims = new Array<string>(f[i + 3]!);
    for (let k = 0; k < claims.length; k++, c++) claims[k] = str(p.edgeClaims[c]!);
    edges.push({ source: str(f[i]!), target: str(f[i + 1]!), predicate: str(f[i + 2]!) as Predicate, claims });
    if (i + EDGE_FIELDS >= p.edges.length && c !== p.edgeClaims.length) throw new SnapshotError('its edges do not line up');
  }

  const articles: ArticleMetadata[] = [];
  for (let i = 0, q = 0; i < p.articles.length; i += ARTICLE_FIELDS) {
    const f = p.articles;
    const quality = new Array<Article['quality'][number]>(f[i + 10]!);
    for (let k = 0; k < quality.length; k++, q++) quality[k] = str(p.quality[q]!) as Article['quality'][number];
    const estimated = f[i + 6]!;
    articles.push({
      id: str(f[i]!),
      title: str(f[i + 1]!),
      publisher: nullable(f[i + 2]!),
      url: nullable(f[i + 3]!),
      published: estimated === 0 ? null : { value: str(f[i + 4]!), precision: str(f[i + 5]!) as 'DAY', estimated: estimated === 2 },
      language: str(f[i + 7]!),
      sourceFile: nullable(f[i + 8]!),
      contentHash: str(f[i + 9]!),
      quality,
    });
  }

  const claims = new SnapshotClaims(p);

  const redirects: [string, string][] = [];
  for (let i = 0; i < p.redirects.length; i += 2) redirects.push([str(p.redirects[i]!), str(p.redirects[i + 1]!)]);

  const changes: [string, Change[]][] = [];
  for (let i = 0, c = 0; i < p.changed.length; i += 2) {
    const list = new Array<Change>(p.changed[i + 1]!);
    for (let k = 0; k < list.length; k++, c++) {
      const f = p.changes;
      const at = c * CHANGE_FIELDS;
      list[k] = { seq: seqFrom(p.changeSeqs[c]!), at: nullable(f[at]!), actor: nullable(f[at + 1]!), type: str(f[at + 2]!) as Change['type'], summary: str(f[at + 3]!) };
    }
    changes.push([str(p.changed[i]!), list]);
  }

  // The indexes stay in their columns (see IdIndex.restoreColumns), checked through here.
  const indexes = {} as Record<IdIndexName, IdListColumns>;
  for (const name of ID_INDEXES) {
    const { keys, counts, ids } = p.indexes[name];
    if (counts.length !== keys.length) throw new SnapshotError(`its index ${name} does not line up`);
    const starts = new Uint32Array(keys.length + 1);
    for (let k = 0; k < keys.length; k++) {
      str(keys[k]!);
      starts[k + 1] = starts[k]! + counts[k]!;
    }
    if (starts[keys.length] !== ids.length) throw new SnapshotError(`its index ${name} does not line up`);
    for (let i = 0; i < ids.length; i++) str(ids[i]!);
    indexes[name] = { strings, keys, starts, ids };
  }

  return { version: p.version, entities, edges, articles, claims, redirects, changes, indexes };
}

/**
 * A snapshot's claims, left in its columns: the columns are checked through when the snapshot
 * is read, so that a snapshot that cannot give every record back is refused at once, and each
 * record is built when the graph first asks for it (see ClaimStore).
 */
class SnapshotClaims implements ClaimRows {
  readonly length: number;
  readonly strings: (string | null)[];
  readonly claims: Uint32Array;
  readonly retractionSeqs: Float64Array;
  readonly evidence: Uint32Array;
  readonly quoteText: Buffer;
  readonly quoteEnds: Float64Array;
  readonly oddQuotes = new Map<number, string>();
  readonly offsets: Float64Array;
  readonly confidence: Float64Array;
  readonly evidenceSeqs: Float64Array;
  /** Where each claim's evidence begins in the evidence columns; one more entry for the end. */
  readonly evidenceAt: Uint32Array;
  /** Values and qualifiers are kept as JSON, one copy of each distinct one; records share it. */
  private readonly parsed = new Map<number, unknown>();

  constructor(p: Payload) {
    this.strings = p.strings;
    this.claims = p.claims;
    this.retractionSeqs = p.retractionSeqs;
    this.evidence = p.evidence;
    this.quoteText = Buffer.from(p.quoteText.buffer, p.quoteText.byteOffset, p.quoteText.byteLength);
    this.quoteEnds = p.quoteEnds;
    this.offsets = p.offsets;
    this.confidence = p.confidence;
    this.evidenceSeqs = p.evidenceSeqs;
    if (this.claims.length % CLAIM_FIELDS !== 0) throw new SnapshotError('its claim column does not line up');
    this.length = this.claims.length / CLAIM_FIELDS;
    this.evidenceAt = new Uint32Array(this.length + 1);
    const text = (at: number, what: string) => stringIn(this.strings, at, what);
    const nullable = (at: number, what: string) => {
      if (at !== 0) text(at, what);
    };
    const json = (at: number, what: string) => {
      const source = text(at, what);
      if (this.parsed.has(at)) return;
      try {
        this.parsed.set(at, JSON.parse(source));
      } catch {
        throw new SnapshotError(`its ${what} ${at} is not JSON`);
      }
    };
    let evidenceCount = 0;
    for (let row = 0, i = 0; row < this.length; row++, i += CLAIM_FIELDS) {
      const f = this.claims;
      text(f[i]!, 'claim ID');
      text(f[i + 1]!, 'claim subject');
      text(f[i + 2]!, 'claim predicate');
      nullable(f[i + 3]!, 'claim object');
      if (f[i + 4] !== 0) json(f[i + 4]!, 'claim value');
      json(f[i + 5]!, 'claim qualifiers');
      nullable(f[i + 8]!, 'retraction reason');
      nullable(f[i + 9]!, 'retraction time');
      nullable(f[i + 10]!, 'retraction actor');
      this.evidenceAt[row] = evidenceCount;
      evidenceCount += f[i + 7]!;
    }
    this.evidenceAt[this.length] = evidenceCount;
    const columns = [this.quoteEnds.length, this.evidence.length / EVIDENCE_FIELDS, this.offsets.length / 2, this.confidence.length, this.evidenceSeqs.length];
    if (this.retractionSeqs.length !== this.length || columns.some((n) => n !== evidenceCount)) throw new SnapshotError('its evidence columns do not line up');
    if (p.oddQuoteAt.length !== p.oddQuotes.length) throw new SnapshotError('its quote columns do not line up');
    p.oddQuoteAt.forEach((e, i) => {
      const quote = p.oddQuotes[i];
      if (typeof quote !== 'string' || e >= evidenceCount) throw new SnapshotError(`its quote ${i} kept as a string is not one`);
      this.oddQuotes.set(e, quote);
    });
    let quoteEnd = 0;
    for (let e = 0, at = 0; e < evidenceCount; e++, at += EVIDENCE_FIELDS) {
      const f = this.evidence;
      const end = this.quoteEnds[e]!;
      if (!(end >= quoteEnd && end <= this.quoteText.length)) throw new SnapshotError(`evidence ${e} has no quote`);
      quoteEnd = end;
      text(f[at]!, 'evidence claim');
      text(f[at + 1]!, 'evidence article');
      text(f[at + 2]!, 'evidence modality');
      nullable(f[at + 3]!, 'evidence credit');
      text(f[at + 4]!, 'evidence method');
      nullable(f[at + 5]!, 'evidence time');
      nullable(f[at + 6]!, 'evidence actor');
    }
  }

  id(row: number): string {
    return this.strings[this.claims[row * CLAIM_FIELDS]!]!;
  }

  record(row: number): ClaimRecord {
    const f = this.claims;
    const i = row * CLAIM_FIELDS;
    const strings = this.strings;
    const str = (at: number) => strings[at]!;
    const nullable = (at: number) => (at === 0 ? null : strings[at]!);
    const statement: ClaimStatement = {
      id: str(f[i]!),
      subject: str(f[i + 1]!),
      predicate: str(f[i + 2]!) as Predicate,
      object: nullable(f[i + 3]!),
      value: f[i + 4] === 0 ? null : (this.parsed.get(f[i + 4]!) as ClaimStatement['value']),
      qualifiers: this.parsed.get(f[i + 5]!) as ClaimStatement['qualifiers'],
      negated: f[i + 6] === 1,
    };
    const first = this.evidenceAt[row]!;
    const count = this.evidenceAt[row + 1]! - first;
    const evidence = new Array<Evidence>(count);
    const recorded = new Array<Recorded>(count);
    for (let k = 0, e = first; k < count; k++, e++) {
      const ev = this.evidence;
      const at = e * EVIDENCE_FIELDS;
      evidence[k] = {
        claimId: str(ev[at]!),
        articleId: str(ev[at + 1]!),
        quote: this.oddQuotes.get(e) ?? this.quoteText.toString('utf8', e === 0 ? 0 : this.quoteEnds[e - 1]!, this.quoteEnds[e]!),
        start: this.offsets[2 * e]!,
        end: this.offsets[2 * e + 1]!,
        modality: str(ev[at + 2]!) as Evidence['modality'],
        attributedTo: nullable(ev[at + 3]!),
        method: str(ev[at + 4]!) as Evidence['method'],
        confidence: this.confidence[e]!,
      };
      recorded[k] = { seq: seqFrom(this.evidenceSeqs[e]!), at: nullable(ev[at + 5]!), actor: nullable(ev[at + 6]!) };
    }
    const retraction: Retraction | null =
      f[i + 8] === 0 ? null : { reason: str(f[i + 8]!), seq: seqFrom(this.retractionSeqs[row]!), at: nullable(f[i + 9]!), actor: nullable(f[i + 10]!) };
    return { statement, evidence, recorded, retraction };
  }
}
