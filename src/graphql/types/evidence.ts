/**
 * Evidence and corroboration: the passages behind a claim, and how many independent
 * sources they come down to.
 */

import { builder } from '../builder.ts';
import { ArticleRef, ClaimRef, CorroborationRef, EntityRef, EvidenceRef, IndependentSourceRef } from '../refs.ts';
import { MethodEnum, ModalityEnum } from './enums.ts';

builder.objectType(EvidenceRef, {
  description: 'A passage that states a claim: article.body[start:end] is exactly the quote.',
  fields: (t) => ({
    claim: t.field({ type: ClaimRef, resolve: (e, _args, { graph }) => graph.claim(e.claimId)! }),
    article: t.field({ type: ArticleRef, resolve: (e, _args, { graph }) => graph.article(e.articleId)! }),
    quote: t.exposeString('quote'),
    start: t.exposeInt('start', { description: 'Offset of the first character in the article body (UTF-16 code units).' }),
    end: t.exposeInt('end', { description: 'Offset just past the last character.' }),
    context: t.string({
      description: 'The quote with the text around it, the quote marked with »…«.',
      args: { chars: t.arg.int({ required: false, defaultValue: 80, description: 'Characters of context on each side (0 to 500).' }) },
      resolve: (e, args, { graph }) => {
        const chars = Math.max(0, Math.min(500, args.chars ?? 80));
        const body = graph.article(e.articleId)!.body;
        return `${body.slice(Math.max(0, e.start - chars), e.start)}»${e.quote}«${body.slice(e.end, e.end + chars)}`;
      },
    }),
    modality: t.field({ type: ModalityEnum, resolve: (e) => e.modality }),
    attributedTo: t.field({
      type: EntityRef,
      nullable: true,
      description: 'Whom the article credits for the statement.',
      resolve: (e, _args, { graph }) => (e.attributedTo ? graph.entity(e.attributedTo) ?? null : null),
    }),
    method: t.field({ type: MethodEnum, resolve: (e) => e.method }),
    confidence: t.exposeFloat('confidence', { description: '1 for curated evidence; the extractor’s estimate otherwise.' }),
  }),
});

builder.objectType(CorroborationRef, {
  description: 'How well a claim is supported. Articles repeating one upstream source count once.',
  fields: (t) => ({
    evidenceCount: t.exposeInt('evidenceCount'),
    articleCount: t.exposeInt('articleCount'),
    independentSourceCount: t.exposeInt('independentSourceCount'),
    independentSources: t.field({ type: [IndependentSourceRef], resolve: (c) => c.independentSources }),
  }),
});

builder.objectType(IndependentSourceRef, {
  description: 'One upstream source of a claim and the articles that carry it, earliest first.',
  fields: (t) => ({
    key: t.exposeString('key'),
    entity: t.field({
      type: EntityRef,
      nullable: true,
      description: 'The credited outlet or person, or the publisher of an article that credits no one.',
      resolve: (s) => s.entity,
    }),
    article: t.field({
      type: ArticleRef,
      nullable: true,
      description: 'Set when an article of unknown publisher is its own source.',
      resolve: (s) => s.article,
    }),
    articles: t.field({ type: [ArticleRef], resolve: (s) => s.articles }),
  }),
});
