import { beforeAll, describe, expect, it } from 'vitest';
import { seedClient } from './client.ts';

let api: Awaited<ReturnType<typeof seedClient>>;
beforeAll(async () => {
  api = await seedClient();
});

describe('entity', () => {
  it('finds an entity by canonical name or alias, in any case', async () => {
    for (const name of ['Xiaomi', 'XIAOMI', "xiaomi's"]) {
      const { entity } = await api.data(`query($n: String) { entity(name: $n) { id name kind } }`, { n: name });
      expect(entity).toEqual({ id: 'Company:xiaomi', name: 'Xiaomi', kind: 'Company' });
    }
    const { entity } = await api.data(`{ entity(name: "xiaomi 12ultra") { id } }`);
    expect(entity.id).toBe('Product:xiaomi-12-ultra');
  });

  it('tells the 12S Ultra Concept from the 12S Ultra', async () => {
    const { a, b } = await api.data(`{ a: entity(name: "Xiaomi 12S Ultra Concept") { id } b: entity(name: "Xiaomi 12S Ultra") { id } }`);
    expect(a.id).not.toBe(b.id);
  });

  it('returns null for a name no entity has', async () => {
    expect((await api.data(`{ entity(name: "Nokia") { id } }`)).entity).toBeNull();
  });

  it('finds an entity by global ID, and through node()', async () => {
    const result = await api.data(`{ entity(id: "Person:lei-jun") { name aliases } node(id: "Company:leica") { id ... on Entity { name } } }`);
    expect(result.entity.name).toBe('Lei Jun');
    expect(result.entity.aliases).toContain('Jun');
    expect(result.node).toEqual({ id: 'Company:leica', name: 'Leica' });
  });

  it('answers an unknown ID with NOT_FOUND and a malformed one with BAD_USER_INPUT', async () => {
    const unknown = await api.query(`{ entity(id: "Company:nokia") { id } }`);
    expect(unknown.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(unknown.errors![0]!.message).toContain('Company:nokia');
    const malformed = await api.query(`{ entity(id: "nokia") { id } }`);
    expect(malformed.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(malformed.errors![0]!.message).toMatch(/Kind:slug/);
    const wrongKind = await api.query(`{ entity(id: "Article:000-66c4e56b") { id } }`);
    expect(wrongKind.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('lists entities of one kind with a total and pages through them with cursors', async () => {
    const first = await api.data(`{ entities(kind: Product, first: 3) { totalCount edges { cursor node { id kind } } pageInfo { hasNextPage endCursor } } }`);
    const { totalCount, edges, pageInfo } = first.entities;
    expect(edges).toHaveLength(3);
    expect(totalCount).toBeGreaterThan(3);
    expect(edges.every((e: any) => e.node.kind === 'Product')).toBe(true);
    expect(pageInfo.hasNextPage).toBe(true);
    const second = await api.data(`query($after: String) { entities(kind: Product, first: 3, after: $after) { edges { node { id } } } }`, { after: pageInfo.endCursor });
    const ids = new Set([...edges, ...second.entities.edges].map((e: any) => e.node.id));
    expect(ids.size).toBe(6);
    const all = await api.data(`{ entities(first: 100) { totalCount edges { node { id } } } }`);
    expect(all.entities.edges).toHaveLength(all.entities.totalCount);
  });

  it('refuses a page larger than 100, a negative page and a foreign cursor, naming the argument', async () => {
    for (const [args, argument] of [['first: 10000', 'first'], ['first: -1', 'first'], ['after: "bm90LWEtY3Vyc29y"', 'after']] as const) {
      const result = await api.query(`{ entities(${args}) { totalCount } }`);
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });

  it('lists claims about an entity by role and predicate', async () => {
    const { entity } = await api.data(`{ entity(id: "Company:leica") {
      asSubject: claims(role: SUBJECT) { totalCount edges { node { subject { id } predicate } } }
      asObject: claims(role: OBJECT) { totalCount edges { node { subject { id } object { id } predicateInfo { symmetric } } } }
      partners: claims(predicate: PARTNERS_WITH) { edges { node { predicate } } }
    } }`);
    expect(entity.asSubject.totalCount).toBeGreaterThan(0);
    expect(entity.asObject.totalCount).toBeGreaterThan(0);
    // A symmetric claim ("partners with") has the entity at either end in both roles.
    for (const { node } of entity.asObject.edges) {
      if (node.predicateInfo.symmetric) expect([node.subject.id, node.object.id]).toContain('Company:leica');
      else expect(node.object.id).toBe('Company:leica');
    }
    expect(entity.partners.edges.length).toBeGreaterThan(0);
    expect(entity.partners.edges.every((e: any) => e.node.predicate === 'PARTNERS_WITH')).toBe(true);
  });

  it('lists where each entity is mentioned, with text equal to the body at its offsets', async () => {
    const { entity } = await api.data(`{ entity(id: "Company:huawei") { mentions(first: 100) { totalCount edges { node { text start end article { body } } } } } }`);
    expect(entity.mentions.totalCount).toBeGreaterThan(3);
    for (const { node } of entity.mentions.edges) expect(node.article.body.slice(node.start, node.end)).toBe(node.text);
  });

  it('lists related entities with the claims behind each link', async () => {
    const { entity } = await api.data(`{ entity(id: "Person:lei-jun") { related { edges { node { entity { id } predicate direction claims { id } } } } } }`);
    const links = entity.related.edges.map((e: any) => e.node);
    expect(links).toContainEqual(expect.objectContaining({ entity: { id: 'Company:xiaomi' }, predicate: 'AFFILIATED_WITH', direction: 'OUTGOING' }));
    for (const link of links) expect(link.claims.length).toBeGreaterThan(0);
  });
});
