/**
 * What an extractor proposes: a statement, the span of the sentence it rests on, and how sure
 * the rule is. The pipeline turns drafts into checked claims with evidence (claims.ts).
 */

import type { PublishedDate } from '../../model/article.ts';
import type { Qualifiers } from '../../model/claim.ts';
import type { Modality } from '../../model/modality.ts';
import type { Predicate } from '../../model/predicate.ts';
import type { Value } from '../../model/value.ts';
import type { Discourse } from '../discourse.ts';
import type { SentenceView } from '../sentence-view.ts';

export interface ClaimDraft {
  subject: string;
  predicate: Predicate;
  object?: string | null;
  value?: Value | null;
  qualifiers?: Qualifiers;
  negated?: boolean;
  /** The rule's confidence, 0–1, before the mentions' own confidence is applied. */
  confidence: number;
  /** Sentence-relative span the statement rests on; its clause decides the modality. */
  anchor: [number, number];
  /** Set by rules that know better than the clause: a quotation is QUOTED. */
  modality?: Modality;
  attributedTo?: string | null;
}

export interface ExtractContext {
  discourse: Discourse;
  published: PublishedDate | null;
}

export type Extractor = (view: SentenceView, context: ExtractContext) => ClaimDraft[];
