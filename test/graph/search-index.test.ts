import { describe, expect, it } from 'vitest';
import { KnowledgeGraph } from '../../src/graph/index.ts';
import { SearchIndex } from '../../src/graph/search-index.ts';
import { A, FACTS, RATES, article, entity } from './fixtures.ts';

const graph = new KnowledgeGraph(RATES);
graph.apply(FACTS);

describe('SearchIndex', () => {
  it('ranks an entity whose name matches above articles that only mention it', () => {
    const hits = graph.search.search('lensco', 10);
    expect(hits[0]!.id).toBe('Company:lensco');
    expect(hits[0]!.matches[0]!.field).toBe('NAME');
  });

  it('says where in an article body the query matched', () => {
    const hits = graph.search.search('euros', 10, ['ARTICLE']);
    expect(hits).toHaveLength(1);
    const [match] = hits[0]!.matches;
    const body = graph.article(hits[0]!.id)!.body;
    expect(match!.field).toBe('BODY');
    expect(body.slice(match!.start, match!.end).toLowerCase()).toBe('euros');
  });

  it('matches aliases, prefixes and small typos', () => {
    expect(graph.search.search('ACME Corp', 5)[0]!.id).toBe('Company:acme');
    expect(graph.search.search('Lens', 5).map((h) => h.id)).toContain('Company:lensco');
    expect(graph.search.search('Widgte', 5, ['ENTITY'])[0]!.id).toBe('Product:widget');
  });

  it('finds claims by their text', () => {
    const hits = graph.search.search('made by Acme', 5, ['CLAIM']);
    expect(graph.claimText(graph.claim(hits[0]!.id)!)).toBe('Widget is made by Acme');
  });

  it('returns nothing for words the corpus lacks', () => {
    expect(graph.search.search('zeppelin', 5)).toEqual([]);
    expect(A.body).not.toContain('zeppelin');
  });
});

describe('SearchIndex: documents with every term first', () => {
  const index = new SearchIndex();
  index.begin(null);
  index.addEntity(entity('Product:kelaova-nova-1-concept', 'Kelaova Nova 1 Concept', ['Nova 1 Concept']));
  index.addEntity(entity('Product:kelaova-nova-2', 'Kelaova Nova 2'));
  index.addEntity(entity('Company:kelaova', 'Kelaova'));
  index.addClaim('Claim:full', 'Kelaova Nova 1 Concept is made by Kelaova');
  index.addClaim('Claim:brand', 'Kelaova opened a store');
  index.addArticle(article('launch', `${'The show went on for hours. '.repeat(40)}At the end the Kelaova Nova 1 Concept was shown.`, '2024-01'));
  index.addClaim('Claim:brand-only', 'Kelaova, Kelaova, Kelaova');
  index.addArticle(article('concepts', 'Three concepts were shown, each a Nova of its own.', '2024-01'));
  // "1" is in far more documents than a term may be and still be searched for on its own.
  for (let i = 0; i < 2100; i++) index.addClaim(`Claim:n${i}`, `Gadget ${i} sold 1 unit`);
  index.end(null);

  const scoresDescend = (hits: { score: number }[]) => hits.every((h, i) => i === 0 || h.score <= hits[i - 1]!.score);

  it('ranks documents holding every term above those holding only a common one', () => {
    const hits = index.search('Kelaova Nova 1 Concept', 10);
    expect(hits.slice(0, 3).map((h) => h.id).sort()).toEqual(['Article:launch', 'Claim:full', 'Product:kelaova-nova-1-concept']);
    expect(hits.map((h) => h.id)).not.toContain('Claim:n1');
    expect(scoresDescend(hits)).toBe(true);
  });

  it('fills up with documents holding some terms, ranked strictly below, only when too few hold all', () => {
    const hits = index.search('Kelaova Nova 1 Concept', 10);
    const every = ['Claim:full', 'Product:kelaova-nova-1-concept', 'Article:launch'];
    const all = hits.filter((h) => every.includes(h.id));
    expect(hits.slice(0, 3)).toEqual(all);
    // A short text repeating one rare term would outscore a long article holding all of them.
    expect(hits.map((h) => h.id)).toContain('Claim:brand-only');
    const some = hits.filter((h) => !all.includes(h));
    expect(some.map((h) => h.id)).toEqual(expect.arrayContaining(['Claim:brand', 'Company:kelaova', 'Product:kelaova-nova-2', 'Article:concepts']));
    expect(Math.min(...all.map((h) => h.score))).toBeGreaterThan(Math.max(...some.map((h) => h.score)));
    // Each filled-in hit still says which terms it matched.
    expect(some.find((h) => h.id === 'Claim:brand')!.matches).toEqual([expect.objectContaining({ field: 'CLAIM_TEXT', terms: ['kelaova'], start: 0, end: 7 })]);

    expect(index.search('Kelaova Nova 1 Concept', 3).map((h) => h.id).sort()).toEqual(every.sort());
    expect(index.search('Kelaova Nova 1 Concept', 1)).toHaveLength(1);
  });

  it('returns each document once', () => {
    for (const query of ['Kelaova Nova 1 Concept', 'kelaova kelaova nova', 'Kelaova Nova 2', 'Kelaovo', 'nova concept']) {
      const ids = index.search(query, 20).map((h) => h.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('keeps a prefix on the last term, in both passes', () => {
    expect(index.search('Kelaova Conc', 10).map((h) => h.id)).toContain('Product:kelaova-nova-1-concept');
    const article = index.search('zeppelin concep', 10).find((h) => h.id === 'Article:concepts')!;
    expect(article.matches.find((m) => m.field === 'BODY')).toEqual(expect.objectContaining({ field: 'BODY', terms: ['concepts'], start: 6, end: 14 }));
  });

  it('ranks typo matches below every exact one', () => {
    const hits = index.search('Kelaovo store', 10);
    expect(hits[0]!.id).toBe('Claim:brand');
    expect(hits.map((h) => h.id)).toContain('Company:kelaova');
    expect(scoresDescend(hits)).toBe(true);
    expect(hits.at(-1)!.score).toBeLessThan(hits[0]!.score);
  });

  it('keeps to the kinds asked for in both passes', () => {
    const hits = index.search('Kelaova Nova 1 Concept', 10, ['ENTITY']);
    expect(hits.map((h) => h.id)).toEqual(['Product:kelaova-nova-1-concept', expect.any(String), expect.any(String)]);
    expect(hits.every((h) => h.kind === 'ENTITY')).toBe(true);
  });

  it('reads no query syntax in what a user types', () => {
    for (const query of ['"', 'Kelaova"', 'NEAR(kelaova nova)', 'kelaova OR zeppelin', 'kelaova AND', 'NOT nova', '(nova', 'name: kelaova', '{name}: kelaova', '^kelaova', 'nova*', '-kelaova', '+', '*', 'kelaova + nova']) {
      expect(() => index.search(query, 5)).not.toThrow();
    }
    // "name:" is a word to look for, not a column (claims have no name, yet are found).
    expect(index.search('name: kelaova', 5, ['CLAIM']).map((h) => h.id)).toContain('Claim:brand');
    expect(index.search('{name}: kelaova', 5, ['CLAIM']).map((h) => h.id)).toContain('Claim:brand');
    expect(index.search('kelaova OR zeppelin', 5)[0]!.matches[0]!.terms).toEqual(['kelaova']);
    expect(index.search('NOT kelaova', 5).map((h) => h.id)).toContain('Company:kelaova');
    expect(index.search('"*"', 5)).toEqual([]);
  });
});
