import { describe, expect, it } from 'vitest';
import { buildAliasIndex } from '../../src/ingest/alias-index.ts';
import { findMentions, type FoundMention } from '../../src/ingest/mentions.ts';
import { normalise } from '../../src/ingest/normalise.ts';
import { resolveMentions } from '../../src/ingest/resolve.ts';
import { segment } from '../../src/ingest/segment.ts';
import type { Entity } from '../../src/model/entity.ts';
import { REGISTRY, registryWithout } from './registry.ts';
import { seed } from './seeds.ts';

function mentionsIn(text: string, registry: Entity[] = REGISTRY): FoundMention[] {
  const n = normalise(text);
  return findMentions(buildAliasIndex(registry), n.text, segment(n.text));
}
const named = (ms: FoundMention[]): string[] => ms.map((m) => `${m.text}=${m.entity?.id ?? `new ${m.kind}`}`);

describe('registry mentions', () => {
  it('finds a name before a possessive, without the possessive', () => {
    expect(named(mentionsIn('This was also Xiaomi’s statement, and Samsung\'s too.'))).toEqual([
      'Xiaomi=Company:xiaomi',
      'Samsung=Company:samsung',
    ]);
  });

  it('finds names written without their space or in capitals ("12Ultra", "XIAOMI")', () => {
    const ms = mentionsIn(seed(4));
    expect(named(ms)).toContain('Xiaomi 12Ultra=Product:xiaomi-12-ultra');
    expect(ms.find((m) => m.text === 'Xiaomi 12Ultra')!.method).toBe('normalised');
    expect(named(mentionsIn('XIAOMI and LEICA confirmed it.'))).toEqual(['XIAOMI=Company:xiaomi', 'LEICA=Company:leica']);
  });

  it('prefers the longest name: "Xiaomi 12S Ultra Concept" is the concept, not the 12S Ultra', () => {
    const ms = mentionsIn(seed(0));
    expect(named(ms)).toContain('Xiaomi 12S Ultra Concept=Product:xiaomi-12s-ultra-concept');
    expect(named(ms)).toContain('Xiaomi 12S Ultra=Product:xiaomi-12s-ultra');
    expect(named(ms).filter((n) => n.startsWith('Xiaomi 12S Ultra='))).toHaveLength(1);
  });

  it('does not read a lower-case common word as a registered name ("sharp" is not Sharp)', () => {
    expect(named(mentionsIn('The photos are sharp, and Sharp knows it.'))).toEqual(['Sharp=Company:sharp']);
  });

  it('matches a misspelt name fuzzily ("Lecia" is Leica), with less than full confidence', () => {
    const [lecia] = mentionsIn('The phone carries Lecia optics.');
    expect(lecia).toMatchObject({ text: 'Lecia', method: 'fuzzy', entity: { id: 'Company:leica' } });
    expect(lecia!.confidence).toBeLessThan(0.95);
    expect(lecia!.confidence).toBeGreaterThan(0.7);
  });

  it('does not match short or distant names fuzzily', () => {
    expect(named(mentionsIn('Sonos and Lenovo unveiled new products.')).some((n) => n.includes('Company:sony'))).toBe(false);
  });
});

describe('new names', () => {
  it('makes an unregistered variant a new product, not the phone it extends', () => {
    const ms = mentionsIn(seed(0), registryWithout('Product:xiaomi-12s-ultra-concept'));
    const concept = ms.find((m) => m.text === 'Xiaomi 12S Ultra Concept')!;
    expect(concept).toMatchObject({ method: 'variant', kind: 'Product', entity: null, name: 'Xiaomi 12S Ultra Concept' });
    expect(concept.extends?.id).toBe('Product:xiaomi-12s-ultra');
    expect(ms.some((m) => m.start === concept.start && m.entity?.id === 'Product:xiaomi-12s-ultra')).toBe(false);
  });

  it('types unknown names by their context', () => {
    const ms = mentionsIn(
      'Kenichiro Yoshida, chief executive of Sony, said the deal was good, according to Nikkei Asia. ' +
        'Chipmaker TSMC will build the chips. The Pixel 9 phone launches in March. Yoshida added that Canon Inc agreed.',
    );
    const kinds = Object.fromEntries(ms.map((m) => [m.text, m.entity?.id ?? `${m.kind}?${m.name}`]));
    expect(kinds).toEqual({
      'Kenichiro Yoshida': 'Person?Kenichiro Yoshida',
      Sony: 'Company:sony',
      'Nikkei Asia': 'Publication?Nikkei Asia',
      TSMC: 'Company?TSMC',
      'Pixel 9': 'Product?Pixel 9',
      Yoshida: 'Person?Kenichiro Yoshida',
      'Canon Inc': 'Company?Canon Inc',
    });
  });

  it('leaves sentence-initial common words, months, places and units alone', () => {
    const ms = mentionsIn('Smartphone sales fell in March in Germany. The smartphone has a 50 MP sensor. However, Sony grew.');
    expect(named(ms)).toEqual(['Sony=Company:sony']);
  });

  it('finds no new names in the seed articles, whose names are all registered', () => {
    for (let k = 0; k < 5; k++) expect(mentionsIn(seed(k)).filter((m) => !m.entity)).toEqual([]);
  });
});

describe('resolveMentions', () => {
  it('gives each new name one candidate entity, counting its mentions', () => {
    const text = 'Kenichiro Yoshida, chief executive of Sony, spoke. Yoshida said the Pixel 9 phone is fine.';
    const n = normalise(text);
    const found = findMentions(buildAliasIndex(REGISTRY), n.text, segment(n.text));
    const r = resolveMentions(found, REGISTRY);
    expect(r.candidates.map((c) => [c.entity.id, c.mentions])).toEqual([
      ['Person:kenichiro-yoshida', 2],
      ['Product:pixel-9', 1],
    ]);
    expect(r.mentioned.map((e) => e.id)).toEqual(['Company:sony']);
    expect(r.entity('Person:kenichiro-yoshida')?.name).toBe('Kenichiro Yoshida');
    expect(r.mentions.map((m) => m.entityId)).toEqual(['Person:kenichiro-yoshida', 'Company:sony', 'Person:kenichiro-yoshida', 'Product:pixel-9']);
  });

  it('records which registered product a new variant extends', () => {
    const n = normalise('Xiaomi showed the Xiaomi 12S Ultra Concept.');
    const registry = registryWithout('Product:xiaomi-12s-ultra-concept');
    const r = resolveMentions(findMentions(buildAliasIndex(registry), n.text, segment(n.text)), registry);
    expect(r.candidates).toEqual([
      {
        entity: { id: 'Product:xiaomi-12s-ultra-concept', kind: 'Product', name: 'Xiaomi 12S Ultra Concept', aliases: [], description: 'A variant of the Xiaomi 12S Ultra.' },
        confidence: 0.85,
        mentions: 1,
        variantOf: 'Product:xiaomi-12s-ultra',
      },
    ]);
  });
});
