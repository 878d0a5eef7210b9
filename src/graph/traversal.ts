/**
 * Traversal over the entity graph: shortest paths between two entities and the
 * neighbourhood around one, following RELATED edges in either direction.
 *
 * Every hop and edge carries the IDs of the live claims that support it. Both walks stop at
 * a node cap and report when they hit it, so a dense graph cannot make a query unbounded.
 */

import type { Predicate } from '../model/index.ts';
import { UsageGraphError } from './errors.ts';
import { edgeClaims, type EdgeAttributes, type KnowledgeGraph, type OutLink } from './knowledge-graph.ts';

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

/**
 * The numbers of the entities one link away by one of `predicates`, each once, in the order
 * graphology lists the edges (`neighborNumbers` gives them by any predicate).
 */
function neighborsBy(kg: KnowledgeGraph, node: number, predicates: readonly Predicate[]): Set<number> {
  const id = kg.idOf(node);
  const out = new Set<number>();
  kg.graph.forEachEdge(id, (_edge, attributes, source, target) => {
    if (predicates.includes(attributes.predicate)) out.add(kg.numberOf(source === id ? target : source));
  });
  return out;
}

/** The hop between two linked entities, with every claim and predicate that links them. */
function hop(kg: KnowledgeGraph, from: string, to: string): Hop {
  const result: Hop = { from, to, claimIds: [], predicates: [] };
  // The edge's claims are pushed as they are, not through `edgeClaims`, whose copy would be
  // dropped at once.
  const collect = (_edge: string, attributes: EdgeAttributes) => {
    const claim = attributes.claim;
    if (typeof claim === 'string') result.claimIds.push(claim);
    else result.claimIds.push(...claim);
    if (!result.predicates.includes(attributes.predicate)) result.predicates.push(attributes.predicate);
  };
  kg.graph.forEachOutEdge(from, to, collect);
  kg.graph.forEachOutEdge(to, from, collect);
  return result;
}

/** How a walk reached an entity: in how many links, and from which entities one link nearer its start. */
interface Reached {
  level: number;
  parents: number[];
}

/** Every shortest chain of entities (as numbers) from a walk's start to `node`, start first. */
function* chainsTo(reached: Map<number, Reached>, node: number): Generator<number[]> {
  const { parents } = reached.get(node)!;
  if (parents.length === 0) {
    yield [node];
    return;
  }
  for (const parent of parents) for (const chain of chainsTo(reached, parent)) yield [...chain, node];
}

