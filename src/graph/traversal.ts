/**
 * Traversal over the entity graph: shortest paths between two entities and the
 * neighbourhood around one, following RELATED edges in either direction.
 *
 * Every hop and edge carries the IDs of the live claims that support it. Both walks stop at
 * a node cap and report when they hit it, so a dense graph cannot make a query unbounded.
 */

import type { Predicate } from '../model/index.ts';
import { UsageGraphError } from './errors.ts';
import type { KnowledgeGraph } from './knowledge-graph.ts';

export interface Hop {
  from: string;
  to: string;
  /** Supporting claims across every predicate linking the two entities. */
  claimIds: string[];
  predicates: Predicate[];
}

export interface PathsResult {
  paths: Hop[][];
  /** Entities examined before the search ended. */
  visited: number;
  /** True when the node cap or the path cap cut the search short. */
  truncated: boolean;
}

export interface Neighborhood {
  nodeIds: string[];
  edges: { source: string; target: string; predicate: Predicate; claimIds: string[] }[];
  depth: number;
  nodeCap: number;
  truncated: boolean;
}

export const TRAVERSAL_LIMITS = { maxHops: 6, maxDepth: 3, nodeCap: 200, maxNodeCap: 1000, maxPaths: 25 };

/** The entities one link away, each once; a walk needs no more than that. */
function neighbors(kg: KnowledgeGraph, id: string, predicates?: readonly Predicate[]): Set<string> {
  const out = new Set<string>();
  kg.graph.forEachEdge(id, (_edge, attributes, source, target) => {
    if (predicates && !predicates.includes(attributes.predicate)) return;
    out.add(source === id ? target : source);
  });
  return out;
}

/** The hop between two linked entities, with every claim and predicate that links them. */
function hop(kg: KnowledgeGraph, from: string, to: string): Hop {
  const result: Hop = { from, to, claimIds: [], predicates: [] };
  const collect = (_edge: string, attributes: { predicate: Predicate; claims: string[] }) => {
    result.claimIds.push(...attributes.claims);
    if (!result.predicates.includes(attributes.predicate)) result.predicates.push(attributes.predicate);
  };
  kg.graph.forEachDirectedEdge(from, to, collect);
  kg.graph.forEachDirectedEdge(to, from, collect);
  return result;
}

export function shortestPaths(
  kg: KnowledgeGraph,
  from: string,
  to: string,
  maxHops: number,
  nodeCap = TRAVERSAL_LIMITS.maxNodeCap * 10,
): PathsResult {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > TRAVERSAL_LIMITS.maxHops) {
    throw new UsageGraphError(`shortestPaths: maxHops must be an integer from 1 to ${TRAVERSAL_LIMITS.maxHops}, got ${maxHops}`);
  }
  const source = kg.resolve(from);
  const target = kg.resolve(to);
  if (source === target) return { paths: [[]], visited: 1, truncated: false };
  // Breadth-first from the source, remembering every parent at the previous level so that
  // all shortest paths (not just one) can be read back; hops are built for those paths only.
  const parents = new Map<string, string[]>([[source, []]]);
  let frontier = [source];
  let truncated = false;
  for (let depth = 0; depth < maxHops && frontier.length > 0 && !parents.has(target); depth++) {
    const next: string[] = [];
    const levelParents = new Map<string, string[]>();
    for (const node of frontier) {
      for (const neighbor of neighbors(kg, node)) {
        if (parents.has(neighbor)) continue;
        let list = levelParents.get(neighbor);
        if (!list) {
          if (parents.size + levelParents.size >= nodeCap) {
            truncated = true;
            continue;
          }
          levelParents.set(neighbor, (list = []));
          next.push(neighbor);
        }
        list.push(node);
      }
    }
    for (const [node, list] of levelParents) parents.set(node, list);
    frontier = next;
  }
  if (!parents.has(target)) return { paths: [], visited: parents.size, truncated };
  const paths: Hop[][] = [];
  const walk = (node: string, suffix: Hop[]) => {
    if (paths.length >= TRAVERSAL_LIMITS.maxPaths) {
      truncated = true;
      return;
    }
    if (node === source) {
      paths.push(suffix);
      return;
    }
    for (const parent of parents.get(node)!) walk(parent, [hop(kg, parent, node), ...suffix]);
  };
  walk(target, []);
  return { paths, visited: parents.size, truncated };
}

export function neighborhood(
  kg: KnowledgeGraph,
  id: string,
  depth: number,
  predicates?: readonly Predicate[],
  nodeCap: number = TRAVERSAL_LIMITS.nodeCap,
): Neighborhood {
  if (!Number.isInteger(depth) || depth < 0 || depth > TRAVERSAL_LIMITS.maxDepth) {
    throw new UsageGraphError(`neighborhood: depth must be an integer from 0 to ${TRAVERSAL_LIMITS.maxDepth}, got ${depth}`);
  }
  if (!Number.isInteger(nodeCap) || nodeCap < 1 || nodeCap > TRAVERSAL_LIMITS.maxNodeCap) {
    throw new UsageGraphError(`neighborhood: nodeCap must be an integer from 1 to ${TRAVERSAL_LIMITS.maxNodeCap}, got ${nodeCap}`);
  }
  const start = kg.resolve(id);
  const seen = new Set([start]);
  let frontier = [start];
  let truncated = false;
  for (let level = 0; level < depth && frontier.length > 0; level++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const neighbor of neighbors(kg, node, predicates)) {
        if (seen.has(neighbor)) continue;
        if (seen.size >= nodeCap) {
          truncated = true;
          break;
        }
        seen.add(neighbor);
        next.push(neighbor);
      }
    }
    frontier = next;
  }
  const edges: Neighborhood['edges'] = [];
  for (const node of seen) {
    kg.graph.forEachOutEdge(node, (_edge, attributes, source, target) => {
      if (!seen.has(target)) return;
      if (predicates && !predicates.includes(attributes.predicate)) return;
      edges.push({ source, target, predicate: attributes.predicate, claimIds: [...attributes.claims] });
    });
  }
  return { nodeIds: [...seen], edges, depth, nodeCap, truncated };
}
