import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/config.ts';
import { schema as claimgraphSchema } from '../../src/graphql/index.ts';
import { claimgraphCostOptions, queryCost, type FieldCostRule } from '../../src/server/limits/index.ts';

// A small library schema: objects, a list the schema does not bound, a list sized by an
// argument, an interface and a union.
const library = buildSchema(`
  interface Node { id: ID! }
  type Book implements Node { id: ID! title: String! author: Author! tags: [String!]! reviews: [Review!]! }
  type Author implements Node { id: ID! name: String! books(first: Int = 5): [Book!]! }
  type Review { stars: Int! }
  union Item = Book | Author
  type Query { book: Book items: [Item!]! node(id: ID!): Node }
`);

const booksByFirst: FieldCostRule = ({ coordinate, args }) =>
  coordinate === 'Author.books' ? { size: typeof args['first'] === 'number' ? args['first'] : 5 } : undefined;

const cost = (query: string, variables: Record<string, unknown> = {}, operationName?: string) =>
  queryCost(parse(query), library, variables, { fieldCost: booksByFirst, operationName });

const claimgraph = (query: string, variables: Record<string, unknown> = {}) =>
  queryCost(parse(query), claimgraphSchema, variables, claimgraphCostOptions);

describe('queryCost', () => {
  it('counts one point per object and none for scalars', () => {
    expect(cost('{ book { title tags } }')).toBe(1);
    expect(cost('{ book { author { name } } }')).toBe(2);
    expect(cost('{ __typename }')).toBe(0);
  });

  it('multiplies the selection of a list the schema does not bound by the default list size', () => {
    expect(cost('{ book { reviews { stars } } }')).toBe(1 + 10 * 1);
  });

  it('multiplies nested lists', () => {
    expect(cost('{ book { author { books(first: 3) { reviews { stars } } } } }')).toBe(1 + 1 + 3 * (1 + 10));
  });

  it('takes list sizes from arguments, their defaults and variables', () => {
    expect(cost('{ book { author { books(first: 3) { title } } } }')).toBe(1 + 1 + 3);
    expect(cost('{ book { author { books { title } } } }')).toBe(1 + 1 + 5);
    expect(cost('query Q($n: Int) { book { author { books(first: $n) { title } } } }', { n: 7 })).toBe(1 + 1 + 7);
  });

  it('counts an argument with defaults when its variable does not coerce', () => {
    expect(cost('query Q($n: Int) { book { author { books(first: $n) { title } } } }', { n: 'seven' })).toBe(1 + 1 + 5);
  });

  it('costs an abstract type as its most expensive member', () => {
    expect(cost('{ node(id: "1") { ... on Book { author { name } reviews { stars } } ... on Author { id } } }')).toBe(1 + 1 + 10);
    expect(cost('{ items { ... on Author { books(first: 2) { title } } } }')).toBe(10 * (1 + 2));
  });

  it('leaves out selections under @skip(if: true) and @include(if: false), with literals or variables', () => {
    expect(cost('{ book { reviews @skip(if: true) { stars } } }')).toBe(1);
    expect(cost('query Q($on: Boolean!) { book { reviews @include(if: $on) { stars } } }', { on: false })).toBe(1);
    expect(cost('query Q($on: Boolean!) { book { reviews @include(if: $on) { stars } } }', { on: true })).toBe(11);
  });

  it('counts fragments where they are spread, under the type they are spread on', () => {
    const query = `
      { book { ...Bits } node(id: "1") { ...Bits } }
      fragment Bits on Book { author { name } }`;
    expect(cost(query)).toBe(1 + 1 + (1 + 1));
  });

  it('counts a fragment spread twice in one selection once, as execution merges it', () => {
    const fragments = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join('\n');
    expect(cost(`{ ...F0 } ${fragments} fragment F30 on Query { book { title } }`)).toBe(1);
  });

  it('counts a fragment explosion in full without expanding it, so costing stays fast', () => {
    const levels = 40;
    const fragments = Array.from(
      { length: levels },
      (_, i) => `fragment F${i} on Book { a: author { books(first: 1) { ...F${i + 1} } } b: author { books(first: 1) { ...F${i + 1} } } }`,
    ).join('\n');
    const query = `{ book { ...F0 } } ${fragments} fragment F${levels} on Book { title }`;
    const started = performance.now();
    const total = cost(query);
    expect(performance.now() - started).toBeLessThan(500);
    expect(total).toBeGreaterThan(2 ** levels);
  });

  it('ends on a fragment that spreads itself (which validation refuses anyway)', () => {
    expect(cost('{ book { ...A } } fragment A on Book { author { books(first: 2) { ...A } } }')).toBe(1 + 1 + 2);
  });

  it('gives introspection no cost: its size is bounded by the schema', () => {
    expect(cost('{ __schema { types { name fields { name args { name } } } } }')).toBe(0);
  });

  it('costs the operation named, and nothing when no operation would run', () => {
    const document = 'query Cheap { book { title } } query Dear { items { __typename } }';
    expect(cost(document, {}, 'Cheap')).toBe(1);
    expect(cost(document, {}, 'Dear')).toBe(10);
    expect(cost(document, {}, 'Missing')).toBe(0);
    expect(cost(document)).toBe(0);
  });
});

