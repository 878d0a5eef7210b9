/**
 * Full-text search across entities, articles and claims; each hit says what matched.
 */

import { MAX_QUERY_LENGTH } from '../../graph/index.ts';
import { builder } from '../builder.ts';
import { badInput } from '../errors.ts';
import { PAGE } from '../connection.ts';
import { SearchHitRef, SearchMatchRef } from '../refs.ts';

const SearchHitKindEnum = builder.enumType('SearchHitKind', { values: ['ENTITY', 'ARTICLE', 'CLAIM'] as const });
const SearchFieldEnum = builder.enumType('SearchField', {
  description: 'Which text of a hit matched.',
  values: ['NAME', 'ALIAS', 'TITLE', 'BODY', 'CLAIM_TEXT'] as const,
});

builder.objectType(SearchMatchRef, {
  description: 'Where in one field of a hit the query matched.',
  fields: (t) => ({
    field: t.field({ type: SearchFieldEnum, resolve: (m) => m.field }),
    terms: t.exposeStringList('terms', { description: 'Indexed terms that matched (after prefix and fuzzy matching).' }),
    start: t.exposeInt('start', { description: 'Offset of the first match in the field’s text (for BODY: in the article body).' }),
    end: t.exposeInt('end'),
    snippet: t.exposeString('snippet', { description: 'The words around the first match.' }),
  }),
});

builder.objectType(SearchHitRef, {
  fields: (t) => ({
    kind: t.field({ type: SearchHitKindEnum, resolve: (h) => h.kind }),
    score: t.exposeFloat('score', { description: 'Relevance within the search (BM25 for entities and ranked documents, recency for the newest-first ones); higher is better, and each group of hits scores below the one before.' }),
    node: t.field({
      type: builder.nodeInterfaceRef(),
      description: 'The entity, article or claim that matched.',
      resolve: (h, _args, { graph }) => (graph.entity(h.id) ?? graph.article(h.id) ?? graph.claim(h.id))!,
    }),
    matches: t.field({ type: [SearchMatchRef], resolve: (h) => h.matches }),
  }),
});

builder.queryFields((t) => ({
  search: t.field({
    type: [SearchHitRef],
    description:
      'Ranked full-text search over entity names and aliases, article titles and bodies, and claim text. Entities whose name and aliases hold every word of the query come first, then articles and claims holding every word (ranked by their rarer words; the newest first when more than 2,000 hold them all), the words as typed before the last is taken as the start of a longer one; when they are fewer than asked for, hits holding some of the rarer words follow, then entity names a small typo away.',
    args: {
      query: t.arg.string(),
      first: t.arg.int({ required: false, defaultValue: 10, description: `Hits to return, 1 to ${PAGE.maxSize}.` }),
      kinds: t.arg({ type: [SearchHitKindEnum], required: false, description: 'Only hits of these kinds.' }),
    },
    resolve: (_root, args, { graph }) => {
      const query = args.query.trim();
      if (query === '') throw badInput('Argument "query" is empty: pass one or more words to look for.', 'query');
      if (args.query.length > MAX_QUERY_LENGTH) {
        throw badInput(`Argument "query" is ${args.query.length} characters long; at most ${MAX_QUERY_LENGTH} are accepted.`, 'query');
      }
      const first = args.first ?? 10;
      if (first < 1 || first > PAGE.maxSize) throw badInput(`Argument "first" must be between 1 and ${PAGE.maxSize}, got ${first}.`, 'first');
      return graph.search.search(query, first, args.kinds ?? undefined);
    },
  }),
}));
