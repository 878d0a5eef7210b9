/**
 * References to the schema's object types, declared once so that type files can point at
 * each other (a claim's subject is an entity, an entity's claims are claims) without import
 * cycles. Each type file implements its own ref.
 */

import type {
  ClaimRecord, Conflict, ConflictGroup, Corroboration, Hop, IndependentSource, Neighborhood, PathsResult,
  RelatedEntity, SearchHit, SearchMatch,
} from '../graph/index.ts';
import type { Article, Entity, EntityKind, Evidence, Mention, PublishedDate, Value } from '../model/index.ts';
import { builder } from './builder.ts';

export const EntityRef = builder.interfaceRef<Entity>('Entity');
export const EntityTypeRefs = {
  Company: builder.objectRef<Entity>('Company'),
  Product: builder.objectRef<Entity>('Product'),
  Person: builder.objectRef<Entity>('Person'),
  Publication: builder.objectRef<Entity>('Publication'),
} satisfies Record<EntityKind, unknown>;
export const ArticleRef = builder.objectRef<Article>('Article');
export const PublishedDateRef = builder.objectRef<PublishedDate>('PublishedDate');
export const ClaimRef = builder.objectRef<ClaimRecord>('Claim');
export const EvidenceRef = builder.objectRef<Evidence>('Evidence');
export const MentionRef = builder.objectRef<Mention>('Mention');
export const CorroborationRef = builder.objectRef<Corroboration>('Corroboration');
export const IndependentSourceRef = builder.objectRef<IndependentSource>('IndependentSource');
export const ConflictRef = builder.objectRef<Conflict>('Conflict');
export const ConflictGroupRef = builder.objectRef<ConflictGroup>('ConflictGroup');
export const RelatedEntityRef = builder.objectRef<RelatedEntity>('RelatedEntity');
/** A value together with the claim it belongs to (money needs the claim's date to convert). */
export interface ClaimValue { value: Value; claim: ClaimRecord }
export const SearchHitRef = builder.objectRef<SearchHit>('SearchHit');
export const SearchMatchRef = builder.objectRef<SearchMatch>('SearchMatch');
export const PathsResultRef = builder.objectRef<PathsResult>('PathResult');
export const HopRef = builder.objectRef<Hop>('Hop');
export const NeighborhoodRef = builder.objectRef<Neighborhood>('Neighborhood');

// Named connection types, shared by every field that pages through the same kind of item.
const connection = <T extends Parameters<typeof builder.connectionObject>[0]['type']>(type: T, name: string) =>
  builder.connectionObject({ type, name: `${name}Connection` }, { name: `${name}Edge` });
export const ClaimConnection = connection(ClaimRef, 'Claim');
export const EntityConnection = connection(EntityRef, 'Entity');
export const ArticleConnection = connection(ArticleRef, 'Article');
export const MentionConnection = connection(MentionRef, 'Mention');
export const EvidenceConnection = connection(EvidenceRef, 'Evidence');
export const RelatedEntityConnection = connection(RelatedEntityRef, 'RelatedEntity');
