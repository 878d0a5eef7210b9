/**
 * findMentions: registry names and aliases found in text, longest first, on word boundaries.
 */

import { describe, expect, it } from 'vitest';
import { findMentions } from '../../src/corpus/index.ts';

const ENTITIES = [
  { id: 'Company:xiaomi', name: 'Xiaomi', aliases: [] },
  { id: 'Company:sony', name: 'Sony', aliases: [] },
  { id: 'Product:xiaomi-12s-ultra', name: 'Xiaomi 12S Ultra', aliases: ['12S Ultra'] },
  { id: 'Product:xiaomi-12s-ultra-concept', name: 'Xiaomi 12S Ultra Concept', aliases: ['12S Ultra Concept'] },
  { id: 'Product:leica-m-mount', name: 'Leica M mount', aliases: ['Leica M', 'M-mount'] },
  { id: 'Company:leica', name: 'Leica', aliases: [] },
  { id: 'Product:leica-summilux', name: 'Summilux-M 35 mm f/1.4 ASPH', aliases: [] },
  { id: 'Person:lei-jun', name: 'Lei Jun', aliases: ['Jun'] },
];

function found(text: string): [string, string][] {
  return findMentions(text, ENTITIES).map((mention) => [mention.entityId, mention.text]);
}

describe('findMentions', () => {
  it('prefers the longest surface form where forms overlap', () => {
    expect(found('the Xiaomi 12S Ultra Concept, based on the Xiaomi 12S Ultra from Xiaomi')).toEqual([
      ['Product:xiaomi-12s-ultra-concept', 'Xiaomi 12S Ultra Concept'],
      ['Product:xiaomi-12s-ultra', 'Xiaomi 12S Ultra'],
      ['Company:xiaomi', 'Xiaomi'],
    ]);
    expect(found('Leica M lenses from Leica')).toEqual([
      ['Product:leica-m-mount', 'Leica M'],
      ['Company:leica', 'Leica'],
    ]);
  });

  it('matches possessives with either apostrophe, the mention covering the name only', () => {
    expect(found("Lei Jun's brand and Sony’s own lenses")).toEqual([
      ['Person:lei-jun', 'Lei Jun'],
      ['Company:sony', 'Sony'],
    ]);
  });

  it('matches whatever the case, reporting the text as written', () => {
    expect(found('xiaomi 12s ultra Leica lens phone; XIAOMI')).toEqual([
      ['Product:xiaomi-12s-ultra', 'xiaomi 12s ultra'],
      ['Company:leica', 'Leica'],
      ['Company:xiaomi', 'XIAOMI'],
    ]);
  });

  it('matches only on word boundaries', () => {
    expect(found('Leica moved on; Junction; Sonya; the M-mounts')).toEqual([['Company:leica', 'Leica']]);
  });

  it('lets any run of whitespace stand for a space', () => {
    expect(found('Lei\nJun said')).toEqual([['Person:lei-jun', 'Lei\nJun']]);
  });

  it('matches forms made of punctuation and digits literally', () => {
    expect(found('the full-frame Summilux-M 35 mm f/1.4 ASPH lens, not a Summilux-M 35 mm f/1x4 ASPH')).toEqual([
      ['Product:leica-summilux', 'Summilux-M 35 mm f/1.4 ASPH'],
    ]);
  });

  it('gives offsets that slice the mention out of the text, in text order', () => {
    const text = 'Jun believes Xiaomi and Leica, the Leica M maker, will work with the 12S Ultra Concept.';
    const mentions = findMentions(text, ENTITIES);
    expect(mentions.map((mention) => text.slice(mention.start, mention.end))).toEqual(mentions.map((mention) => mention.text));
    expect(mentions.map((mention) => mention.start)).toEqual([...mentions.map((mention) => mention.start)].sort((a, b) => a - b));
    expect(mentions).toHaveLength(5);
  });
});
