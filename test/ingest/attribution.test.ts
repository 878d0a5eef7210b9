import { describe, expect, it } from 'vitest';
import { evidenceOf, ingest } from './pipeline.ts';
import { seed } from './seeds.ts';

describe('attribution', () => {
  it('credits "according to Engadget" (000)', () => {
    const e = evidenceOf(ingest(seed(0)), 'UNIT_COST', 'Product:xiaomi-12s-ultra-concept');
    expect(e).toMatchObject({ modality: 'REPORTED', attributedTo: 'Publication:engadget' });
    expect(e.quote.startsWith('According to Engadget, each portion outgo astir $40,000')).toBe(true);
  });

  it('credits "as Engadget reported" (001)', () => {
    const e = evidenceOf(ingest(seed(1)), 'UNITS_PRODUCED');
    expect(e).toMatchObject({ modality: 'REPORTED', attributedTo: 'Publication:engadget' });
    expect(e.quote).toContain('as Engadget reported, only 10 units');
  });

  it('carries a credit on to the rest of its paragraph (002: the price after "according to \\"Engadget\\"")', () => {
    const result = ingest(seed(2));
    const price = result.claims.find(({ evidence }) => evidence.quote.startsWith('The unit price of a Xiaomi 12S Ultra Concept'));
    expect(price?.evidence.attributedTo).toBe('Publication:engadget');
  });

  it('credits every claim of an article to its "Source: GizmoChina" line (003), unless the sentence names its own source', () => {
    const result = ingest(seed(3));
    const partnership = result.claims.find(({ evidence }) => evidence.quote === 'Xiaomi has chosen Leica due to their extensive experience within the camera industry.' || evidence.quote.startsWith('Since then, Xiaomi has entered'));
    expect(partnership?.evidence.attributedTo).toBe('Publication:gizmochina');
    const ended = result.claims.find(({ evidence }) => evidence.quote.startsWith('Huawei has recently announced'));
    expect(ended?.evidence).toMatchObject({ attributedTo: 'Company:huawei', modality: 'REPORTED' });
  });

  it('leaves claims the article makes in its own voice unattributed', () => {
    const e = evidenceOf(ingest(seed(2)), 'SHOWN_WITH');
    expect(e).toMatchObject({ modality: 'ASSERTED', attributedTo: null });
  });
});

describe('modality', () => {
  it('makes a hedged statement SPECULATED ("would be the 12 Ultra")', () => {
    const result = ingest(seed(3));
    expect(evidenceOf(result, 'OPTICS_BY', 'Product:xiaomi-12-ultra').modality).toBe('SPECULATED');
  });

  it('makes "it is very likely" and "probably" hedges', () => {
    const result = ingest('Orion said little. It is very likely that the Orion X2 will cost around 1,500 euros. The Orion X2 probably costs 1,400 euros.');
    expect(result.claims.map(({ evidence }) => evidence.modality)).toEqual(['SPECULATED', 'SPECULATED']);
  });

  it('makes an announced plan ANNOUNCED (004: "has announced that it will come to July 2022")', () => {
    const e = evidenceOf(ingest(seed(4)), 'LAUNCH_DATE', 'Product:xiaomi-12-ultra');
    expect(e.modality).toBe('ANNOUNCED');
    expect(e.attributedTo).toBe('Company:xiaomi');
  });

  it('limits a hedge to its own clause ("was originally supposed to" does not hedge "isn’t available")', () => {
    const e = evidenceOf(ingest(seed(1)), 'AVAILABILITY', 'Product:xiaomi-12s-ultra');
    expect(e.quote).toContain('which isn’t available in the United States');
    expect(e.quote).toContain('was originally supposed to be much more ambitious');
    expect(e).toMatchObject({ modality: 'REPORTED', attributedTo: 'Company:xiaomi' }); // "Xiaomi announced that ..."
  });

  it('quotes a person in quotation marks (004: the words of Lei Jun)', () => {
    const result = ingest(seed(4));
    const said = result.claims.find(({ claim }) => claim.predicate === 'SAID');
    expect(said?.claim.subject).toBe('Person:lei-jun');
    expect(said?.evidence).toMatchObject({ modality: 'QUOTED', attributedTo: 'Person:lei-jun' });
    expect(said?.claim.value).toMatchObject({ type: 'Text', text: expect.stringMatching(/^Xiaomi focuses on creating .* deep fusion\.$/) });
  });
});
