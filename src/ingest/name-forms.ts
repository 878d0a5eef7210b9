/**
 * Name forms: one entity, several ways of writing its name.
 *
 * Articles name a new entity in full once and shorten it afterwards: "Tessera Semiconductor"
 * becomes "Tessera", "Lin Wei-Ting" becomes "Lin", "the Arclight Nova 5 Pro" becomes "the Nova 5
 * Pro". After the first pass, every new multi-word name lends its short forms (a company's or
 * outlet's first word, a person's first or last word, a product's name without its maker) to
 * the shorter names, whether they were typed or left unread. A name typed differently in
 * different sentences takes the kind most of its contexts gave it, and an unread name listed
 * with a company ("Currys and MediaMarkt") is a company too.
 */

import type { EntityKind } from '../model/entity.ts';
import type { FoundMention, UnreadName } from './mentions.ts';
import { isCommonWord } from './word-classes.ts';

interface FullName {
  name: string;
  kind: EntityKind;
  confidence: number;
}

const VARIANT_ONLY = /^(?:Pro|Plus|Max|Ultra|Mini|Lite|II|III|IV|S|SE|FE|5G)$/;

function shortForms(full: FullName): string[] {
  const words = full.name.split(/\s+/);
  if (words.length < 2) return [];
  switch (full.kind) {
    case 'Company':
    case 'Publication':
      return words[0]!.length >= 3 && !isCommonWord(words[0]!) ? [words[0]!] : [];
    case 'Person':
      return [words[0]!, words.at(-1)!].filter((w) => w.length >= 2);
    case 'Product': {
      const forms: string[] = [];
      for (let i = 1; i < words.length; i++) {
        const tail = words.slice(i);
        if (/^\p{Lu}/u.test(tail[0]!) && !tail.every((w) => VARIANT_ONLY.test(w) || /^\d/.test(w))) forms.push(tail.join(' '));
      }
      return forms;
    }
  }
}

/** Short form → full name; a short form two different full names share is dropped (people excepted: the first named keeps it). */
function shortFormIndex(mentions: readonly FoundMention[]): Map<string, FullName> {
  const fulls: FullName[] = [];
  for (const m of mentions) {
    if ((m.method === 'ner' || m.method === 'variant') && m.name.includes(' ') && !fulls.some((f) => f.name === m.name)) {
      fulls.push({ name: m.name, kind: m.kind, confidence: m.confidence });
    }
  }
  const index = new Map<string, FullName>();
  const clashes = new Set<string>();
  for (const full of fulls) {
    for (const form of shortForms(full)) {
      const known = index.get(form);
      // A product's tail written as a name of its own is still that product ("Z7 II" of "Kuromi Z7 II").
      if (fulls.some((f) => f.name === form && (f.kind !== 'Product' || full.kind !== 'Product'))) continue;
      if (known && known.name !== full.name && !(known.kind === 'Person' && full.kind === 'Person')) clashes.add(form);
      else if (!known) index.set(form, full);
    }
  }
  for (const form of clashes) index.delete(form);
  return index;
}

function consolidateKinds(mentions: FoundMention[]): void {
  const weights = new Map<string, Map<EntityKind, number>>();
  for (const m of mentions) {
    if (m.method !== 'ner') continue;
    const byKind = weights.get(m.name) ?? new Map<EntityKind, number>();
    byKind.set(m.kind, (byKind.get(m.kind) ?? 0) + m.confidence);
    weights.set(m.name, byKind);
  }
  for (const m of mentions) {
    const byKind = m.method === 'ner' ? weights.get(m.name) : undefined;
    if (!byKind || byKind.size < 2) continue;
    m.kind = [...byKind.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  }
}

const LIST_JOIN = /^\s*,?\s*(?:and|&|or)\s+$/;

/** The kind of a typed company or outlet listed right next to an unread name. */
function listedWith(text: string, start: number, end: number, mentions: readonly FoundMention[]): FoundMention | null {
  for (const m of mentions) {
    if (m.kind !== 'Company' && m.kind !== 'Publication') continue;
    if (m.end <= start && start - m.end <= 8 && LIST_JOIN.test(text.slice(m.end, start))) return m;
    if (m.start >= end && m.start - end <= 8 && LIST_JOIN.test(text.slice(end, m.start))) return m;
  }
  return null;
}

export function refineNames(mentions: FoundMention[], unread: readonly UnreadName[], text: string): FoundMention[] {
  const index = shortFormIndex(mentions);
  const refined = mentions.map((m) => {
    if (m.method !== 'ner') return m;
    const full = index.get(m.name);
    return full ? { ...m, kind: full.kind, name: full.name, confidence: Math.min(0.85, Math.max(m.confidence, full.confidence)) } : m;
  });
  // Unread names resolve against what is known, which grows as they resolve: "after Canon and
  // Nikon" types Canon once Nikon is known, so go round until nothing changes.
  let pending = [...unread];
  for (let round = 0; round < 3 && pending.length > 0; round++) {
    const fullNames = new Map<string, FoundMention>();
    for (const m of refined) if (m.method === 'ner' || m.method === 'variant') fullNames.set(m.name, m);
    const companies = refined.filter((m) => m.kind === 'Company');
    const left: UnreadName[] = [];
    for (const item of pending) {
      const { noun, sentence } = item;
      const known = fullNames.get(noun.text);
      const full = index.get(noun.text) ?? (known ? { name: known.name, kind: known.kind, confidence: known.confidence } : undefined);
      const base = { start: noun.start, end: noun.end, text: noun.text, method: 'ner' as const, entity: null, extends: null, sentence };
      if (full) {
        refined.push({ ...base, kind: full.kind, name: full.name, confidence: Math.min(0.85, full.confidence) });
        continue;
      }
      if (noun.titleCase) {
        left.push(item);
        continue;
      }
      // A known company's name followed by more of a name is one of its products: "Orbis One Ultra".
      const maker = noun.tokens.length >= 2 ? companies.find((c) => noun.text.startsWith(`${c.text} `) || noun.text.startsWith(`${c.name.split(' ')[0]} `)) : undefined;
      if (maker) {
        refined.push({ ...base, kind: 'Product', name: noun.text, confidence: 0.7 });
        continue;
      }
      const partner = listedWith(text, noun.start, noun.end, refined);
      if (partner && !noun.hasModelNumber) refined.push({ ...base, kind: partner.kind, name: noun.text, confidence: 0.7 });
      else left.push(item);
    }
    if (left.length === pending.length) break;
    pending = left;
  }
  consolidateKinds(refined);
  refined.sort((a, b) => a.start - b.start);
  return refined;
}
