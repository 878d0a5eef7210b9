/**
 * A readable summary of an ingestion result: the article, the entities it names, the new
 * candidates, and each claim read out in words with its evidence.
 */

import { PREDICATES } from '../model/predicate.ts';
import type { Value } from '../model/value.ts';
import type { IngestResult } from './ingest-article.ts';

function formatValue(value: Value, predicate: string): string {
  switch (value.type) {
    case 'Money':
      return `${value.approximate ? '~' : ''}${value.amount.toLocaleString('en-US')} ${value.currency}`;
    case 'Quantity':
      return `${value.approximate ? '~' : ''}${value.amount}${value.unit ? ` ${value.unit}` : ''}`;
    case 'Date':
      return value.value;
    case 'Text':
      return `"${value.text}"`;
    case 'Flag':
      return predicate === 'AVAILABILITY' ? (value.flag ? 'on sale' : 'not on sale') : String(value.flag);
  }
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

export function summarise(result: IngestResult, source: string): string {
  const { article } = result;
  const name = (id: string): string => result.entities.find((e) => e.id === id)?.name ?? result.candidates.find((c) => c.entity.id === id)?.entity.name ?? id;
  const lines: string[] = [];
  lines.push(`${source} → ${article.id}`);
  lines.push(`  title: ${article.title}`);
  lines.push(
    `  ${result.stats.format}, ${article.body.length} characters kept as body, ${result.stats.sentences} sentences` +
      `${article.published ? `, published ${article.published.value}` : ''}${article.quality.length ? `, quality: ${article.quality.join(', ')}` : ''}`,
  );
  const counts = new Map<string, number>();
  for (const m of result.mentions) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
  lines.push(`  entities (${result.entities.length}): ${result.entities.map((e) => `${e.name} ×${counts.get(e.id) ?? 0}`).join(', ') || 'none'}`);
  lines.push(`  new candidates (${result.candidates.length}):${result.candidates.length ? '' : ' none'}`);
  for (const c of result.candidates) {
    lines.push(`    ${c.entity.id}  "${c.entity.name}"  confidence ${c.confidence}${c.variantOf ? `  variant of ${c.variantOf}` : ''}`);
  }
  lines.push(`  claims (${result.claims.length}):`);
  for (const { claim, evidence } of result.claims) {
    const spec = PREDICATES[claim.predicate];
    const object = claim.object ? name(claim.object) : claim.value ? formatValue(claim.value, claim.predicate) : '';
    const reading = (claim.negated ? spec.denies : spec.says).replace('{subject}', name(claim.subject)).replace('{object}', object);
    const qualifiers = Object.entries(claim.qualifiers).map(([k, v]) => `${k} ${typeof v === 'string' ? v : v.value}`);
    const credit = evidence.attributedTo ? `, ${name(evidence.attributedTo)}` : '';
    lines.push(`    ${claim.predicate}: ${reading}${qualifiers.length ? ` (${qualifiers.join(', ')})` : ''}  [${evidence.modality}${credit}, ${evidence.confidence}]`);
    lines.push(`      "${clip(evidence.quote, 110)}" @${evidence.start}–${evidence.end}`);
  }
  return lines.join('\n');
}
