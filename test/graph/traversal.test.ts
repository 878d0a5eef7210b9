import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KnowledgeGraph, TRAVERSAL_LIMITS, UsageGraphError, neighborhood, shortestPaths } from '../../src/graph/index.ts';
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

/** Every shortest path as a list of entity IDs, by a plain walk from the source over every simple path. */
function bruteForcePaths(links: Map<string, Set<string>>, from: string, to: string, maxHops: number): string[][] {
  const found: string[][] = [];
  const extend = (path: string[]) => {
    const last = path.at(-1)!;
    if (last === to) {
      found.push(path);
      return;
    }
    if (path.length > maxHops) return;
    for (const next of links.get(last) ?? []) if (!path.includes(next)) extend([...path, next]);
  };
  extend([from]);
  const shortest = Math.min(...found.map((p) => p.length));
  return found.filter((p) => p.length === shortest);
}

describe('shortestPaths on random graphs', () => {
  it('finds exactly the shortest paths a walk over every simple path finds', () => {
    const ids = Array.from({ length: 9 }, (_, i) => `Company:c${i}`);
    const link = fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 })).filter(([a, b]) => a !== b);
    fc.assert(
      fc.property(fc.uniqueArray(link, { minLength: 1, maxLength: 18, selector: ([a, b]) => `${a}-${b}` }), fc.integer({ min: 1, max: 5 }), (pairs, maxHops) => {
        const facts: Fact[] = ids.map((id) => ({ type: 'EntityAdded', entity: entity(id, id.slice(8)) }) as Fact);
        const links = new Map<string, Set<string>>();
        for (const [a, b] of pairs) {
          facts.push(stated({ subject: ids[a]!, predicate: 'PARTNERS_WITH', object: ids[b]! }, A, 'Acme made'));
          for (const [x, y] of [[a, b], [b, a]] as const) {
            if (!links.has(ids[x]!)) links.set(ids[x]!, new Set());
            links.get(ids[x]!)!.add(ids[y]!);
          }
        }
        const graph = build(facts);
        const expected = bruteForcePaths(links, ids[0]!, ids[8]!, maxHops);
        const result = shortestPaths(graph, ids[0]!, ids[8]!, maxHops);
        const got = result.paths.map((path) => [path[0]!.from, ...path.map((h) => h.to)]);
        const key = (paths: string[][]) => paths.map((p) => p.join(' ')).sort();
        if (expected.length > TRAVERSAL_LIMITS.maxPaths) {
          expect(result.truncated).toBe(true);
          expect(got).toHaveLength(TRAVERSAL_LIMITS.maxPaths);
          for (const path of key(got)) expect(key(expected)).toContain(path);
        } else {
          expect(key(got)).toEqual(key(expected));
        }
        const claims = facts.flatMap((f) => (f.type === 'ClaimStated' ? [f.claim] : []));
        for (const path of result.paths) {
          path.forEach((hop, i) => {
            if (i > 0) expect(hop.from).toBe(path[i - 1]!.to);
            expect(hop.predicates).toEqual(['PARTNERS_WITH']);
            // Every claim linking the two, in either direction, each once.
            const linking = new Set(claims.filter((c) => [c.subject, c.object].sort().join(' ') === [hop.from, hop.to].sort().join(' ')).map((c) => c.id));
            expect(hop.claimIds).toHaveLength(linking.size);
            expect(new Set(hop.claimIds)).toEqual(linking);
          });
        }
      }),
      { numRuns: 300 },
    );
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

  it('sees edges added, retracted and merged after it last walked the same nodes', () => {
    const graph = build([
      { type: 'EntityAdded', entity: entity('Company:optico', 'Optico') },
      { type: 'EntityAdded', entity: entity('Company:optico-gmbh', 'Optico GmbH') },
    ]);
    const edges = () => neighborhood(graph, 'Company:acme', 2).edges.map((e) => `${e.source} ${e.predicate} ${e.target} ${e.claimIds.length}`).sort();
    const before = edges();
    graph.apply([stated({ subject: 'Company:acme', predicate: 'OUTSELLS', object: 'Company:optico-gmbh' }, A, 'Acme made')]);
    expect(edges()).toEqual([...before, 'Company:acme OUTSELLS Company:optico-gmbh 1'].sort());
    // The claim moves to the kept entity: a new edge from a node walked before.
    graph.apply([{ type: 'EntitiesMerged', keep: 'Company:optico', merge: 'Company:optico-gmbh' }]);
    expect(edges()).toEqual([...before, 'Company:acme OUTSELLS Company:optico 1'].sort());
    for (const claimId of neighborhood(graph, 'Company:acme', 1).edges.find((e) => e.predicate === 'OUTSELLS')!.claimIds) {
      graph.apply([{ type: 'ClaimRetracted', claimId, reason: 'misread' }]);
    }
    expect(edges()).toEqual(before);
  });

  it('reaches, from the far end, an entity an edge was added from or dropped from after a walk', () => {
    const graph = build([{ type: 'EntityAdded', entity: entity('Company:optico', 'Optico') }]);
    const reached = () => neighborhood(graph, 'Company:optico', 1).nodeIds.sort();
    expect(reached()).toEqual(['Company:optico']);
    graph.apply([stated({ subject: 'Company:acme', predicate: 'OUTSELLS', object: 'Company:optico' }, A, 'Acme made')]);
    expect(reached()).toEqual(['Company:acme', 'Company:optico']);
    const [edge] = neighborhood(graph, 'Company:optico', 1).edges;
    for (const claimId of edge!.claimIds) graph.apply([{ type: 'ClaimRetracted', claimId, reason: 'misread' }]);
    expect(reached()).toEqual(['Company:optico']);
  });

  it('sees an edge added from an entity with more out-edges than the nodes it reached', () => {
    // Acme has more out-edges than a cap of 2 lets in, so its edges are looked up by target.
    const graph = build([
      { type: 'EntityAdded', entity: entity('Company:optico', 'Optico') },
      { type: 'EntityAdded', entity: entity('Company:zoomco', 'Zoomco') },
      stated({ subject: 'Company:acme', predicate: 'OUTSELLS', object: 'Company:optico' }, A, 'Acme made'),
      stated({ subject: 'Company:acme', predicate: 'OUTSELLS', object: 'Company:zoomco' }, A, 'Acme made'),
    ]);
    const reached = () => neighborhood(graph, 'Company:acme', 1, undefined, 2);
    const [, other] = reached().nodeIds;
    expect(graph.outLinks('Company:acme').length).toBeGreaterThan(2);
    const before = reached().edges.map((e) => `${e.source} ${e.predicate} ${e.target}`);
    // A predicate not yet linking the two, so the walk must show one more edge.
    const linking = new Set(before.filter((e) => e.endsWith(` ${other}`)).map((e) => e.split(' ')[1]));
    const added = (['PARTNERS_WITH', 'OUTSELLS'] as const).find((p) => !linking.has(p))!;
    graph.apply([stated({ subject: 'Company:acme', predicate: added, object: other! }, A, 'Acme made')]);
    expect(reached().edges.map((e) => `${e.source} ${e.predicate} ${e.target}`).sort()).toEqual([...before, `Company:acme ${added} ${other}`].sort());
  });

  it('refuses a depth past 3', () => {
    expect(() => neighborhood(build(), 'Company:acme', 9)).toThrow(UsageGraphError);
  });

  it('lists every edge among the nodes it reached, each once, on random graphs', () => {
    const ids = Array.from({ length: 8 }, (_, i) => `Company:n${i}`);
    const predicate = fc.constantFrom('PARTNERS_WITH', 'OUTSELLS');
    const link = fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 }), predicate).filter(([a, b]) => a !== b);
    fc.assert(
      fc.property(fc.array(link, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 9 }), (links, depth, nodeCap) => {
        const facts: Fact[] = ids.map((id) => ({ type: 'EntityAdded', entity: entity(id, id.slice(8)) }) as Fact);
        links.forEach(([a, b, p]) => facts.push(stated({ subject: ids[a]!, predicate: p, object: ids[b]! }, A, 'Acme made')));
        const graph = build(facts);
        const result = neighborhood(graph, ids[0]!, depth, undefined, nodeCap);
        const inside = new Set(result.nodeIds);
        expect(inside.size).toBe(result.nodeIds.length);
        expect(result.nodeIds.length).toBeLessThanOrEqual(nodeCap);
        // Every node is within depth links of the start, through nodes inside.
        const hops = new Map([[ids[0]!, 0]]);
        for (let d = 1; d <= depth; d++) {
          for (const [a, b] of links) {
            for (const [x, y] of [[ids[a]!, ids[b]!], [ids[b]!, ids[a]!]] as const) if (hops.get(x) === d - 1 && inside.has(y) && !hops.has(y)) hops.set(y, d);
          }
        }
        expect([...inside].every((id) => hops.has(id))).toBe(true);
        if (!result.truncated) expect(inside.size).toBe(new Set([...hops.keys()]).size);
        const claims = facts.flatMap((f) => (f.type === 'ClaimStated' ? [f.claim] : []));
        const expected = [...new Set(claims.filter((c) => inside.has(c.subject) && inside.has(c.object as string)).map((c) => `${c.subject} ${c.object} ${c.predicate}`))].sort();
        expect(result.edges.map((e) => `${e.source} ${e.target} ${e.predicate}`).sort()).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
