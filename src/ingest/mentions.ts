/**
 * Mentions: every span of the text that names an entity, registered or not.
 *
 * Registry names come first (alias-index.ts: case, spacing and possessive variants). The NER
 * pass then looks at the capitalised names left over: a registered name followed by more of a
 * name is a new product ("Xiaomi" + "14 Ultra", "Xiaomi 12S Ultra" + "Concept" is a variant,
 * not the phone it is based on); a misspelt registered name is matched fuzzily ("Lecia"); the
 * rest are typed by context (entity-kind.ts) and kept when the context is clear enough.
 */

import type { Entity, EntityKind } from '../model/entity.ts';
import { findAliases, type AliasIndex, type AliasMatch } from './alias-index.ts';
import { guessKind } from './entity-kind.ts';
import { fuzzyFind } from './fuzzy.ts';
import { findProperNouns, lowerCaseWords, type ProperNoun } from './proper-nouns.ts';
import type { Sentence } from './segment.ts';
import { refineNames } from './name-forms.ts';
import { compactKey, tokenize, type Token } from './tokens.ts';

export type MentionMethod = 'alias' | 'normalised' | 'fuzzy' | 'variant' | 'ner';

export interface FoundMention {
  /** Offsets in the normalised text. */
  start: number;
  end: number;
  text: string;
  method: MentionMethod;
  /** The registry entity, for alias, normalised and fuzzy mentions. */
  entity: Entity | null;
  /** Kind and name of a new entity, for variant and NER mentions. */
  kind: EntityKind;
  name: string;
  confidence: number;
  /** The registered entity a variant extends ("Xiaomi 12S Ultra" for "Xiaomi 12S Ultra Concept"). */
  extends: Entity | null;
  sentence: number;
}

/** Mentions below this confidence are not reported: the name or its kind is too uncertain. */
export const MIN_MENTION_CONFIDENCE = 0.65;

function fromAlias(match: AliasMatch, text: string, sentence: number): FoundMention {
  return {
    start: match.start,
    end: match.end,
    text: text.slice(match.start, match.end),
    method: match.exact ? 'alias' : 'normalised',
    entity: match.entry.entity,
    kind: match.entry.entity.kind,
    name: match.entry.entity.name,
    confidence: match.exact ? 1 : 0.95,
    extends: null,
    sentence,
  };
}

function span(text: string, tokens: readonly Token[]): { start: number; end: number; text: string } {
  const start = tokens[0]!.start;
  const end = tokens[tokens.length - 1]!.end;
  return { start, end, text: text.slice(start, end) };
}

/** Words that make a variant of a product rather than a different thing. */
const VARIANT_WORD = /^(?:Concept|Pro|Plus|Max|Ultra|Mini|Lite|Edition|Prototype|Special|Limited|SE|FE|Fold|Flip|Neo|Prime|Note|Studio|Air|[0-9]\p{L}*|5G|4G)$/u;

/** A proper noun no pass could read yet: refined later by name-forms.ts. */
export interface UnreadName {
  noun: ProperNoun;
  sentence: number;
}

/** The NER reading of the leftover part of a proper noun. */
function readUnknown(
  index: AliasIndex,
  text: string,
  sentence: Sentence,
  sentenceIndex: number,
  noun: ProperNoun,
  unread: UnreadName[],
): FoundMention[] {
  const whole = fuzzyFind(index, compactKey(noun.text));
  const base = { extends: null, sentence: sentenceIndex } as const;
  if (whole) {
    return [{ ...span(text, noun.tokens), ...base, method: 'fuzzy', entity: whole.entry.entity, kind: whole.entry.entity.kind,
      name: whole.entry.entity.name, confidence: round(0.5 + 0.45 * whole.similarity) }];
  }
  const guess = guessKind(noun, sentence.text, sentence.start);
  if (guess && guess.confidence >= MIN_MENTION_CONFIDENCE) {
    const found = span(text, noun.tokens);
    // Outlets are often named with their article: "The Verge", "The Information".
    if (guess.kind === 'Publication' && text.slice(Math.max(0, found.start - 4), found.start) === 'The ') {
      found.start -= 4;
      found.text = text.slice(found.start, found.end);
    }
    return [{ ...found, ...base, method: 'ner', entity: null, kind: guess.kind, name: found.text, confidence: guess.confidence }];
  }
  // No reading of the whole name: a single misspelt registered word inside it still counts.
  const found: FoundMention[] = [];
  for (const token of noun.tokens) {
    const single = fuzzyFind(index, token.lower);
    if (single) {
      found.push({ ...span(text, [token]), ...base, method: 'fuzzy', entity: single.entry.entity, kind: single.entry.entity.kind,
        name: single.entry.entity.name, confidence: round(0.5 + 0.45 * single.similarity) });
    }
  }
  if (found.length === 0) unread.push({ noun, sentence: sentenceIndex });
  return found;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Splits a proper noun's tokens into the runs no alias match covers. */
function uncoveredRuns(noun: ProperNoun, matches: readonly AliasMatch[]): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  for (const token of noun.tokens) {
    if (matches.some((m) => token.start < m.end && token.end > m.start)) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(token);
  }
  if (run.length) runs.push(run);
  return runs;
}

