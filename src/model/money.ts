/**
 * Money normalised to US dollars at a dated exchange rate.
 *
 * Rates come from a small shipped table (data/rates.yaml): one rate per currency per month.
 * A figure is converted at the rate of the month it was stated in, falling back to the
 * nearest earlier month, then to the earliest month the table has.
 */

import type { Money } from './value.ts';

export interface ExchangeRate {
  currency: string;
  /** Month the rate applies to, `YYYY-MM`. */
  month: string;
  /** US dollars for one unit of the currency. */
  usdPerUnit: number;
}

export interface RateTable {
  /** Where the figures come from, shown to API users next to every conversion. */
  source: string;
  rates: ExchangeRate[];
}

export interface UsdConversion {
  usd: number;
  usdPerUnit: number;
  /** Month of the rate used, `YYYY-MM`. */
  rateMonth: string;
  source: string;
}

/** Converts to USD at the rate of `onDate` (any ISO prefix); null for a currency the table lacks. */
export function toUsd(money: Money, onDate: string | null, table: RateTable): UsdConversion | null {
  if (money.currency === 'USD') {
    return { usd: money.amount, usdPerUnit: 1, rateMonth: (onDate ?? '').slice(0, 7), source: table.source };
  }
  const candidates = table.rates
    .filter((rate) => rate.currency === money.currency)
    .sort((a, b) => a.month.localeCompare(b.month));
  if (candidates.length === 0) return null;
  const month = onDate?.slice(0, 7) ?? null;
  let chosen = candidates[0]!;
  if (month) for (const rate of candidates) if (rate.month <= month) chosen = rate;
  return {
    usd: Math.round(money.amount * chosen.usdPerUnit * 100) / 100,
    usdPerUnit: chosen.usdPerUnit,
    rateMonth: chosen.month,
    source: table.source,
  };
}
