/**
 * Writing entities: `addAlias` (write scope) and `mergeEntities` (admin scope), which moves
 * one entity's aliases, mentions and claims to another; the merged ID keeps resolving.
 */

import { normaliseName } from '../../graph/index.ts';
import type { Entity } from '../../model/index.ts';
import { builder } from '../builder.ts';
import { badInput } from '../errors.ts';
import { EntityRef } from '../refs.ts';
import { WRITE_LIMITS, authorise, checkLength } from '../writes.ts';
import { requireEntity } from './entity.ts';

builder.relayMutationField(
  'addAlias',
  {
    inputFields: (t) => ({
      entity: t.id({ description: 'Entity ID.' }),
      alias: t.string({ description: `Another name for it (at most ${WRITE_LIMITS.alias} characters).` }),
    }),
  },
  {
    description: 'Adds a name the entity is also known by; `entity(name:)` finds it from then on.',
    resolve: async (_root, { input }, context) => {
      const { writer, principal } = authorise(context, 'write', 'addAlias');
      const alias = checkLength(input.alias.trim(), WRITE_LIMITS.alias, 'input.alias');
      const { result } = await writer.write(principal.actor, (graph) => {
        const entity = requireEntity(graph, String(input.entity), 'input.entity');
        const taken = graph.entitiesByName(alias).filter((e) => e.id !== entity.id);
        if (taken.length > 0) {
          throw badInput(`"${alias}" already names ${taken.map((e) => e.id).join(', ')}; merge the entities instead.`, 'input.alias');
        }
        const known = [entity.name, ...entity.aliases].some((name) => normaliseName(name) === normaliseName(alias));
        return {
          facts: known ? [] : [{ type: 'AliasAdded' as const, entityId: entity.id, alias }],
          result: { entityId: entity.id, added: !known },
        };
      });
      return result;
    },
  },
  {
    outputFields: (t) => ({
      entity: t.field({ type: EntityRef, resolve: (r, _args, { graph }) => graph.entity(r.entityId)! }),
      added: t.boolean({ description: 'False when the entity already had this name: nothing was written.', resolve: (r) => r.added }),
    }),
  },
);

builder.relayMutationField(
  'mergeEntities',
  {
    inputFields: (t) => ({
      keep: t.id({ description: 'The entity that remains.' }),
      merge: t.id({ description: 'The duplicate, merged into `keep`; its ID resolves to `keep` from then on.' }),
    }),
  },
  {
    description: 'Merges a duplicate entity into another of the same kind. Needs the admin scope.',
    resolve: async (_root, { input }, context) => {
      const { writer, principal } = authorise(context, 'admin', 'mergeEntities');
      const { result } = await writer.write(principal.actor, (graph) => {
        const keep: Entity = requireEntity(graph, String(input.keep), 'input.keep');
        const merge: Entity = requireEntity(graph, String(input.merge), 'input.merge');
        if (keep.id === merge.id) throw badInput(`${String(input.merge)} is already ${keep.id}; there is nothing to merge.`, 'input.merge');
        if (keep.kind !== merge.kind) throw badInput(`Cannot merge a ${merge.kind} into a ${keep.kind}.`, 'input.merge');
        return { facts: [{ type: 'EntitiesMerged' as const, keep: keep.id, merge: merge.id }], result: { keep: keep.id, merged: merge.id } };
      });
      return result;
    },
  },
  {
    outputFields: (t) => ({
      entity: t.field({ type: EntityRef, description: 'The kept entity.', resolve: (r, _args, { graph }) => graph.entity(r.keep)! }),
      mergedId: t.id({ resolve: (r) => r.merged }),
    }),
  },
);
