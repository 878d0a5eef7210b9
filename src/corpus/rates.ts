/**
 * The exchange-rate table (data/rates.yaml): US dollars per unit of each currency, by month.
 *
 * USD is implicitly 1 and must not be listed. A table must say where its figures come from,
 * because every conversion shown to API users carries that source beside it.
 */

import { z } from 'zod';
import type { RateTable } from '../model/money.ts';
import { WHOLE_FILE, type Report } from './corpus-error.ts';
import { parseYaml } from './parse-yaml.ts';
import { describeIssues } from './schema-issues.ts';

export const ExchangeRateSchema = z.strictObject({
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code such as EUR or CNY'),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM'),
  usdPerUnit: z.number().positive(),
});

const RateTableSchema = z.strictObject({
  source: z.string().trim().min(1),
  rates: z.array(z.unknown()).min(1),
});

/** Reads the rate table; null when its shape is wrong (problems are reported). */
export function parseRates(text: string, report: Report): RateTable | null {
  const data = parseYaml(text, report);
  if (data === undefined) return null;
  const table = RateTableSchema.safeParse(data ?? {});
  if (!table.success) {
    for (const line of describeIssues(table.error)) report(WHOLE_FILE, line);
    return null;
  }
  const rates: RateTable['rates'] = [];
  const seen = new Set<string>();
  let sound = true;
  table.data.rates.forEach((raw, index) => {
    const entry = `rates[${index}]`;
    const parsed = ExchangeRateSchema.safeParse(raw);
    if (!parsed.success) {
      for (const line of describeIssues(parsed.error)) report(entry, line);
      sound = false;
      return;
    }
    const rate = parsed.data;
    const key = `${rate.currency} ${rate.month}`;
    if (rate.currency === 'USD') {
      report(entry, 'USD is the currency converted to and is implicitly 1; leave it out');
      sound = false;
    } else if (seen.has(key)) {
      report(entry, `a second rate for ${rate.currency} in ${rate.month}; give one rate per currency per month`);
      sound = false;
    }
    seen.add(key);
    rates.push(rate);
  });
  return sound ? { source: table.data.source, rates } : null;
}
