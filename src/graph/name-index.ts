/**
 * NameIndex: every entity's name and aliases in memory, cut into folded words, for the first
 * tier of search: the entities whose name and aliases hold every word of a query (the last
 * possibly as the start of a longer word), and, when nothing else named an entity, the names a
 * small typo away.
 *
 * A query is answered from its rarest word: only the entities holding that word are looked at,
 * and only those holding every other word are scored, so a query naming one product among
 * thousands that share its model words ("Quasar 16 Lite") costs what the rare word costs.
 * Scores are BM25+ per field (k 1.2, b 0.7, d 0.5), each field weighed by its boost, over the
 * words as written, the start of a word weighed less and a typo less still.
 */

import { distance } from 'fastest-levenshtein';

export type NameField = 'name' | 'aliases';
const NAME_FIELDS: readonly NameField[] = ['name', 'aliases'];

/** A word as FTS5's unicode61 tokenizer cuts one: letters and digits, with any marks on them. */
export const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * A word folded as `remove_diacritics 2` folds it: lower case, marks dropped, and a final
 * sigma as any other.
 */
export function fold(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/ς/g, 'σ');
}

/** Folded words of a text, in order, repeats kept. */
function wordsOf(text: string): string[] {
  return (text.match(WORD) ?? []).map(fold);
}

interface Entry {
  readonly ord: number;
  readonly id: string;
  readonly text: Record<NameField, string>;
  readonly words: Record<NameField, string[]>;
  /** Every distinct word of both fields. */
  readonly distinct: readonly string[];
}

interface Posting {
  entries: Set<Entry>;
  /** How many entries hold the word in each field. */
  inField: Record<NameField, number>;
}

export interface NameMatch {
  id: string;
  score: number;
  text: Record<NameField, string>;
  /** The index's words each field matched. */
  matched: Record<NameField, string[]>;
}

/** A query word's derived words and how much each weighs: the word itself 1, a longer word less. */
type Expansion = Map<string, number>;

const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** Prefixes are looked up by their first letters: this many. */
const STEM = 3;

export interface NameQueryOptions {
  /** How much each field weighs; both 1 unless given. */
  boost: Record<NameField, number>;
}
const EVEN: NameQueryOptions = { boost: { name: 1, aliases: 1 } };

export class NameIndex {
  readonly #entries = new Map<string, Entry>();
  readonly #postings = new Map<string, Posting>();
  /** Words of at least STEM letters by their first STEM letters, for prefix look-ups. */
  readonly #byStem = new Map<string, Set<string>>();
  readonly #lengths: Record<NameField, number> = { name: 0, aliases: 0 };
  #nextOrd = 0;

  get size(): number {
    return this.#entries.size;
  }

  /** Adds an entity, or replaces what was held under its id. */
  set(id: string, text: Record<NameField, string>): void {
    this.delete(id);
    const words = { name: wordsOf(text.name), aliases: wordsOf(text.aliases) };
    const entry: Entry = { ord: this.#nextOrd++, id, text, words, distinct: [...new Set([...words.name, ...words.aliases])] };
    this.#entries.set(id, entry);
    for (const field of NAME_FIELDS) {
      this.#lengths[field] += words[field].length;
      for (const word of new Set(words[field])) this.#posting(word).inField[field] += 1;
    }
    for (const word of entry.distinct) this.#postings.get(word)!.entries.add(entry);
  }

  delete(id: string): boolean {
    const entry = this.#entries.get(id);
    if (!entry) return false;
    this.#entries.delete(id);
    for (const field of NAME_FIELDS) {
      this.#lengths[field] -= entry.words[field].length;
      for (const word of new Set(entry.words[field])) this.#postings.get(word)!.inField[field] -= 1;
    }
    for (const word of entry.distinct) {
      const posting = this.#postings.get(word)!;
      posting.entries.delete(entry);
      if (posting.entries.size === 0) {
        this.#postings.delete(word);
        if (word.length >= STEM) {
          const stem = this.#byStem.get(word.slice(0, STEM))!;
          stem.delete(word);
          if (stem.size === 0) this.#byStem.delete(word.slice(0, STEM));
        }
      }
    }
    return true;
  }

  #posting(word: string): Posting {
    let posting = this.#postings.get(word);
    if (!posting) {
      posting = { entries: new Set(), inField: { name: 0, aliases: 0 } };
      this.#postings.set(word, posting);
      if (word.length >= STEM) {
        const key = word.slice(0, STEM);
        let stem = this.#byStem.get(key);
        if (!stem) this.#byStem.set(key, (stem = new Set()));
        stem.add(word);
      }
    }
    return posting;
  }

