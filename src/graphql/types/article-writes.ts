/**
 * Articles in: `previewIngest` runs the ingestion pipeline over an article and shows the
 * entities and claims it would add, changing nothing; `ingestArticle` (write scope) stores
 * them. The same text twice is recognised by its content hash and adds nothing.
 */

import { GraphQLError } from 'graphql';
import type { Candidate, ExtractedClaim, IngestResult } from '../../ingest/index.ts';
import { contentHash } from '../../ingest/article-id.ts';
import { INPUT_FORMATS } from '../../ingest/format.ts';
import { IngestError } from '../../ingest/ingest-error.ts';
import type { KnowledgeGraph } from '../../graph/index.ts';
import { claimText, formatValue } from '../../graph/index.ts';
import type { Entity } from '../../model/index.ts';
import { builder } from '../builder.ts';
import { ArticleRef, ClaimRef, EntityRef } from '../refs.ts';
import { outsideBudget } from '../deadline.ts';
import { authorise } from '../writes.ts';
import { EntityKindEnum, ModalityEnum, PredicateEnum } from './enums.ts';

const ArticleFormatEnum = builder.enumType('ArticleFormat', {
  description: 'How the body is written; sniffed from the text when not given.',
  values: INPUT_FORMATS.map((f) => f.toUpperCase()) as ('TEXT' | 'MARKDOWN' | 'HTML')[],
});

const ArticleInput = builder.inputType('ArticleInput', {
  fields: (t) => ({
    body: t.string({ description: 'Plain text, Markdown or HTML, at most 1 MB.' }),
    format: t.field({ type: ArticleFormatEnum, required: false }),
    title: t.string({ required: false }),
    publisher: t.string({ required: false, description: 'A Publication ID ("Publication:engadget") or the outlet’s name.' }),
    url: t.string({ required: false }),
    published: t.string({ required: false, description: 'ISO 8601 date: 2022, 2022-07 or 2022-07-04.' }),
    language: t.string({ required: false, description: 'Only English is read; other languages are refused.' }),
  }),
});

type ArticleArg = typeof ArticleInput.$inferInput;

type IngestArticle = (typeof import('../../ingest/ingest-article.ts'))['ingestArticle'];
let pipeline: Promise<IngestArticle> | null = null;

/**
 * The ingestion pipeline, loaded on first use rather than with the server: with its language
 * model it is most of the server's module loading (0.85 s of 1.0–1.2 s), and a server that only
 * answers queries never runs it.
 */
function loadPipeline(): Promise<IngestArticle> {
  pipeline ??= import('../../ingest/ingest-article.ts').then(
    (module) => module.ingestArticle,
    (error: unknown) => {
      pipeline = null;
      throw error;
    },
  );
  return pipeline;
}

/** Runs the pipeline against the graph's registry; pipeline refusals become BAD_USER_INPUT. */
function runPipeline(ingestArticle: IngestArticle, graph: KnowledgeGraph, input: ArticleArg): IngestResult {
  try {
    return ingestArticle(
      {
        body: input.body,
        format: input.format ? (input.format.toLowerCase() as (typeof INPUT_FORMATS)[number]) : undefined,
        title: input.title ?? undefined,
        publisher: input.publisher ?? undefined,
        url: input.url ?? undefined,
        published: input.published ?? undefined,
        language: input.language ?? undefined,
      },
      graph.entities(),
    );
  } catch (error) {
    if (error instanceof IngestError) {
      throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', reason: error.code, argument: 'input' } });
    }
    throw error;
  }
}

interface Preview {
  result: IngestResult;
  existing: string | null;
}

const CandidateRef = builder.objectRef<Candidate>('CandidateEntity').implement({
  description: 'A name the registry lacks, which ingesting the article would add as a new entity.',
  fields: (t) => ({
    id: t.id({ resolve: (c) => c.entity.id }),
    name: t.string({ resolve: (c) => c.entity.name }),
    kind: t.field({ type: EntityKindEnum, resolve: (c) => c.entity.kind }),
    confidence: t.exposeFloat('confidence'),
    mentions: t.exposeInt('mentions', { description: 'How many times the article names it.' }),
    variantOf: t.exposeID('variantOf', { nullable: true, description: 'The registered product this one is a variant of.' }),
  }),
});

