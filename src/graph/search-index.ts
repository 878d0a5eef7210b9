/**
 * SearchIndex: ranked full-text search over entity names and aliases, article titles and
 * bodies, and claim text, kept in SQLite's FTS5 (BM25 ranking, prefix queries, highlights);
 * with it, in the same file, the article bodies and entity mentions the graph reads on demand
 * instead of holding in memory.
 *
 * The file lives beside the fact log and remembers the last log position it has indexed, so a
 * restart replays the log into the graph without indexing it again. Entity names and aliases
 * are also held in memory: entities are looked up there first, and only when they do not fill
 * the page is the full-text index asked for articles and claims. The same in-memory index
 * catches typos in names ("Lecia") when nothing else named an entity. Every hit says which of
 * its fields matched which terms, and where in the text the first match sits.
 */

import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { Article, Entity, Mention } from '../model/index.ts';
import { Memo } from '../memo.ts';
import { MENTION_SCHEMA, MentionIndex } from './mention-index.ts';
import { NameIndex, WORD, fold, type NameMatch } from './name-index.ts';

export type SearchHitKind = 'ENTITY' | 'ARTICLE' | 'CLAIM';
export type SearchField = 'NAME' | 'ALIAS' | 'TITLE' | 'BODY' | 'CLAIM_TEXT';

export interface SearchMatch {
  field: SearchField;
  terms: string[];
  /** Where the first matching term sits in the field's text. */
  start: number;
  end: number;
  /** The words around it, for display. */
  snippet: string;
}

export interface SearchHit {
  id: string;
  kind: SearchHitKind;
  score: number;
  matches: SearchMatch[];
}

/** Longest query the index will look at; longer input is cut, not refused. */
export const MAX_QUERY_LENGTH = 500;
/** Most terms of a query that are searched for. */
const MAX_TERMS = 32;
/**
 * Documents a term may be in and still be searched for on its own, when not every term of a
 * query matched; counting stops here, so telling a common term costs no more than this.
 */
const COMMON = 2000;
/** Most matching articles and claims ranked by BM25 before the newest are listed first instead. */
const RANKED_UP_TO = 2000;
/** Documents indexed in one transaction while replaying (see `SearchIndex.bulk`). */
const BULK_COMMIT_EVERY = 50_000;
/** How much of the file SQLite reads through a memory map rather than by copying pages. */
const MMAP_BYTES = 4 * 2 ** 30;
/**
 * A replay that indexed at least this share of the documents the index then holds ends by
 * merging the index into one segment (see `bulk`).
 */
const MERGE_AFTER_SHARE = 0.1;
/** Most document counts kept between changes to the index. */
const MAX_KEPT_COUNTS = 10_000;

/** The searched fields, each held by documents of one kind only. */
const FIELDS = [
  { column: 'name', field: 'NAME', weight: 10, kind: 'ENTITY' },
  { column: 'aliases', field: 'ALIAS', weight: 8, kind: 'ENTITY' },
  { column: 'title', field: 'TITLE', weight: 4, kind: 'ARTICLE' },
  { column: 'body', field: 'BODY', weight: 1, kind: 'ARTICLE' },
  { column: 'text', field: 'CLAIM_TEXT', weight: 3, kind: 'CLAIM' },
] as const;

/** How the full-text index cuts text into words: letters and digits, case and diacritics folded. */
const TOKENIZER = 'unicode61 remove_diacritics 2';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE VIRTUAL TABLE IF NOT EXISTS docs USING fts5(
    kind UNINDEXED, id UNINDEXED, ${FIELDS.map((f) => f.column).join(', ')},
    tokenize = '${TOKENIZER}'
  );
  CREATE TABLE IF NOT EXISTS doc_ids (id TEXT PRIMARY KEY, doc INTEGER NOT NULL) WITHOUT ROWID;
