/**
 * One curation entry to a claim and its evidence, or the reasons it cannot be one.
 *
 * The statement is checked against the predicate vocabulary and the registry (through
 * claimProblems in src/model/claim.ts, so curated and extracted claims obey one rule), the
 * credited entity must exist, and the quote must be found in the article body, from which
 * the evidence offsets are computed.
 */

import { closest, distance } from 'fastest-levenshtein';
import type { Article } from '../model/article.ts';
import { claimProblems, makeClaim, type ClaimStatement, type Evidence } from '../model/claim.ts';
import type { Entity } from '../model/entity.ts';
import { PREDICATE_NAMES, isPredicate } from '../model/predicate.ts';
import type { CurationEntry } from './curation.ts';
import { findQuote } from './find-quote.ts';

export interface EntityLookup {
  get(id: string): Entity | undefined;
  /** Every known ID, for suggesting the one a typo meant. */
  ids: readonly string[];
}

export type CuratedClaim =
  | { ok: true; claim: ClaimStatement; evidence: Evidence }
  | { ok: false; problems: string[] };

/** Modalities that say someone else's words are being passed on, so must name whose. */
const CREDITED_MODALITIES = new Set(['REPORTED', 'QUOTED']);

/**
 * Builds a claim and its evidence from an entry. `requireCredit` (curated files) insists that
 * REPORTED and QUOTED entries say whom they credit; extracted claims may pass on an unnamed
 * source ("people familiar with the matter").
 */
export function curatedClaim(
  entry: CurationEntry,
  article: Pick<Article, 'id' | 'body'>,
  entities: EntityLookup,
  requireCredit = true,
): CuratedClaim {
  const problems: string[] = [];
  let claim: ClaimStatement | null = null;
  const { predicate } = entry;
  if (!isPredicate(predicate)) {
    problems.push(`unknown predicate "${predicate}"${suggestion(predicate, PREDICATE_NAMES)}; the vocabulary is ${PREDICATE_NAMES.join(', ')}`);
  } else {
    const parts = {
      subject: entry.subject,
      predicate,
      object: entry.object ?? null,
      value: entry.value ?? null,
      qualifiers: entry.qualifiers,
      negated: entry.negated,
    };
    const statementProblems = claimProblems(parts, (id) => entities.get(id));
    problems.push(...statementProblems.map((problem) => withEntitySuggestion(problem, entities.ids)));
    if (statementProblems.length === 0) claim = makeClaim(parts);
  }

  if (entry.attributedTo !== undefined && !entities.get(entry.attributedTo)) {
    problems.push(`attributedTo "${entry.attributedTo}" is not a registry entity${suggestion(entry.attributedTo, entities.ids)}`);
  }
  if (requireCredit && entry.attributedTo === undefined && CREDITED_MODALITIES.has(entry.modality)) {
    problems.push(`modality ${entry.modality} passes on someone else's words; say whose with attributedTo`);
  }

  const match = findQuote(article.body, entry.quote, entry.occurrence);
  switch (match.kind) {
    case 'missing':
      problems.push(
        `quote not found verbatim in ${article.id}: "${entry.quote}"` +
          (match.closest === null ? '' : `; the closest passage is "${match.closest}"`),
      );
      break;
    case 'ambiguous':
      problems.push(`quote appears ${match.count} times in ${article.id}; say which with occurrence: 1 to ${match.count}`);
      break;
    case 'out-of-range':
      problems.push(`occurrence ${entry.occurrence} is out of range: the quote appears ${match.count} time${match.count === 1 ? '' : 's'} in ${article.id}`);
      break;
    case 'found':
      break;
  }

  if (problems.length > 0 || claim === null || match.kind !== 'found') return { ok: false, problems };
  return {
    ok: true,
    claim,
    evidence: {
      claimId: claim.id,
      articleId: article.id,
      quote: article.body.slice(match.start, match.end),
      start: match.start,
      end: match.end,
      modality: entry.modality,
      attributedTo: entry.attributedTo ?? null,
      method: 'CURATED',
      confidence: 1,
    },
  };
}

/** `; did you mean "X"?` when a known name is within a few edits of the unknown one. */
export function suggestion(unknown: string, known: readonly string[]): string {
  if (known.length === 0) return '';
  const best = closest(unknown, [...known]);
  return distance(unknown, best) <= Math.max(2, Math.floor(unknown.length / 4)) ? `; did you mean "${best}"?` : '';
}

/** Adds a suggestion to claimProblems' "unknown ... entity" messages. */
function withEntitySuggestion(problem: string, ids: readonly string[]): string {
  const unknown = /^unknown (?:subject|object) entity "(.*)"$/.exec(problem)?.[1];
  return unknown === undefined ? problem : `${problem}${suggestion(unknown, ids)}`;
}
