/**
 * Changes: the history of an entity, article or claim, and the `graphChanged` subscription
 * that tells clients what each write changed.
 */

import type { Change } from '../../graph/index.ts';
import { Repeater } from 'graphql-yoga';
import type { GraphChange, GraphWriter } from '../../service/graph-writer.ts';
import { builder } from '../builder.ts';
import { notFound } from '../errors.ts';
import { decodeGlobalId } from '../global-id.ts';

const FactTypeEnum = builder.enumType('FactType', {
  description: 'The kinds of record the fact log holds.',
  values: ['ArticleAdded', 'EntityAdded', 'AliasAdded', 'MentionFound', 'ClaimStated', 'ClaimRetracted', 'EntitiesMerged'] as const,
});

const ChangeRef = builder.objectRef<Change>('Change').implement({
  description: 'One recorded change to a node.',
  fields: (t) => ({
    seq: t.exposeInt('seq', { nullable: true, description: 'Position in the fact log.' }),
    at: t.exposeString('at', { nullable: true, description: 'When it was written (ISO 8601, UTC).' }),
    actor: t.exposeString('actor', { nullable: true, description: 'Who wrote it: a token name, or "corpus" for the shipped data.' }),
    type: t.field({ type: FactTypeEnum, resolve: (c) => c.type }),
    summary: t.exposeString('summary'),
  }),
});

const GraphChangeRef = builder.objectRef<GraphChange>('GraphChange').implement({
  description: 'What one write changed.',
  fields: (t) => ({
    firstSeq: t.exposeInt('firstSeq'),
    lastSeq: t.exposeInt('lastSeq'),
    at: t.exposeString('at'),
    actor: t.exposeString('actor'),
    types: t.field({ type: [FactTypeEnum], resolve: (c) => c.types }),
    ids: t.exposeIDList('ids', { description: 'Entities, articles and claims the write touched.' }),
  }),
});

builder.queryFields((t) => ({
  history: t.field({
    type: [ChangeRef],
    description: 'Every recorded change to an entity, article or claim, oldest first, with who made it and when.',
    args: { id: t.arg.id() },
    resolve: (_root, args, { graph }) => {
      const id = String(args.id);
      decodeGlobalId(id);
      const changes = graph.history(id);
      if (changes.length === 0 && !graph.kindOf(id)) throw notFound('node', id);
      return changes;
    },
  }),
}));

builder.subscriptionType({ description: 'Live updates, over server-sent events.' });

builder.subscriptionFields((t) => ({
  graphChanged: t.field({
    type: GraphChangeRef,
    description: 'One event after each write, saying what it changed.',
    subscribe: (_root, _args, { writer }) => changes(writer),
    resolve: (change: GraphChange) => change,
  }),
}));

/** The writer's changes as a stream that stops listening when the client leaves. */
function changes(writer: GraphWriter | null): AsyncIterable<GraphChange> {
  return new Repeater<GraphChange>(async (push, stop) => {
    const unsubscribe = writer?.onChange((change) => void push(change));
    await stop;
    unsubscribe?.();
  });
}
