/**
 * What claimgraph's fields may cost: the schema knowledge `queryCost` needs. Connections
 * multiply by their page size (`first` or `last`, 20 when neither is given, at most 100);
 * `search` by `first`; traversals pay for the walk (entities they may examine, by depth or hops,
 * bounded by their node cap) and multiply their results by what the caps allow. Lists the
 * schema does not bound count as `listSize` items.
 *
 * Sizes are what a query asks for, not what the corpus happens to hold, so a cost is known
 * before the query runs and a client lowers it by asking for less.
 */

import { getNamedType, type GraphQLNamedType } from 'graphql';
import { TRAVERSAL_LIMITS } from '../../graph/index.ts';
import { PAGE } from '../../graphql/connection.ts';
import type { FieldCost, FieldCostInput, QueryCostOptions } from './query-cost.ts';

export const COST_MODEL = {
  /** Items assumed in a list the schema does not bound (evidence of a claim, claims of a hop). */
  listSize: 10,
  /** Items assumed in a root list of everything of a kind (`conflicts`). */
  unpagedListSize: 100,
  /** Neighbours per entity assumed when a path search widens hop by hop. */
  branching: 10,
  /** Edges assumed per node of a neighbourhood. */
  edgesPerNode: 2,
  /** Entities a traversal examines for one point of cost. */
  visitsPerPoint: 10,
  /** Entities a path search examines at most (the graph's own cap). */
  pathNodeCap: TRAVERSAL_LIMITS.maxNodeCap * 10,
} as const;

export const claimgraphCostOptions: Omit<QueryCostOptions, 'operationName'> = {
  defaultListSize: COST_MODEL.listSize,
  fieldCost: claimgraphFieldCost,
};

export function claimgraphFieldCost({ coordinate, parentType, field, args, scope }: FieldCostInput): FieldCost | undefined {
  if (isConnection(getNamedType(field.type))) return { scope: { pageSize: pageSize(args) } };
  if (field.name === 'edges' && isConnection(parentType)) return { size: scope['pageSize'] ?? PAGE.defaultSize };
  switch (coordinate) {
    case 'Query.search':
      return { size: integer(args['first'], 10, 1, PAGE.maxSize) };
    case 'Query.nodes':
      return { size: Array.isArray(args['ids']) ? args['ids'].length : 1 };
    case 'Query.conflicts':
      return { size: COST_MODEL.unpagedListSize };
    case 'Query.path': {
      const hops = integer(args['maxHops'], 4, 1, TRAVERSAL_LIMITS.maxHops);
      const examined = Math.min(COST_MODEL.pathNodeCap, COST_MODEL.branching ** hops);
      return { own: 1 + Math.ceil(examined / COST_MODEL.visitsPerPoint), scope: { hops } };
    }
    case 'PathResult.paths':
      return { size: TRAVERSAL_LIMITS.maxPaths };
    case 'Path.hops':
      return { size: scope['hops'] ?? TRAVERSAL_LIMITS.maxHops };
    case 'Query.neighborhood': {
      const depth = integer(args['depth'], 1, 0, TRAVERSAL_LIMITS.maxDepth);
      const nodeCap = integer(args['nodeCap'], TRAVERSAL_LIMITS.nodeCap, 1, TRAVERSAL_LIMITS.maxNodeCap);
      // Even one hop from a well-connected entity can reach the cap, so results count the cap.
      const nodes = depth === 0 ? 1 : nodeCap;
      return { own: 1 + Math.ceil((depth * nodeCap) / COST_MODEL.visitsPerPoint), scope: { nodes } };
    }
    case 'Neighborhood.nodes':
      return { size: scope['nodes'] ?? TRAVERSAL_LIMITS.maxNodeCap };
    case 'Neighborhood.edges':
      return { size: COST_MODEL.edgesPerNode * (scope['nodes'] ?? TRAVERSAL_LIMITS.maxNodeCap) };
    default:
      return undefined;
  }
}

function isConnection(type: GraphQLNamedType): boolean {
  return type.name.endsWith('Connection') && 'getFields' in type && 'edges' in type.getFields();
}

/** The page a connection may return: `first`, else `last`, else the default, within 0..max. */
function pageSize(args: Record<string, unknown>): number {
  const requested = args['first'] ?? args['last'];
  return integer(requested, PAGE.defaultSize, 0, PAGE.maxSize);
}

/** An integer argument within bounds; anything else (refused by the resolver) counts as the default. */
function integer(value: unknown, fallback: number, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}
