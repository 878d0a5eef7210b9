/**
 * Traversal fields: shortest paths between two entities and the neighbourhood around one,
 * shaped for clients that draw graphs. Every hop and edge carries its supporting claims.
 */

import { TRAVERSAL_LIMITS, neighborhood, shortestPaths, type Hop } from '../../graph/index.ts';
import { builder } from '../builder.ts';
import { badInput } from '../errors.ts';
import { ClaimRef, EntityRef, HopRef, NeighborhoodRef, PathsResultRef } from '../refs.ts';
import { requireEntity } from './entity.ts';
import { PredicateEnum } from './enums.ts';

builder.objectType(HopRef, {
  description: 'One step of a path: two entities and the claims that link them.',
  fields: (t) => ({
    from: t.field({ type: EntityRef, resolve: (h, _args, { graph }) => graph.entity(h.from)! }),
    to: t.field({ type: EntityRef, resolve: (h, _args, { graph }) => graph.entity(h.to)! }),
    predicates: t.field({ type: [PredicateEnum], resolve: (h) => h.predicates }),
    claims: t.field({ type: [ClaimRef], resolve: (h, _args, { graph }) => h.claimIds.map((id) => graph.claim(id)!) }),
  }),
});

const PathRef = builder.objectRef<Hop[]>('Path').implement({
  fields: (t) => ({
    length: t.int({ description: 'Number of hops.', resolve: (hops) => hops.length }),
    hops: t.field({ type: [HopRef], resolve: (hops) => hops }),
  }),
});

builder.objectType(PathsResultRef, {
  fields: (t) => ({
    paths: t.field({ type: [PathRef], description: 'Every shortest path (up to 25), each hop with its claims.', resolve: (r) => r.paths }),
    visited: t.exposeInt('visited', { description: 'Entities examined.' }),
    truncated: t.exposeBoolean('truncated', { description: 'The node or path cap cut the search short.' }),
  }),
});

const NeighborhoodEdgeRef = builder.objectRef<{ source: string; target: string; predicate: string; claimIds: string[] }>(
  'NeighborhoodEdge',
).implement({
  fields: (t) => ({
    source: t.exposeID('source'),
    target: t.exposeID('target'),
    predicate: t.field({ type: PredicateEnum, resolve: (e) => e.predicate as never }),
    claims: t.field({ type: [ClaimRef], resolve: (e, _args, { graph }) => e.claimIds.map((id) => graph.claim(id)!) }),
  }),
});

builder.objectType(NeighborhoodRef, {
  description: 'A subgraph around one entity: its nodes and the claim-backed edges between them.',
  fields: (t) => ({
    nodes: t.field({ type: [EntityRef], resolve: (n, _args, { graph }) => n.nodeIds.map((id) => graph.entity(id)!) }),
    edges: t.field({ type: [NeighborhoodEdgeRef], resolve: (n) => n.edges }),
    depth: t.exposeInt('depth'),
    nodeCap: t.exposeInt('nodeCap', { description: 'Most nodes returned.' }),
    truncated: t.exposeBoolean('truncated', { description: 'True when the node cap was hit and some neighbours were left out.' }),
  }),
});

builder.queryFields((t) => ({
  path: t.field({
    type: PathsResultRef,
    description: 'Shortest paths between two entities over claim-backed links, in either direction.',
    args: {
      from: t.arg.id(),
      to: t.arg.id(),
      maxHops: t.arg.int({ required: false, defaultValue: 4, description: `1 to ${TRAVERSAL_LIMITS.maxHops}.` }),
    },
    resolve: (_root, args, { graph }) => {
      const maxHops = args.maxHops ?? 4;
      if (maxHops < 1 || maxHops > TRAVERSAL_LIMITS.maxHops) {
        throw badInput(`Argument "maxHops" must be between 1 and ${TRAVERSAL_LIMITS.maxHops}, got ${maxHops}.`, 'maxHops');
      }
      const from = requireEntity(graph, String(args.from), 'from');
      const to = requireEntity(graph, String(args.to), 'to');
      return shortestPaths(graph, from.id, to.id, maxHops);
    },
  }),
  neighborhood: t.field({
    type: NeighborhoodRef,
    description: 'Entities within `depth` links of one entity, and the edges among them.',
    args: {
      id: t.arg.id(),
      depth: t.arg.int({ required: false, defaultValue: 1, description: `0 to ${TRAVERSAL_LIMITS.maxDepth}.` }),
      predicates: t.arg({ type: [PredicateEnum], required: false, description: 'Follow only these predicates.' }),
      nodeCap: t.arg.int({ required: false, defaultValue: TRAVERSAL_LIMITS.nodeCap, description: `Most nodes to return, 1 to ${TRAVERSAL_LIMITS.maxNodeCap}.` }),
    },
    resolve: (_root, args, { graph }) => {
      const depth = args.depth ?? 1;
      if (depth < 0 || depth > TRAVERSAL_LIMITS.maxDepth) {
        throw badInput(`Argument "depth" must be between 0 and ${TRAVERSAL_LIMITS.maxDepth}, got ${depth}.`, 'depth');
      }
      const nodeCap = args.nodeCap ?? TRAVERSAL_LIMITS.nodeCap;
      if (nodeCap < 1 || nodeCap > TRAVERSAL_LIMITS.maxNodeCap) {
        throw badInput(`Argument "nodeCap" must be between 1 and ${TRAVERSAL_LIMITS.maxNodeCap}, got ${nodeCap}.`, 'nodeCap');
      }
      const entity = requireEntity(graph, String(args.id));
      return neighborhood(graph, entity.id, depth, args.predicates ?? undefined, nodeCap);
    },
  }),
}));
