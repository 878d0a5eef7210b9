import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync, StatementSync } from 'node:sqlite';
import { describe, expect, it, vi } from 'vitest';
import { KnowledgeGraph } from '../../src/graph/index.ts';
import { SearchIndex, Sought, separatorFlags, type Phrase, type Row, type SearchHit } from '../../src/graph/search-index.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import { DATA_DIR } from '../corpus/fixture-corpus.ts';
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

  it('ranks documents holding a common term and a rare one by the rare one, among those holding both', () => {
    const hits = index.search('kelaova 1', 10, ['CLAIM', 'ARTICLE']);
    expect(hits.slice(0, 2).map((h) => h.id).sort()).toEqual(['Article:launch', 'Claim:full']);
    // Claim:full says "Kelaova" twice in a few words; the article once in a long body.
    expect(hits[0]!.id).toBe('Claim:full');
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(hits.some((h) => h.id.startsWith('Claim:n'))).toBe(false);
  });

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

  it('finds the best documents of the kinds asked for under many better ranked ones of another kind', () => {
    const crowded = new SearchIndex();
    crowded.begin(null);
    // Forty entities named by the word rank above any claim: a name weighs ten times a body.
    for (let i = 0; i < 40; i++) crowded.addEntity(entity(`Product:zorblat-${i}`, `Zorblat ${i}`));
    crowded.addClaim('Claim:twice', 'Zorblat and zorblat again');
    crowded.addClaim('Claim:once', `Zorblat once ${'among many other words '.repeat(10)}`);
    crowded.addClaim('Claim:other', 'Nothing here');
    crowded.end(null);
    const claims = crowded.search('zorblat', 2, ['CLAIM']);
    expect(claims.map((h) => h.id)).toEqual(['Claim:twice', 'Claim:once']);
    expect(claims[0]!.score).toBeGreaterThan(claims[1]!.score);
    expect(crowded.search('zorblat', 50, ['ENTITY']).filter((h) => h.kind === 'ENTITY')).toHaveLength(40);
    // The words in any order: the fill with some of them keeps to the kinds as well.
    expect(crowded.search('zorblat again', 1, ['CLAIM']).map((h) => h.id)).toEqual(['Claim:twice']);
    expect(crowded.search('zorblat nothing', 3, ['CLAIM']).map((h) => h.id).sort()).toEqual(['Claim:once', 'Claim:other', 'Claim:twice']);
    crowded.close();
  });

  it('weighs a word by how rare it is among the kinds searched', () => {
    const weighed = new SearchIndex();
    weighed.begin(null);
    // "quill" names forty entities and is in one claim; "vantor" is in one claim only.
    for (let i = 0; i < 40; i++) weighed.addEntity(entity(`Product:quill-${i}`, `Quill ${i}`));
    weighed.addClaim('Claim:quill', 'Quill shipped today');
    weighed.addClaim('Claim:vantor', 'Vantor shipped today');
    weighed.end(null);
    const [first, second] = weighed.search('quill vantor', 2, ['CLAIM']);
    expect([first!.id, second!.id].sort()).toEqual(['Claim:quill', 'Claim:vantor']);
    // Among claims the two words are as rare as each other, so the two claims rank alike.
    expect(first!.score).toBe(second!.score);
    expect(weighed.search('quill vantor', 10, [])).toEqual([]);
    weighed.close();
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

describe('SearchIndex: entity names first, from memory', () => {
  const index = new SearchIndex();
  index.begin(null);
  index.addEntity(entity('Product:sorel-lite-3', 'Sorel Lite 3', ['Lite 3']));
  index.addEntity(entity('Product:sorel-lite-4', 'Sorel Lite 4'));
  index.addEntity(entity('Product:varo-lite', 'Varo Lite'));
  // A long name: BM25 over the whole index would rank it below short claims repeating "lite".
  index.addEntity(entity('Company:northern-lite', 'The Northern Lite Lamp and Lantern Trading Company of Upper Lakeside'));
  index.addEntity(entity('Company:lithium-works', 'Lithium Works'));
  index.addEntity(entity('Company:quillon', 'Quillon Systems', ['QS Group']));
  index.addEntity(entity('Company:cafe-muller', 'Café Müller', ['Müller & Söhne']));
  index.addEntity(entity('Company:att', 'AT&T Mobility'));
  // Short texts repeating a word: BM25 over the whole index would rank them above any name.
  index.addClaim('Claim:lite-spam', 'Lite, lite, lite');
  index.addClaim('Claim:sorel', 'Sorel Lite 3 is sold by Varo');
  index.addClaim('Claim:qs', 'QS Group QS Group');
  index.addArticle(article('review', `${'We tried many phones this year. '.repeat(20)}The Sorel Lite 3 was the best of them.`, '2024-01'));
  index.addArticle(article('cafe', 'We met at the Café Müller in Berlin.', '2024-02'));
  index.end(null);

  const ids = (hits: { id: string }[]) => hits.map((h) => h.id);
  const scoresDescend = (hits: { score: number }[]) => hits.every((h, i) => i === 0 || h.score <= hits[i - 1]!.score);
  const fullTextQueries = (run: () => void) => {
    const all = vi.spyOn(StatementSync.prototype, 'all');
    const get = vi.spyOn(StatementSync.prototype, 'get');
    try {
      run();
      return all.mock.calls.length + get.mock.calls.length;
    } finally {
      all.mockRestore();
      get.mockRestore();
    }
  };

  it('ranks every entity whose name holds the terms above every article and claim', () => {
    const hits = index.search('lite', 10);
    const entities = hits.filter((h) => h.kind === 'ENTITY');
    expect(ids(entities).sort()).toEqual(['Company:northern-lite', 'Product:sorel-lite-3', 'Product:sorel-lite-4', 'Product:varo-lite']);
    expect(hits.slice(0, 4)).toEqual(entities);
    expect(ids(hits)).toEqual(expect.arrayContaining(['Claim:lite-spam', 'Claim:sorel', 'Article:review']));
    expect(Math.min(...entities.map((h) => h.score))).toBeGreaterThan(Math.max(...hits.slice(4).map((h) => h.score)));
    expect(scoresDescend(hits)).toBe(true);
  });

  it('answers a page the entities fill without asking the full-text index', () => {
    let hits: SearchHit[] = [];
    expect(fullTextQueries(() => (hits = index.search('lite', 4)))).toBe(0);
    expect(hits.every((h) => h.kind === 'ENTITY')).toBe(true);
    expect(hits).toHaveLength(4);
    // One more than the entities fill: the full-text index is asked, for the rest only.
    expect(fullTextQueries(() => (hits = index.search('lite', 5)))).toBeGreaterThan(0);
    expect(hits.slice(0, 4).every((h) => h.kind === 'ENTITY')).toBe(true);
    expect(hits[4]!.kind).not.toBe('ENTITY');
  });

  it('follows the entities with articles and claims, saying where each matched', () => {
    const hits = index.search('sorel lite 3', 10);
    expect(hits[0]).toEqual({
      id: 'Product:sorel-lite-3',
      kind: 'ENTITY',
      score: expect.any(Number),
      matches: [
        { field: 'NAME', terms: ['sorel', 'lite', '3'], start: 0, end: 5, snippet: 'Sorel Lite 3' },
        { field: 'ALIAS', terms: ['lite', '3'], start: 0, end: 4, snippet: 'Lite 3' },
      ],
    });
    expect(ids(hits.slice(1, 3)).sort()).toEqual(['Article:review', 'Claim:sorel']);
    expect(hits.find((h) => h.id === 'Claim:sorel')!.matches).toEqual([expect.objectContaining({ field: 'CLAIM_TEXT', start: 0, end: 5 })]);
    const review = hits.find((h) => h.id === 'Article:review')!.matches.find((m) => m.field === 'BODY')!;
    const body = `${'We tried many phones this year. '.repeat(20)}The Sorel Lite 3 was the best of them.`;
    expect(body.slice(review.start, review.end)).toBe('Sorel');
    expect(hits[1]!.score).toBeLessThan(hits[0]!.score);
    expect(scoresDescend(hits)).toBe(true);
  });

  it('matches aliases, with offsets into the alias text', () => {
    const hits = index.search('QS Group', 10);
    expect(hits[0]!.id).toBe('Company:quillon');
    expect(hits[0]!.matches).toEqual([{ field: 'ALIAS', terms: ['qs', 'group'], start: 0, end: 2, snippet: 'QS Group' }]);
    expect(hits[1]!.id).toBe('Claim:qs');
  });

  it('reads the last term as a prefix from three characters, and no other term', () => {
    expect(ids(index.search('lit', 5)).sort()).toEqual(['Company:lithium-works', 'Company:northern-lite', 'Product:sorel-lite-3', 'Product:sorel-lite-4', 'Product:varo-lite']);
    expect(index.search('lit', 5).find((h) => h.id === 'Company:lithium-works')!.matches).toEqual([{ field: 'NAME', terms: ['lithium'], start: 0, end: 7, snippet: 'Lithium Works' }]);
    let hits: SearchHit[] = [];
    expect(fullTextQueries(() => (hits = index.search('sorel lit', 2)))).toBe(0);
    expect(ids(hits).sort()).toEqual(['Product:sorel-lite-3', 'Product:sorel-lite-4']);
    // "li" is too short to be a prefix, and "lit" not last is a whole word: no name holds them.
    expect(index['namedEntities'](['sorel', 'li'], false, 10)).toEqual([]);
    expect(fullTextQueries(() => index.search('sorel li', 2))).toBeGreaterThan(0);
    expect(fullTextQueries(() => index.search('lit sorel', 2))).toBeGreaterThan(0);
  });

  it('folds case and diacritics as the full-text index does', () => {
    const hits = index.search('cafe MULLER', 10);
    expect(hits[0]).toEqual(
      expect.objectContaining({ id: 'Company:cafe-muller', matches: [{ field: 'NAME', terms: ['café', 'müller'], start: 0, end: 4, snippet: 'Café Müller' }, expect.objectContaining({ field: 'ALIAS', terms: ['müller'], start: 0, end: 6 })] }),
    );
    expect(hits[1]!.id).toBe('Article:cafe');
    expect(index.search('Söhne', 10)[0]!.id).toBe('Company:cafe-muller');
    expect(index.search('müll', 10)[0]!.id).toBe('Company:cafe-muller');
    expect(index.search('AT&T', 10)[0]!.matches).toEqual([{ field: 'NAME', terms: ['at', 't'], start: 0, end: 2, snippet: 'AT&T Mobility' }]);
  });

  it('finds in memory exactly the entities the full-text index holds every term of', () => {
    for (const query of ['lite', 'lit', 'sorel lit', 'sorel li', 'Lite 3', 'cafe', 'müll', 'Söhne', 'AT T', 'qs', 'group', 'works lit', '3']) {
      const terms = [...new Set(query.toLowerCase().match(/[\p{L}\p{N}]+/gu))];
      const prefix = terms.at(-1)!.length >= 3;
      const phrases = terms.map((term, i) => ({ term, prefix: i === terms.length - 1 && prefix }));
      expect(ids(index['namedEntities'](terms, prefix, 100)).sort(), query).toEqual(ids(index['ranked'](new Sought(phrases, ' ', ['ENTITY']), 100)).sort());
    }
  });

  it('keeps to the kinds asked for', () => {
    for (const query of ['lite', 'sorel lite 3', 'Sorell', 'QS Group', 'cafe', 'review']) {
      expect(index.search(query, 10, ['ARTICLE', 'CLAIM']).every((h) => h.kind !== 'ENTITY')).toBe(true);
      expect(index.search(query, 10, ['CLAIM']).every((h) => h.kind === 'CLAIM')).toBe(true);
      expect(index.search(query, 10, ['ENTITY']).every((h) => h.kind === 'ENTITY')).toBe(true);
    }
    expect(ids(index.search('lite', 10, ['CLAIM'])).sort()).toEqual(['Claim:lite-spam', 'Claim:sorel']);
  });

  it('still falls back to names a small typo away', () => {
    const hits = index.search('Sorell Lyte', 10);
    expect(ids(hits)).toContain('Product:sorel-lite-3');
    const typo = hits.find((h) => h.id === 'Product:sorel-lite-3')!;
    expect(typo.matches[0]).toEqual({ field: 'NAME', terms: ['sorel', 'lite'], start: 0, end: 5, snippet: 'Sorel Lite 3' });
    expect(scoresDescend(hits)).toBe(true);
  });

  it('returns each hit once, scores never rising', () => {
    for (const query of ['lite', 'lit', 'sorel lite 3', 'lite 3 sorel varo', 'QS Group', 'cafe müller berlin', 'Sorell Lyte', 'qs lite']) {
      for (const limit of [1, 2, 3, 4, 5, 10, 50]) {
        const hits = index.search(query, limit);
        expect(new Set(ids(hits)).size).toBe(hits.length);
        expect(hits.length).toBeLessThanOrEqual(limit);
        expect(scoresDescend(hits)).toBe(true);
      }
    }
  });
});

describe('SearchIndex: articles and claims when many match', () => {
  // Ranked by BM25 up to three matching documents; past that, newest first.
  const index = new SearchIndex(':memory:', '', { rankedUpTo: 3 });
  index.begin(null);
  index.addEntity(entity('Product:orbit-pro', 'Orbit Pro'));
  for (let i = 0; i < 6; i++) index.addClaim(`Claim:c${i}`, `Orbit Pro unit ${i} shipped${i === 2 ? ', Orbit Pro Orbit Pro' : ''}`);
  index.addClaim('Claim:professional', 'Orbit professional edition shipped');
  index.addClaim('Claim:few', 'Zenith camera review');
  index.addClaim('Claim:few-2', 'Zenith camera camera camera review');
  index.end(null);

  it('lists the newest first, below the entities, once more match than it ranks', () => {
    const hits = index.search('orbit pro', 10);
    expect(hits[0]!.id).toBe('Product:orbit-pro');
    const claims = hits.filter((h) => h.kind === 'CLAIM').map((h) => h.id);
    // Newest first among those holding both words as typed; the word "pro" only as a word start comes last.
    expect(claims).toEqual(['Claim:c5', 'Claim:c4', 'Claim:c3', 'Claim:c2', 'Claim:c1', 'Claim:c0', 'Claim:professional']);
    expect(hits.every((h, i) => i === 0 || h.score < hits[i - 1]!.score)).toBe(true);
    const match = hits.find((h) => h.id === 'Claim:c4')!.matches[0]!;
    expect(match.field).toBe('CLAIM_TEXT');
    expect('Orbit Pro unit 4 shipped'.slice(match.start, match.end)).toBe('Orbit');
  });

  it('ranks by BM25 while few match', () => {
    const hits = index.search('zenith camera', 10);
    expect(hits.map((h) => h.id)).toEqual(['Claim:few-2', 'Claim:few']);
  });

  it('takes the last word as typed before taking it as the start of a longer one', () => {
    const exact = index.search('orbit pro', 6, ['CLAIM']);
    expect(exact.map((h) => h.id)).not.toContain('Claim:professional');
    expect(exact).toHaveLength(6);
    // Nothing holds "profes" as a word, so the word start is taken, ahead of the fill with "orbit" alone.
    expect(index.search('orbit profes', 8, ['CLAIM'])[0]!.id).toBe('Claim:professional');
  });

  it('counts matches afresh once the index changes', () => {
    const fresh = new SearchIndex(':memory:', '', { rankedUpTo: 3 });
    fresh.begin(null);
    fresh.addClaim('Claim:z1', 'Nimbus camera camera camera review');
    fresh.addClaim('Claim:z2', 'Nimbus camera review');
    fresh.end(null);
    // Two match: ranked by BM25, the claim saying "camera" three times first.
    expect(fresh.search('nimbus camera', 10).map((h) => h.id)).toEqual(['Claim:z1', 'Claim:z2']);
    fresh.begin(null);
    fresh.addClaim('Claim:z3', 'Nimbus camera listing');
    fresh.addClaim('Claim:z4', 'Nimbus camera note');
    fresh.end(null);
    // Four now match, past the three it ranks: newest first, which a stale count would not give.
    expect(fresh.search('nimbus camera', 10).map((h) => h.id)).toEqual(['Claim:z4', 'Claim:z3', 'Claim:z2', 'Claim:z1']);
  });

  it('keeps to the kinds asked for when listing the newest', () => {
    expect(index.search('orbit pro', 10, ['ARTICLE'])).toEqual([]);
    expect(index.search('orbit pro', 3, ['CLAIM']).map((h) => h.id)).toEqual(['Claim:c5', 'Claim:c4', 'Claim:c3']);
  });
});

describe('SearchIndex: the last word as the start of longer words', () => {
  const withClaims = (texts: Record<string, string>) => {
    const index = new SearchIndex();
    index.begin(1);
    for (const [id, text] of Object.entries(texts)) index.addClaim(id, text);
    index.end(1);
    return index;
  };
  const ids = (index: SearchIndex, query: string) => index.search(query, 10, ['CLAIM']).map((h) => h.id);

  it('finds longer words once the index holds one, and not before', () => {
    const index = withClaims({ 'Claim:a': 'Quorvel ships a lens' });
    expect(ids(index, 'quorvel')).toEqual(['Claim:a']);
    // Asked again after a longer word arrives: what was known about the word is forgotten.
    index.begin(2);
    index.addClaim('Claim:b', 'Quorvelian optics ships a lens');
    index.end(2);
    expect(ids(index, 'quorvel')).toEqual(['Claim:a', 'Claim:b']);
    index.begin(3);
    index.removeClaim('Claim:b');
    index.end(3);
    expect(ids(index, 'quorvel')).toEqual(['Claim:a']);
    index.close();
  });

  it('finds longer words for a term with diacritics, which the index keeps folded', () => {
    const index = withClaims({ 'Claim:a': 'The cafés of Wetzlar', 'Claim:b': 'A café in Beijing' });
    expect(ids(index, 'café').sort()).toEqual(['Claim:a', 'Claim:b']);
    expect(ids(index, 'cafe').sort()).toEqual(['Claim:a', 'Claim:b']);
    index.close();
  });
});

describe('SearchIndex: where a long body matched', () => {
  const filler = (count: number, tag: string) => Array.from({ length: count }, (_, i) => `${tag}${i}`).join(' ');
  const bodyMatch = (body: string, query: string) => {
    const index = new SearchIndex();
    index.begin(1);
    index.addArticle({ id: 'Article:long', title: 'A long article', body } as never);
    index.end(1);
    const [hit] = index.search(query, 5, ['ARTICLE']);
    index.close();
    return hit!.matches.find((m) => m.field === 'BODY')!;
  };
  /** The rule a snippet follows: from the first space 60 characters before the match to the first 60 after, spaces collapsed. */
  const expectedSnippet = (body: string, start: number, end: number) => {
    const from = body.lastIndexOf(' ', start - 60) + 1;
    const space = body.indexOf(' ', end + 60);
    const to = space < 0 ? body.length : space;
    return `${from > 0 ? '…' : ''}${body.slice(from, to).replace(/\s+/g, ' ')}${to < body.length ? '…' : ''}`;
  };

  it('gives the first match, every term matched, and the words around it, however long the body', () => {
    const body = `${filler(300, 'lorem')} Quorvel  met\tZentrix and quorvels, then QUORVEL again ${filler(600, 'ipsum')} zentrix`;
    const match = bodyMatch(body, 'quorvel zentrix');
    const start = body.indexOf('Quorvel');
    expect([match.start, match.end]).toEqual([start, start + 'Quorvel'.length]);
    expect(body.slice(match.start, match.end)).toBe('Quorvel');
    expect(match.terms.sort()).toEqual(['quorvel', 'zentrix']);
    expect(match.snippet).toBe(expectedSnippet(body, match.start, match.end));
    expect(match.snippet).toContain('Quorvel met Zentrix');
  });

  it('takes the snippet to the next space even when that is far past the match', () => {
    const run = 'x'.repeat(1500);
    const body = `${filler(50, 'lorem')} quorvel ${run} tail words`;
    const match = bodyMatch(body, 'quorvel');
    expect(match.snippet).toBe(expectedSnippet(body, match.start, match.end));
    expect(match.snippet.endsWith(`${run}…`)).toBe(true);
  });

  it('ends the snippet with the body when the match is near its end', () => {
    const body = `${filler(400, 'lorem')} last quorvel`;
    const match = bodyMatch(body, 'quorvel');
    expect(match.snippet).toBe(expectedSnippet(body, match.start, match.end));
    expect(match.snippet.endsWith('last quorvel')).toBe(true);
  });
});

describe('SearchIndex: the matched words found without FTS5\'s highlight', () => {
  /** The tokens SQLite's FTS5, with the index's tokenizer, cuts each of `texts` into, as the index keeps them. */
  const tokensOf = (...texts: string[]) => {
    const db = new DatabaseSync(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2'); CREATE VIRTUAL TABLE v USING fts5vocab(t, row);");
    const insert = db.prepare('INSERT INTO t (x) VALUES (?)');
    for (const text of texts) insert.run(text);
    const terms = (db.prepare('SELECT term FROM v').all() as { term: string }[]).map((r) => r.term);
    db.close();
    return terms;
  };

  it('knows which characters outside ASCII FTS5 reads as separators, each asked of FTS5 on its own', () => {
    const flags = separatorFlags();
    const separators = Array.from(flags.keys()).filter((code) => flags[code] === 1).map((code) => String.fromCodePoint(code));
    expect(separators.length).toBeGreaterThan(5000);
    expect(separators).toEqual(expect.arrayContaining(['\u00a0', '’', '“', '”', '—', '…', '€', '©', '™', '·', '•', '\u3000', '⭐', '\ufe0f', '\u200d', '🔥', '😀']));
    // Every one splits the words around it, each in a document of its own.
    expect(tokensOf(...separators.map((char) => `q${char}q`))).toEqual(['q']);
    // Assigned after Unicode 6.1, so FTS5 reads them as part of a word; JavaScript calls them symbols.
    expect(/\p{S}/u.test('\u20bf') && /\p{S}/u.test('🤣')).toBe(true);
    expect([flags[0x20bf], flags[0x1f923]]).toEqual([0, 0]);
    expect(tokensOf('q\u20bfq', 'q🤣q').sort()).toEqual(['q\u20bfq', 'q🤣q']);
    // Letters, digits, marks that fold away and surrogates never are.
    expect(['é', 'ß', '小', '٣', '\u0301', '\ud83d'].map((char) => flags[char.charCodeAt(0)])).toEqual([0, 0, 0, 0, 0, 0]);
    expect(separators.filter((char) => char.toLowerCase().length !== char.length)).toEqual([]);
  });

  it('reads runs of ASCII letters and digits as FTS5 reads them, case folded', () => {
    const ascii = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).filter((ch) => !/[A-Za-z0-9]/.test(ch));
    expect(tokensOf(`Ab1${ascii.join('Cd2')}eF3`).sort()).toEqual(['ab1', 'cd2', 'ef3']);
  });

  it('marks the same words, offsets, terms and snippets as FTS5\'s highlight, on the shipped corpus and on text that is not plain', async () => {
    const corpus = await loadCorpus(DATA_DIR);
    const shipped = new KnowledgeGraph(corpus.rates);
    shipped.apply(corpus.facts);
    const index = shipped.search;
    index.begin(null);
    index.addArticle({ id: 'Article:accents', title: 'Leica and the Café', body: 'Léica met Leica at the café — “Leica” 🔥 LEICA' } as never);
    index.addArticle({ id: 'Article:plain-symbols', title: 'Leica © 2022 — “quoted” · and € 40', body: 'The Leica™ lens costs €40 ± 5 … leica\u00a0summilux ⭐ leicas' } as never);
    index.addClaim('Claim:cjk', 'Leica 与 小米 合作 leica');
    index.addClaim('Claim:glued', 'Xleica, aleica and leica9 but leica');
    index.end(null);
    const words = [...new Set(corpus.articles.flatMap((a) => a.body.toLowerCase().match(/[a-z0-9]+/g) ?? []))];
    const queries: Phrase[][] = [
      ...words.filter((_w, i) => i % 7 === 0).map((term) => [{ term, prefix: false }]),
      ...words.filter((w, i) => i % 11 === 0 && w.length >= 3).map((term) => [{ term: term.slice(0, 3), prefix: true }]),
      [{ term: 'leica', prefix: false }, { term: 'xiaomi', prefix: false }],
      [{ term: 'leica', prefix: false }, { term: 'summ', prefix: true }],
      [{ term: 'ultra', prefix: false }, { term: 'ultra', prefix: true }],
    ];
    const matching = index['db'].prepare('SELECT rowid, kind, id, name, aliases, title, body, text FROM docs WHERE docs MATCH ?');
    let located = 0;
    let notPlain = 0;
    for (const phrases of queries) {
      for (const joiner of [' ', ' OR '] as const) {
        const sought = new Sought(phrases, joiner);
        for (const row of matching.all(sought.match) as Row[]) {
          const found = sought.locate(row);
          if (found === null) {
            notPlain++;
            continue;
          }
          located++;
          expect(found, `${sought.match} in ${row.id}`).toEqual(index['highlights'](row.rowid, sought.match));
        }
      }
    }
    expect(located).toBeGreaterThan(Math.max(500, notPlain));
    // Left to FTS5: the article with accents and the claim in Chinese.
    expect(notPlain).toBeGreaterThan(0);
    const hits = index.search('leica', 100, ['ARTICLE', 'CLAIM']);
    const accents = hits.find((h) => h.id === 'Article:accents')!;
    expect(accents.matches.find((m) => m.field === 'BODY')).toMatchObject({ start: 0, end: 5, terms: ['léica', 'leica'] });
    const symbols = hits.find((h) => h.id === 'Article:plain-symbols')!;
    expect(symbols.matches.find((m) => m.field === 'BODY')).toMatchObject({ start: 4, end: 9, terms: ['leica'] });
    expect(new Sought([{ term: 'leica', prefix: true }], ' ').locate({ rowid: 0, kind: 'ARTICLE', id: 'x', body: 'Léica' })).toBeNull();
  });

  it('leaves a query with words that are not ASCII to FTS5', () => {
    expect(new Sought([{ term: 'café', prefix: false }], ' ').locate({ rowid: 0, kind: 'ARTICLE', id: 'x', body: 'a cafe' })).toBeNull();
  });
});

describe('SearchIndex: replaying many batches in bulk', () => {
  const batch = (index: SearchIndex, seq: number) => {
    index.begin(seq);
    index.addClaim(`Claim:b${seq}`, `Quorvel batch ${seq}`);
    index.end(seq);
  };
  const reopened = (path: string) => new SearchIndex(path, 'log-1');

  it('keeps every batch and the indexed position once the replay ends', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'claimgraph-search-')), 'search.sqlite');
    const index = reopened(path);
    await index.bulk(async () => {
      for (let seq = 1; seq <= 5; seq++) batch(index, seq);
    });
    index.close();
    const again = reopened(path);
    expect(again.indexedSeq).toBe(5);
    expect(again.search('quorvel', 10, ['CLAIM'])).toHaveLength(5);
    // Batches the index holds are skipped when replayed again.
    expect(again.begin(3)).toBe(false);
    again.end(3);
    again.close();
  });

  it('keeps nothing past its last commit when the replay fails, in memory or on disk', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'claimgraph-search-')), 'search.sqlite');
    const index = reopened(path);
    batch(index, 1);
    await expect(index.bulk(async () => {
      for (let seq = 2; seq <= 4; seq++) batch(index, seq);
      throw new Error('the log could not be read');
    })).rejects.toThrow('the log could not be read');
    expect(index.indexedSeq).toBe(1);
    expect(index.search('quorvel', 10, ['CLAIM']).map((h) => h.id)).toEqual(['Claim:b1']);
    // A batch that fails part-way undoes the bulk too.
    await expect(index.bulk(async () => {
      batch(index, 2);
      index.begin(3);
      index.addClaim('Claim:half', 'Quorvel half');
      index.abort();
      throw new Error('bad batch');
    })).rejects.toThrow('bad batch');
    expect(index.indexedSeq).toBe(1);
    index.close();
    const again = reopened(path);
    expect(again.indexedSeq).toBe(1);
    expect(again.search('quorvel', 10, ['CLAIM']).map((h) => h.id)).toEqual(['Claim:b1']);
    // Writing goes on as before afterwards.
    batch(again, 2);
    expect(again.search('quorvel', 10, ['CLAIM'])).toHaveLength(2);
    again.close();
  });

  it('ends a replay that indexed a large share of the documents with the index in one segment', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'claimgraph-search-')), 'search.sqlite');
    // A commit after every second document, each writing a segment of its own.
    const index = new SearchIndex(path, 'log-1', { bulkCommitEvery: 2 });
    let during = 0;
    await index.bulk(async () => {
      for (let seq = 1; seq <= 8; seq++) batch(index, seq);
      during = index.segmentCount();
    });
    expect(during).toBeGreaterThan(1);
    expect(index.segmentCount()).toBe(1);
    expect(index.search('quorvel', 10, ['CLAIM'])).toHaveLength(8);
    expect(index.search('quorvel batch 7', 10, ['CLAIM'])[0]?.id).toBe('Claim:b7');
    index.close();
  });

  it('leaves the segments as they are after a replay of a few batches into a large index', async () => {
    const index = new SearchIndex(':memory:', 'log-1');
    await index.bulk(async () => {
      for (let seq = 1; seq <= 40; seq++) batch(index, seq);
    });
    expect(index.segmentCount()).toBe(1);
    // Two documents beside forty: each batch on its own commits a segment.
    batch(index, 41);
    await index.bulk(async () => batch(index, 42));
    expect(index.segmentCount()).toBe(3);
    expect(index.search('quorvel', 50, ['CLAIM'])).toHaveLength(42);
    index.close();
  });
});

