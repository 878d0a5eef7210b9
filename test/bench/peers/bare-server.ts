/**
 * The ceiling: a bare node:http server answering the query mix from the same in-memory graph
 * claimgraph builds, with hand-written code and JSON.stringify: no GraphQL parsing,
 * validation or execution, no plugins. What Node itself can do on this machine with this data.
 *
 * It reads the same request bodies as claimgraph (operationName and variables; the query text
 * is ignored) and answers the same JSON shape. Started by run.ts:
 *   CLAIMGRAPH_STORE=… CLAIMGRAPH_DATA_DIR=… PORT=… node test/bench/peers/bare-server.ts
 */

import { loadRates } from '../../../src/corpus/index.ts';
import {
  corroboration, neighborhood, shortestPaths, timeline, type ClaimRecord, type KnowledgeGraph,
} from '../../../src/graph/index.ts';
import { replay, searchPathOf } from '../../../src/service/open-graph.ts';
import { SqliteFactLog } from '../../../src/store/index.ts';
import type { Operation, Variables } from '../query-mix.ts';
import { serveMix } from './serve-mix.ts';

const store = SqliteFactLog.open(process.env.CLAIMGRAPH_STORE!, { create: false });
// The same search index file claimgraph keeps beside the store, so both search the same index.
const graph = await replay(store, await loadRates(process.env.CLAIMGRAPH_DATA_DIR!), searchPathOf(process.env.CLAIMGRAPH_STORE!));
await store.close();

function entityRef(kg: KnowledgeGraph, id: string) {
  const entity = kg.entity(id);
  return entity ? { id: entity.id, name: entity.name } : null;
}

/** A claim value as the mix selects it: the GraphQL type name and that type's fields. */
function valueOf(value: NonNullable<ClaimRecord['statement']['value']>): Record<string, unknown> {
  switch (value.type) {
    case 'Money':
      return { __typename: 'Money', amount: value.amount, currency: value.currency };
    case 'Quantity':
      return { __typename: 'Quantity', amount: value.amount, unit: value.unit };
    case 'Text':
      return { __typename: 'Text', text: value.text };
    case 'Date':
      return { __typename: 'DateValue', value: value.value };
    case 'Flag':
      return { __typename: 'Flag', flag: value.flag };
  }
}

export function answer(kg: KnowledgeGraph, operation: Operation, v: Variables): unknown {
  switch (operation) {
    case 'entity': {
      const entity = kg.entity(v.id!);
      if (!entity) return { entity: null };
      const claims = kg.claimIdsOf(entity.id, 'SUBJECT').map((id) => kg.claim(id)!).filter((c) => !c.retraction);
      return {
        entity: {
          id: entity.id, name: entity.name, aliases: entity.aliases,
          claims: {
            totalCount: claims.length,
            edges: claims.slice(0, 5).map((c) => ({
              node: {
                id: c.statement.id, text: kg.claimText(c), predicate: c.statement.predicate,
                evidence: timeline(kg, c).map((e) => ({
                  quote: e.quote, start: e.start, end: e.end, modality: e.modality,
                  article: { id: e.articleId, title: kg.article(e.articleId)!.title },
                })),
              },
            })),
          },
        },
      };
    }
    case 'search':
      return {
        search: kg.search.search(v.q!, 10).map((hit) => ({
          kind: hit.kind, score: hit.score, node: { id: hit.id },
          matches: hit.matches.map((m) => ({ field: m.field, snippet: m.snippet })),
        })),
      };
    case 'neighborhood': {
      const n = neighborhood(kg, v.id!, 2);
      return {
        neighborhood: {
          truncated: n.truncated,
          nodes: n.nodeIds.map((id) => entityRef(kg, id)),
          edges: n.edges.map((e) => ({ source: e.source, target: e.target, predicate: e.predicate })),
        },
      };
    }
    case 'path': {
      const result = shortestPaths(kg, v.from!, v.to!, 4);
      return {
        path: {
          truncated: result.truncated,
          paths: result.paths.map((hops) => ({
            hops: hops.map((h) => ({ from: entityRef(kg, h.from), to: entityRef(kg, h.to), predicates: h.predicates })),
          })),
        },
      };
    }
    case 'claims': {
      const claims = kg.claims({ subject: v.subject, predicate: v.predicate as ClaimRecord['statement']['predicate'] });
      return {
        claims: {
          totalCount: claims.length,
          edges: claims.slice(0, 10).map((c) => ({
            node: {
              id: c.statement.id, text: kg.claimText(c),
              object: c.statement.object ? entityRef(kg, c.statement.object) : null,
              value: c.statement.value ? valueOf(c.statement.value) : null,
            },
          })),
        },
      };
    }
    case 'provenance': {
      const c = kg.claim(v.id!);
      if (!c) return { claim: null };
      const support = corroboration(kg, c);
      return {
        claim: {
          id: c.statement.id, text: kg.claimText(c),
          evidence: timeline(kg, c).map((e) => {
            const article = kg.article(e.articleId)!;
            return {
              quote: e.quote, start: e.start, end: e.end, modality: e.modality,
              attributedTo: e.attributedTo ? entityRef(kg, e.attributedTo) : null,
              article: {
                id: article.id, title: article.title, published: article.published ? { value: article.published.value } : null,
                publisher: article.publisher ? { name: kg.entity(article.publisher)?.name ?? null } : null,
              },
            };
          }),
          corroboration: {
            evidenceCount: support.evidenceCount, articleCount: support.articleCount, independentSourceCount: support.independentSourceCount,
          },
        },
      };
    }
  }
}

serveMix('bare server', (operation, variables) => answer(graph, operation, variables));
