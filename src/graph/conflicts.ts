/**
 * Conflicts: claims that cannot all be true at once, and claims that were true at
 * different times.
 *
 * For a functional predicate (one true value per subject: unit cost, units produced, launch
 * date) two claims on the same subject and region with different values conflict. When both
 * carry time qualifiers that do not overlap, the value changed over time rather than being
 * disputed; for other predicates, non-overlapping claims are reported the same way (Leica's
 * partner until 2022, and from 2022), while overlapping ones simply both hold. For any
 * predicate, a claim and its denial conflict. Symmetric claims are compared from the entity
 * they share, whichever end it is stored at.
 */

import { PREDICATES, dateEnd, dateStart, valueKey, type ClaimStatement, type Predicate } from '../model/index.ts';
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

/** The end of a claim seen from `anchor`: the object, or for symmetric claims the other end. */
function otherEnd(s: ClaimStatement, anchor: string): string {
  if (s.object === null) return s.value ? valueKey(s.value) : '';
  return s.subject === anchor ? s.object : s.subject;
}

/** When a statement holds, as a half-open range of ISO days; null when it says nothing of time. */
function interval(s: ClaimStatement): [string, string] | null {
  const { startTime, endTime, pointInTime } = s.qualifiers;
  if (!startTime && !endTime && !pointInTime) return null;
  // "Z" sorts after every day of the same date, so `${lastDay}Z` closes a range just after it.
  if (pointInTime && !startTime && !endTime) {
    return [dateStart(pointInTime.value), `${dateEnd(pointInTime.value, pointInTime.precision)}Z`];
  }
  return [startTime ? dateStart(startTime.value) : '0000', endTime ? dateStart(endTime.value) : '9999Z'];
}

function overlap(a: [string, string], b: [string, string]): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

/** How two claims about `anchor` disagree, or null when both can hold. */
export function conflictKind(a: ClaimStatement, b: ClaimStatement, anchor: string = a.subject): ConflictKind | null {
  if (a.id === b.id || a.predicate !== b.predicate) return null;
  const ends = (s: ClaimStatement) => (s.object !== null && PREDICATES[s.predicate].symmetric ? [s.subject, s.object] : [s.subject]);
  if (!ends(a).includes(anchor) || !ends(b).includes(anchor)) return null;
  if ((a.qualifiers.region ?? '') !== (b.qualifiers.region ?? '')) return null;
  if (otherEnd(a, anchor) === otherEnd(b, anchor)) {
    return a.negated !== b.negated && JSON.stringify(interval(a)) === JSON.stringify(interval(b)) ? 'DENIAL' : null;
  }
  if (a.negated || b.negated) return null;
  const ia = interval(a);
  const ib = interval(b);
  if (ia && ib && !overlap(ia, ib)) return 'CHANGED_OVER_TIME';
  return PREDICATES[a.predicate].functional ? 'DIFFERENT_VALUE' : null;
}

function anchorsOf(s: ClaimStatement): string[] {
  return s.object !== null && PREDICATES[s.predicate].symmetric ? [s.subject, s.object] : [s.subject];
}

export function conflictsOf(kg: KnowledgeGraph, record: ClaimRecord): Conflict[] {
  const s = record.statement;
  const out: Conflict[] = [];
  const seen = new Set<string>();
  for (const anchor of anchorsOf(s)) {
    for (const other of kg.claims({ subject: anchor, predicate: s.predicate })) {
      const kind = conflictKind(s, other.statement, anchor);
      if (!kind || seen.has(other.statement.id)) continue;
      seen.add(other.statement.id);
      out.push({ claim: record, with: other, kind, ...moneyGap(kg, record, other) });
    }
  }
  return out;
}

function moneyGap(kg: KnowledgeGraph, a: ClaimRecord, b: ClaimRecord) {
  const x = usdOf(kg, a);
  const y = usdOf(kg, b);
  if (!x || !y) return { usdDifference: null, relativeDifference: null };
  const gap = Math.abs(x.usd - y.usd);
  const smaller = Math.min(x.usd, y.usd);
  return {
    usdDifference: Math.round(gap * 100) / 100,
    relativeDifference: smaller > 0 ? Math.round((gap / smaller) * 10000) / 10000 : null,
  };
}

/**
 * Every set of disagreeing claims, optionally about one subject or one predicate. A group is
 * the claims on one anchor entity, predicate and region that disagree with another member.
 */
export function conflictGroups(kg: KnowledgeGraph, filter: { subject?: string; predicate?: Predicate } = {}): ConflictGroup[] {
  const subject = filter.subject ? kg.resolve(filter.subject) : undefined;
  const groups = new Map<string, { anchor: string; claims: ClaimRecord[] }>();
  for (const record of kg.claims({ subject, predicate: filter.predicate })) {
    const s = record.statement;
    for (const anchor of anchorsOf(s)) {
      if (subject && anchor !== subject) continue;
      const key = `${anchor}|${s.predicate}|${s.qualifiers.region ?? ''}`;
      const group = groups.get(key) ?? { anchor, claims: [] };
      group.claims.push(record);
      groups.set(key, group);
    }
  }
  const out: ConflictGroup[] = [];
  for (const { anchor, claims } of groups.values()) {
    const kinds = new Set<ConflictKind>();
    const involved = new Set<ClaimRecord>();
    for (let i = 0; i < claims.length; i++) {
      for (let j = i + 1; j < claims.length; j++) {
        const kind = conflictKind(claims[i]!.statement, claims[j]!.statement, anchor);
        if (!kind) continue;
        kinds.add(kind);
        involved.add(claims[i]!).add(claims[j]!);
      }
    }
    if (kinds.size === 0) continue;
    const members = claims.filter((c) => involved.has(c));
    const usd = members.map((c) => usdOf(kg, c)?.usd).filter((v): v is number => v !== undefined);
    out.push({
      subject: anchor,
      predicate: members[0]!.statement.predicate,
      claims: members,
      kinds: [...kinds].sort(),
      usdRange: usd.length > 0 ? { min: Math.min(...usd), max: Math.max(...usd) } : null,
    });
  }
  return out.sort((a, b) => a.subject.localeCompare(b.subject) || a.predicate.localeCompare(b.predicate));
}
