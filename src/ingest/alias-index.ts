/**
 * The alias index: every registry name and alias, looked up by compact key.
 *
 * A key drops case, spaces and punctuation, so "XIAOMI", "12Ultra" and "12 Ultra" find the
 * same entry as the registry's spelling. The finder walks the text token by token and takes
 * the longest name that starts there ("Xiaomi 12S Ultra Concept" before "Xiaomi 12S Ultra").
 * A possessive ending is a separate token, so "Xiaomi's" finds "Xiaomi".
 */

import type { Entity } from '../model/entity.ts';
import { compactKey, joins, tokenize, type Token } from './tokens.ts';

export interface AliasEntry {
  entity: Entity;
  /** The registry spelling this key came from. */
  alias: string;
  /** The alias has capitals or digits: a text span of plain lower-case words is not it ("sharp" is not Sharp). */
  distinctive: boolean;
}

export interface AliasIndex {
  entries: Map<string, AliasEntry>;
  /** Every prefix of every key, so a walk can stop as soon as no name can follow. */
  prefixes: Set<string>;
  /** Entries by length of key, for the fuzzy pass. */
  byLength: Map<number, { key: string; entry: AliasEntry }[]>;
}

export interface AliasMatch {
  start: number;
  end: number;
  entry: AliasEntry;
  /** The text is spelled exactly as the registry spells it. */
  exact: boolean;
}

export function buildAliasIndex(registry: readonly Entity[]): AliasIndex {
  const entries = new Map<string, AliasEntry>();
  const prefixes = new Set<string>();
  const byLength = new Map<number, { key: string; entry: AliasEntry }[]>();
  for (const entity of registry) {
    for (const alias of [entity.name, ...entity.aliases]) {
      const key = compactKey(alias);
      if (key === '' || entries.has(key)) continue;
      const entry = { entity, alias, distinctive: /[\p{Lu}\p{N}]/u.test(alias) };
      entries.set(key, entry);
      for (let i = 1; i <= key.length; i++) prefixes.add(key.slice(0, i));
      const list = byLength.get(key.length) ?? [];
      list.push({ key, entry });
      byLength.set(key.length, list);
    }
  }
  return { entries, prefixes, byLength };
}

/** Finds registry names in `text`, longest first, never overlapping. */
export function findAliases(index: AliasIndex, text: string, tokens: readonly Token[] = tokenize(text)): AliasMatch[] {
  const matches: AliasMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    let key = '';
    let best: { j: number; entry: AliasEntry } | null = null;
    for (let j = i; j < tokens.length; j++) {
      if (j > i && !joins(text, tokens[j - 1]!, tokens[j]!)) break;
      key += tokens[j]!.lower;
      if (!index.prefixes.has(key)) break;
      const entry = index.entries.get(key);
      if (entry) best = { j, entry };
    }
    if (best) {
      const start = tokens[i]!.start;
      const end = tokens[best.j]!.end;
      const written = text.slice(start, end);
      if (best.entry.distinctive && !/[\p{Lu}\p{N}]/u.test(written)) {
        i++;
        continue;
      }
      matches.push({ start, end, entry: best.entry, exact: written === best.entry.alias });
      i = best.j + 1;
    } else i++;
  }
  return matches;
}
