/**
 * The predicate vocabulary: every kind of statement a claim can make.
 *
 * The vocabulary is closed: a claim with a predicate outside it does not enter the graph.
 * Each predicate names the entity kinds it may describe (domain), what it points at (range:
 * entity kinds or one value type), whether a subject has one true value (functional: two
 * different values are a conflict), and the matching Wikidata property where one exists.
 */

import type { EntityKind } from './entity.ts';
import type { ValueType } from './value.ts';

export interface PredicateSpec {
  description: string;
  domain: readonly EntityKind[];
  /** Entity kinds for predicates that link two entities, or the one value type they carry. */
  range: { entity: readonly EntityKind[] } | { value: ValueType };
  /** One true object or value per subject (and qualifiers): different ones conflict. */
  functional: boolean;
  /** A statement that reads the same both ways ("partners with"); stored with ordered ends. */
  symmetric: boolean;
  wikidata: string | null;
  /** Reads the statement; `{subject}` and `{object}` are replaced by names or the value. */
  says: string;
  /** Reads the statement when it is denied (a negated claim). */
  denies: string;
}

const P = (spec: PredicateSpec): PredicateSpec => spec;
const ORG: readonly EntityKind[] = ['Company', 'Publication'];
const PRODUCT: readonly EntityKind[] = ['Product'];