export function findMentions(index: AliasIndex, text: string, sentences: readonly Sentence[]): FoundMention[] {
  const mentions: FoundMention[] = [];
  const unread: UnreadName[] = [];
  const commonWords = lowerCaseWords(text);
  // After "Kenichiro Yoshida", a bare "Yoshida" names the same person.
  const surnames = new Map<string, FoundMention>();
  const surnameOf = (noun: ProperNoun, sentenceIndex: number): FoundMention | null => {
    const person = noun.tokens.length === 1 ? surnames.get(noun.text) : undefined;
    if (!person) return null;
    return { ...person, start: noun.start, end: noun.end, text: noun.text, sentence: sentenceIndex,
      method: person.entity ? 'normalised' : 'ner', confidence: Math.min(person.confidence, 0.9) };
  };
  const remember = (m: FoundMention): void => {
    if (m.kind !== 'Person') return;
    const words = m.name.split(' ');
    if (words.length >= 2 && !surnames.has(words.at(-1)!)) surnames.set(words.at(-1)!, m);
  };
  sentences.forEach((sentence, sentenceIndex) => {
    const tokens = tokenize(text, sentence.start, sentence.end);
    const matches = findAliases(index, text, tokens);
    const replaced = new Set<AliasMatch>();
    const extra: FoundMention[] = [];
    for (const noun of findProperNouns(text, tokens, commonWords)) {
      const inside = matches.filter((m) => m.start >= noun.start && m.end <= noun.end);
      const head = inside.find((m) => m.start === noun.start);
      const tail = noun.tokens.filter((t) => head && t.start >= head.end);
      // A registered company or product followed by more of a name: a product or a variant.
      if (head && inside.length === 1 && tail.length > 0 && tail.length <= 3) {
        const kind = head.entry.entity.kind;
        const modelled = tail.some((t) => /\p{N}/u.test(t.text)) || tail.every((t) => VARIANT_WORD.test(t.text));
        if ((kind === 'Company' && modelled) || (kind === 'Product' && tail.every((t) => VARIANT_WORD.test(t.text) || /\p{N}/u.test(t.text)))) {
          replaced.add(head);
          extra.push({ ...span(text, noun.tokens), method: 'variant', entity: null, kind: 'Product', name: noun.text,
            confidence: kind === 'Product' ? 0.85 : 0.8, extends: kind === 'Product' ? head.entry.entity : null, sentence: sentenceIndex });
          continue;
        }
      }
      for (const run of uncoveredRuns(noun, matches)) {
        const part = { ...noun, ...span(text, run), tokens: run, hasModelNumber: run.some((t) => /\p{N}/u.test(t.text)) };
        const known = surnameOf(part, sentenceIndex);
        if (known) extra.push(known);
        else if (part.titleCase) unread.push({ noun: part, sentence: sentenceIndex });
        else extra.push(...readUnknown(index, text, sentence, sentenceIndex, part, unread));
      }
    }
    const here = [...matches.filter((m) => !replaced.has(m)).map((m) => fromAlias(m, text, sentenceIndex)), ...extra];
    here.sort((a, b) => a.start - b.start);
    for (const m of here) {
      mentions.push(m);
      remember(m);
    }
  });
  return refineNames(mentions, unread, text);
}
