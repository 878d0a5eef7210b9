/**
 * Conflicts: claims that cannot all be true at once, and claims that were true at
 * different times.
 *
 * For a functional predicate (one true value per subject: unit cost, units produced, launch
 * date) two claims on the same subject and region with different values conflict. When both
 * carry time qualifiers that do not overlap, the value changed over time rather than being
 * disputed. For any predicate, a claim and its denial conflict.
 */

import { PREDICATES, dateEnd, dateStart, valueKey, type ClaimStatement, type DateValue, type Predicate } from '../model/index.ts';
import { usdOf } from './claim-value.ts';
import type { KnowledgeGraph } from './knowledge-graph.ts';
import type { ClaimRecord } from './records.ts';

export type ConflictKind = 'DIFFERENT_VALUE' | 'DENIAL' | 'CHANGED_OVER_TIME';

export interface Conflict {
  claim: ClaimRecord;
  with: ClaimRecord;
  kind: ConflictKind;
  /** For money: the gap between the two figures in US dollars, and as a share of the smaller. */
  usdDifference: number | null;
  relativeDifference: number | null;
}

export interface ConflictGroup {
  subject: string;
  predicate: Predicate;
  claims: ClaimRecord[];
  /** The kinds of disagreement found between the group's claims. */
  kinds: ConflictKind[];
  /** For money: lowest and highest figure in US dollars. */
  usdRange: { min: number; max: number } | null;
}

function objectKey(s: ClaimStatement): string {
  return s.object ?? (s.value ? valueKey(s.value) : '');
}

function interval(s: ClaimStatement): [string, string] | null {
  const q = s.qualifiers;
  if (!q.startTime && !q.endTime && !q.pointInTime) return null;
  const bound = (d: DateValue | undefined, end: boolean, fallback: string) =>
    d ? (end ? dateEnd(d.value, d.precision) : dateStart(d.value)) : fallback;
  if (q.pointInTime && !q.startTime && !q.endTime) return [bound(q.pointInTime, false, ''), bound(q.pointInTime, true, '')];
  return [bound(q.startTime, false, '0000-01-01'), bound(q.endTime, true, '9999-12-31')];
}

export function conflictKind(a: ClaimStatement, b: ClaimStatement): ConflictKind | null {
  if (a.id === b.id || a.subject !== b.subject || a.predicate !== b.predicate) return null;
  if ((a.qualifiers.region ?? '') !== (b.qualifiers.region ?? '')) return null;
  const sameObject = objectKey(a) === objectKey(b);
  if (sameObject) return a.negated !== b.negated ? 'DENIAL' : null;
  if (!PREDICATES[a.predicate].functional || a.negated || b.negated) return null;
  const ia = interval(a);
  const ib = interval(b);
  if (ia && ib && (ia[1] < ib[0] || ib[1] < ia[0])) return 'CHANGED_OVER_TIME';
  return 'DIFFERENT_VALUE';
}

export function conflictsOf(kg: KnowledgeGraph, record: ClaimRecord): Conflict[] {
  const s = record.statement;
  const out: Conflict[] = [];
  for (const other of kg.claims({ subject: s.subject, predicate: s.predicate })) {
    const kind = conflictKind(s, other.statement);
    if (!kind) continue;
    const a = usdOf(kg, record);
    const b = usdOf(kg, other);
    const usdDifference = a && b ? round2(Math.abs(a.usd - b.usd)) : null;
    const relativeDifference = a && b && Math.min(a.usd, b.usd) > 0
      ? Math.round((Math.abs(a.usd - b.usd) / Math.min(a.usd, b.usd)) * 10000) / 10000
      : null;
    out.push({ claim: record, with: other, kind, usdDifference, relativeDifference });
  }
  return out;
}

/** Every set of mutually conflicting claims, optionally about one subject or one predicate. */
export function conflictGroups(kg: KnowledgeGraph, filter: { subject?: string; predicate?: Predicate } = {}): ConflictGroup[] {
  const groups = new Map<string, ClaimRecord[]>();
  for (const record of kg.claims({ subject: filter.subject, predicate: filter.predicate })) {
    const s = record.statement;
    if (filter.subject && s.subject !== kg.resolve(filter.subject)) continue;
    const key = `${s.subject}|${s.predicate}|${s.qualifiers.region ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  const out: ConflictGroup[] = [];
  for (const claims of groups.values()) {
    const kinds = new Set<ConflictKind>();
    const involved = new Set<ClaimRecord>();
    for (let i = 0; i < claims.length; i++) {
      for (let j = i + 1; j < claims.length; j++) {
        const kind = conflictKind(claims[i]!.statement, claims[j]!.statement);
        if (!kind) continue;
        kinds.add(kind);
        involved.add(claims[i]!).add(claims[j]!);
      }
    }
    if (kinds.size === 0) continue;
    const members = claims.filter((c) => involved.has(c));
    const usd = members.map((c) => usdOf(kg, c)?.usd).filter((v): v is number => v !== undefined);
    const first = members[0]!.statement;
    out.push({
      subject: first.subject,
      predicate: first.predicate,
      claims: members,
      kinds: [...kinds].sort(),
      usdRange: usd.length > 0 ? { min: Math.min(...usd), max: Math.max(...usd) } : null,
    });
  }
  return out;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
