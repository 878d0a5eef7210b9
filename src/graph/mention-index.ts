/**
 * MentionIndex: every place an article names an entity, looked up from either side.
 */

import type { Mention } from '../model/index.ts';

export class MentionIndex {
  private readonly byEntity = new Map<string, Mention[]>();
  private readonly byArticle = new Map<string, Mention[]>();

  /** Adds a mention; false when the same span already names the same entity. */
  add(mention: Mention): boolean {
    const inArticle = this.byArticle.get(mention.articleId) ?? [];
    if (inArticle.some((m) => m.start === mention.start && m.end === mention.end && m.entityId === mention.entityId)) return false;
    inArticle.push(mention);
    this.byArticle.set(mention.articleId, inArticle);
    const ofEntity = this.byEntity.get(mention.entityId) ?? [];
    ofEntity.push(mention);
    this.byEntity.set(mention.entityId, ofEntity);
    return true;
  }

  /** Forgets an entity's mentions and returns them, so a merge can re-add them elsewhere. */
  removeEntity(entityId: string): Mention[] {
    const removed = this.byEntity.get(entityId) ?? [];
    this.byEntity.delete(entityId);
    for (const mention of removed) {
      const list = this.byArticle.get(mention.articleId)!;
      list.splice(list.indexOf(mention), 1);
    }
    return removed;
  }

  ofEntity(entityId: string): Mention[] {
    return this.byEntity.get(entityId) ?? [];
  }

  /** An article's mentions in reading order. */
  inArticle(articleId: string): Mention[] {
    return [...(this.byArticle.get(articleId) ?? [])].sort((a, b) => a.start - b.start);
  }
}
