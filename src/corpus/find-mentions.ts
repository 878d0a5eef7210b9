/**
 * Finding registry entities in a text by their names and aliases.
 *
 * A surface form matches case-insensitively, with any run of whitespace standing for any
 * other, and only on word boundaries: "Leica M" does not match inside "Leica moved", but
 * "Xiaomi" does match in "Xiaomi's" and "Xiaomi’s", as the apostrophe is not part of a word.
 * Where matches overlap the longest wins, so "Xiaomi 12S Ultra Concept" is one mention of the
 * concept phone, not also one of the 12S Ultra and one of Xiaomi. A pure function over text
 * and offsets, so that ingestion can use it on new articles as the corpus loader does here.
 */

import type { Entity } from '../model/entity.ts';

export interface FoundMention {
  entityId: string;
  start: number;
  /** Exclusive: the mention is `text.slice(start, end)`. */
  end: number;
  /** The words as they appear in the text. */
  text: string;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** A pattern for one surface form, anchored on word boundaries where the form has word edges. */
export function surfaceFormPattern(form: string): RegExp {
  const words = form.trim().split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  const before = WORD_CHAR.test(form.trim().at(0) ?? '') ? '(?<![\\p{L}\\p{N}])' : '';
  const after = WORD_CHAR.test(form.trim().at(-1) ?? '') ? '(?![\\p{L}\\p{N}])' : '';
  return new RegExp(`${before}${words.join('\\s+')}${after}`, 'giu');
}

/** Every mention of the given entities in `text`, in text order, none overlapping. */
export function findMentions(text: string, entities: readonly Pick<Entity, 'id' | 'name' | 'aliases'>[]): FoundMention[] {
  const candidates: FoundMention[] = [];
  for (const entity of entities) {
    const forms = new Set([entity.name, ...entity.aliases].map((form) => form.trim()).filter((form) => form !== ''));
    for (const form of forms) {
      for (const match of text.matchAll(surfaceFormPattern(form))) {
        candidates.push({ entityId: entity.id, start: match.index, end: match.index + match[0].length, text: match[0] });
      }
    }
  }
  // Longest first, then leftmost: each accepted mention claims its characters.
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.entityId.localeCompare(b.entityId));
  const taken = new Uint8Array(text.length);
  const mentions: FoundMention[] = [];
  for (const candidate of candidates) {
    if (taken.subarray(candidate.start, candidate.end).some((flag) => flag === 1)) continue;
    taken.fill(1, candidate.start, candidate.end);
    mentions.push(candidate);
  }
  return mentions.sort((a, b) => a.start - b.start);
}
