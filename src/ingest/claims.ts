/**
 * Claims: drafts become checked statements with evidence.
 *
 * Each draft is built with makeClaim and checked with claimProblems against the registry and
 * the candidates; one with a problem is dropped, never emitted. Its evidence is the whole
 * sentence it was read from, mapped to body offsets, with the modality of the draft's clause and
 * the sentence's attribution. The same statement read twice from one sentence is one evidence.
 */

import type { ClaimStatement, Evidence } from '../model/claim.ts';
import { claimProblems, makeClaim } from '../model/claim.ts';
import type { Entity } from '../model/entity.ts';
import type { Attribution } from './attribution.ts';
import type { ClaimDraft } from './extract/index.ts';
import { modalityOf } from './modality.ts';
import { toSource, type MappedText } from './offset-map.ts';
import type { SentenceView } from './sentence-view.ts';

export interface ExtractedClaim {
  claim: ClaimStatement;
  evidence: Evidence;
  /** Index of the sentence the evidence is. */
  sentence: number;
}

export interface ClaimInputs {
  articleId: string;
  body: string;
  /** The normalised text and its map back to the body. */
  normalised: MappedText;
  views: readonly SentenceView[];
  attributions: readonly Attribution[];
  drafts: ReadonlyMap<number, ClaimDraft[]>;
  entity: (id: string) => Entity | undefined;
}

export interface ClaimOutcome {
  claims: ExtractedClaim[];
  /** Drafts that failed claimProblems, with the problems found: for diagnosis, never emitted. */
  rejected: { draft: ClaimDraft; problems: string[] }[];
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export function buildClaims(inputs: ClaimInputs): ClaimOutcome {
  const { views, drafts, entity } = inputs;
  const claims: ExtractedClaim[] = [];
  const rejected: ClaimOutcome['rejected'] = [];
  const seen = new Map<string, ExtractedClaim>();
  for (const view of views) {
    const list = drafts.get(view.index);
    if (!list) continue;
    const span = toSource(inputs.normalised, view.start, view.end);
    const quote = inputs.body.slice(span.start, span.end);
    const attribution = inputs.attributions[view.index]!;
    for (const draft of list) {
      const parts = {
        subject: draft.subject,
        predicate: draft.predicate,
        object: draft.object ?? null,
        value: draft.value ?? null,
        qualifiers: draft.qualifiers ?? {},
        negated: draft.negated ?? false,
      };
      const problems = claimProblems(parts, entity);
      if (problems.length > 0) {
        rejected.push({ draft, problems });
        continue;
      }
      const claim = makeClaim(parts);
      const involved = view.mentions.filter((m) => m.entityId === parts.subject || m.entityId === parts.object);
      const mentionConfidence = involved.length > 0 ? Math.min(...involved.map((m) => m.confidence)) : 1;
      const modality = draft.modality ?? modalityOf(view.text, draft.anchor, attribution);
      const attributedTo = draft.attributedTo !== undefined ? draft.attributedTo : attribution.attributedTo;
      const evidence: Evidence = {
        claimId: claim.id,
        articleId: inputs.articleId,
        quote,
        start: span.start,
        end: span.end,
        modality,
        attributedTo: attributedTo === claim.subject && modality !== 'QUOTED' && !attribution.announcement ? null : attributedTo,
        method: 'EXTRACTED',
        confidence: round(Math.max(0.05, Math.min(0.99, draft.confidence * mentionConfidence))),
      };
      const key = `${claim.id}@${span.start}`;
      const earlier = seen.get(key);
      if (earlier) {
        if (evidence.confidence > earlier.evidence.confidence) earlier.evidence = evidence;
        continue;
      }
      const extracted = { claim, evidence, sentence: view.index };
      seen.set(key, extracted);
      claims.push(extracted);
    }
  }
  return { claims, rejected };
}
