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

export const MENTION_SCHEMA = `
  CREATE TABLE IF NOT EXISTS mentions (
    article TEXT NOT NULL, entity TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    text TEXT NOT NULL, method TEXT NOT NULL,
    PRIMARY KEY (article, start, end, entity)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS mentions_by_entity ON mentions (entity, article, start);
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
  private readonly statements: Record<'insert' | 'move' | 'ofEntity' | 'inArticle' | 'articlesOf', StatementSync>;

  /** `db` must already hold MENTION_SCHEMA (the search index creates it with its own tables). */
  constructor(db: DatabaseSync) {
    this.statements = {
      insert: db.prepare('INSERT OR IGNORE INTO mentions (article, entity, start, end, text, method) VALUES (?, ?, ?, ?, ?, ?)'),
      // A merged entity's mentions become the kept one's; a span both already had is dropped.
      move: db.prepare('UPDATE OR REPLACE mentions SET entity = ? WHERE entity = ?'),
      ofEntity: db.prepare('SELECT * FROM mentions WHERE entity = ? ORDER BY article, start'),
      inArticle: db.prepare('SELECT * FROM mentions WHERE article = ? ORDER BY start, end'),
      articlesOf: db.prepare('SELECT DISTINCT article FROM mentions WHERE entity = ? ORDER BY article'),
    };
  }

  add(mention: Mention): void {
    const { articleId, entityId, start, end, text, method } = mention;
    this.statements.insert.run(articleId, entityId, start, end, text, method);
  }

  moveEntity(from: string, to: string): void {
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
