import { describe, expect, it } from 'vitest';
import { KnowledgeGraph, NotFoundGraphError, UsageGraphError, conflictGroups, conflictsOf, corroboration, neighborhood, usdOf } from '../../src/graph/index.ts';
import { makeClaim, type Fact } from '../../src/model/index.ts';
import { A, B, C, FACTS, RATES, stated } from './fixtures.ts';

function build(extra: Fact[] = []): KnowledgeGraph {
  const graph = new KnowledgeGraph(RATES);
  graph.apply(FACTS);
  if (extra.length) graph.apply(extra);
  return graph;
}

describe('KnowledgeGraph', () => {
  it('keeps one claim per statement, with one evidence per article that states it', () => {
    const graph = build();
    const [units] = graph.claims({ subject: 'Product:widget', predicate: 'UNITS_PRODUCED' });
    expect(units!.evidence.map((e) => e.articleId).sort()).toEqual([A.id, B.id, C.id]);
    for (const evidence of units!.evidence) {
      expect(graph.article(evidence.articleId)!.body.slice(evidence.start, evidence.end)).toBe(evidence.quote);
    }
  });

  it('counts articles that credit the same upstream source as one independent source', () => {
    const graph = build();
    const [units] = graph.claims({ subject: 'Product:widget', predicate: 'UNITS_PRODUCED' });
    const support = corroboration(graph, units!);
    expect(support).toMatchObject({ evidenceCount: 3, articleCount: 3, independentSourceCount: 1 });
    expect(support.independentSources[0]!.entity!.id).toBe('Publication:wire');
    expect(support.independentSources[0]!.articles.map((a) => a.id)).toEqual([A.id, B.id, C.id]);
  });

  it('treats an article that credits no one as its own source, grouped by publisher when known', () => {
    const graph = build();
    const [cost] = graph.claims({ subject: 'Product:widget', predicate: 'UNIT_COST' }).filter((c) => c.evidence[0]!.articleId === B.id);
    const support = corroboration(graph, cost!);
    expect(support.independentSources.map((s) => s.key)).toEqual([B.id]);
  });

  it('reports different values of a one-valued predicate as conflicts, with the gap in dollars', () => {
    const graph = build();
    const costs = graph.claims({ subject: 'Product:widget', predicate: 'UNIT_COST' });
    expect(costs).toHaveLength(3);
    const euro = costs.find((c) => c.statement.value?.type === 'Money' && c.statement.value.currency === 'EUR')!;
    // Published 2022-09: converted at that month's rate, 1.00.
    expect(usdOf(graph, euro)!.usd).toBe(42000);
    const conflicts = conflictsOf(graph, euro);
    expect(conflicts.map((c) => c.kind)).toEqual(['DIFFERENT_VALUE', 'DIFFERENT_VALUE']);
    expect(conflicts.map((c) => c.usdDifference!).sort((x, y) => x - y)).toEqual([790, 2000]);
    const [group] = conflictGroups(graph, { predicate: 'UNIT_COST' });
    expect(group!.usdRange).toEqual({ min: 40000, max: 42000 });
  });

  it('does not report a conflict between values of a many-valued predicate', () => {
    const graph = build([
      stated({ subject: 'Company:acme', predicate: 'PARTNERS_WITH', object: 'Company:lensco' }, A, 'Acme made'),
    ]);
    expect(conflictGroups(graph, { subject: 'Company:acme' })).toEqual([]);
  });

  it('reports a denial of a claim as a conflict', () => {
    const graph = build([
      stated({ subject: 'Person:ann', predicate: 'AFFILIATED_WITH', object: 'Company:acme', negated: true }, B, 'As Wire reported'),
    ]);
    const [group] = conflictGroups(graph, { subject: 'Person:ann' });
    expect(group!.kinds).toEqual(['DENIAL']);
  });

  it('reads a symmetric statement both ways as one claim', () => {
    const graph = build([stated({ subject: 'Company:acme', predicate: 'PARTNERS_WITH', object: 'Company:lensco' }, A, 'Acme made')]);
    const partners = graph.claims({ predicate: 'PARTNERS_WITH' });
    expect(partners).toHaveLength(1);
    expect(partners[0]!.evidence).toHaveLength(2);
    expect(graph.claims({ subject: 'Company:acme', predicate: 'PARTNERS_WITH' })).toHaveLength(1);
    expect(graph.claims({ subject: 'Company:lensco', predicate: 'PARTNERS_WITH' })).toHaveLength(1);
  });

  it('finds entities by name or alias in any case, possessives included', () => {
    const graph = build();
    expect(graph.entitiesByName('acme corp').map((e) => e.id)).toEqual(['Company:acme']);
    expect(graph.entitiesByName("ACME's").map((e) => e.id)).toEqual(['Company:acme']);
    expect(graph.entitiesByName('Nobody')).toEqual([]);
  });

  it('rejects a batch that refers to an unknown entity and changes nothing', () => {
    const graph = build();
    const before = { claims: graph.count('Claim'), version: graph.version };
    const bad = stated({ subject: 'Company:ghost', predicate: 'PARTNERS_WITH', object: 'Company:acme' }, A, 'Acme made');
    const good = stated({ subject: 'Company:acme', predicate: 'COUNTRY', object: null, value: { type: 'Text', text: 'Japan' } }, A, 'Acme made');
    expect(() => graph.apply([good, bad])).toThrow(NotFoundGraphError);
    expect({ claims: graph.count('Claim'), version: graph.version }).toEqual(before);
  });

  it('deprecates a retracted claim, hides it by default and drops its link from traversal', () => {
    const graph = build();
    const [affiliation] = graph.claims({ subject: 'Person:ann', predicate: 'AFFILIATED_WITH' });
    graph.apply([{ type: 'ClaimRetracted', claimId: affiliation!.statement.id, reason: 'misread' }], { actor: 'editor', at: '2026-01-01T00:00:00Z' });
    expect(graph.claims({ subject: 'Person:ann' })).toEqual([]);
    const [retracted] = graph.claims({ subject: 'Person:ann', includeDeprecated: true });
    expect(graph.rank(retracted!)).toBe('DEPRECATED');
    expect(retracted!.retraction).toEqual({ reason: 'misread', actor: 'editor', at: '2026-01-01T00:00:00Z', seq: null });
    expect(graph.related('Person:ann')).toEqual([]);
  });

  it('keeps a link while any claim rests on it and drops it with the last', () => {
    const graph = build();
    const before = graph.related('Company:lensco', 'PARTNERS_WITH');
    expect(before).toHaveLength(1);
    const [first] = before[0]!.claimIds;
    // A second statement of the same link: the same ends and predicate, with a time qualifier.
    const second = stated({ subject: 'Company:lensco', predicate: 'PARTNERS_WITH', object: 'Company:acme', qualifiers: { startTime: { type: 'Date', value: '2020', precision: 'YEAR' } } }, B, 'As Wire reported');
    graph.apply([second]);
    const secondId = second.type === 'ClaimStated' ? second.claim.id : '';
    expect(graph.related('Company:lensco', 'PARTNERS_WITH').map((r) => r.claimIds)).toEqual([[first, secondId]]);
    expect(neighborhood(graph, 'Company:lensco', 1).edges.map((e) => e.claimIds)).toContainEqual([first, secondId]);
    graph.apply([{ type: 'ClaimRetracted', claimId: first!, reason: 'misread' }]);
    expect(graph.related('Company:lensco', 'PARTNERS_WITH').map((r) => r.claimIds)).toEqual([[secondId]]);
    expect(neighborhood(graph, 'Company:lensco', 1).edges.map((e) => e.claimIds)).toContainEqual([secondId]);
    graph.apply([{ type: 'ClaimRetracted', claimId: secondId, reason: 'misread' }]);
    expect(graph.related('Company:lensco', 'PARTNERS_WITH')).toEqual([]);
    expect(graph.graph.hasEdge('Company:lensco', 'Company:acme')).toBe(false);
  });

  it('moves aliases, mentions and claims to the kept entity on a merge, and resolves the old ID', () => {
    const graph = build([
      { type: 'EntityAdded', entity: { id: 'Company:acme-inc', kind: 'Company', name: 'Acme Inc', aliases: [], description: null } },
      stated({ subject: 'Company:acme-inc', predicate: 'COUNTRY', object: null, value: { type: 'Text', text: 'Japan' } }, B, 'As Wire reported'),
    ]);
    graph.apply([{ type: 'EntitiesMerged', keep: 'Company:acme', merge: 'Company:acme-inc' }]);
    expect(graph.entity('Company:acme-inc')!.id).toBe('Company:acme');
    expect(graph.entity('Company:acme')!.aliases).toContain('Acme Inc');
    const country = graph.claims({ subject: 'Company:acme', predicate: 'COUNTRY' });
    expect(country).toHaveLength(1);
    expect(country[0]!.statement.subject).toBe('Company:acme');
    const oldId = makeClaim({ subject: 'Company:acme-inc', predicate: 'COUNTRY', object: null, value: { type: 'Text', text: 'Japan' }, qualifiers: {}, negated: false }).id;
    expect(graph.claim(oldId)).toBe(country[0]);
  });

  it('keeps a statement with time qualifiers only for dates they include', () => {
    const graph = build([
      stated({ subject: 'Company:acme', predicate: 'PARTNERS_WITH', object: 'Company:lensco', qualifiers: { endTime: { type: 'Date', value: '2022-05', precision: 'MONTH' } } }, B, 'As Wire reported'),
    ]);
    const ended = (date: string) => graph.claims({ subject: 'Company:acme', predicate: 'PARTNERS_WITH', validAt: date })
      .filter((c) => c.statement.qualifiers.endTime).length;
    expect(ended('2021')).toBe(1);
    expect(ended('2022-04-30')).toBe(1);
    expect(ended('2022-05')).toBe(0);
    expect(ended('2022-08')).toBe(0);
  });

  it('answers what was known by a date from the articles published by then', () => {
    const graph = build();
    const costs = (date: string) => graph.claims({ predicate: 'UNIT_COST', knownAt: date }).length;
    expect(costs('2022-06')).toBe(0);
    expect(costs('2022-07')).toBe(1);
    expect(costs('2022-08-15')).toBe(2);
    expect(costs('2023')).toBe(3);
  });

  it('records the outlets an article credits as its citations', () => {
    const graph = build();
    expect(graph.citesOf(A.id).map((e) => e.id)).toEqual(['Publication:wire']);
    expect(graph.citesOf(B.id).map((e) => e.id)).toEqual(['Publication:wire']);
  });

  it('writes a readable sentence for each claim', () => {
    const graph = build();
    const texts = graph.claims().map((c) => graph.claimText(c));
    expect(texts).toContain('Widget is made by Acme');
    expect(texts).toContain('10 units of Widget were made');
    expect(texts).toContain('Each Widget cost 42,000 EUR');
  });

  it('ignores the same article added twice', () => {
    const graph = build();
    graph.apply([{ type: 'ArticleAdded', article: { ...A, id: 'Article:a-copy' } }]);
    expect(graph.count('Article')).toBe(3);
    expect(graph.articleByContentHash(A.contentHash)!.id).toBe(A.id);
  });

  it('refuses to merge an entity into itself', () => {
    const graph = build();
    expect(() => graph.apply([{ type: 'EntitiesMerged', keep: 'Company:acme', merge: 'Company:acme' }])).toThrow(UsageGraphError);
  });
});

