/**
 * Typed claim values: Money, Quantity, Date, Text and Flag.
 *
 * `valueKey` gives the canonical form of a value that a claim's ID is derived from, so that
 * "around 42,000 euros" and "almost 42,000 euros" are the same statement while
 * 42,000 euros and $41,210 are two.
 */

import type { DatePrecision } from './article.ts';

export interface Money {
  type: 'Money';
  amount: number;
  /** ISO 4217 code, upper case. */
  currency: string;
  /** The text hedged the figure: "around", "roughly", "almost". */
  approximate: boolean;
}

export interface Quantity {
  type: 'Quantity';
  amount: number;
  /** Unit symbol or word ("MP", "inch", "unit"); null for a bare count. */
  unit: string | null;
  approximate: boolean;
}

export interface DateValue {
  type: 'Date';
  /** ISO 8601 prefix matching the precision; centuries and decades give their first year. */
  value: string;
  precision: DatePrecision;
}

export interface Text {
  type: 'Text';
  text: string;
}

export interface Flag {
  type: 'Flag';
  flag: boolean;
}

export type Value = Money | Quantity | DateValue | Text | Flag;
export type ValueType = Value['type'];
export const VALUE_TYPES: readonly ValueType[] = ['Money', 'Quantity', 'Date', 'Text', 'Flag'];

export function valueKey(value: Value): string {
  switch (value.type) {
    case 'Money':
      return `money:${value.currency}:${value.amount}`;
    case 'Quantity':
      return `quantity:${value.unit ?? ''}:${value.amount}`;
    case 'Date':
      return `date:${value.precision}:${value.value}`;
    case 'Text':
      return `text:${value.text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()}`;
    case 'Flag':
      return `flag:${value.flag}`;
  }
}

const DATE_PATTERNS: Record<DatePrecision, RegExp> = {
  CENTURY: /^\d{4}$/,
  DECADE: /^\d{4}$/,
  YEAR: /^\d{4}$/,
  MONTH: /^\d{4}-(0[1-9]|1[0-2])$/,
  DAY: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
};

/** Checks a date string against its precision; returns a description of the problem or null. */
export function dateProblem(value: string, precision: DatePrecision): string | null {
  const pattern = DATE_PATTERNS[precision];
  if (!pattern) return `unknown date precision "${precision}"`;
  if (!pattern.test(value)) {
    return `date "${value}" does not match precision ${precision} (expected ${
      precision === 'DAY' ? 'YYYY-MM-DD' : precision === 'MONTH' ? 'YYYY-MM' : 'YYYY'
    })`;
  }
  if (precision === 'DAY' && Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return `date "${value}" does not exist`;
  return null;
}

/** First instant covered by a date value, for ordering and as-of questions. */
export function dateStart(value: string): string {
  if (value.length === 4) return `${value}-01-01`;
  if (value.length === 7) return `${value}-01`;
  return value;
}

/** Last day covered by a date value at its precision. */
export function dateEnd(value: string, precision: DatePrecision): string {
  const year = Number(value.slice(0, 4));
  switch (precision) {
    case 'CENTURY':
      return `${year + 99}-12-31`;
    case 'DECADE':
      return `${year + 9}-12-31`;
    case 'YEAR':
      return `${year}-12-31`;
    case 'MONTH': {
      const month = Number(value.slice(5, 7));
      const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
      return `${value}-${String(last).padStart(2, '0')}`;
    }
    case 'DAY':
      return value;
  }
}
