/**
 * Claims and their evidence.
 *
 * A claim is one statement, reified: subject, predicate, an object entity or a typed value,
 * qualifiers, and a polarity. Its ID is derived from exactly those parts, so the same
 * statement found in three articles is one claim with three evidences.
 */

import type { Entity } from './entity.ts';
import { sha256Hex } from './ids.ts';
import type { Method, Modality } from './modality.ts';
import { PREDICATES, isPredicate, type Predicate } from './predicate.ts';
import { dateProblem, valueKey, type DateValue, type Value } from './value.ts';

/** Qualifiers narrow a statement in time or place, as Wikidata's do (P580, P582, P585). */
export interface Qualifiers {
  startTime?: DateValue;
  endTime?: DateValue;
  pointInTime?: DateValue;
  /** Market or place the statement holds for, e.g. "United States". */
  region?: string;
}
export const QUALIFIER_NAMES = ['startTime', 'endTime', 'pointInTime', 'region'] as const;

export interface ClaimStatement {
  id: string;
  subject: string;
  predicate: Predicate;
  /** Entity ID, for predicates whose range is entities. */
  object: string | null;
  /** Typed value, for predicates whose range is a value type. */
  value: Value | null;
  qualifiers: Qualifiers;
  /** The statement is denied ("the Xs 2 does not carry Leica branding"). */
  negated: boolean;
}

export interface Evidence {
  claimId: string;
  articleId: string;
  /** Exactly `article.body.slice(start, end)`. */
  quote: string;
  start: number;
  end: number;
  modality: Modality;
  /** Entity the article credits for the statement ("according to Engadget"). */
  attributedTo: string | null;
  method: Method;
  /** 1 for curated evidence; the extractor's estimate otherwise. */
  confidence: number;
}

function qualifiersKey(qualifiers: Qualifiers): string {
  const parts: string[] = [];
  for (const name of QUALIFIER_NAMES) {
    const q = qualifiers[name];
    if (q === undefined) continue;
    parts.push(`${name}=${typeof q === 'string' ? q.trim().toLowerCase() : valueKey(q)}`);
  }
  return parts.join(';');
}

/** Orders the two ends of a symmetric statement so both readings give one claim. */
export function canonicalEnds(predicate: Predicate, subject: string, object: string | null): [string, string | null] {
  if (PREDICATES[predicate].symmetric && object !== null && object < subject) return [object, subject];
  return [subject, object];
}

/** The claim ID: `Claim:` and 16 hex digits of a hash over the statement's identifying parts. */
export function claimId(parts: Omit<ClaimStatement, 'id'>): string {
  const [subject, object] = canonicalEnds(parts.predicate, parts.subject, parts.object);
  const key = [
    subject,
    parts.predicate,
    object ?? (parts.value ? valueKey(parts.value) : ''),
    qualifiersKey(parts.qualifiers),
    parts.negated ? 'not' : '',
  ].join('|');
  return `Claim:${sha256Hex(key).slice(0, 16)}`;
}

/** Builds a statement with its derived ID and symmetric ends ordered. */
export function makeClaim(parts: Omit<ClaimStatement, 'id'>): ClaimStatement {
  const [subject, object] = canonicalEnds(parts.predicate, parts.subject, parts.object);
  const statement = { ...parts, subject, object };
  return { id: claimId(statement), ...statement };
}

/**
 * Checks a statement against the vocabulary and the known entities. Returns every problem
 * found, each naming the part at fault and what is accepted; empty when the claim is sound.
 */
export function claimProblems(
  parts: Omit<ClaimStatement, 'id'>,
  entity: (id: string) => Entity | undefined,
): string[] {
  const problems: string[] = [];
  if (!isPredicate(parts.predicate)) {
    return [`unknown predicate "${String(parts.predicate)}"`];
  }
  const spec = PREDICATES[parts.predicate];
  const subject = entity(parts.subject);
  if (!subject) problems.push(`unknown subject entity "${parts.subject}"`);
  else if (!spec.domain.includes(subject.kind)) {
    problems.push(`${parts.predicate} describes ${spec.domain.join(' or ')}, but subject ${subject.id} is a ${subject.kind}`);
  }
  if ('entity' in spec.range) {
    if (parts.value !== null) problems.push(`${parts.predicate} takes an object entity, not a value`);
    if (parts.object === null) problems.push(`${parts.predicate} needs an object entity (${spec.range.entity.join(' or ')})`);
    else {
      const object = entity(parts.object);
      if (!object) problems.push(`unknown object entity "${parts.object}"`);
      else if (!spec.range.entity.includes(object.kind)) {
        problems.push(`${parts.predicate} points at ${spec.range.entity.join(' or ')}, but object ${object.id} is a ${object.kind}`);
      } else if (object.id === parts.subject) problems.push(`${parts.predicate} cannot link ${object.id} to itself`);
    }
  } else {
    if (parts.object !== null) problems.push(`${parts.predicate} takes a ${spec.range.value} value, not an object entity`);
    if (parts.value === null) problems.push(`${parts.predicate} needs a ${spec.range.value} value`);
    else if (parts.value.type !== spec.range.value) {
      problems.push(`${parts.predicate} takes a ${spec.range.value} value, got ${parts.value.type}`);
    } else problems.push(...valueProblems(parts.value));
  }
  for (const name of ['startTime', 'endTime', 'pointInTime'] as const) {
    const q = parts.qualifiers[name];
    if (q) {
      const problem = dateProblem(q.value, q.precision);
      if (problem) problems.push(`qualifier ${name}: ${problem}`);
    }
  }
  return problems;
}

function valueProblems(value: Value): string[] {
  switch (value.type) {
    case 'Money':
      if (!/^[A-Z]{3}$/.test(value.currency)) return [`currency "${value.currency}" is not an ISO 4217 code such as USD, EUR or CNY`];
      if (!Number.isFinite(value.amount) || value.amount < 0) return [`money amount ${value.amount} is not a non-negative number`];
      return [];
    case 'Quantity':
      return Number.isFinite(value.amount) ? [] : [`quantity ${value.amount} is not a finite number`];
    case 'Date': {
      const problem = dateProblem(value.value, value.precision);
      return problem ? [problem] : [];
    }
    case 'Text':
      return value.text.trim() === '' ? ['text value is empty'] : [];
    case 'Flag':
      return typeof value.flag === 'boolean' ? [] : ['flag value must be true or false'];
  }
}

