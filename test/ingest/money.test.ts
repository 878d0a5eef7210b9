import { describe, expect, it } from 'vitest';
import { findMoney } from '../../src/ingest/money.ts';

const money = (text: string) => findMoney(text).map((m) => ({ written: text.slice(m.start, m.end), ...m.money }));

describe('findMoney', () => {
  it('reads "$41,210 dollars" as one exact USD figure and "roughly 300,000 Chinese Yuan" as approximate CNY', () => {
    expect(money('each one of them came at an absurd cost of $41,210 dollars, or roughly 300,000 Chinese Yuan')).toEqual([
      { written: '$41,210 dollars', type: 'Money', amount: 41210, currency: 'USD', approximate: false },
      { written: '300,000 Chinese Yuan', type: 'Money', amount: 300000, currency: 'CNY', approximate: true },
    ]);
  });

  it('marks "around" and "almost" figures approximate, keeping the hedge out of the span', () => {
    expect(money('each costing around 42,000 euros')).toEqual([{ written: '42,000 euros', type: 'Money', amount: 42000, currency: 'EUR', approximate: true }]);
    expect(money('the equivalent of almost 42,000 euros.')).toEqual([{ written: '42,000 euros', type: 'Money', amount: 42000, currency: 'EUR', approximate: true }]);
  });

  it('reads "¥300,000" as yen, and as yuan when the sentence is about China', () => {
    expect(money('It costs ¥300,000 in Tokyo.')).toEqual([{ written: '¥300,000', type: 'Money', amount: 300000, currency: 'JPY', approximate: false }]);
    expect(money('The Chinese price is ¥300,000.')[0]!.currency).toBe('CNY');
  });

  it('scales "£1.2 million", "US$5bn" and "40 billion yen"', () => {
    expect(money('worth £1.2 million')).toEqual([{ written: '£1.2 million', type: 'Money', amount: 1_200_000, currency: 'GBP', approximate: false }]);
    expect(money('a US$5bn deal').map((m) => [m.amount, m.currency])).toEqual([[5e9, 'USD']]);
    expect(money('about 40 billion yen').map((m) => [m.amount, m.currency, m.approximate])).toEqual([[4e10, 'JPY', true]]);
  });

  it('reads currency words and codes after the figure, including Nordic crowns', () => {
    expect(money('2,490 Norwegian kroner, or about $230').map((m) => [m.amount, m.currency])).toEqual([[2490, 'NOK'], [230, 'USD']]);
    expect(money('€999 or 1,249 EUR').map((m) => [m.amount, m.currency])).toEqual([[999, 'EUR'], [1249, 'EUR']]);
  });

  it('ignores numbers that are not money', () => {
    expect(money('10 units, a 50MP sensor and 2 million chips in 2014')).toEqual([]);
  });
});
