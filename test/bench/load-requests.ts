/**
 * The requests of the load test: normal queries a frontend sends, each answered with data and
 * no error, and hostile ones the server must refuse without slowing the normal ones down.
 */

import type { Request } from 'autocannon';

const post = (query: string, variables?: Record<string, unknown>): Request => ({
  method: 'POST',
  path: '/graphql',
  body: JSON.stringify({ query, variables }),
});

export const NORMAL_REQUESTS: Request[] = [
  post(`query Entity { entity(name: "Leica") { name aliases claims(first: 10) { totalCount edges { node { text evidence { quote article { title } } } } } } }`),
  post(`query UnitCost { entity(name: "Xiaomi 12S Ultra Concept") { name claims(predicate: UNIT_COST) { totalCount edges { node {
    text value { ... on Money { amount currency usd { amount rateMonth } } }
    evidence { quote start end modality attributedTo { name } article { title } }
    corroboration { articleCount independentSourceCount } } } } } }`),
  post(`query Search($q: String!) { search(query: $q, first: 10) { score node { id } matches { field snippet } } }`, { q: 'leica summilux' }),
  post(`query Path { path(from: "Company:leica", to: "Company:xiaomi") { paths { hops { from { name } to { name } predicates } } truncated } }`),
  post(`query Neighborhood { neighborhood(id: "Company:xiaomi", depth: 2, nodeCap: 50) { nodes { name } edges { source target predicate } truncated } }`),
  post(`query Articles { articles(first: 5) { edges { node { title published { value } } } } }`),
  post(`query Conflicts { conflicts { predicate subject { name } claims { text } } }`),
  post(`query Claims($first: Int) { claims(first: $first, filter: { predicate: UNIT_COST }) { totalCount edges { node { text } } } }`, { first: 20 }),
];

const nested = (depth: number) => {
  const levels = ['related', 'edges', 'node', 'entity'];
  const open = Array.from({ length: depth - 1 }, (_, i) => `${levels[i % 4]} { `).join('');
  return `{ entity(name: "Leica") { ${open}__typename${' }'.repeat(depth - 1)} } }`;
};

export const HOSTILE_REQUESTS: Request[] = [
  post(nested(50)),
  post(`{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: path(from: "Company:leica", to: "Company:xiaomi") { visited }`).join(' ')} }`),
  post(`{ ${Array.from({ length: 100 }, (_, i) => `a${i}:path(from:"Company:leica",to:"Company:xiaomi"){visited}`).join(' ')} }`),
  post(`{ ...F0 } ${Array.from({ length: 30 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ... on Query { ...F${i + 1} } }`).join(' ')} fragment F30 on Query { articles { totalCount } }`),
  post('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }'),
  { method: 'POST', path: '/graphql', body: JSON.stringify({ query: `{ search(query: "${'x'.repeat(1024 * 1024)}") { score } }` }) },
  post(`query Q($v: ${'['.repeat(5000)}Int${']'.repeat(5000)}) { __typename }`),
  post('{ articles(first: 1000000000) { totalCount } }'),
  post('{ articles(first: -5) { totalCount } }'),
  post('{ claim(id: "not an id") { id } }'),
  post('{ claim(id: "Company:leica") { id } }'),
  { method: 'POST', path: '/graphql', body: '{"query": "{ articles { totalCount } ' },
  { method: 'POST', path: '/graphql', headers: { 'content-type': 'text/plain' }, body: '{ articles { totalCount } }' },
  { method: 'GET', path: `/graphql?query=${encodeURIComponent('mutation { __typename }')}`, headers: { 'x-graphql-yoga-csrf': '1' } },
  post('query A($n: Int) { articles(first: $n) { totalCount } }', { n: 'ten' }),
  post('query A($q: String!) { search(query: $q) { score } }', { q: 'leica '.repeat(15_000) }),
  post(`{ neighborhood(id: "Company:xiaomi", depth: 3, nodeCap: 1000) { nodes { claims(first: 100) { edges { node { text evidence { quote } } } } } } }`),
];
