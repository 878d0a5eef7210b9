/**
 * MentionIndex: every place an article names an entity, looked up from either side.
 *
 * Mentions are the most numerous facts a corpus has (a dozen or more per article), and a query
 * only ever wants those of one article or one entity, so they live in a table of the search
 * index's SQLite file rather than in memory. Writes happen only while the search index is
 * indexing a batch (see SearchIndex.begin), so a restart does not write them twice.
 */

import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Mention } from '../model/index.ts';

const BY_ENTITY = 'CREATE INDEX IF NOT EXISTS mentions_by_entity ON mentions (entity, article, start)';

export const MENTION_SCHEMA = `
  CREATE TABLE IF NOT EXISTS mentions (
    article TEXT NOT NULL, entity TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    text TEXT NOT NULL, method TEXT NOT NULL,
    PRIMARY KEY (article, start, end, entity)
  ) WITHOUT ROWID;
  ${BY_ENTITY};
`;

interface Row {
  article: string;
  entity: string;
  start: number;
  end: number;
  text: string;
  method: Mention['method'];
}

const toMention = (row: Row): Mention => ({
  articleId: row.article,
  entityId: row.entity,
  start: row.start,
  end: row.end,
  text: row.text,
  method: row.method,
});

export class MentionIndex {
  private readonly db: DatabaseSync;
  private readonly statements: Record<'insert' | 'move' | 'ofEntity' | 'inArticle' | 'articlesOf' | 'any', StatementSync>;
  /** Whether the by-entity index is left out while a first replay fills the table (see `deferEntityIndex`). */
  #deferred = false;

  /** `db` must already hold MENTION_SCHEMA (the search index creates it with its own tables). */
  constructor(db: DatabaseSync) {
    this.db = db;
    this.statements = {
      insert: db.prepare('INSERT OR IGNORE INTO mentions (article, entity, start, end, text, method) VALUES (?, ?, ?, ?, ?, ?)'),
      // A merged entity's mentions become the kept one's; a span both already had is dropped.
      move: db.prepare('UPDATE OR REPLACE mentions SET entity = ? WHERE entity = ?'),
      ofEntity: db.prepare('SELECT * FROM mentions WHERE entity = ? ORDER BY article, start'),
      inArticle: db.prepare('SELECT * FROM mentions WHERE article = ? ORDER BY start, end'),
      articlesOf: db.prepare('SELECT DISTINCT article FROM mentions WHERE entity = ? ORDER BY article'),
      any: db.prepare('SELECT 1 FROM mentions LIMIT 1'),
    };
  }

  /**
   * Called inside the transaction that starts a replay: when the table is empty, the index by
   * entity is dropped, to be built once by `restoreEntityIndex` from the filled table. Mentions
   * arrive article by article, so every insert into that index lands on a page of its own: at
   * 1,000,000 claims (2.7 million mentions) the inserts took 34 s with it and 4.3 s without,
   * and building it afterwards 2.5 s. A table that already holds mentions keeps its index, so a
   * restart that replays a few batches does not rebuild it.
   */
  deferEntityIndex(): void {
    if (this.statements.any.get()) return;
    this.db.exec('DROP INDEX IF EXISTS mentions_by_entity');
    this.#deferred = true;
  }

  /**
   * Builds the index by entity if it was deferred. Safe to call at any point: it is also what a
   * merge during the replay does first, since moving an entity's mentions needs the index, and
   * what a file left without it (by a replay that stopped part-way) gets when next opened.
   */
  restoreEntityIndex(): void {
    if (!this.#deferred) return;
    this.db.exec(BY_ENTITY);
    this.#deferred = false;
  }

  add(mention: Mention): void {
    const { articleId, entityId, start, end, text, method } = mention;
    this.statements.insert.run(articleId, entityId, start, end, text, method);
  }

  moveEntity(from: string, to: string): void {
    this.restoreEntityIndex();
    this.statements.move.run(to, from);
  }

  ofEntity(entityId: string): Mention[] {
    return (this.statements.ofEntity.all(entityId) as unknown as Row[]).map(toMention);
  }

  /** An article's mentions in reading order. */
  inArticle(articleId: string): Mention[] {
    return (this.statements.inArticle.all(articleId) as unknown as Row[]).map(toMention);
  }

  /** IDs of the articles that mention an entity. */
  articlesOf(entityId: string): string[] {
    return (this.statements.articlesOf.all(entityId) as unknown as { article: string }[]).map((r) => r.article);
  }
}
