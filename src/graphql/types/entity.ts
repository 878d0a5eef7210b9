/**
 * Entity: the interface shared by companies, products, people and publications, their four
 * object types, and the root fields that find them.
 */

import { ENTITY_KINDS, splitId, type Entity, type EntityKind } from '../../model/index.ts';
import { builder } from '../builder.ts';
import { page } from '../connection.ts';
import { badInput, notFound } from '../errors.ts';
import { decodeGlobalId } from '../global-id.ts';
import { ArticleConnection, ArticleRef, ClaimConnection, ClaimRef, ConflictGroupRef, EntityConnection, EntityRef, EntityTypeRefs, MentionConnection, MentionRef, RelatedEntityConnection, RelatedEntityRef } from '../refs.ts';
import { conflictGroups } from '../../graph/index.ts';
import { ClaimRoleEnum, DirectionEnum, EntityKindEnum, PredicateEnum } from './enums.ts';

const slugOf = (entity: Entity) => splitId(entity.id)!.slug;

EntityRef.implement({
  description: 'A company, product, person or publication the articles speak of.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (entity) => entity.kind,
  fields: (t) => ({
    id: t.globalID({ resolve: (entity) => ({ type: entity.kind, id: slugOf(entity) }) }),
    name: t.exposeString('name', { description: 'Canonical name.' }),
    aliases: t.exposeStringList('aliases', { description: 'Other names the articles use for it.' }),
    kind: t.field({ type: EntityKindEnum, resolve: (entity) => entity.kind }),
    description: t.exposeString('description', { nullable: true }),
    claims: t.connection({
      type: ClaimRef,
      description: 'Claims about this entity (as subject), pointing at it (as object), or either.',
      args: {
        role: t.arg({ required: false, type: ClaimRoleEnum, defaultValue: 'ANY' }),
        predicate: t.arg({ type: PredicateEnum, required: false }),
        validAt: t.arg.string({ required: false, description: 'Only claims whose time qualifiers include this date.' }),
        includeDeprecated: t.arg.boolean({ required: false, defaultValue: false }),
      },
      resolve: (entity, args, { graph }) =>
        page(args, graph.claims({
          about: { entity: entity.id, role: args.role ?? 'ANY' },
          predicate: args.predicate ?? undefined,
          validAt: args.validAt ?? undefined,
          includeDeprecated: args.includeDeprecated ?? false,
        })),
    }, ClaimConnection),
    mentions: t.connection({
      type: MentionRef,
      description: 'Every place an article names this entity.',
      resolve: (entity, args, { graph }) => page(args, graph.mentionsOf(entity.id)),
    }, MentionConnection),
    articles: t.connection({
      type: ArticleRef,
      description: 'Articles that mention this entity.',
      resolve: (entity, args, { graph }) => page(args, graph.articlesMentioning(entity.id)),
    }, ArticleConnection),
    related: t.connection({
      type: RelatedEntityRef,
      description: 'Entities linked to this one by claims, with the claims behind each link.',
      args: { predicate: t.arg({ type: PredicateEnum, required: false }) },
      resolve: (entity, args, { graph }) => page(args, graph.related(entity.id, args.predicate ?? undefined)),
    }, RelatedEntityConnection),
    conflicts: t.field({
      type: [ConflictGroupRef],
      description: 'Groups of claims about this entity that disagree.',
      resolve: (entity, _args, { graph }) => conflictGroups(graph, { subject: entity.id }),
    }),
  }),
});

for (const kind of ENTITY_KINDS) {
  builder.node(EntityTypeRefs[kind], {
    interfaces: [EntityRef],
    id: { resolve: slugOf },
    isTypeOf: (value) => typeof value === 'object' && value !== null && (value as Entity).kind === kind,
    loadOne: (slug, { graph }) => graph.entity(`${kind}:${slug}`) ?? null,
  });
}

builder.objectFields(EntityTypeRefs.Publication, (t) => ({
  citedBy: t.field({
    type: [ArticleRef],
    description: 'Articles that credit this outlet.',
    resolve: (entity, _args, { graph }) => graph.citing(entity.id),
  }),
  creditedClaims: t.connection({
    type: ClaimRef,
    description: 'Claims for which some article credits this outlet.',
    resolve: (entity, args, { graph }) => page(args, graph.claimsCredited(entity.id)),
  }, ClaimConnection),
  published: t.field({
    type: [ArticleRef],
    description: 'Articles this outlet published.',
    resolve: (entity, _args, { graph }) => graph.publishedArticles(entity.id),
  }),
}));

builder.objectType(RelatedEntityRef, {
  description: 'A link from one entity to another, supported by claims.',
  fields: (t) => ({
    entity: t.field({ type: EntityRef, resolve: (r) => r.entity }),
    predicate: t.field({ type: PredicateEnum, resolve: (r) => r.predicate }),
    direction: t.field({ type: DirectionEnum, resolve: (r) => r.direction }),
    claims: t.field({
      type: [ClaimRef],
      resolve: (r, _args, { graph }) => r.claimIds.map((id) => graph.claim(id)!).filter(Boolean),
    }),
  }),
});

/** Looks an entity up by global ID, failing with a clear error for malformed or unknown IDs. */
export function requireEntity(graph: import('../../graph/index.ts').KnowledgeGraph, id: string, argument = 'id'): Entity {
  const { typename } = decodeGlobalId(id);
  if (!(ENTITY_KINDS as readonly string[]).includes(typename)) {
    throw badInput(`Argument "${argument}" must be an entity ID (${ENTITY_KINDS.join(', ')}), got a ${typename} ID.`, argument);
  }
  const entity = graph.entity(id);
  if (!entity) throw notFound('entity', id);
  return entity;
}

builder.queryFields((t) => ({
  entity: t.field({
    type: EntityRef,
    nullable: true,
    description: 'One entity, by ID or by name (canonical name or alias, any case). Null when no entity has that name.',
    args: { id: t.arg.id({ required: false }), name: t.arg.string({ required: false }) },
    resolve: (_root, args, { graph }) => {
      if ((args.id == null) === (args.name == null)) throw badInput('Pass exactly one of "id" or "name".');
      if (args.id != null) return requireEntity(graph, String(args.id));
      const matches = graph.entitiesByName(args.name!);
      const exact = matches.find((e) => e.name.toLowerCase() === args.name!.trim().toLowerCase());
      return exact ?? matches[0] ?? null;
    },
  }),
  entities: t.connection({
    type: EntityRef,
    description: 'All entities, by name, optionally of one kind.',
    args: { kind: t.arg({ type: EntityKindEnum, required: false }) },
    resolve: (_root, args, { graph }) => page(args, graph.entities((args.kind ?? undefined) as EntityKind | undefined)),
  }, EntityConnection),
}));
