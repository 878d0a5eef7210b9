/**
 * The predicate vocabulary as data: what each predicate means, what it may link, and its
 * Wikidata property.
 */

import { PREDICATES, PREDICATE_NAMES, type Predicate } from '../../model/index.ts';
import { builder } from '../builder.ts';
import { PredicateEnum } from './enums.ts';

export const PredicateInfoRef = builder.objectRef<Predicate>('PredicateInfo').implement({
  fields: (t) => ({
    name: t.field({ type: PredicateEnum, resolve: (p) => p }),
    description: t.string({ resolve: (p) => PREDICATES[p].description }),
    domain: t.stringList({ description: 'Entity kinds it describes.', resolve: (p) => [...PREDICATES[p].domain] }),
    range: t.stringList({
      description: 'Entity kinds it points at, or the one value type it carries.',
      resolve: (p) => {
        const range = PREDICATES[p].range;
        return 'entity' in range ? [...range.entity] : [range.value];
      },
    }),
    functional: t.boolean({ description: 'One true value per subject: different values conflict.', resolve: (p) => PREDICATES[p].functional }),
    symmetric: t.boolean({ resolve: (p) => PREDICATES[p].symmetric }),
    wikidata: t.string({ nullable: true, description: 'Matching Wikidata property, e.g. P176.', resolve: (p) => PREDICATES[p].wikidata }),
  }),
});

builder.queryFields((t) => ({
  predicates: t.field({
    type: [PredicateInfoRef],
    description: 'The whole predicate vocabulary.',
    resolve: () => PREDICATE_NAMES,
  }),
}));
