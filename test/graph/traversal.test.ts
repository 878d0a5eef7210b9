import { describe, expect, it } from 'vitest';
import { KnowledgeGraph, UsageGraphError, neighborhood, shortestPaths } from '../../src/graph/index.ts';
import type { Fact } from '../../src/model/index.ts';
import { A, FACTS, RATES, entity, stated } from './fixtures.ts';

function build(extra: Fact[] = []): KnowledgeGraph {
  const graph = new KnowledgeGraph(RATES);
  graph.apply([...FACTS, ...extra]);
  return graph;
}

describe('shortestPaths', () => {
  it('links a person to a partner company through the claims of each hop', () => {
    const graph = build();
    const result = shortestPaths(graph, 'Person:ann', 'Company:lensco', 4);
    expect(result.paths).toHaveLength(1);
    const [path] = result.paths;
    expect(path!.map((hop) => [hop.from, hop.to, hop.predicates])).toEqual([
      ['Person:ann', 'Company:acme', ['AFFILIATED_WITH']],
      ['Company:acme', 'Company:lensco', ['PARTNERS_WITH']],
    ]);
    for (const hop of path!) {
      for (const id of hop.claimIds) expect(graph.claim(id)).toBeDefined();
    }
  });

  it('returns every shortest path, not only one', () => {
    const graph = build([
      { type: 'EntityAdded', entity: entity('Company:optico', 'Optico') },
      stated({ subject: 'Person:ann', predicate: 'AFFILIATED_WITH', object: 'Company:optico' }, A, 'Acme made'),
      stated({ subject: 'Company:optico', predicate: 'PARTNERS_WITH', object: 'Company:lensco' }, A, 'Acme made'),
    ]);
    const result = shortestPaths(graph, 'Person:ann', 'Company:lensco', 4);
    expect(result.paths.map((p) => p[0]!.to).sort()).toEqual(['Company:acme', 'Company:optico']);
  });

  it('finds no path when the entities are further apart than maxHops', () => {
    const graph = build();
    expect(shortestPaths(graph, 'Person:ann', 'Company:lensco', 1).paths).toEqual([]);
  });

  it('refuses a maxHops outside 1 to 6', () => {
    const graph = build();
    expect(() => shortestPaths(graph, 'Person:ann', 'Company:acme', 9)).toThrow(UsageGraphError);
    expect(() => shortestPaths(graph, 'Person:ann', 'Company:acme', 0)).toThrow(UsageGraphError);
  });
});

describe('neighborhood', () => {
  it('collects the entities within depth links and the claim-backed edges among them', () => {
    const graph = build();
    const one = neighborhood(graph, 'Company:acme', 1);
    expect(one.nodeIds.sort()).toEqual(['Company:acme', 'Company:lensco', 'Person:ann', 'Product:widget']);
    expect(one.edges.map((e) => e.predicate).sort()).toEqual(['AFFILIATED_WITH', 'MANUFACTURED_BY', 'PARTNERS_WITH']);
    expect(one.truncated).toBe(false);
    expect(neighborhood(graph, 'Person:ann', 1).nodeIds.sort()).toEqual(['Company:acme', 'Person:ann']);
    expect(neighborhood(graph, 'Person:ann', 2).nodeIds).toHaveLength(4);
  });

  it('follows only the predicates asked for', () => {
    const graph = build();
    expect(neighborhood(graph, 'Company:acme', 2, ['PARTNERS_WITH']).nodeIds.sort()).toEqual(['Company:acme', 'Company:lensco']);
  });

  it('stops at the node cap and says so', () => {
    const graph = build();
    const capped = neighborhood(graph, 'Company:acme', 2, undefined, 2);
    expect(capped.nodeIds).toHaveLength(2);
    expect(capped.truncated).toBe(true);
  });

  it('refuses a depth past 3', () => {
    expect(() => neighborhood(build(), 'Company:acme', 9)).toThrow(UsageGraphError);
  });
});
