/**
 * Claim text: the readable sentence a claim states.
 *
 * Built from the predicate's phrasing with entity names and formatted values filled in, then
 * the qualifiers ("in United States", "from 2022-05"). Used by the API's `Claim.text` and by
 * full-text search over claims.
 */

import { PREDICATES, type ClaimStatement, type Value } from '../model/index.ts';

export function formatValue(value: Value): string {
  const about = 'approximate' in value && value.approximate ? 'about ' : '';
  switch (value.type) {
    case 'Money':
      return `${about}${value.amount.toLocaleString('en-US')} ${value.currency}`;
    case 'Quantity': {
      const unit = !value.unit || value.unit === 'unit' ? '' : value.unit === 'inch' ? '-inch' : ` ${value.unit}`;
      return `${about}${value.amount.toLocaleString('en-US')}${unit}`;
    }
    case 'Date':
      return value.value;
    case 'Text':
      return `“${value.text}”`;
    case 'Flag':
      return value.flag ? 'yes' : 'no';
  }
}

export function claimText(statement: ClaimStatement, nameOf: (id: string) => string): string {
  const spec = PREDICATES[statement.predicate];
  // AVAILABILITY carries its polarity in the flag: "not for sale" is flag false.
  const denied = statement.value?.type === 'Flag' ? statement.value.flag === statement.negated : statement.negated;
  const object = statement.object ? nameOf(statement.object) : statement.value ? formatValue(statement.value) : '';
  const phrase = (denied ? spec.denies : spec.says)
    .replace('{subject}', nameOf(statement.subject))
    .replace('{object}', object);
  const q = statement.qualifiers;
  const parts = [phrase];
  if (q.region) parts.push(`in ${q.region}`);
  if (q.startTime) parts.push(`from ${q.startTime.value}`);
  if (q.endTime) parts.push(`until ${q.endTime.value}`);
  if (q.pointInTime) parts.push(`as of ${q.pointInTime.value}`);
  const text = parts.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
