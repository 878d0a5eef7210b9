/**
 * Graph snapshots: a graph's whole state in one file beside its fact log, with the position in
 * the log it covers, so that a restart reads it back and replays only the facts after it.
 *
 * The file is an 8-byte magic, the header's length (u32, little-endian), the header as JSON
 * (format version, which log and how far into it, the payload's length and CRC-32), then the
 * payload: `v8.serialize` of one table of every distinct string the state holds (entry 0
 * stands for null), columns of typed arrays that refer to the table by index, and the evidence
 * quotes as one UTF-8 buffer. Each string is read once and every record that holds it shares
 * the one copy; the columns are read back as views onto the file's bytes where they are aligned. Claims are left in
 * their columns until the graph reads them (SnapshotClaims), so those bytes are kept until
 * every claim has been read. A file that is short, altered, of another format or of another
 * log is refused with a SnapshotError, and the caller replays the log instead.
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

  const entities: number[] = [];
  const aliases: number[] = [];
  for (const e of state.entities) {
    entities.push(s(e.id), s(e.kind), s(e.name), s(e.description), e.aliases.length);
    for (const alias of e.aliases) aliases.push(s(alias));
  }

  const edges: number[] = [];
  const edgeClaims: number[] = [];
  for (const edge of state.edges) {
    edges.push(s(edge.source), s(edge.target), s(edge.predicate), edge.claims.length);
    for (const claim of edge.claims) edgeClaims.push(s(claim));
  }

  const articles: number[] = [];
  const quality: number[] = [];
  for (const a of state.articles) {
    const p = a.published;
    articles.push(s(a.id), s(a.title), s(a.publisher), s(a.url), s(p?.value), s(p?.precision), p ? (p.estimated ? 2 : 1) : 0);
    articles.push(s(a.language), s(a.sourceFile), s(a.contentHash), a.quality.length);
    for (const issue of a.quality) quality.push(s(issue));
  }

  const claims: number[] = [];
  const retractionSeqs: number[] = [];
  const evidence: number[] = [];
  const quotes: string[] = [];
  const oddQuoteAt: number[] = [];
  const oddQuotes: string[] = [];
  const offsets: number[] = [];
  const confidence: number[] = [];
  const evidenceSeqs: number[] = [];
  for (const record of state.claims) {
    const c = record.statement;
    const r = record.retraction;
    if (record.recorded.length !== record.evidence.length) throw new SnapshotError(`claim ${c.id} has ${record.evidence.length} evidences but ${record.recorded.length} records of them`);
    claims.push(s(c.id), s(c.subject), s(c.predicate), s(c.object), s(c.value === null ? null : JSON.stringify(c.value)));
    claims.push(s(JSON.stringify(c.qualifiers)), c.negated ? 1 : 0, record.evidence.length, r ? s(r.reason) : 0, s(r?.at), s(r?.actor));
    retractionSeqs.push(r ? seqOf(r.seq) : NO_SEQ);
    record.evidence.forEach((e, i) => {
      const recorded = record.recorded[i]!;
      evidence.push(s(e.claimId), s(e.articleId), s(e.modality), s(e.attributedTo), s(e.method), s(recorded.at), s(recorded.actor));
      if (e.quote.isWellFormed()) quotes.push(e.quote);
      else {
        oddQuoteAt.push(quotes.length);
        oddQuotes.push(e.quote);
        quotes.push('');
      }
      offsets.push(e.start, e.end);
      confidence.push(e.confidence);
      evidenceSeqs.push(seqOf(recorded.seq));
    });
  }

  const redirects: number[] = [];
  for (const [from, to] of state.redirects) redirects.push(s(from), s(to));

  const changed: number[] = [];
  const changes: number[] = [];
  const changeSeqs: number[] = [];
  for (const [id, list] of state.changes) {
    changed.push(s(id), list.length);
    for (const c of list) {
      changes.push(s(c.at), s(c.actor), s(c.type), s(c.summary));
      changeSeqs.push(seqOf(c.seq));
    }
  }

  const indexes = {} as Record<IdIndexName, IdColumns>;
  for (const name of ID_INDEXES) {
    const keys: number[] = [];
    const counts: number[] = [];
    const ids: number[] = [];
    for (const [key, list] of state.indexes[name]) {
      keys.push(s(key));
      let count = 0;
      for (const id of list) {
        ids.push(s(id));
        count++;
      }
      counts.push(count);
    }
    indexes[name] = { keys: Uint32Array.from(keys), counts: Uint32Array.from(counts), ids: Uint32Array.from(ids) };
  }

  return {
    strings: table.strings,
    version: state.version,
    entities: Uint32Array.from(entities),
    aliases: Uint32Array.from(aliases),
    edges: Uint32Array.from(edges),
    edgeClaims: Uint32Array.from(edgeClaims),
    articles: Uint32Array.from(articles),
    quality: Uint32Array.from(quality),
    claims: Uint32Array.from(claims),
    retractionSeqs: Float64Array.from(retractionSeqs),
    evidence: Uint32Array.from(evidence),
    ...quoteColumns(quotes),
    oddQuoteAt: Uint32Array.from(oddQuoteAt),
    oddQuotes,
    offsets: Float64Array.from(offsets),
    confidence: Float64Array.from(confidence),
    evidenceSeqs: Float64Array.from(evidenceSeqs),
    redirects: Uint32Array.from(redirects),
    changed: Uint32Array.from(changed),
    changes: Uint32Array.from(changes),
    changeSeqs: Float64Array.from(changeSeqs),
    indexes,
  };
}

function quoteColumns(quotes: string[]): Pick<Payload, 'quoteText' | 'quoteEnds'> {
  const quoteEnds = new Float64Array(quotes.length);
  let bytes = 0;
  quotes.forEach((quote, i) => (quoteEnds[i] = bytes += Buffer.byteLength(quote, 'utf8')));
  const quoteText = Buffer.allocUnsafe(bytes);
  quotes.forEach((quote, i) => quoteText.write(quote, i === 0 ? 0 : quoteEnds[i - 1]!, 'utf8'));
  return { quoteText, quoteEnds };
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
  private readonly strings: (string | null)[];
  private readonly claims: Uint32Array;
  private readonly retractionSeqs: Float64Array;
  private readonly evidence: Uint32Array;
  private readonly quoteText: Buffer;
  private readonly quoteEnds: Float64Array;
  private readonly oddQuotes = new Map<number, string>();
  private readonly offsets: Float64Array;
  private readonly confidence: Float64Array;
  private readonly evidenceSeqs: Float64Array;
  /** Where each claim's evidence begins in the evidence columns; one more entry for the end. */
  private readonly evidenceAt: Uint32Array;
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