describe("claimgraph's costs", () => {
  it('multiply a connection by its page: first, else last, else 20, counted at most 100', () => {
    expect(claimgraph('{ articles(first: 5) { edges { node { title } } } }')).toBe(1 + 5 * (1 + 1));
    expect(claimgraph('{ articles { edges { node { title } } } }')).toBe(1 + 20 * (1 + 1));
    expect(claimgraph('{ articles(last: 3, before: "x") { edges { node { title } } } }')).toBe(1 + 3 * (1 + 1));
    expect(claimgraph('{ articles(first: 100000) { edges { node { title } } } }')).toBe(1 + 100 * (1 + 1));
    expect(claimgraph('{ articles(first: 5) { totalCount pageInfo { hasNextPage } } }')).toBe(1 + 1);
  });

  it('multiply nested connections page by page', () => {
    const query = '{ entities(first: 10) { edges { node { claims(first: 10) { edges { node { text } } } } } } }';
    expect(claimgraph(query)).toBe(1 + 10 * (1 + 1 + (1 + 10 * (1 + 1))));
  });

  it('multiply search by the hits asked for', () => {
    expect(claimgraph('{ search(query: "leica", first: 30) { score node { id } } }')).toBe(30 * (1 + 1));
    expect(claimgraph('{ search(query: "leica") { score } }')).toBe(10);
  });

  it('make a path search cost more with each hop, until the node cap bounds it', () => {
    const pathCost = (maxHops: number) => claimgraph(`{ path(from: "a", to: "b", maxHops: ${maxHops}) { visited } }`);
    const costs = [1, 2, 3, 4, 5, 6].map(pathCost);
    expect(costs[0]).toBeLessThan(costs[1]!);
    expect(costs[1]).toBeLessThan(costs[2]!);
    expect(costs[2]).toBeLessThan(costs[3]!);
    expect(costs[4]).toBe(costs[3]);
    expect(costs[5]).toBe(costs[3]);
  });

  it('multiply the hops of each path by maxHops and the paths by how many are returned (25)', () => {
    const withHops = (maxHops: number) => claimgraph(`{ path(from: "a", to: "b", maxHops: ${maxHops}) { paths { hops { from { name } } } } }`);
    const base = (maxHops: number) => claimgraph(`{ path(from: "a", to: "b", maxHops: ${maxHops}) { visited } }`);
    expect(withHops(2) - base(2)).toBe(25 * (1 + 2 * (1 + 1)));
    expect(withHops(6) - base(6)).toBe(25 * (1 + 6 * (1 + 1)));
  });

  it('make a neighbourhood cost more with depth and node cap, and multiply its nodes by the cap', () => {
    const walk = (depth: number, nodeCap: number) => claimgraph(`{ neighborhood(id: "a", depth: ${depth}, nodeCap: ${nodeCap}) { truncated } }`);
    expect(walk(1, 100)).toBeLessThan(walk(2, 100));
    expect(walk(2, 100)).toBeLessThan(walk(3, 100));
    expect(walk(3, 100)).toBeLessThan(walk(3, 1000));
    const nodes = claimgraph('{ neighborhood(id: "a", depth: 1, nodeCap: 50) { nodes { name } } }');
    expect(nodes - walk(1, 50)).toBe(50);
    expect(claimgraph('{ neighborhood(id: "a", depth: 0) { nodes { name } } }') - walk(0, 200)).toBe(1);
  });

  it('let the README example, a path with the evidence of every hop and a handful of paths through, and refuse 100 aliases of a path', () => {
    const example = `{ entity(name: "Xiaomi 12S Ultra Concept") { name claims(predicate: UNIT_COST) { totalCount edges { node {
      text value { ... on Money { amount currency usd { amount rateMonth } } }
      evidence { quote start end modality attributedTo { name } article { title } }
      corroboration { articleCount independentSourceCount } } } } } }`;
    expect(claimgraph(example)).toBeLessThan(DEFAULT_LIMITS.maxCost);
    const evidenced = `{ path(from: "Person:lei-jun", to: "Company:leica") { truncated paths { length hops {
      from { id } to { id } predicates claims { predicate evidence { quote article { id } } } } } } }`;
    expect(claimgraph(evidenced)).toBeLessThan(DEFAULT_LIMITS.maxCost);
    const paths = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `p${i}: path(from: "Company:leica", to: "Company:xiaomi") { paths { hops { claims { text } } } }`).join(' ')} }`;
    expect(claimgraph(paths(3))).toBeLessThan(DEFAULT_LIMITS.maxCost);
    expect(claimgraph(paths(100))).toBeGreaterThan(4 * DEFAULT_LIMITS.maxCost);
  });
});
