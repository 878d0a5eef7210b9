/**
 * Article: a source text, its metadata, and what it states; plus the root fields that
 * list and find articles.
 */

import { splitId } from '../../model/index.ts';
import { builder } from '../builder.ts';
import { page } from '../connection.ts';
import { badInput, notFound } from '../errors.ts';
import { decodeGlobalId } from '../global-id.ts';
import { ArticleConnection, ArticleRef, ClaimConnection, ClaimRef, EntityRef, EvidenceConnection, EvidenceRef, MentionConnection, MentionRef, PublishedDateRef } from '../refs.ts';
import { DatePrecisionEnum, PredicateEnum, QualityIssueEnum } from './enums.ts';

builder.objectType(PublishedDateRef, {
  description: 'When an article was published, as precisely as is known.',
  fields: (t) => ({
    value: t.exposeString('value', { description: 'ISO 8601 prefix: 2022, 2022-07 or 2022-07-04.' }),
    precision: t.field({ type: DatePrecisionEnum, resolve: (d) => d.precision }),
    estimated: t.exposeBoolean('estimated', { description: 'Inferred from the text rather than printed with it.' }),
  }),
});

builder.node(ArticleRef, {
  description: 'A source text. Evidence offsets index its body: body[start:end] is the quote.',
  id: { resolve: (article) => splitId(article.id)!.slug },
  loadOne: (slug, { graph }) => graph.article(`Article:${slug}`) ?? null,
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'contentHash' in value,
  fields: (t) => ({
    title: t.exposeString('title'),
    publisher: t.field({
      type: EntityRef,
      nullable: true,
      description: 'The outlet that published it, when the text shows it.',
      resolve: (article, _args, { graph }) => (article.publisher ? graph.entity(article.publisher) ?? null : null),
    }),
    url: t.exposeString('url', { nullable: true }),
    published: t.field({ type: PublishedDateRef, nullable: true, resolve: (article) => article.published }),
    language: t.exposeString('language', { description: 'ISO 639-1 code.' }),
    body: t.exposeString('body', { description: 'The text exactly as published.' }),
    contentHash: t.exposeString('contentHash', { description: 'sha256 of the body, hex.' }),
    sourceFile: t.exposeString('sourceFile', { nullable: true }),
    quality: t.field({
      type: [QualityIssueEnum],
      description: 'Problems with the text: machine-spun wording, repeated headline, ads, captions.',
      resolve: (article) => article.quality,
    }),
    claims: t.connection({
      type: ClaimRef,
      description: 'Claims this article states.',
      args: {
        predicate: t.arg({ type: PredicateEnum, required: false }),
        exclusive: t.arg.boolean({
          required: false,
          defaultValue: false,
          description: 'Only claims no other article supports.',
        }),
      },
      resolve: (article, args, { graph }) => {
        let claims = graph.claims({ article: article.id, predicate: args.predicate ?? undefined });
        if (args.exclusive) claims = claims.filter((c) => c.evidence.every((e) => e.articleId === article.id));
        return page(args, claims);
      },
    }, ClaimConnection),
    evidence: t.connection({
      type: EvidenceRef,
      description: 'Every passage of this article that states a claim, in reading order.',
      resolve: (article, args, { graph }) =>
        page(args, graph.claims({ article: article.id })
          .flatMap((c) => c.evidence.filter((e) => e.articleId === article.id))
          .sort((a, b) => a.start - b.start || a.end - b.end)),
    }, EvidenceConnection),
    mentions: t.connection({
      type: MentionRef,
      description: 'Every entity name in the body, in reading order.',
      resolve: (article, args, { graph }) => page(args, graph.mentionsIn(article.id)),
    }, MentionConnection),
    cites: t.field({
      type: [EntityRef],
      description: 'Outlets this article credits for what it says.',
      resolve: (article, _args, { graph }) => graph.citesOf(article.id),
    }),
  }),
});

builder.objectType(MentionRef, {
  description: 'One place where an article names an entity.',
  fields: (t) => ({
    article: t.field({ type: ArticleRef, resolve: (m, _args, { graph }) => graph.article(m.articleId)! }),
    entity: t.field({ type: EntityRef, resolve: (m, _args, { graph }) => graph.entity(m.entityId)! }),
    text: t.exposeString('text', { description: 'The words as written: body[start:end].' }),
    start: t.exposeInt('start'),
    end: t.exposeInt('end'),
  }),
});

builder.queryFields((t) => ({
  article: t.field({
    type: ArticleRef,
    description: 'One article by ID.',
    args: { id: t.arg.id() },
    resolve: (_root, args, { graph }) => {
      const { typename } = decodeGlobalId(String(args.id));
      if (typename !== 'Article') throw badInput(`Argument "id" must be an Article ID, got a ${typename} ID.`, 'id');
      const article = graph.article(String(args.id));
      if (!article) throw notFound('article', String(args.id));
      return article;
    },
  }),
  articles: t.connection({
    type: ArticleRef,
    description: 'All articles in the corpus.',
    resolve: (_root, args, { graph }) => page(args, graph.articles()),
  }, ArticleConnection),
}));
