/**
 * The fixed query mix: six questions a user of a claim graph asks, each drawn with IDs and
 * search terms from across the whole corpus (the query sample), in claimgraph's GraphQL.
 *
 * - entity: an entity with its first claims and each claim's evidence
 * - search: ranked full text, ten hits with what matched
 * - neighborhood: entities within two links and the links among them
 * - path: shortest paths between two entities two or three links apart
 * - claims: the claims filter on (subject, predicate) with typed values
 * - provenance: one claim's evidence, articles, credited sources and corroboration
 *
 * Each request body is a standard GraphQL-over-HTTP POST with variables, so no two requests
 * of one kind need share a cached answer. The peers answer the same questions from the same
 * data in their own languages (peers/*.ts); `operationName` tells them which question it is.
 */

import type { QuerySample } from './corpus/query-sample.ts';

export const OPERATIONS = ['entity', 'search', 'neighborhood', 'path', 'claims', 'provenance'] as const;
export type Operation = (typeof OPERATIONS)[number];

export const CLAIMGRAPH_QUERIES: Record<Operation, string> = {
  entity: `query entity($id: ID!) { entity(id: $id) { id name aliases
    claims(role: SUBJECT, first: 5) { totalCount edges { node { id text predicate
      evidence { quote start end modality article { id title } } } } } } }`,
  search: `query search($q: String!) { search(query: $q, first: 10) { kind score node { id } matches { field snippet } } }`,
  neighborhood: `query neighborhood($id: ID!) { neighborhood(id: $id, depth: 2) { truncated nodes { id name }
    edges { source target predicate } } }`,
  path: `query path($from: ID!, $to: ID!) { path(from: $from, to: $to, maxHops: 4) { truncated
    paths { hops { from { id name } to { id name } predicates } } } }`,
  claims: `query claims($subject: ID!, $predicate: Predicate!) { claims(filter: { subject: $subject, predicate: $predicate }, first: 10) {
    totalCount edges { node { id text object { id name }
      value { __typename ... on Money { amount currency } ... on Quantity { amount unit } ... on Text { text } ... on DateValue { value } ... on Flag { flag } } } } } }`,
  provenance: `query provenance($id: ID!) { claim(id: $id) { id text
    evidence { quote start end modality attributedTo { id name } article { id title published { value } publisher { name } } }
    corroboration { evidenceCount articleCount independentSourceCount } } }`,
};

export type Variables = Record<string, string>;

/** Up to `limit` variable sets for an operation, spread over the sample. */
export function variablesFor(operation: Operation, sample: QuerySample, limit = 1000): Variables[] {
  const take = <T>(items: T[]) => items.slice(0, limit);
  switch (operation) {
    case 'entity':
      return take(sample.entities).map((id) => ({ id }));
    case 'search':
      return take(sample.searchTerms).map((q) => ({ q }));
    case 'neighborhood':
      return take(sample.linkedEntities).map((id) => ({ id }));
    case 'path':
      return take(sample.paths).map(({ from, to }) => ({ from, to }));
    case 'claims':
      return take(sample.subjectPredicates).map(({ subject, predicate }) => ({ subject, predicate }));
    case 'provenance':
      return take(sample.claims).map((id) => ({ id }));
  }
}

/** claimgraph's request bodies for one operation. */
export function claimgraphBodies(operation: Operation, sample: QuerySample): string[] {
  return variablesFor(operation, sample).map((variables) =>
    JSON.stringify({ operationName: operation, query: CLAIMGRAPH_QUERIES[operation], variables }));
}

/** Interleaves per-operation bodies into one mix, each operation equally often. */
export function mix(bodies: Record<Operation, string[]>): string[] {
  const out: string[] = [];
  const longest = Math.max(...OPERATIONS.map((op) => bodies[op].length));
  for (let i = 0; i < longest; i++) {
    for (const op of OPERATIONS) {
      const list = bodies[op];
      if (list.length > 0) out.push(list[i % list.length]!);
    }
  }
  return out;
}
