/**
 * The schema: imports every type file, then builds.
 */

import './types/enums.ts';
import './types/value.ts';
import './types/predicate.ts';
import './types/entity.ts';
import './types/article.ts';
import './types/claim.ts';
import './types/evidence.ts';
import './types/conflict.ts';
import './types/search.ts';
import './types/traversal.ts';
import './types/change.ts';
import './types/claim-writes.ts';
import './types/entity-writes.ts';
import './types/article-writes.ts';
import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.ts';

export const schema = lexicographicSortSchema(builder.toSchema());
