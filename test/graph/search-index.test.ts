import { describe, expect, it } from 'vitest';
import { KnowledgeGraph } from '../../src/graph/index.ts';
import { A, FACTS, RATES } from './fixtures.ts';

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
