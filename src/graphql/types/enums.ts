/**
 * The schema's enums, each mirroring a closed list from the domain model.
 */

import {
  DATE_PRECISIONS, ENTITY_KINDS, METHODS, MODALITIES, PREDICATES, PREDICATE_NAMES, QUALITY_ISSUES,
} from '../../model/index.ts';
import { builder } from '../builder.ts';

export const PredicateEnum = builder.enumType('Predicate', {
  description: 'The closed vocabulary of statements a claim can make.',
  values: Object.fromEntries(PREDICATE_NAMES.map((name) => [name, { value: name, description: PREDICATES[name].description }])) as Record<
    keyof typeof PREDICATES,
    { value: keyof typeof PREDICATES; description: string }
  >,
});

export const EntityKindEnum = builder.enumType('EntityKind', { values: ENTITY_KINDS });

export const ModalityEnum = builder.enumType('Modality', {
  description: 'How an article states a claim.',
  values: {
    ASSERTED: { description: 'Stated in the article’s own voice.' },
    REPORTED: { description: 'Credited to someone else ("according to Engadget").' },
    QUOTED: { description: 'A person’s own words.' },
    SPECULATED: { description: 'Hedged: "would", "probably", "expected".' },
    ANNOUNCED: { description: 'A stated plan.' },
  } satisfies Record<(typeof MODALITIES)[number], { description: string }>,
});

export const MethodEnum = builder.enumType('Method', {
  description: 'How a piece of evidence entered the graph.',
  values: {
    CURATED: { description: 'Written and checked by a person.' },
    EXTRACTED: { description: 'Found by the ingestion pipeline.' },
  } satisfies Record<(typeof METHODS)[number], { description: string }>,
});

export const ClaimRankEnum = builder.enumType('ClaimRank', {
  description: 'Wikidata-style rank: NORMAL, or DEPRECATED once retracted.',
  values: ['NORMAL', 'DEPRECATED'] as const,
});

export const ClaimRoleEnum = builder.enumType('ClaimRole', {
  description: 'Which end of a claim an entity is on.',
  values: ['SUBJECT', 'OBJECT', 'ANY'] as const,
});

export const DatePrecisionEnum = builder.enumType('DatePrecision', { values: DATE_PRECISIONS });

export const QualityIssueEnum = builder.enumType('QualityIssue', {
  description: 'Problems with an article’s text that a reader should weigh.',
  values: QUALITY_ISSUES,
});

export const ConflictKindEnum = builder.enumType('ConflictKind', {
  values: {
    DIFFERENT_VALUE: { description: 'Two values for something that has one, at the same time.' },
    DENIAL: { description: 'One claim states what the other denies.' },
    CHANGED_OVER_TIME: { description: 'Different values whose time qualifiers do not overlap.' },
  },
});

export const DirectionEnum = builder.enumType('Direction', {
  description: 'OUTGOING when the entity is the subject of the link, INCOMING when it is the object.',
  values: ['OUTGOING', 'INCOMING'] as const,
});