describe('conflicts over time', () => {
  it('reports a partnership that ended and another that began as a change over time, not a dispute', () => {
    const graph = build([
      { type: 'EntityAdded', entity: { id: 'Company:optico', kind: 'Company', name: 'Optico', aliases: [], description: null } },
      stated({ subject: 'Company:lensco', predicate: 'PARTNERS_WITH', object: 'Company:optico', qualifiers: { endTime: { type: 'Date', value: '2022', precision: 'YEAR' } } }, B, 'As Wire reported'),
      stated({ subject: 'Company:lensco', predicate: 'PARTNERS_WITH', object: 'Company:acme', qualifiers: { startTime: { type: 'Date', value: '2022', precision: 'YEAR' } } }, C, 'Acme partners with Lensco'),
    ]);
    const groups = conflictGroups(graph, { subject: 'Company:lensco' });
    expect(groups).toHaveLength(1);
    expect(groups[0]!.kinds).toEqual(['CHANGED_OVER_TIME']);
    expect(groups[0]!.claims.map((c) => c.statement.qualifiers.startTime ?? c.statement.qualifiers.endTime).length).toBe(2);
    // Partners at the same time are no conflict at all.
    expect(conflictGroups(graph, { subject: 'Company:acme' })).toEqual([]);
  });
});
