/**
 * ChangeLog: what happened to each entity and article, for `history(id)`: which fact touched
 * it, at which position in the log, when, and by whom. Claims keep their own history on their
 * records (each evidence and the retraction say when they were recorded), so the millions of
 * ClaimStated facts of a large corpus cost no entries here.
 */

import type { Fact } from '../model/index.ts';
import type { ClaimRecord, Recorded } from './records.ts';

/** One change to a node, for `history(id)`. */
export interface Change {
  seq: number | null;
  at: string | null;
  actor: string | null;
  type: Fact['type'];
  /** What changed, in a few words. */
  summary: string;
}

export type ChangeMeta = Recorded;

export class ChangeLog {
  /** Most nodes change once (they are added); their one change is kept without a list around it. */
  private readonly changes = new Map<string, Change | Change[]>();

  of(id: string, resolve: (id: string) => string): Change[] {
    const changes = this.changes.get(id) ?? this.changes.get(resolve(id));
    return changes === undefined ? [] : Array.isArray(changes) ? changes : [changes];
  }

  record(fact: Fact, meta: ChangeMeta, resolve: (id: string) => string): void {
    for (const [id, summary] of touched(fact, resolve)) {
      const change: Change = { seq: meta.seq, at: meta.at, actor: meta.actor, type: fact.type, summary };
      const known = this.changes.get(id);
      this.changes.set(id, known === undefined ? change : Array.isArray(known) ? [...known, change] : [known, change]);
    }
  }

  /** Every node's changes, for a snapshot. */
  *entries(): IterableIterator<[string, Change[]]> {
    for (const [id, changes] of this.changes) yield [id, Array.isArray(changes) ? changes : [changes]];
  }

  /** Sets a node's changes as a snapshot kept them. */
  restore(id: string, changes: Change[]): void {
    this.changes.set(id, changes.length === 1 ? changes[0]! : changes);
  }
}

/** The nodes a fact changes, each with a few words on how. */
function touched(fact: Fact, resolve: (id: string) => string): [string, string][] {
  // Mentions are many and say nothing new about a node; they are left out of its history.
  switch (fact.type) {
    case 'EntityAdded':
      return [[fact.entity.id, `added ${fact.entity.kind} "${fact.entity.name}"`]];
    case 'ArticleAdded':
      return [[fact.article.id, `added article "${fact.article.title}"`]];
    case 'AliasAdded':
      return [[resolve(fact.entityId), `alias "${fact.alias}" added`]];
    case 'ClaimStated':
    case 'ClaimRetracted':
      return [];
    case 'EntitiesMerged':
      return [
        [resolve(fact.keep), `${fact.merge} merged into it`],
        [fact.merge, `merged into ${resolve(fact.keep)}`],
      ];
    case 'MentionFound':
      return [];
  }
}

/** A claim's history: each evidence as it was recorded, then its retraction. */
export function claimHistory(record: ClaimRecord): Change[] {
  const changes: Change[] = record.evidence.map((e, i) => ({
    ...record.recorded[i]!,
    type: 'ClaimStated' as const,
    summary: `stated in ${e.articleId} at ${e.start}–${e.end} (${e.modality})`,
  }));
  changes.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  if (record.retraction) {
    const { reason, ...recorded } = record.retraction;
    changes.push({ ...recorded, type: 'ClaimRetracted', summary: `retracted: ${reason}` });
  }
  return changes;
}
