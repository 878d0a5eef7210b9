import { beforeAll, describe, expect, it } from 'vitest';
import { seedClient } from './client.ts';

let api: Awaited<ReturnType<typeof seedClient>>;
beforeAll(async () => {
  api = await seedClient();
});

describe('path', () => {
  it('connects Lei Jun to Leica, every hop carrying the claims and evidence that support it', async () => {
    const { path } = await api.data(`{ path(from: "Person:lei-jun", to: "Company:leica") { truncated paths { length hops {
      from { id } to { id } predicates claims { predicate evidence { quote article { id } } } } } } }`);
    expect(path.paths.length).toBeGreaterThan(0);
    const [shortest] = path.paths;
    expect(shortest.hops[0].from.id).toBe('Person:lei-jun');
    expect(shortest.hops.at(-1).to.id).toBe('Company:leica');
    for (let i = 1; i < shortest.hops.length; i++) expect(shortest.hops[i].from.id).toBe(shortest.hops[i - 1].to.id);
    for (const hop of shortest.hops) {
      expect(hop.claims.length).toBeGreaterThan(0);
      for (const claim of hop.claims) expect(hop.predicates).toContain(claim.predicate);
      for (const claim of hop.claims) expect(claim.evidence.length).toBeGreaterThan(0);
    }
  });

  it('refuses maxHops past 6 and unknown endpoints', async () => {
    const far = await api.query(`{ path(from: "Person:lei-jun", to: "Company:leica", maxHops: 9) { truncated } }`);
    expect(far.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'maxHops' });
    const unknown = await api.query(`{ path(from: "Person:nobody", to: "Company:leica") { truncated } }`);
    expect(unknown.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });
});

describe('neighborhood', () => {
  it('draws what surrounds Xiaomi within two hops, every edge with its claims', async () => {
    const { neighborhood } = await api.data(`{ neighborhood(id: "Company:xiaomi", depth: 2) { depth nodeCap truncated
      nodes { id kind name } edges { source target predicate claims { id predicate } } } }`);
    const ids = new Set(neighborhood.nodes.map((n: any) => n.id));
    expect(ids.has('Company:xiaomi')).toBe(true);
    expect(ids.has('Company:leica')).toBe(true);
    expect(neighborhood.truncated).toBe(false);
    for (const edge of neighborhood.edges) {
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
      expect(edge.claims.length).toBeGreaterThan(0);
      for (const claim of edge.claims) expect(claim.predicate).toBe(edge.predicate);
    }
    const one = await api.data(`{ neighborhood(id: "Company:xiaomi") { nodes { id } } }`);
    expect(one.neighborhood.nodes.length).toBeLessThan(neighborhood.nodes.length);
  });

  it('reports when the node cap cuts the neighbourhood short', async () => {
    const { neighborhood } = await api.data(`{ neighborhood(id: "Company:xiaomi", depth: 2, nodeCap: 3) { nodes { id } truncated nodeCap } }`);
    expect(neighborhood.nodes).toHaveLength(3);
    expect(neighborhood).toMatchObject({ truncated: true, nodeCap: 3 });
  });

  it('refuses depth 9 with a clear error', async () => {
    const result = await api.query(`{ neighborhood(id: "Company:xiaomi", depth: 9) { depth } }`);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'depth' });
    expect(result.errors![0]!.message).toMatch(/between 0 and 3/);
  });

  it('lists the earlier attempts at putting camera lenses on phones, and who made them', async () => {
    const { claims } = await api.data(`{ claims(filter: { predicate: PRECEDED_BY }, first: 100) { edges { node { object { id name
      ... on Product { claims(predicate: MANUFACTURED_BY) { edges { node { object { id } } } } } } } } } }`);
    const makers = Object.fromEntries(claims.edges.map((e: any) => [e.node.object.id, e.node.object.claims.edges.map((m: any) => m.node.object.id)]));
    expect(makers['Product:sony-qx1']).toContain('Company:sony');
    expect(makers['Product:samsung-galaxy-nx']).toContain('Company:samsung');
  });
});