`;

/** Each column's weight in BM25: kind and id are not searched. */
const WEIGHTS = `0, 0, ${FIELDS.map((f) => f.weight).join(', ')}`;
/** BM25 with each field weighed; lower is better. */
const BM25 = `bm25(docs, ${WEIGHTS})`;

const KINDS: readonly SearchHitKind[] = ['ENTITY', 'ARTICLE', 'CLAIM'];

/** The in-memory name index's fields, weighed against each other as in the full-text index. */
const NAME_FIELDS = [
  { key: 'name', field: 'NAME' },
  { key: 'aliases', field: 'ALIAS' },
] as const;
const NAME_BOOST = { name: FIELDS[0].weight, aliases: FIELDS[1].weight };
/** Typo matches weigh the name above an alias. */
const NEAR_BOOST = { name: 2, aliases: 1 };

type Document = { kind: SearchHitKind; id: string } & Partial<Record<(typeof FIELDS)[number]['column'], string>>;

export class SearchIndex {
  private readonly db: DatabaseSync;
  private readonly statements: Record<'find' | 'count' | 'matching' | 'scoredRows' | 'best' | 'newest' | 'row' | 'highlighted' | 'insert' | 'update' | 'link' | 'unlink' | 'remove' | 'body' | 'setMeta' | 'longer', StatementSync>;
  /**
   * Every entity's name and aliases, cut into words and folded as the full-text index does
   * (letters, digits and their marks; case and diacritics ignored), so an entity is found here
   * by exactly the words that would find it there.
   */
  private readonly names = new NameIndex();
  readonly mentions: MentionIndex;
  /** Largest set of matching articles and claims that is ranked by BM25 (see `documents`). */
  private readonly rankedUpTo: number;
  /** Documents indexed in one transaction while replaying (see `bulk`). */
  private readonly bulkCommitEvery: number;
  /** Log position of the last batch indexed; batches at or before it are already in the index. */
  indexedSeq = 0;
  #writing = false;
  /** The indexed position as last committed. */
  readonly #indexedSeqOnDisk: () => number;
  /**
   * Set while a replay's batches share transactions (see `bulk`): documents changed since the
   * last commit, and in the whole replay.
   */
  #bulk: { changes: number; total: number } | null = null;
  /** Document counts by query, while the index is unchanged (see `count`). */
  readonly #counts = new Memo<string, number>(MAX_KEPT_COUNTS);
  /** Whether a word starts longer ones, while the index is unchanged (see `startsLongerWord`). */
  readonly #startsLonger = new Memo<string, boolean>(MAX_KEPT_COUNTS);

  /**
   * Opens the index at `path` (`:memory:` by default). `origin` names the fact log it indexes;
   * an index built from another log is emptied and rebuilt.
   */
  constructor(
    path = ':memory:',
    origin = '',
    { rankedUpTo = RANKED_UP_TO, bulkCommitEvery = BULK_COMMIT_EVERY }: { rankedUpTo?: number; bulkCommitEvery?: number } = {},
  ) {
    this.rankedUpTo = rankedUpTo;
    this.bulkCommitEvery = bulkCommitEvery;
    this.db = new DatabaseSync(path);
    this.db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA mmap_size = ${MMAP_BYTES};`);
    this.db.exec(SCHEMA);
    this.db.exec(MENTION_SCHEMA);
    // The index's words, for `startsLongerWord`; per connection, so nothing is added to the file.
    this.db.exec('CREATE VIRTUAL TABLE temp.doc_words USING fts5vocab(main, docs, row)');
    const getMeta = this.db.prepare('SELECT value FROM meta WHERE key = ?');
    const meta = (key: string) => (getMeta.get(key) as { value: string } | undefined)?.value;
    if ((meta('origin') ?? origin) !== origin) this.db.exec('DELETE FROM docs; DELETE FROM doc_ids; DELETE FROM mentions; DELETE FROM meta;');
    this.indexedSeq = Number(meta('indexedSeq') ?? 0);
    this.#indexedSeqOnDisk = () => Number(meta('indexedSeq') ?? 0);
    this.statements = {
      find: this.db.prepare('SELECT doc FROM doc_ids WHERE id = ?'),
      count: this.db.prepare('SELECT count(*) AS n FROM (SELECT rowid FROM docs WHERE docs MATCH ? LIMIT ?)'),
      matching: this.db.prepare('SELECT rowid FROM docs WHERE docs MATCH ? LIMIT ?'),
      scoredRows: this.db.prepare(`SELECT rowid, ${BM25} AS score FROM docs WHERE docs MATCH ?`),
      // A rowid bound from JavaScript arrives as a real number, which FTS5 does not take as a rowid constraint.
      // The matching documents ranked by rowid alone, and only the best (the second parameter) read.
      best:
        this.db.prepare(`SELECT ${ROW}, score FROM (SELECT rowid AS best, ${BM25} AS score FROM docs WHERE docs MATCH ? ORDER BY score, rowid LIMIT ?) ` +
        'JOIN docs ON docs.rowid = best ORDER BY score, best'),
      // Newest first reads no BM25 at all: its statistics are what that order avoids.
      newest: this.db.prepare(`SELECT ${ROW} FROM docs WHERE docs MATCH ? ORDER BY rowid DESC LIMIT ?`),
      row: this.db.prepare(`SELECT ${ROW} FROM docs WHERE rowid = CAST(? AS INTEGER)`),
      highlighted: this.db.prepare(`SELECT ${HIGHLIGHTS} FROM docs WHERE docs MATCH ? AND rowid = CAST(? AS INTEGER)`),
      insert: this.db.prepare(`INSERT INTO docs (kind, id, ${FIELDS.map((f) => f.column).join(', ')}) VALUES (?, ?, ?, ?, ?, ?, ?)`),
      update: this.db.prepare(`UPDATE docs SET ${FIELDS.map((f) => `${f.column} = ?`).join(', ')} WHERE rowid = ?`),
      link: this.db.prepare('INSERT INTO doc_ids (id, doc) VALUES (?, ?)'),
      unlink: this.db.prepare('DELETE FROM doc_ids WHERE id = ?'),
      remove: this.db.prepare('DELETE FROM docs WHERE rowid = ?'),
      body: this.db.prepare('SELECT d.body AS body FROM doc_ids i JOIN docs d ON d.rowid = i.doc WHERE i.id = ?'),
      setMeta: this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      longer: this.db.prepare('SELECT 1 FROM temp.doc_words WHERE term > ? AND term < ? LIMIT 1'),
    };
    this.statements.setMeta.run('origin', origin);
    this.mentions = new MentionIndex(this.db);
  }

  addMention(mention: Mention): void {
    if (this.#writing) this.mentions.add(mention);
  }

  /** A merge: the merged entity's mentions become the kept one's. */
  moveMentions(from: string, to: string): void {
    if (this.#writing) this.mentions.moveEntity(from, to);
  }

  /** A batch is being indexed (see `begin`). */
  get writing(): boolean {
    return this.#writing;
  }

  /**
   * Starts a batch of changes; returns false when the batch ending at `lastSeq` is already
   * indexed, in which case the changes that follow are ignored until `end`.
   */
  begin(lastSeq: number | null): boolean {
    this.#writing = lastSeq === null || lastSeq > this.indexedSeq;
    if (this.#writing && !this.#bulk) this.db.exec('BEGIN');
    return this.#writing;
  }

  end(lastSeq: number | null): void {
    if (!this.#writing) return;
    if (lastSeq !== null) {
      this.indexedSeq = lastSeq;
      this.statements.setMeta.run('indexedSeq', String(lastSeq));
    }
    this.#writing = false;
    if (!this.#bulk) this.db.exec('COMMIT');
    else if (this.#bulk.changes >= this.bulkCommitEvery) {
      this.db.exec('COMMIT; BEGIN');
      this.#bulk.changes = 0;
    }
  }

  /**
   * Undoes a batch that failed part-way. In bulk mode that undoes every batch since the last
   * commit as well (with the indexed position), so the caller must stop applying batches.
   */
  abort(): void {
    if (this.#bulk) this.#rollBackBulk();
    else if (this.#writing) {
      this.db.exec('ROLLBACK');
      this.#changed();
    }
    this.#writing = false;
  }

  #rollBackBulk(): void {
    this.db.exec('ROLLBACK');
    this.#changed();
    // Rolled back to a commit made while the replay was still filling the mentions.
    this.mentions.restoreEntityIndex();
    this.#bulk = null;
    this.indexedSeq = this.#indexedSeqOnDisk();
  }

  /**
   * Runs `work`, a replay of many batches, with their changes gathered into transactions of
   * about BULK_COMMIT_EVERY documents rather than one per batch: FTS5 writes a segment per
   * transaction and keeps merging them, and with a transaction per batch the first start at
   * 100,000 claims took 18.5 s instead of 8.4 s. The indexed position is committed with the
   * documents, so a crash mid-way leaves an index that is behind, never ahead.
   *
   * A replay that indexed a large share of the documents (MERGE_AFTER_SHARE) ends by merging
   * the index's segments into one. FTS5 finds the documents holding every word of a query by
   * seeking through each word's list of documents in every segment; the first start at
   * 1,000,000 claims left 11 segments, and a query pairing a rare name with common model words
   * ("Koris Orbit 5 Plus") took 11.6 ms over them against 2.0 ms over one. The merge took 4.9 s
   * there, beside a first start of three minutes; a replay of a few batches skips it.
   */
  async bulk<T>(work: () => Promise<T>): Promise<T> {
    if (this.#bulk) return work();
    this.#bulk = { changes: 0, total: 0 };
    this.db.exec('BEGIN');
    let indexed = 0;
    let result: T;
    try {
      this.mentions.deferEntityIndex();
      result = await work();
      if (this.#bulk) {
        this.mentions.restoreEntityIndex();
        this.db.exec('COMMIT');
        indexed = this.#bulk.total;
      }
    } catch (error) {
      if (this.#bulk) this.#rollBackBulk();
      throw error;
    } finally {
      this.#bulk = null;
    }
    // After the commit, in a transaction of its own: a merge that fails leaves the replay's
    // documents committed, and the index as valid as before it.
    if (indexed > 0 && indexed >= MERGE_AFTER_SHARE * this.#highestRow()) this.#mergeSegments();
    return result;
  }

  /**
   * The highest row of the full-text table: at least the number of documents it holds, read
   * from the end of its B-tree. Counting the documents instead reads every row of the ID table,
   * 1.3 s at 1,000,000 claims when its pages are not in memory, on every start that replays.
   */
  #highestRow(): number {
    return (this.db.prepare('SELECT max(rowid) AS n FROM docs').get() as { n: number | null }).n ?? 0;
  }

  /** How many segments the full-text index is written in (for tests and diagnosis). */
  segmentCount(): number {
    return (this.db.prepare('SELECT count(DISTINCT segid) AS n FROM docs_idx').get() as { n: number }).n;
  }

  /** Merges the full-text index into one segment (FTS5's 'optimize'). */
  #mergeSegments(): void {
    this.db.exec("INSERT INTO docs (docs) VALUES ('optimize')");
  }

  /** Names are kept in memory for typo-tolerant look-ups whether or not the batch is indexed. */
  addEntity(entity: Entity): void {
    this.rememberName(entity);
    if (this.#writing) this.put({ kind: 'ENTITY', id: entity.id, name: entity.name, aliases: entity.aliases.join(' | ') });
  }

  updateEntity(entity: Entity): void {
    this.addEntity(entity);
  }

  removeEntity(entity: Entity): void {
    this.names.delete(entity.id);
    if (this.#writing) this.remove(entity.id);
  }

  addArticle(article: Article): void {
    if (this.#writing) this.put({ kind: 'ARTICLE', id: article.id, title: article.title, body: article.body });
  }

  /** An article's body, as indexed. */
  body(articleId: string): string {
    return (this.statements.body.get(articleId) as { body: string } | undefined)?.body ?? '';
  }

  addClaim(id: string, text: string): void {
    if (this.#writing) this.put({ kind: 'CLAIM', id, text });
  }

  removeClaim(id: string): void {
    if (this.#writing) this.remove(id);
  }

  close(): void {
    this.db.close();
  }

  private rememberName(entity: Entity): void {
    this.names.set(entity.id, { name: entity.name, aliases: entity.aliases.join(' | ') });
  }

  /** Forgets what was kept about the index's contents, which have just changed. */
  #changed(): void {
    this.#counts.clear();
    this.#startsLonger.clear();
  }

  private put(document: Document): void {
    this.#changed();
    if (this.#bulk) {
      this.#bulk.changes++;
      this.#bulk.total++;
    }
    const values = FIELDS.map((f) => document[f.column] ?? null);
    const existing = this.statements.find.get(document.id) as { doc: number } | undefined;
    if (existing) this.statements.update.run(...values, existing.doc);
    else {
      const { lastInsertRowid } = this.statements.insert.run(document.kind, document.id, ...values);
      this.statements.link.run(document.id, lastInsertRowid);
    }
  }

  private remove(id: string): void {
    this.#changed();
    const existing = this.statements.find.get(id) as { doc: number } | undefined;
    if (!existing) return;
    this.statements.remove.run(existing.doc);
    this.statements.unlink.run(id);
  }

  /**
   * Ranked hits for `query`. First the entities whose name and aliases hold every term, from
   * memory; when they fill `limit`, that is the answer. Otherwise the articles and claims
   * holding every term follow (BM25), then, when those are still fewer than `limit`, documents
   * holding some of the rarer terms, then, when no entity matched, entity names a small typo
   * away; each group ranked below the one before. The last term may be the start of a word.
   */
  search(query: string, limit: number, kinds?: readonly SearchHitKind[]): SearchHit[] {
    const terms = [...new Set(query.slice(0, MAX_QUERY_LENGTH).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].slice(0, MAX_TERMS);
    if (terms.length === 0 || limit < 1 || kinds?.length === 0) return [];
    const prefix = terms.at(-1)!.length >= 3;
    const hits = !kinds || kinds.includes('ENTITY') ? this.namedEntities(terms, prefix, limit) : [];
    if (hits.length >= limit) return hits;
    const phrases = terms.map((term, i): Phrase => ({ term, prefix: i === terms.length - 1 && prefix }));
    // Entities holding every term are all among those found in memory, which hold the same words.
    const others = (kinds ?? KINDS).filter((k) => k !== 'ENTITY');
    if (others.length > 0) {
      // The words as typed first; the last as the start of a longer word only to fill the page,
      // since expanding a short prefix over the whole index is the costliest query there is.
      const exact = terms.map((term): Phrase => ({ term, prefix: false }));
      hits.push(...scaledUnder(hits, this.documents(exact, limit - hits.length, others)));
      if (prefix && hits.length < limit && this.startsLongerWord(terms.at(-1)!)) {
        const seen = new Set(hits.map((h) => h.id));
        const started = this.documents(phrases, limit, others).filter((h) => !seen.has(h.id));
        hits.push(...scaledUnder(hits, started.slice(0, limit - hits.length)));
      }
    }
    if (hits.length < limit && phrases.length > 1) {
      // Some of the terms: only the rarer ones, since a document that shares nothing with the
      // query but a word in every tenth document is no answer, and ranking all of those is what
      // makes a broad query slow.
      const rare = phrases.filter((p) => this.isRare(p));
      if (rare.length > 0) {
        const seen = new Set(hits.map((h) => h.id));
        const some = this.ranked(new Sought(rare, ' OR ', kinds), limit).filter((h) => !seen.has(h.id));
        hits.push(...scaledUnder(hits, some.slice(0, limit - hits.length)));
      }
    }
    if ((!kinds || kinds.includes('ENTITY')) && !hits.some((h) => h.kind === 'ENTITY') && hits.length < limit) {
      hits.push(...this.fuzzyNames(terms, limit - hits.length, hits.at(-1)?.score ?? 1));
    }
    return hits;
  }

  /**
   * The best `limit` entities whose name and aliases hold every term (the last as a prefix when
   * `prefix`), by the in-memory index's BM25, the name weighing more than an alias.
   */
  private namedEntities(terms: string[], prefix: boolean, limit: number): SearchHit[] {
    return this.names.every(terms, prefix, limit, { boost: NAME_BOOST }).map((match) => nameHit(match, round(match.score)));
  }

  /**
   * Articles and claims of `kinds` holding every one of `phrases`. BM25's statistics are
   * gathered over every document holding each phrase, on every query, which for a common word
   * means much of the index; so they are gathered only for the rarer phrases (in at most COMMON
   * documents), ranking the documents that hold every phrase by those. When more than
   * `rankedUpTo` documents hold them all, or none of the phrases is rare, the most recently
   * added come first instead, scored in that order. Only the returned rows are read.
   */
  private documents(phrases: readonly Phrase[], limit: number, kinds: readonly SearchHitKind[]): SearchHit[] {
    if (limit < 1) return [];
    const sought = new Sought(phrases, ' ', kinds);
    const rare = phrases.filter((p) => this.isRare(p));
    if (rare.length === 0 || this.count(sought.match, this.rankedUpTo + 1) > this.rankedUpTo) {
      const rows = this.statements.newest.all(sought.match, limit) as Row[];
      return rows.map((row, i) => this.#hit(row, (rows.length - i) / (rows.length + 1), sought));
    }
    if (rare.length === phrases.length) return this.ranked(sought, limit);
    // Score the documents holding the rarer phrases, keep those holding every phrase, and read
    // the few returned. The scores come unsorted: sorting in SQLite costs more than the
    // scoring, and most rows are dropped.
    const holding = new Set((this.statements.matching.all(sought.match, this.rankedUpTo) as { rowid: number }[]).map((r) => r.rowid));
    const scored = (this.statements.scoredRows.all(matchOf(rare, ' ', kinds)) as { rowid: number; score: number }[])
      .filter((row) => holding.has(row.rowid))
      .sort((a, b) => a.score - b.score);
    return scored.slice(0, limit).map(({ rowid, score }) => this.#hit(this.statements.row.get(rowid) as Row, -score, sought));
  }

  /**
   * A matching row as a hit, with where in each field the words sought stand: found here when
   * the words and every field's text allow it (see `Sought.locate`), and otherwise by FTS5's own
   * highlight of the row.
   */
  #hit(row: Row, score: number, sought: Sought): SearchHit {
    const matches = sought.locate(row) ?? this.highlights(row.rowid, sought.match);
    return { id: row.id, kind: row.kind, score: round(score), matches };
  }

  /** What FTS5 marks as matching `match` in each field of the document at `rowid`. */
  private highlights(rowid: number, match: string): SearchMatch[] {
    const marked = this.statements.highlighted.get(match, rowid) as Record<string, string | null>;
    return FIELDS.flatMap((f, i) => {
      const found = located(f.field, marked[`h${i}`] ?? null);
      return found ? [found] : [];
    });
  }

  /**
   * How many documents hold an FTS5 query, counting no further than `upTo`. A search asks this
   * of each of its words, often more than once, and a word's count stands until the index next
   * changes, so counts are kept until then (at most MAX_KEPT_COUNTS of them).
   */
  private count(match: string, upTo: number): number {
    return this.#counts.get(`${upTo} ${match}`, () => (this.statements.count.get(match, upTo) as { n: number }).n);
  }

  /** The best `limit` documents for a query by BM25, each with what it matched where. */
  private ranked(sought: Sought, limit: number): SearchHit[] {
    const rows = this.statements.best.all(sought.match, limit) as (Row & { score: number })[];
    return rows.map((row) => this.#hit(row, -row.score, sought));
  }

  /**
   * Whether the index holds a word that starts with `term` and is longer: when it holds none,
   * the term taken as a prefix finds exactly the documents the word itself found, and that
   * second query is skipped. Only a term of ASCII letters and digits is looked up, since the
   * index keeps words folded (diacritics removed) and the term would need the same folding;
   * any other term is taken to start longer words. Kept, like counts, until the index changes.
   */
  private startsLongerWord(term: string): boolean {
    if (!ASCII_WORD.test(term)) return true;
    return this.#startsLonger.get(term, () => this.statements.longer.get(term, `${term}\u{10FFFF}`) !== undefined);
  }

  /** Whether at most COMMON documents hold the phrase; counts no further than that. */
  private isRare(phrase: Phrase): boolean {
    return this.count(quoted(phrase), COMMON + 1) <= COMMON;
  }

  /** Entities whose names are a small typo away from the query, ranked after the exact hits. */
  private fuzzyNames(terms: string[], limit: number, below: number): SearchHit[] {
    const results = this.names.near(terms, limit, { boost: NEAR_BOOST });
    const top = results[0]?.score ?? 1;
    // Scaled under the weakest exact hit, so a typo never outranks a real match.
    return results.map((match) => nameHit(match, round((below * 0.5 * match.score) / top)));
  }
}

/** An entity found in memory, with where in its name and aliases the words it matched are. */
function nameHit(match: NameMatch, score: number): SearchHit {
  const matches = NAME_FIELDS.flatMap(({ key, field }) =>
    match.matched[key].length > 0 ? [plainMatch(field, match.matched[key], match.text[key])] : []);
  return { id: match.id, kind: 'ENTITY', score, matches };
}

/** `hits` ranked strictly below the last of `above`, keeping their own order. */
function scaledUnder(above: readonly SearchHit[], hits: SearchHit[]): SearchHit[] {
  const floor = above.at(-1)?.score;
  const top = hits[0]?.score ?? 1;
  return floor === undefined ? hits : hits.map((hit) => ({ ...hit, score: round((floor * 0.5 * hit.score) / top) }));
}

/** A row of the FTS5 table as the search statements select it. */
export type Row = { rowid: number; kind: SearchHitKind; id: string } & Partial<Record<(typeof FIELDS)[number]['column'], string | null>>;
const ROW = `docs.rowid AS rowid, kind, id, ${FIELDS.map((f) => f.column).join(', ')}`;

/** Each field with its matched terms between \u0001 and \u0002, as h0…h4. */
const HIGHLIGHTS = FIELDS.map((_f, i) => `highlight(docs, ${i + 2}, char(1), char(2)) AS h${i}`).join(', ');

/** A word of a query, to be found as typed or, as `prefix`, as the start of longer words. */
export interface Phrase {
  term: string;
  prefix: boolean;
}

/** The phrase in FTS5's syntax: quoted, so nothing a user types is read as an operator. */
const quoted = (p: Phrase) => `"${p.term}"${p.prefix ? '*' : ''}`;

/** An FTS5 query for `phrases` joined by `joiner`, kept to the columns of `kinds` (all by default). */
function matchOf(phrases: readonly Phrase[], joiner: ' ' | ' OR ', kinds?: readonly SearchHitKind[]): string {
  const expression = phrases.map(quoted).join(joiner);
  const columns = FIELDS.filter((f) => kinds?.includes(f.kind) ?? true).map((f) => f.column);
  return columns.length < FIELDS.length ? `{${columns.join(' ')}} : (${expression})` : expression;
}

/** Code points up to here are asked about: the Basic Multilingual Plane, and the emoji and symbols above it. */
const FLAGGED_UP_TO = 0x1fc00;

let separators: Uint8Array | null = null;

/** Characters that are never separators there: letters, numbers and private use; above the plane, unassigned ones too. */
const WORD_IN_PLANE = /[\p{L}\p{N}\p{Co}]/u;
const WORD_ABOVE_PLANE = /[\p{L}\p{N}\p{Co}\p{Cn}]/u;

/**
 * Which characters outside ASCII the full-text index's tokenizer reads as separators, as one flag
 * per code point below FLAGGED_UP_TO. FTS5 knows Unicode 6.1, and a character assigned since reads
 * there as part of a word whatever its category now (the bitcoin sign, U+20BF, for one), while an
 * emoji's variation selector, a mark, separates words. So FTS5 itself is asked, once per process
 * and on the first search that needs it (59–70 ms here): each candidate stands between two
 * one-letter words, and it separates them when highlight() marks both. The candidates are the
 * characters JavaScript reads as neither a letter, a number nor private use (which FTS5 reads as
 * part of a word), and above the Basic Multilingual Plane only those assigned; the two
 * noncharacters that end the plane are separators there.
 */
export function separatorFlags(): Uint8Array {
  if (separators) return separators;
  const candidates: string[] = [];
  for (let code = 0x80; code < FLAGGED_UP_TO; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const char = String.fromCodePoint(code);
    if (!(code > 0xffff ? WORD_ABOVE_PLANE : WORD_IN_PLANE).test(char)) candidates.push(char);
  }
  const db = new DatabaseSync(':memory:');
  try {
    db.exec(`CREATE VIRTUAL TABLE probe USING fts5(x, tokenize = '${TOKENIZER}')`);
    db.prepare('INSERT INTO probe (x) VALUES (?)').run(candidates.map((char) => `q${char}q`).join(' '));
    const { marked } = db.prepare("SELECT highlight(probe, 0, '[', ']') AS marked FROM probe WHERE probe MATCH 'q'").get() as { marked: string };
    const flags = new Uint8Array(FLAGGED_UP_TO);
    marked.split(' ').forEach((chunk, i) => {
      const char = candidates[i]!;
      if (chunk === `[q]${char}[q]`) flags[char.codePointAt(0)!] = 1;
    });
    separators = flags;
    return flags;
  } finally {
    db.close();
  }
}

/**
 * Whether every character of `text` is ASCII or a separator. In such text FTS5's tokens are the
 * runs of ASCII letters and digits, folded by lower-casing them.
 */
function plain(text: string): boolean {
  const flags = separatorFlags();
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code < 0x80) continue;
    if (flags[code] !== 1) return false;
    if (code > 0xffff) i++;
  }
  return true;
}

/** A query word of ASCII letters and digits only (query words are lower-cased). */
const ASCII_WORD = /^[a-z0-9]+$/;

/** An ASCII letter or digit, lower-cased. */
const isWordCode = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);

/**
 * What a full-text query looks for: its FTS5 match and, when its words are ASCII, the words
 * themselves, to find each token of a plain field that FTS5 would mark as matching them.
 * Finding them here reads the field's text once per word; FTS5's highlight() tokenizes all
 * five fields of each row returned, which was half the cost of ranking a page over the seed
 * corpus (115 µs a query against 58 µs without it, over the sample's words).
 */
export class Sought {
  readonly match: string;
  readonly #words: readonly Phrase[] | null;

  /**
   * The phrases joined by `joiner`, in documents of `kinds` (all by default). Each kind's
   * documents hold fields of their own, so the kinds are asked for as FTS5's filter on those
   * columns: the index then neither reads each matching row to know its kind nor ranks the other
   * kinds, and a word's BM25 weight is how rare it is among the kinds searched. Ranking every
   * match and keeping the kinds afterwards took 8.7-12.1 ms a query over the 1M corpus's sample
   * against 6.5 ms, and 1.18 ms over the 100k corpus's against 0.94-1.10.
   */
  constructor(phrases: readonly Phrase[], joiner: ' ' | ' OR ', kinds?: readonly SearchHitKind[]) {
    this.match = matchOf(phrases, joiner, kinds);
    this.#words = phrases.every((p) => ASCII_WORD.test(p.term)) ? phrases : null;
  }

  /**
   * Where the words stand in each field of `row`, as FTS5 would mark them; null when some
   * field's text is not plain.
   */
  locate(row: Row): SearchMatch[] | null {
    if (!this.#words) return null;
    const matches: SearchMatch[] = [];
    for (const { column, field } of FIELDS) {
      const text = row[column];
      if (!text) continue;
      if (!plain(text)) return null;
      const lower = text.toLowerCase();
      // Offsets into the lower-cased text are the text's own only while lower-casing keeps its length.
      if (lower.length !== text.length) return null;
      const found = this.#tokens(lower);
      if (found.length === 0) continue;
      const [start, end] = found[0]!;
      const terms = new Set(found.map(([from, to]) => lower.slice(from, to)));
      matches.push({ field, terms: [...terms], start, end, snippet: snippetOf(text, start, end) });
    }
    return matches;
  }

  /** Where the tokens of plain, lower-cased text that match a word start and end, in order. */
  #tokens(lower: string): [number, number][] {
    const tokens: [number, number][] = [];
    for (const { term, prefix } of this.#words!) {
      for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
        if (at > 0 && isWordCode(lower.charCodeAt(at - 1))) continue;
        let end = at + term.length;
        if (prefix) while (end < lower.length && isWordCode(lower.charCodeAt(end))) end++;
        else if (end < lower.length && isWordCode(lower.charCodeAt(end))) continue;
        tokens.push([at, end]);
      }
    }
    // A token two words match (a word and a prefix of it) is one token.
    tokens.sort((a, b) => a[0] - b[0]);
    return tokens.filter((t, i) => i === 0 || t[0] !== tokens[i - 1]![0]);
  }
}

/** The first highlighted run of a field, with the terms it matched; null when nothing matched. */
function located(field: SearchField, marked: string | null): SearchMatch | null {
  const start = marked ? marked.indexOf('\u0001') : -1;
  if (!marked || start < 0) return null;
  const close = marked.indexOf('\u0002', start);
  // Before the first run the text has no marks, so its offsets are the field's own.
  const end = close - 1;
  const terms = new Set<string>();
  for (let open = start; open >= 0; ) {
    const shut = marked.indexOf('\u0002', open);
    terms.add(marked.slice(open + 1, shut).toLowerCase());
    open = marked.indexOf('\u0001', shut);
  }
  // Only the text up to a little past the snippet is unmarked: an article body runs to many
  // kilobytes, and the snippet needs the first space 60 characters after the run.
  const reach = close + SNIPPET_REACH;
  const snippet =
    (reach < marked.length ? snippetWithin(unmarked(marked.slice(0, reach)), start, end, true) : null) ??
    snippetOf(unmarked(marked), start, end);
  return { field, terms: [...terms], start, end, snippet };
}

const unmarked = (marked: string) => marked.replace(/[\u0001\u0002]/g, '');

/** How far past the first run `located` unmarks text for its snippet before taking it all. */
const SNIPPET_REACH = 400;

/**
 * Where in `text` the first word stands whose folded form is one of `terms` (as the in-memory
 * index folds them), and which words, as written but lower-cased, matched.
 */
function plainMatch(field: SearchField, terms: string[], text: string): SearchMatch {
  const wanted = new Set(terms);
  const written = new Set<string>();
  let start = -1;
  let end = -1;
  for (const word of text.matchAll(WORD)) {
    if (!wanted.has(fold(word[0]))) continue;
    if (start < 0) [start, end] = [word.index, word.index + word[0].length];
    written.add(word[0].toLowerCase());
  }
  if (start < 0) return { field, terms, start: 0, end: 0, snippet: snippetOf(text, 0, 0) };
  return { field, terms: [...written], start, end, snippet: snippetOf(text, start, end) };
}

function snippetOf(text: string, start: number, end: number): string {
  return snippetWithin(text, start, end, false)!;
}

/**
 * The words around `start`–`end` of `text`, from a space 60 characters before to one 60 after.
 * When `text` is only the start of the field (`partial`), null if that does not reach far enough
 * to tell where the snippet ends.
 */
function snippetWithin(text: string, start: number, end: number, partial: boolean): string | null {
  const from = Math.max(0, text.lastIndexOf(' ', Math.max(0, start - 60)) + 1);
  const space = text.indexOf(' ', Math.min(text.length, end + 60));
  if (space < 0 && partial) return null;
  const to = space < 0 ? text.length : space;
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ')}${to < text.length ? '…' : ''}`;
}

/** Six significant digits: enough to keep a hit scaled under another strictly below it. */
function round(score: number): number {
  return Number(score.toPrecision(6));
}