const PreviewClaimRef = builder.objectRef<{ extracted: ExtractedClaim; preview: Preview }>('PreviewClaim').implement({
  description: 'A claim the article would add, with the passage it rests on.',
  fields: (t) => ({
    id: t.id({ resolve: ({ extracted }) => extracted.claim.id }),
    text: t.string({ resolve: ({ extracted, preview }) => claimText(extracted.claim, nameIn(preview)) }),
    predicate: t.field({ type: PredicateEnum, resolve: ({ extracted }) => extracted.claim.predicate }),
    subject: t.id({ resolve: ({ extracted }) => extracted.claim.subject }),
    object: t.id({ nullable: true, resolve: ({ extracted }) => extracted.claim.object }),
    value: t.string({ nullable: true, description: 'The value as text, for claims that carry one.', resolve: ({ extracted }) => (extracted.claim.value ? formatValue(extracted.claim.value) : null) }),
    negated: t.boolean({ resolve: ({ extracted }) => extracted.claim.negated }),
    exists: t.boolean({ description: 'The graph already holds this claim (the article would add evidence to it).', resolve: ({ extracted, preview }, _args, { graph }) => preview.existing === null && graph.claim(extracted.claim.id) !== undefined }),
    quote: t.string({ resolve: ({ extracted }) => extracted.evidence.quote }),
    start: t.int({ resolve: ({ extracted }) => extracted.evidence.start }),
    end: t.int({ resolve: ({ extracted }) => extracted.evidence.end }),
    modality: t.field({ type: ModalityEnum, resolve: ({ extracted }) => extracted.evidence.modality }),
    attributedTo: t.id({ nullable: true, resolve: ({ extracted }) => extracted.evidence.attributedTo }),
    confidence: t.float({ resolve: ({ extracted }) => extracted.evidence.confidence }),
  }),
});

function nameIn(preview: Preview): (id: string) => string {
  const names = new Map<string, string>();
  for (const e of preview.result.entities) names.set(e.id, e.name);
  for (const c of preview.result.candidates) names.set(c.entity.id, c.entity.name);
  return (id) => names.get(id) ?? id;
}

const IngestPreviewRef = builder.objectRef<Preview>('IngestPreview').implement({
  description: 'What ingesting an article would add. Nothing is written.',
  fields: (t) => ({
    alreadyIngested: t.field({
      type: ArticleRef,
      nullable: true,
      description: 'The article with the same text, when the graph already holds it: ingesting would add nothing.',
      resolve: (p, _args, { graph }) => (p.existing ? graph.article(p.existing) ?? null : null),
    }),
    articleId: t.id({ resolve: (p) => p.result.article.id }),
    title: t.string({ resolve: (p) => p.result.article.title }),
    body: t.string({ description: 'The text the offsets index: the input, or for HTML and Markdown its visible text.', resolve: (p) => p.result.article.body }),
    contentHash: t.string({ resolve: (p) => p.result.article.contentHash }),
    entities: t.field({ type: [EntityRef], description: 'Registry entities it mentions.', resolve: (p) => p.result.entities as Entity[] }),
    candidates: t.field({ type: [CandidateRef], resolve: (p) => p.result.candidates }),
    claims: t.field({ type: [PreviewClaimRef], resolve: (p) => p.result.claims.map((extracted) => ({ extracted, preview: p })) }),
  }),
});

function preview(ingestArticle: IngestArticle, graph: KnowledgeGraph, input: ArticleArg): Preview {
  const result = runPipeline(ingestArticle, graph, input);
  return { result, existing: graph.articleByContentHash(result.article.contentHash)?.id ?? null };
}

builder.queryFields((t) => ({
  previewIngest: t.field({
    type: IngestPreviewRef,
    description: 'Reads an article and shows the entities and claims it would add, without changing the graph.',
    args: { input: t.arg({ type: ArticleInput }) },
    resolve: async (_root, args, context) => preview(await outsideBudget(context, loadPipeline()), context.graph, args.input),
  }),
}));

builder.relayMutationField(
  'ingestArticle',
  { inputFields: (t) => ({ article: t.field({ type: ArticleInput }) }) },
  {
    description: 'Reads an article and stores it with the entities and claims it states. The same text twice adds nothing.',
    resolve: async (_root, { input }, context) => {
      const { writer, principal } = authorise(context, 'write', 'ingestArticle');
      const ingestArticle = await outsideBudget(context, loadPipeline());
      const { result } = await writer.write(principal.actor, (graph) => {
        // A cheap look-up first, so a repeat costs no pipeline run.
        const known = graph.articleByContentHash(contentHash(input.article.body));
        if (known) return { facts: [], result: { articleId: known.id, created: false, claimIds: [] as string[], candidates: [] as Candidate[] } };
        const { result: ingested, existing } = preview(ingestArticle, graph, input.article);
        if (existing) return { facts: [], result: { articleId: existing, created: false, claimIds: [], candidates: [] } };
        return {
          facts: ingested.facts,
          result: {
            articleId: ingested.article.id,
            created: true,
            claimIds: [...new Set(ingested.claims.map((c) => c.claim.id))],
            candidates: ingested.candidates,
          },
        };
      });
      return result;
    },
  },
  {
    outputFields: (t) => ({
      article: t.field({ type: ArticleRef, resolve: (r, _args, { graph }) => graph.article(r.articleId)! }),
      created: t.boolean({ description: 'False when the graph already held this text: nothing was written.', resolve: (r) => r.created }),
      claims: t.field({ type: [ClaimRef], description: 'The claims the article states.', resolve: (r, _args, { graph }) => r.claimIds.map((id) => graph.claim(id)!).filter(Boolean) }),
      newEntities: t.field({ type: [EntityRef], description: 'Entities the registry lacked, added as candidates.', resolve: (r, _args, { graph }) => r.candidates.map((c) => graph.entity(c.entity.id)!).filter(Boolean) }),
    }),
  },
);
