/**
 * Fuzzy name matching: a misspelt name ("Lecia") still finds its registry entry.
 *
 * Edit distance comes from fastest-levenshtein; a swap of two neighbouring letters, the most
 * common typo, counts as one edit rather than two. The allowance grows with the name: none
 * under five letters (too many short names are one letter apart), one edit up to nine, two
 * beyond. The first letter must agree, and a name that is itself an entry never matches
 * another one fuzzily.
 */

import { distance } from 'fastest-levenshtein';
import type { AliasEntry, AliasIndex } from './alias-index.ts';

export interface FuzzyMatch {
  entry: AliasEntry;
  edits: number;
  /** 1 − edits / length of the longer key. */
  similarity: number;
}

export function allowedEdits(length: number): number {
  if (length < 5) return 0;
  if (length < 10) return 1;
  return 2;
}

/** True when `b` is `a` with exactly one pair of neighbouring characters swapped. */
function isOneSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

export function editsBetween(a: string, b: string): number {
  const d = distance(a, b);
  return d === 2 && isOneSwap(a, b) ? 1 : d;
}

/** The closest registry entry within the allowance for `key` (a compact key), or null. */
export function fuzzyFind(index: AliasIndex, key: string): FuzzyMatch | null {
  const allowance = allowedEdits(key.length);
  if (allowance === 0 || index.entries.has(key)) return null;
  let best: FuzzyMatch | null = null;
  for (let length = key.length - allowance; length <= key.length + allowance; length++) {
    for (const { key: other, entry } of index.byLength.get(length) ?? []) {
      if (other[0] !== key[0]) continue;
      const edits = editsBetween(key, other);
      if (edits > Math.min(allowance, allowedEdits(other.length))) continue;
      if (!best || edits < best.edits) {
        best = { entry, edits, similarity: 1 - edits / Math.max(key.length, other.length) };
      }
    }
  }
  return best;
}