describe('SearchIndex: mentions written by a first replay', () => {
  const byEntityIndexExists = (path: string) => {
    const db = new DatabaseSync(path, { readOnly: true });
    try {
      return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'mentions_by_entity'").get() !== undefined;
    } finally {
      db.close();
    }
  };
  const mention = (articleId: string, entityId: string, start: number) => ({ articleId, entityId, start, end: start + 5, text: 'Quorv', method: 'EXTRACTED' as const });
  /** One batch per article, each naming two of three entities. */
  const articleBatch = (index: SearchIndex, seq: number) => {
    index.begin(seq);
    index.addClaim(`Claim:m${seq}`, `Quorvel mention ${seq}`);
    index.addMention(mention(`Article:a${seq}`, `Company:e${seq % 3}`, 0));
    index.addMention(mention(`Article:a${seq}`, `Company:e${(seq + 1) % 3}`, 10));
    index.end(seq);
  };
  const fresh = () => join(mkdtempSync(join(tmpdir(), 'claimgraph-mentions-')), 'search.sqlite');
  // A commit after every second document, so a replay of a few batches commits part-way.
  const open = (path: string) => new SearchIndex(path, 'log-1', { bulkCommitEvery: 2 });

  it('builds the index by entity once the replay has filled the table, and finds every mention by it', async () => {
    const path = fresh();
    const index = open(path);
    let duringReplay: boolean | undefined;
    await index.bulk(async () => {
      for (let seq = 1; seq <= 6; seq++) articleBatch(index, seq);
      // What the replay has committed so far holds the mentions without the index.
      duringReplay = byEntityIndexExists(path);
    });
    expect(duringReplay).toBe(false);
    expect(index.mentions.articlesOf('Company:e0')).toEqual(['Article:a2', 'Article:a3', 'Article:a5', 'Article:a6']);
    expect(index.mentions.ofEntity('Company:e1').map((m) => [m.articleId, m.start])).toEqual([
      ['Article:a1', 0], ['Article:a3', 10], ['Article:a4', 0], ['Article:a6', 10],
    ]);
    index.close();
    expect(byEntityIndexExists(path)).toBe(true);
  });

  it('moves a merged entity\'s mentions during the replay', async () => {
    const path = fresh();
    const index = open(path);
    await index.bulk(async () => {
      for (let seq = 1; seq <= 4; seq++) articleBatch(index, seq);
      index.begin(5);
      index.moveMentions('Company:e2', 'Company:e0');
      index.end(5);
      articleBatch(index, 6);
    });
    expect(index.mentions.ofEntity('Company:e2')).toEqual([]);
    expect(index.mentions.articlesOf('Company:e0')).toEqual(['Article:a1', 'Article:a2', 'Article:a3', 'Article:a4', 'Article:a6']);
    index.close();
    expect(byEntityIndexExists(path)).toBe(true);
  });

  it('keeps the index by entity when a replay fails after committing part of its batches', async () => {
    const path = fresh();
    const index = open(path);
    await expect(index.bulk(async () => {
      for (let seq = 1; seq <= 5; seq++) articleBatch(index, seq);
      throw new Error('the log could not be read');
    })).rejects.toThrow('the log could not be read');
    // Batches 1 to 4 were committed (two documents a commit); batch 5 was not.
    expect(index.indexedSeq).toBe(4);
    expect(index.mentions.articlesOf('Company:e2')).toEqual(['Article:a1', 'Article:a2', 'Article:a4']);
    index.close();
    expect(byEntityIndexExists(path)).toBe(true);
  });

  it('gets the index by entity back when opening a file a stopped replay left without it', () => {
    const path = fresh();
    const index = open(path);
    articleBatch(index, 1);
    index.close();
    const db = new DatabaseSync(path);
    db.exec('DROP INDEX mentions_by_entity');
    db.close();
    expect(byEntityIndexExists(path)).toBe(false);
    const again = open(path);
    expect(byEntityIndexExists(path)).toBe(true);
    expect(again.mentions.articlesOf('Company:e2')).toEqual(['Article:a1']);
    again.close();
  });

  it('leaves the index by entity in place when the file already holds mentions', async () => {
    const path = fresh();
    const index = open(path);
    articleBatch(index, 1);
    let duringReplay: boolean | undefined;
    await index.bulk(async () => {
      for (let seq = 2; seq <= 5; seq++) articleBatch(index, seq);
      duringReplay = byEntityIndexExists(path);
    });
    expect(duringReplay).toBe(true);
    index.close();
  });
});
