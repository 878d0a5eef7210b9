/**
 * The shapes the graph hands out: domain records plus what the graph derives for them.
 */

import type { Article, ClaimStatement, Entity, Evidence, Mention, Predicate } from '../model/index.ts';

/** Where in the fact log a change was recorded, when, and by whom. */
export interface Recorded {
  seq: number | null;
  at: string | null;
  actor: string | null;
}

export interface Retraction extends Recorded {
  reason: string;
}

export interface ClaimRecord {
  statement: ClaimStatement;
  /** Every passage that states the claim, in the order the facts arrived. */
  evidence: Evidence[];
  /** When each evidence was recorded: `recorded[i]` goes with `evidence[i]`. */
  recorded: Recorded[];
  retraction: Retraction | null;
}

export type ClaimRank = 'NORMAL' | 'DEPRECATED';

export type ClaimRole = 'SUBJECT' | 'OBJECT' | 'ANY';

export interface ClaimFilter {
  /** Claims in which this entity plays the role (symmetric claims count both ends). */
  about?: { entity: string; role: ClaimRole };
  subject?: string;
  object?: string;
  predicate?: Predicate;
  article?: string;
  modality?: Evidence['modality'];
  /** Keep claims whose startTime/endTime qualifiers include this date (any ISO prefix). */
  validAt?: string;
  /** Keep claims some article published on or before this date states (what was known then). */
  knownAt?: string;
  /** Retracted claims are left out unless this is set. */
  includeDeprecated?: boolean;
}

export type { Article, Entity, Evidence, Mention };
