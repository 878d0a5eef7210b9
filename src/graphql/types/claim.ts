/**
 * Claim: one reified statement with its value, qualifiers, rank, evidence, corroboration
 * and conflicts; plus the root fields that find claims.
 */

import { splitId } from '../../model/index.ts';
import { conflictsOf, corroboration, timeline } from '../../graph/index.ts';
import { builder } from '../builder.ts';
import { page } from '../connection.ts';
import { badInput, notFound } from '../errors.ts';
import { decodeGlobalId } from '../global-id.ts';
import { ClaimConnection, ClaimRef, ConflictRef, CorroborationRef, EntityRef, EvidenceRef } from '../refs.ts';
import { requireEntity } from './entity.ts';
import { ClaimRankEnum, ModalityEnum, PredicateEnum } from './enums.ts';
import { ClaimValueUnion, DateValueRef } from './value.ts';
import { PredicateInfoRef } from './predicate.ts';

const QualifiersRef = builder.objectRef<import('../../graph/index.ts').ClaimRecord>('Qualifiers').implement({
  description: 'What narrows a statement in time or place (Wikidata P580, P582, P585).',
  fields: (t) => ({
    startTime: t.field({
      type: DateValueRef,
      nullable: true,
      resolve: (c) => (c.statement.qualifiers.startTime ? { value: c.statement.qualifiers.startTime, claim: c } : null),
    }),
    endTime: t.field({
      type: DateValueRef,
      nullable: true,
      resolve: (c) => (c.statement.qualifiers.endTime ? { value: c.statement.qualifiers.endTime, claim: c } : null),
    }),
    pointInTime: t.field({
      type: DateValueRef,
      nullable: true,
      resolve: (c) => (c.statement.qualifiers.pointInTime ? { value: c.statement.qualifiers.pointInTime, claim: c } : null),
    }),
    region: t.string({ nullable: true, resolve: (c) => c.statement.qualifiers.region ?? null }),
  }),
});

const RetractionRef = builder.objectRef<NonNullable<import('../../graph/index.ts').ClaimRecord['retraction']>>('Retraction').implement({
  fields: (t) => ({
    reason: t.exposeString('reason'),
    at: t.exposeString('at', { nullable: true }),
    actor: t.exposeString('actor', { nullable: true }),
  }),
});

builder.node(ClaimRef, {
  description: 'One statement, stated by one or more articles. The same statement in three articles is one claim with three evidences.',
  id: { resolve: (claim) => splitId(claim.statement.id)!.slug },
  loadOne: (slug, { graph }) => graph.claim(`Claim:${slug}`) ?? null,
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'statement' in value,
  fields: (t) => ({
    subject: t.field({ type: EntityRef, resolve: (c, _args, { graph }) => graph.entity(c.statement.subject)! }),
    predicate: t.field({ type: PredicateEnum, resolve: (c) => c.statement.predicate }),
    predicateInfo: t.field({ type: PredicateInfoRef, resolve: (c) => c.statement.predicate }),
    object: t.field({
      type: EntityRef,
      nullable: true,
      description: 'The entity the claim points at, for predicates that link two entities.',
      resolve: (c, _args, { graph }) => (c.statement.object ? graph.entity(c.statement.object) ?? null : null),
    }),
    value: t.field({
      type: ClaimValueUnion,
      nullable: true,
      description: 'The typed value, for predicates that carry one.',
      // The union's members each take the value with its claim; resolveType picks by value.type.
      resolve: (c) => (c.statement.value ? ({ value: c.statement.value, claim: c } as never) : null),
    }),
    qualifiers: t.field({ type: QualifiersRef, resolve: (c) => c }),
    negated: t.boolean({ description: 'The claim denies the statement.', resolve: (c) => c.statement.negated }),
    text: t.string({ description: 'The statement as a readable sentence.', resolve: (c, _args, { graph }) => graph.claimText(c) }),
    rank: t.field({ type: ClaimRankEnum, resolve: (c, _args, { graph }) => graph.rank(c) }),
    retraction: t.field({ type: RetractionRef, nullable: true, resolve: (c) => c.retraction }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'Every passage that states the claim, earliest article first.',
      resolve: (c, _args, { graph }) => timeline(graph, c),
    }),
    firstReported: t.field({
      type: EvidenceRef,
      description: 'The passage in the earliest published article: where the claim first appeared in the corpus.',
      resolve: (c, _args, { graph }) => timeline(graph, c)[0]!,
    }),
    corroboration: t.field({ type: CorroborationRef, resolve: (c, _args, { graph }) => corroboration(graph, c) }),
    conflicts: t.field({
      type: [ConflictRef],
      description: 'Claims that disagree with this one.',
      resolve: (c, _args, { graph }) => conflictsOf(graph, c),
    }),
  }),
});

const ClaimFilterInput = builder.inputType('ClaimFilter', {
  description: 'Every given field must match.',
  fields: (t) => ({
    subject: t.id({ required: false, description: 'Entity ID the claim is about.' }),
    object: t.id({ required: false, description: 'Entity ID the claim points at.' }),
    predicate: t.field({ type: PredicateEnum, required: false }),
    article: t.id({ required: false, description: 'Article ID that states the claim.' }),
    modality: t.field({ type: ModalityEnum, required: false, description: 'Some evidence has this modality.' }),
    validAt: t.string({ required: false, description: 'Claims whose time qualifiers include this date (YYYY, YYYY-MM or YYYY-MM-DD).' }),
    knownAt: t.string({ required: false, description: 'Claims stated by an article published on or before this date.' }),
    includeDeprecated: t.boolean({ required: false, defaultValue: false, description: 'Include retracted claims.' }),
  }),
});

const DATE_ARGUMENT = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

builder.queryFields((t) => ({
  claim: t.field({
    type: ClaimRef,
    description: 'One claim by ID.',
    args: { id: t.arg.id() },
    resolve: (_root, args, { graph }) => {
      const { typename } = decodeGlobalId(String(args.id));
      if (typename !== 'Claim') throw badInput(`Argument "id" must be a Claim ID, got a ${typename} ID.`, 'id');
      const claim = graph.claim(String(args.id));
      if (!claim) throw notFound('claim', String(args.id));
      return claim;
    },
  }),
  claims: t.connection({
    type: ClaimRef,
    description: 'Claims matching a filter, by predicate then ID.',
    args: { filter: t.arg({ type: ClaimFilterInput, required: false }) },
    resolve: (_root, args, { graph }) => {
      const filter = args.filter ?? {};
      for (const name of ['validAt', 'knownAt'] as const) {
        const value = filter[name];
        if (value != null && !DATE_ARGUMENT.test(value)) {
          throw badInput(`filter.${name} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got "${value.slice(0, 40)}".`, `filter.${name}`);
        }
      }
      const subject = filter.subject != null ? requireEntity(graph, String(filter.subject), 'filter.subject').id : undefined;
      const object = filter.object != null ? requireEntity(graph, String(filter.object), 'filter.object').id : undefined;
      let article: string | undefined;
      if (filter.article != null) {
        article = String(filter.article);
        if (decodeGlobalId(article).typename !== 'Article') throw badInput('filter.article must be an Article ID.', 'filter.article');
        if (!graph.article(article)) throw notFound('article', article);
      }
      return page(args, graph.claims({
        subject,
        object,
        article,
        predicate: filter.predicate ?? undefined,
        modality: filter.modality ?? undefined,
        validAt: filter.validAt ?? undefined,
        knownAt: filter.knownAt ?? undefined,
        includeDeprecated: filter.includeDeprecated ?? false,
      }));
    },
  }, ClaimConnection),
}));
