import { describe, expect, it } from 'vitest';
import { normalise, type NormalisedText } from '../../src/ingest/normalise.ts';
import { seed } from './seeds.ts';

/** Every kept character is the body character its offset points at (spaces may stand for any white space). */
function expectFaithful(body: string, n: NormalisedText): void {
  for (let i = 0; i < n.text.length; i++) {
    if (n.synthetic[i]) continue;
    const kept = n.text[i]!;
    const original = body[n.origin[i]!]!;
    if (kept === ' ') expect(original).toMatch(/\s/);
    else expect(original).toBe(kept);
  }
}

describe('normalise', () => {
  it('drops image alt-text and credit lines', () => {
    const body = seed(1);
    const n = normalise(body);
    expect(n.text).not.toContain('xiaomi 12s ultra Leica lens phone feature 2');
    expect(n.text).not.toContain('Image credits: Xiaomi');
    expect(n.dropped.filter((d) => d.reason === 'CAPTION').map((d) => d.text)).toEqual([
      'xiaomi 12s ultra Leica lens phone feature 2',
      'Image credits: Xiaomi',
    ]);
    expect(n.quality).toContain('IMAGE_CAPTIONS');
  });

  it('drops the Shotkit promotional and newsletter block but keeps the last paragraph of the article', () => {
    const n = normalise(seed(1));
    for (const line of ['8 Tools for Photographers', 'Includes limited-time discounts.', 'Learn more here', 'Leave a Comment',
      'Enter your email', 'Welcome Gift', '19 Photography Tools', 'Popular Now', 'Shotkit may earn a commission']) {
      expect(n.text).not.toContain(line);
    }
    expect(n.text.endsWith('This remains difficult.')).toBe(true);
    expect(n.quality).toContain('ADVERTISING');
  });

  it('drops "YouTube player", caption lines and the coupon call-out of 004', () => {
    const n = normalise(seed(4));
    expect(n.text).not.toContain('YouTube player');
    expect(n.text).not.toMatch(/xiaomi leica official collaboration 12 ultra \d/);
    expect(n.text).not.toContain('Weekly Flyer');
    expect(n.text).toContain('These are the words of Lei Jun on the matter');
    expect(n.quality).toEqual(expect.arrayContaining(['IMAGE_CAPTIONS', 'ADVERTISING', 'MACHINE_TRANSLATED']));
  });

  it('collapses the headline 002 repeats in its body, keeping the first', () => {
    const body = seed(2);
    const headline = 'Two 1-inch sensors on board: Xiaomi shows a smartphone with a Leica interchangeable lens';
    const n = normalise(body);
    expect(n.text.split(headline).length - 1).toBe(1);
    expect(n.text.startsWith(headline)).toBe(true);
    expect(n.paragraphs[0]!.headline).toBe(true);
    expect(n.dropped).toEqual([{ start: body.lastIndexOf(headline), end: body.lastIndexOf(headline) + headline.length, text: headline, reason: 'REPEATED' }]);
    expect(n.quality).toContain('REPEATED_HEADLINE');
  });

  it('keeps a "Source:" credit line at the end of an article', () => {
    const n = normalise(seed(3));
    expect(n.text.endsWith('Source: GizmoChina')).toBe(true);
    expect(n.dropped).toEqual([]);
  });

  it('flags machine-spun wording (000) and leaves clean articles unflagged (003)', () => {
    expect(normalise(seed(0)).quality).toEqual(['MACHINE_SPUN']);
    expect(normalise(seed(3)).quality).toEqual([]);
  });

  it('maps every kept character of every seed to the same character of the body', () => {
    for (let k = 0; k < 5; k++) {
      const body = seed(k);
      const n = normalise(body);
      expectFaithful(body, n);
      for (const p of n.paragraphs) {
        const from = n.origin[p.start]!;
        const to = n.origin[p.end - 1]! + 1;
        expect(body.slice(from, to)).toBe(n.text.slice(p.start, p.end));
      }
    }
  });

  it('collapses runs of spaces and joins a hard-wrapped paragraph, still mapping to the body', () => {
    const body = [
      'Canon said on Tuesday that it will   supply image sensors',
      'to a smartphone maker for at least three more years, in a',
      'deal worth about 40 billion yen.',
    ].join('\n');
    const n = normalise(body);
    expect(n.text).toBe('Canon said on Tuesday that it will supply image sensors to a smartphone maker for at least three more years, in a deal worth about 40 billion yen.');
    expect(n.paragraphs).toHaveLength(1);
    expectFaithful(body, n);
  });

  it('keeps short lines that end sentences, even at the end of a page', () => {
    const n = normalise('Sony makes the sensor.\n\nThe phone ships in May.\n');
    expect(n.text).toBe('Sony makes the sensor.\n\nThe phone ships in May.');
    expect(n.dropped).toEqual([]);
  });
});
