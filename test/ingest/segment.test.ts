import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/ingest/normalise.ts';
import { segment } from '../../src/ingest/segment.ts';
import { seed } from './seeds.ts';

const texts = (text: string): string[] => segment(text).map((s) => s.text);

describe('segment', () => {
  it('does not split inside "f/1.4", "50.3-megapixel" or "IPX/68"', () => {
    const sentences = texts(normalise(seed(2)).text);
    expect(sentences).toContain(
      'Xiaomi shows the 12S Ultra Concept with the full-frame Summilux-M 35 mm f/1.4 ASPH lens from the premium German manufacturer Leica, with which the Chinese have entered into a cooperation.',
    );
    expect(sentences).toContain('Despite the bayonet connection, the device is protected against dust and water according to IPX/68.');
    expect(texts(normalise(seed(1)).text).some((s) => s.includes('an enlarged Type 1 50.3-megapixel sensor with an adapter'))).toBe(true);
  });

  it('does not split after abbreviations and initials', () => {
    expect(texts('Mr. Lei said the U.S. market is closed. Dr. J. Smith of Acme Inc. agreed. The deal is done.')).toEqual([
      'Mr. Lei said the U.S. market is closed.',
      'Dr. J. Smith of Acme Inc. agreed.',
      'The deal is done.',
    ]);
  });

  it('keeps a quotation of several sentences whole', () => {
    const sentences = texts(normalise(seed(4)).text);
    const quote = sentences.find((s) => s.startsWith('These are the words of Lei Jun'));
    expect(quote).toBeDefined();
    expect(quote!.endsWith('unprecedented collision and deep fusion.".')).toBe(true);
    expect(quote).toContain('This cooperation will give a strong boost to our imaging strategy.');
  });

  it('ends a sentence after a closing quotation mark', () => {
    expect(texts('He said: “It works.” Then he left. “Is it?” she asked.')).toEqual([
      'He said: “It works.”',
      'Then he left.',
      '“Is it?” she asked.',
    ]);
  });

  it('ends a sentence at every paragraph break, headlines included', () => {
    const n = normalise(seed(3));
    const sentences = segment(n.text);
    expect(sentences[0]!.text).toBe('Leica enters a long-time partnership with Xiaomi');
    expect(sentences[1]!.text).toBe('Right after breaking off with Huawei');
    expect(sentences.at(-1)!.text).toBe('Source: GizmoChina');
    expect(sentences.at(-1)!.paragraph).toBe(n.paragraphs.length - 1);
  });

  it('gives offsets that slice back to each sentence', () => {
    for (let k = 0; k < 5; k++) {
      const text = normalise(seed(k)).text;
      for (const s of segment(text)) {
        expect(text.slice(s.start, s.end)).toBe(s.text);
        expect(s.text).toBe(s.text.trim());
      }
    }
  });

  it('does not split before a lower-case word or a decimal', () => {
    expect(texts('It costs 1.5 million yen. e.g. not here. Version 2.0 ships today.')).toEqual([
      'It costs 1.5 million yen. e.g. not here.',
      'Version 2.0 ships today.',
    ]);
  });
});
