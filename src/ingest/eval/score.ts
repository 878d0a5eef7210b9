/**
 * Scoring the extractor against gold labels: precision, recall and F1 for entities, claims
 * and evidence spans.
 *
 * - Entities: the set of entity IDs an article mentions (registered or new candidates).
 * - Claims: distinct statements; one matches a gold statement when subject, predicate, negation
 *   and object or value agree. Values agree when equal (money: currency and amount; quantity:
 *   unit and amount; date: precision and value), except text, whose wording a rule cannot
 *   reproduce: text agrees when every content word of one (plurals folded) is in the other.
 *   Qualifiers are not compared.
 * - Evidence: one (statement, span) pair per evidence; a predicted evidence matches a gold one
 *   when the statements match and the spans overlap, i.e. the right sentence was cited.
 */

import type { Value } from '../../model/value.ts';

export interface Statement {
  subject: string;
  predicate: string;
  object: string | null;
  value: Value | null;
  negated: boolean;
}

export interface SpannedStatement extends Statement {
  start: number;
  end: number;
}

export interface Score {
  truePositives: number;
  predicted: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ArticleScore {
  article: string;
  entities: Score;
  claims: Score;
  evidence: Score;
  /** Gold evidence the extractor missed and predictions with no gold match, for reading. */
  missed: SpannedStatement[];
  spurious: SpannedStatement[];
}

export function score(truePositives: number, predicted: number, gold: number, goldHits = truePositives): Score {
  const precision = predicted === 0 ? (gold === 0 ? 1 : 0) : truePositives / predicted;
  const recall = gold === 0 ? 1 : goldHits / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, predicted, gold, precision, recall, f1 };
}

const STOP = new Set(['a', 'an', 'the', 'of', 'to', 'and', 'in', 'on', 'for', 'with', 'that', 'is', 'are', 'was', 'were', 'be', 'it', 'its', 'this']);

function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((w) => !STOP.has(w)).map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w)));
}

export function valuesAgree(a: Value | null, b: Value | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.type !== b.type) return false;
  switch (a.type) {
    case 'Money':
      return b.type === 'Money' && a.currency === b.currency && Math.abs(a.amount - b.amount) < 1e-6 * Math.max(1, a.amount);
    case 'Quantity':
      return b.type === 'Quantity' && (a.unit ?? '') === (b.unit ?? '') && Math.abs(a.amount - b.amount) < 1e-6 * Math.max(1, a.amount);
    case 'Date':
      return b.type === 'Date' && a.precision === b.precision && a.value === b.value;
    case 'Flag':
      return b.type === 'Flag' && a.flag === b.flag;
    case 'Text': {
      if (b.type !== 'Text') return false;
      const x = contentWords(a.text);
      const y = contentWords(b.text);
      if (x.size === 0 || y.size === 0) return false;
      const [small, large] = x.size <= y.size ? [x, y] : [y, x];
      return [...small].every((w) => large.has(w));
    }
  }
}

/** Symmetric predicates read the same both ways. */
const SYMMETRIC = new Set(['PARTNERS_WITH', 'DEVELOPED_ALONGSIDE']);

export function statementsAgree(a: Statement, b: Statement): boolean {
  if (a.predicate !== b.predicate || a.negated !== b.negated) return false;
  const same = a.subject === b.subject && a.object === b.object;
  const swapped = SYMMETRIC.has(a.predicate) && a.subject === b.object && a.object === b.subject;
  if (!same && !swapped) return false;
  return a.object !== null || valuesAgree(a.value, b.value);
}

/** Distinct statements of a list (statements that agree count once). */
function distinct<T extends Statement>(list: readonly T[]): T[] {
  const out: T[] = [];
  for (const s of list) if (!out.some((o) => statementsAgree(o, s))) out.push(s);
  return out;
}

export function scoreArticle(
  article: string,
  predicted: { entities: Iterable<string>; evidence: readonly SpannedStatement[] },
  gold: { entities: Iterable<string>; evidence: readonly SpannedStatement[] },
): ArticleScore {
  const pe = new Set(predicted.entities);
  const ge = new Set(gold.entities);
  const entityHits = [...pe].filter((id) => ge.has(id)).length;

  const pc = distinct(predicted.evidence);
  const gc = distinct(gold.evidence);
  const claimHitsP = pc.filter((p) => gc.some((g) => statementsAgree(p, g))).length;
  const claimHitsG = gc.filter((g) => pc.some((p) => statementsAgree(p, g))).length;

  const overlaps = (a: SpannedStatement, b: SpannedStatement): boolean => statementsAgree(a, b) && a.start < b.end && b.start < a.end;
  const spurious = predicted.evidence.filter((p) => !gold.evidence.some((g) => overlaps(p, g)));
  const missed = gold.evidence.filter((g) => !predicted.evidence.some((p) => overlaps(p, g)));
  const evidenceHitsP = predicted.evidence.length - spurious.length;
  const evidenceHitsG = gold.evidence.length - missed.length;

  return {
    article,
    entities: score(entityHits, pe.size, ge.size),
    claims: score(claimHitsP, pc.length, gc.length, claimHitsG),
    evidence: score(evidenceHitsP, predicted.evidence.length, gold.evidence.length, evidenceHitsG),
    missed,
    spurious,
  };
}

/** Micro-averaged totals over articles. */
export function overall(scores: readonly ArticleScore[]): Omit<ArticleScore, 'missed' | 'spurious'> {
  const sum = (pick: (s: ArticleScore) => Score): Score => {
    let tp = 0;
    let predicted = 0;
    let gold = 0;
    let goldHits = 0;
    for (const s of scores) {
      const x = pick(s);
      tp += x.truePositives;
      predicted += x.predicted;
      gold += x.gold;
      goldHits += x.recall * x.gold;
    }
    return score(tp, predicted, gold, Math.round(goldHits));
  };
  return { article: 'overall', entities: sum((s) => s.entities), claims: sum((s) => s.claims), evidence: sum((s) => s.evidence) };
}