/**
 * Every shortest path between two entities (up to TRAVERSAL_LIMITS.maxPaths), walking out from
 * both ends at once, a level at a time from whichever end has fewer entities waiting, until the
 * walks meet: far fewer entities are examined than by a walk from one end, whose reach grows
 * with every link. Each walk remembers every parent at the level before, so all shortest
 * paths (not just one) can be read back; hops are built for those paths only.
 */
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
  // The walks keep entities as their numbers (see KnowledgeGraph.numberOf).
  const source = kg.numberOf(kg.resolve(from));
  const target = kg.numberOf(kg.resolve(to));
  if (source === target) return { paths: [[]], visited: 1, truncated: false };
  const fromSource = new Map<number, Reached>([[source, { level: 0, parents: [] }]]);
  const fromTarget = new Map<number, Reached>([[target, { level: 0, parents: [] }]]);
  let sourceFrontier = [source];
  let targetFrontier = [target];
  let truncated = false;
  let meeting: number[] = [];
  for (let hops = 0; hops < maxHops && sourceFrontier.length > 0 && targetFrontier.length > 0; hops++) {
    const forward = sourceFrontier.length <= targetFrontier.length;
    const [reached, other, frontier] = forward ? [fromSource, fromTarget, sourceFrontier] : [fromTarget, fromSource, targetFrontier];
    const level = reached.get(frontier[0]!)!.level + 1;
    const next: number[] = [];
    for (const node of frontier) {
      for (const neighbor of kg.neighborNumbers(node)) {
        const known = reached.get(neighbor);
        if (known) {
          if (known.level === level) known.parents.push(node);
          continue;
        }
        if (fromSource.size + fromTarget.size >= nodeCap) {
          truncated = true;
          continue;
        }
        reached.set(neighbor, { level, parents: [node] });
        next.push(neighbor);
      }
    }
    if (forward) sourceFrontier = next;
    else targetFrontier = next;
    // The walks meet at the entities just reached that the other walk reached too; the shortest
    // paths run through those the other walk reached soonest.
    let nearest = Infinity;
    for (const node of next) nearest = Math.min(nearest, other.get(node)?.level ?? Infinity);
    if (nearest < Infinity) {
      meeting = next.filter((node) => other.get(node)?.level === nearest);
      break;
    }
  }
  const visited = fromSource.size + fromTarget.size;
  const paths: Hop[][] = [];
  const hops = new Map<string, Hop>();
  const hopOf = (a: number, b: number) => {
    const key = `${a} ${b}`;
    let known = hops.get(key);
    if (!known) hops.set(key, (known = hop(kg, kg.idOf(a), kg.idOf(b))));
    return known;
  };
  walks: for (const middle of meeting) {
    for (const head of chainsTo(fromSource, middle)) {
      for (const tail of chainsTo(fromTarget, middle)) {
        if (paths.length >= TRAVERSAL_LIMITS.maxPaths) {
          truncated = true;
          break walks;
        }
        const chain = [...head, ...tail.reverse().slice(1)];
        paths.push(chain.slice(1).map((node, i) => hopOf(chain[i]!, node)));
      }
    }
  }
  return { paths, visited, truncated };
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
  // The walk keeps entities as their numbers (see KnowledgeGraph.numberOf).
  const start = kg.numberOf(kg.resolve(id));
  const seen = new Set([start]);
  let frontier = [start];
  let truncated = false;
  // Adds a neighbour; true once the cap is reached and the walk must stop.
  const reach = (neighbor: number, next: number[]): boolean => {
    if (seen.has(neighbor)) return false;
    if (seen.size >= nodeCap) return (truncated = true);
    seen.add(neighbor);
    next.push(neighbor);
    return false;
  };
  for (let level = 0; level < depth && frontier.length > 0 && !truncated; level++) {
    const next: number[] = [];
    for (const node of frontier) {
      // Without a predicate filter the walk stops inside the node's neighbours, listing no more of them.
      const stopped = predicates
        ? [...neighborsBy(kg, node, predicates)].some((neighbor) => reach(neighbor, next))
        : kg.neighborNumbers(node).some((neighbor) => reach(neighbor, next));
      if (stopped) break;
    }
    frontier = next;
  }
  // The edges among the nodes, from each node's side that is shorter: its own out-edges, or
  // the other nodes looked up among its out-edges by target (a hub's thousands of edges are not
  // walked to find the few inside).
  const edges: Neighborhood['edges'] = [];
  const collect = (source: string, { to, attributes }: OutLink) => {
    if (predicates && !predicates.includes(attributes.predicate)) return;
    edges.push({ source, target: kg.idOf(to), predicate: attributes.predicate, claimIds: edgeClaims(attributes) });
  };
  for (const node of seen) {
    const source = kg.idOf(node);
    const links = kg.outLinks(source);
    if (links.length <= seen.size) {
      for (const link of links) if (seen.has(link.to)) collect(source, link);
    } else {
      const byTarget = kg.outLinksByTarget(source);
      // No entity links to itself (the graph refuses self-loops), so its own number finds nothing.
      for (const target of seen) {
        const to = byTarget.get(target);
        if (to) for (const link of to) collect(source, link);
      }
    }
  }
  return { nodeIds: [...seen].map((node) => kg.idOf(node)), edges, depth, nodeCap, truncated };
}