export const PREDICATES = {
  PARTNERS_WITH: P({
    description: 'Two companies work together (qualifiers startTime/endTime bound the partnership).',
    domain: ORG, range: { entity: ORG }, functional: false, symmetric: true, wikidata: 'P1327',
    says: '{subject} partners with {object}',
    denies: '{subject} does not partner with {object}',
  }),
  MANUFACTURED_BY: P({
    description: 'The company that makes a product.',
    domain: PRODUCT, range: { entity: ['Company'] }, functional: true, symmetric: false, wikidata: 'P176',
    says: '{subject} is made by {object}',
    denies: '{subject} is not made by {object}',
  }),
  OPTICS_BY: P({
    description: 'The company whose optics (and branding) a product’s cameras carry.',
    domain: PRODUCT, range: { entity: ['Company'] }, functional: false, symmetric: false, wikidata: null,
    says: '{subject} carries {object} optics',
    denies: '{subject} does not carry {object} optics',
  }),
  BASED_ON: P({
    description: 'A product derived from another product.',
    domain: PRODUCT, range: { entity: PRODUCT }, functional: false, symmetric: false, wikidata: 'P144',
    says: '{subject} is based on {object}',
    denies: '{subject} is not based on {object}',
  }),
  DEVELOPED_ALONGSIDE: P({
    description: 'Two products developed together.',
    domain: PRODUCT, range: { entity: PRODUCT }, functional: false, symmetric: true, wikidata: null,
    says: '{subject} was developed alongside {object}',
    denies: '{subject} was not developed alongside {object}',
  }),
  PRECEDED_BY: P({
    description: 'An earlier product that attempted the same thing.',
    domain: PRODUCT, range: { entity: PRODUCT }, functional: false, symmetric: false, wikidata: 'P155',
    says: '{subject} was preceded by {object}',
    denies: '{subject} was not preceded by {object}',
  }),
  LENS_MOUNT: P({
    description: 'A lens mount a product accepts, directly or through an adapter.',
    domain: PRODUCT, range: { entity: PRODUCT }, functional: false, symmetric: false, wikidata: null,
    says: '{subject} accepts {object} lenses',
    denies: '{subject} does not accept {object} lenses',
  }),
  SHOWN_WITH: P({
    description: 'A product presented together with another (e.g. a phone shown with a lens).',
    domain: PRODUCT, range: { entity: PRODUCT }, functional: false, symmetric: false, wikidata: null,
    says: '{subject} was shown with {object}',
    denies: '{subject} was not shown with {object}',
  }),
  ACCESSORY_FOR: P({
    description: 'An add-on made to be used with another product (e.g. a lens attachment for a phone line).',
    domain: PRODUCT, range: { entity: PRODUCT }, functional: false, symmetric: false, wikidata: null,
    says: '{subject} is an accessory for {object}',
    denies: '{subject} is not an accessory for {object}',
  }),
  SENSOR_MAKER: P({
    description: 'The company that makes a product’s image sensor.',
    domain: PRODUCT, range: { entity: ['Company'] }, functional: false, symmetric: false, wikidata: null,
    says: '{subject} uses a sensor made by {object}',
    denies: '{subject} does not use a sensor made by {object}',
  }),
  SENSOR_SIZE: P({
    description: 'Optical format of a product’s main image sensor.',
    domain: PRODUCT, range: { value: 'Quantity' }, functional: true, symmetric: false, wikidata: null,
    says: '{subject} has a {object} sensor',
    denies: '{subject} does not have a {object} sensor',
  }),
  SENSOR_RESOLUTION: P({
    description: 'Resolution of a product’s main image sensor.',
    domain: PRODUCT, range: { value: 'Quantity' }, functional: true, symmetric: false, wikidata: null,
    says: '{subject} has a {object} sensor',
    denies: '{subject} does not have a {object} sensor',
  }),
  SENSOR_COUNT: P({
    description: 'How many large image sensors a product carries.',
    domain: PRODUCT, range: { value: 'Quantity' }, functional: true, symmetric: false, wikidata: null,
    says: '{subject} carries {object} large sensors',
    denies: '{subject} does not carry {object} large sensors',
  }),
  HAS_FEATURE: P({
    description: 'A notable part or feature of a product.',
    domain: PRODUCT, range: { value: 'Text' }, functional: false, symmetric: false, wikidata: 'P527',
    says: '{subject} has {object}',
    denies: '{subject} does not have {object}',
  }),
  IP_RATING: P({
    description: 'Ingress protection rating (IEC 60529).',
    domain: PRODUCT, range: { value: 'Text' }, functional: true, symmetric: false, wikidata: null,
    says: '{subject} is rated {object}',
    denies: '{subject} is not rated {object}',
  }),
  PRODUCT_TYPE: P({
    description: 'What kind of thing a product is.',
    domain: PRODUCT, range: { value: 'Text' }, functional: false, symmetric: false, wikidata: 'P31',
    says: '{subject} is a {object}',
    denies: '{subject} is not a {object}',
  }),
  LAUNCH_DATE: P({
    description: 'When a product was (or is to be) launched or unveiled.',
    domain: PRODUCT, range: { value: 'Date' }, functional: true, symmetric: false, wikidata: 'P577',
    says: '{subject} launched in {object}',
    denies: '{subject} did not launch in {object}',
  }),
  UNITS_PRODUCED: P({
    description: 'How many units of a product were made.',
    domain: PRODUCT, range: { value: 'Quantity' }, functional: true, symmetric: false, wikidata: 'P1092',
    says: '{object} units of {subject} were made',
    denies: 'It is not the case that {object} units of {subject} were made',
  }),
  UNIT_COST: P({
    description: 'What one unit of a product cost to make or buy.',
    domain: PRODUCT, range: { value: 'Money' }, functional: true, symmetric: false, wikidata: 'P2130',
    says: 'Each {subject} cost {object}',
    denies: 'Each {subject} did not cost {object}',
  }),
  AVAILABILITY: P({
    description: 'Whether a product is on sale (qualifier region narrows it to a market).',
    domain: PRODUCT, range: { value: 'Flag' }, functional: true, symmetric: false, wikidata: null,
    says: '{subject} is on sale',
    denies: '{subject} is not on sale',
  }),
  DISTRIBUTED_TO: P({
    description: 'Who received units of a product.',
    domain: PRODUCT, range: { value: 'Text' }, functional: false, symmetric: false, wikidata: null,
    says: '{subject} was given to {object}',
    denies: '{subject} was not given to {object}',
  }),
  MARKET_RANK: P({
    description: 'A company’s rank in a market by units sold.',
    domain: ['Company'], range: { value: 'Quantity' }, functional: true, symmetric: false, wikidata: 'P1352',
    says: '{subject} ranks number {object} in its market',
    denies: '{subject} does not rank number {object} in its market',
  }),
  OUTSELLS: P({
    description: 'A company sells more devices than another (qualifiers region and pointInTime narrow the market).',
    domain: ['Company'], range: { entity: ['Company'] }, functional: false, symmetric: false, wikidata: null,
    says: '{subject} sells more devices than {object}',
    denies: '{subject} does not sell more devices than {object}',
  }),
  COUNTRY: P({
    description: 'The country a company is from.',
    domain: ORG, range: { value: 'Text' }, functional: true, symmetric: false, wikidata: 'P17',
    says: '{subject} is from {object}',
    denies: '{subject} is not from {object}',
  }),
  INCEPTION: P({
    description: 'When a company was founded.',
    domain: ORG, range: { value: 'Date' }, functional: true, symmetric: false, wikidata: 'P571',
    says: '{subject} was founded in {object}',
    denies: '{subject} was not founded in {object}',
  }),
  PRODUCES: P({
    description: 'A line of products or a field a company works in.',
    domain: ['Company'], range: { value: 'Text' }, functional: false, symmetric: false, wikidata: 'P1056',
    says: '{subject} makes {object}',
    denies: '{subject} does not make {object}',
  }),
  PARENT_ORGANIZATION: P({
    description: 'The company a brand or subsidiary belongs to.',
    domain: ['Company'], range: { entity: ['Company'] }, functional: true, symmetric: false, wikidata: 'P749',
    says: '{subject} belongs to {object}',
    denies: '{subject} does not belong to {object}',
  }),
  AFFILIATED_WITH: P({
    description: 'A person’s organisation.',
    domain: ['Person'], range: { entity: ORG }, functional: false, symmetric: false, wikidata: 'P1416',
    says: '{subject} is affiliated with {object}',
    denies: '{subject} is not affiliated with {object}',
  }),
  SAID: P({
    description: 'What a person is quoted or paraphrased as saying.',
    domain: ['Person'], range: { value: 'Text' }, functional: false, symmetric: false, wikidata: 'P1683',
    says: '{subject} said {object}',
    denies: '{subject} did not say {object}',
  }),
} as const satisfies Record<string, PredicateSpec>;

export type Predicate = keyof typeof PREDICATES;
export const PREDICATE_NAMES = Object.keys(PREDICATES) as Predicate[];

export function isPredicate(name: string): name is Predicate {
  return Object.hasOwn(PREDICATES, name);
}

export function linksEntities(predicate: Predicate): boolean {
  return 'entity' in PREDICATES[predicate].range;
}
