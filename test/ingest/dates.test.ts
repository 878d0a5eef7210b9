import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/ingest/dates.ts';
import type { PublishedDate } from '../../src/model/article.ts';

const AUGUST_2022: PublishedDate = { value: '2022-08', precision: 'MONTH', estimated: true };
const read = (text: string, published: PublishedDate | null = AUGUST_2022) =>
  findDates(text, published).map((d) => [text.slice(d.start, d.end), d.date.value, d.date.precision]);

describe('findDates', () => {
  it('takes the year of a bare month from the article date', () => {
    expect(read('In July, Xiaomi unveiled the 12S Ultra')).toEqual([['July', '2022-07', 'MONTH']]);
  });

  it('leaves a bare month alone when the article has no date', () => {
    expect(read('In July, Xiaomi unveiled the 12S Ultra', null)).toEqual([]);
  });

  it('reads month-and-year, days, bare years, decades and centuries at their precision', () => {
    expect(read('it will come to July 2022')).toEqual([['July 2022', '2022-07', 'MONTH']]);
    expect(read('launches on 3 March 2023')).toEqual([['on 3 March 2023', '2023-03-03', 'DAY']]);
    expect(read('In 2014, Sony released the QX1')).toEqual([['2014', '2014', 'YEAR']]);
    expect(read('popular in the 1990s')).toEqual([['1990s', '1990', 'DECADE']]);
    expect(read('since its founding back in the 1800s')).toEqual([['1800s', '1800', 'CENTURY']]);
  });

  it('resolves a weekday against a day-precise article date', () => {
    const thursday: PublishedDate = { value: '2024-05-23', precision: 'DAY', estimated: false };
    expect(read('Kuromi on Thursday unveiled the Z7 II', thursday)).toEqual([['on Thursday', '2024-05-23', 'DAY']]);
    expect(read('Kuromi on Thursday unveiled the Z7 II')).toEqual([]);
  });

  it('does not read the modal "may", counts or prices as dates', () => {
    expect(read('It may be good, and 2,000 units cost $2025.')).toEqual([]);
  });
});