  /**
   * The best `limit` entities whose name and aliases hold every one of `terms`, the last as the
   * start of a word when `prefix`; best first, ties in the order the entities were added.
   */
  every(terms: readonly string[], prefix: boolean, limit: number, { boost }: NameQueryOptions = EVEN): NameMatch[] {
    const folded = terms.map(fold);
    const expansions = folded.map((term, i) => (prefix && i === folded.length - 1 ? this.#started(term) : this.#exact(term)));
    if (expansions.some((e) => e.size === 0)) return [];
    // Walk the entries of the word held by the fewest; test each for the others.
    const sizes = expansions.map((e) => [...e.keys()].reduce((n, word) => n + this.#postings.get(word)!.entries.size, 0));
    const rarest = sizes.indexOf(Math.min(...sizes));
    const query = this.#query(expansions, boost);
    const top = new TopK(limit);
    // An entry holds each word once, so it can come up twice only when the walk covers several.
    const seen = expansions[rarest]!.size > 1 ? new Set<Entry>() : null;
    for (const word of expansions[rarest]!.keys()) {
      for (const entry of this.#postings.get(word)!.entries) {
        if (seen) {
          if (seen.has(entry)) continue;
          seen.add(entry);
        }
        if (!expansions.every((e, i) => i === rarest || entry.distinct.some((w) => e.has(w)))) continue;
        top.offer(entry, this.#score(entry, query));
      }
    }
    return this.#matches(top, expansions);
  }

  /**
   * The best `limit` entities holding any of `terms` as written, as a word's start (from three
   * letters) or a small typo away (from four: a third of its letters, rounded), entities
   * matching more of the terms first.
   */
  near(terms: readonly string[], limit: number, { boost }: NameQueryOptions = EVEN): NameMatch[] {
    const expansions = terms.map((term) => this.#nearby(fold(term)));
    const query = this.#query(expansions, boost);
    const top = new TopK(limit);
    const seen = new Set<Entry>();
    for (const expansion of expansions) {
      for (const word of expansion.keys()) {
        for (const entry of this.#postings.get(word)!.entries) {
          if (seen.has(entry)) continue;
          seen.add(entry);
          top.offer(entry, this.#score(entry, query));
        }
      }
    }
    return this.#matches(top, expansions);
  }

  #exact(term: string): Expansion {
    return this.#postings.has(term) ? new Map([[term, 1]]) : new Map();
  }

  /** The term and every longer word starting with it, weighed down by the letters added. */
  #started(term: string): Expansion {
    const out = this.#exact(term);
    if (term.length < STEM) return out;
    for (const word of this.#byStem.get(term.slice(0, STEM)) ?? []) {
      if (word !== term && word.startsWith(term)) out.set(word, (PREFIX_WEIGHT * word.length) / (word.length + 0.3 * (word.length - term.length)));
    }
    return out;
  }

  #nearby(term: string): Expansion {
    const out = this.#started(term);
    if (term.length < 4) return out;
    const most = Math.min(6, Math.round(term.length * 0.34));
    for (const word of this.#postings.keys()) {
      if (out.has(word) || Math.abs(word.length - term.length) > most) continue;
      const d = distance(term, word);
      if (d <= most) out.set(word, (FUZZY_WEIGHT * word.length) / (word.length + d));
    }
    return out;
  }

  /** What scoring a query needs, worked out once for all the entries it looks at. */
  #query(expansions: readonly Expansion[], boost: Record<NameField, number>): Query {
    const count = this.#entries.size;
    const idf = { name: new Map<string, number>(), aliases: new Map<string, number>() };
    for (const expansion of expansions) {
      for (const word of expansion.keys()) {
        const posting = this.#postings.get(word)!;
        for (const field of NAME_FIELDS) {
          const held = posting.inField[field];
          if (held > 0) idf[field].set(word, Math.log(1 + (count - held + 0.5) / (held + 0.5)));
        }
      }
    }
    return { expansions, boost, idf, average: { name: this.#lengths.name / count, aliases: this.#lengths.aliases / count } };
  }

  /**
   * BM25+ of each derived word in each field, weighed by the word's and the field's weight,
   * summed, times the number of query terms the entry matched.
   */
  #score(entry: Entry, query: Query): number {
    let score = 0;
    let terms = 0;
    for (const expansion of query.expansions) {
      let hit = false;
      for (const field of NAME_FIELDS) {
        const words = entry.words[field];
        for (let i = 0; i < words.length; i++) {
          const word = words[i]!;
          const weight = expansion.get(word);
          // Each distinct word once, at its first place in the field.
          if (weight === undefined || words.indexOf(word) !== i) continue;
          hit = true;
          let frequency = 1;
          for (let j = i + 1; j < words.length; j++) if (words[j] === word) frequency++;
          const saturation = (frequency * (BM25.k + 1)) / (frequency + BM25.k * (1 - BM25.b + (BM25.b * words.length) / query.average[field]));
          score += weight * query.boost[field] * query.idf[field].get(word)! * (BM25.d + saturation);
        }
      }
      if (hit) terms++;
    }
    return score * terms;
  }

  /** The index's words each field of the entry matched. */
  #matched(entry: Entry, expansions: readonly Expansion[]): Record<NameField, string[]> {
    const matched: Record<NameField, string[]> = { name: [], aliases: [] };
    for (const field of NAME_FIELDS) {
      for (const word of entry.words[field]) {
        if (!matched[field].includes(word) && expansions.some((e) => e.has(word))) matched[field].push(word);
      }
    }
    return matched;
  }

  #matches(top: TopK, expansions: readonly Expansion[]): NameMatch[] {
    return top.sorted().map(({ entry, score }) => ({ id: entry.id, score, text: entry.text, matched: this.#matched(entry, expansions) }));
  }
}

interface Query {
  expansions: readonly Expansion[];
  boost: Record<NameField, number>;
  /** Each derived word's inverse document frequency in each field that holds it. */
  idf: Record<NameField, Map<string, number>>;
  average: Record<NameField, number>;
}

/** The best `limit` offers by score, ties to the earlier-added entry. */
class TopK {
  readonly #kept: { entry: Entry; score: number }[] = [];
  readonly limit: number;
  constructor(limit: number) {
    this.limit = limit;
  }

  offer(entry: Entry, score: number): void {
    if (this.limit < 1) return;
    const kept = this.#kept;
    const before = (a: { entry: Entry; score: number }) => a.score > score || (a.score === score && a.entry.ord < entry.ord);
    if (kept.length === this.limit && before(kept[kept.length - 1]!)) return;
    let at = kept.length;
    while (at > 0 && !before(kept[at - 1]!)) at--;
    kept.splice(at, 0, { entry, score });
    if (kept.length > this.limit) kept.pop();
  }

  sorted(): readonly { entry: Entry; score: number }[] {
    return this.#kept;
  }
}
