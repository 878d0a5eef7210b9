/**
 * Facts: the typed records the graph is a projection of.
 *
 * Curated data, the ingestion pipeline and API writes all produce facts; the store keeps them
 * in order and the graph replays them. A fact never changes once written.
 */

import type { Article } from './article.ts';
import type { ClaimStatement, Evidence } from './claim.ts';
import type { Entity } from './entity.ts';
import type { Method } from './modality.ts';

export interface Mention {
  articleId: string;
  entityId: string;
  start: number;
  end: number;
  /** Exactly `article.body.slice(start, end)`. */
  text: string;
  method: Method;
}

export type Fact =
  | { type: 'ArticleAdded'; article: Article }
  | { type: 'EntityAdded'; entity: Entity }
  | { type: 'AliasAdded'; entityId: string; alias: string }
  | { type: 'MentionFound'; mention: Mention }
  | { type: 'ClaimStated'; claim: ClaimStatement; evidence: Evidence }
  | { type: 'ClaimRetracted'; claimId: string; reason: string }
  | { type: 'EntitiesMerged'; keep: string; merge: string };

export type FactType = Fact['type'];
