/**
 * Conflicts: claims that disagree, pairwise on a claim and grouped at the root.
 */

import { conflictGroups } from '../../graph/index.ts';
import { builder } from '../builder.ts';
import { ClaimRef, ConflictGroupRef, ConflictRef, EntityRef } from '../refs.ts';
import { requireEntity } from './entity.ts';
import { ConflictKindEnum, PredicateEnum } from './enums.ts';

builder.objectType(ConflictRef, {
  description: 'Another claim that disagrees with this one, and by how much.',
  fields: (t) => ({
    claim: t.field({ type: ClaimRef, description: 'The other claim.', resolve: (c) => c.with }),
    kind: t.field({ type: ConflictKindEnum, resolve: (c) => c.kind }),
    usdDifference: t.exposeFloat('usdDifference', { nullable: true, description: 'For money: the gap in US dollars.' }),
    relativeDifference: t.exposeFloat('relativeDifference', {
      nullable: true,
      description: 'For money: the gap as a share of the smaller figure (0.05 = 5%).',
    }),
  }),
});

const UsdRangeRef = builder.objectRef<{ min: number; max: number }>('UsdRange').implement({
  fields: (t) => ({
    min: t.exposeFloat('min'),
    max: t.exposeFloat('max'),
    spread: t.float({ description: 'max − min.', resolve: (r) => Math.round((r.max - r.min) * 100) / 100 }),
  }),
});

builder.objectType(ConflictGroupRef, {
  description: 'Claims on one subject and predicate that cannot all hold at once.',
  fields: (t) => ({
    subject: t.field({ type: EntityRef, resolve: (g, _args, { graph }) => graph.entity(g.subject)! }),
    predicate: t.field({ type: PredicateEnum, resolve: (g) => g.predicate }),
    kinds: t.field({ type: [ConflictKindEnum], resolve: (g) => g.kinds }),
    claims: t.field({ type: [ClaimRef], resolve: (g) => g.claims }),
    usdRange: t.field({ type: UsdRangeRef, nullable: true, resolve: (g) => g.usdRange }),
  }),
});

builder.queryFields((t) => ({
  conflicts: t.field({
    type: [ConflictGroupRef],
    description: 'Every group of disagreeing claims, optionally about one subject or one predicate.',
    args: { subject: t.arg.id({ required: false }), predicate: t.arg({ type: PredicateEnum, required: false }) },
    resolve: (_root, args, { graph }) =>
      conflictGroups(graph, {
        subject: args.subject != null ? requireEntity(graph, String(args.subject), 'subject').id : undefined,
        predicate: args.predicate ?? undefined,
      }),
  }),
}));
