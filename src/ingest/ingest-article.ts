/**
 * ingestArticle: one article in, the facts it states out. Pure: no I/O, no clock, no corpus.
 *
 * input → checks (input.ts) → visible text (HTML and Markdown lose their markup) → language →
 * normalise → segment → mentions → resolve → claims with evidence → facts.
 *
 * `article.body` is the text every offset indexes: the input itself for plain text, the
 * visible text for HTML and Markdown (markup is not what an article says). Every evidence
 * quote and mention text is exactly `article.body.slice(start, end)`.
 */

import type { Article } from '../model/article.ts';
import type { Entity } from '../model/entity.ts';
import type { Fact, Mention } from '../model/fact.ts';
import { makeId, slugify } from '../model/ids.ts';
import { buildAliasIndex, type AliasIndex } from './alias-index.ts';
import { articleId, contentHash } from './article-id.ts';
import { attributeSentences } from './attribution.ts';
import { buildClaims, type ExtractedClaim } from './claims.ts';
import { findDates } from './dates.ts';
import { buildDiscourse } from './discourse.ts';
import { extractDrafts } from './extract/index.ts';
import { htmlToText } from './html.ts';
import { IngestError } from './ingest-error.ts';
import { checkInput, type ArticleInput, type CheckedInput } from './input.ts';
import { detectLanguage, isEnglishCode } from './language.ts';
import { applyRenames, nameProductsByMaker } from './maker-names.ts';
import { markdownToText } from './markdown.ts';
import { findMentions } from './mentions.ts';
import { findMoney } from './money.ts';
import { normalise, type NormalisedText } from './normalise.ts';
import { toSource } from './offset-map.ts';
import { resolveMentions, type Candidate } from './resolve.ts';
import { segment } from './segment.ts';
import { maskSentence, type SentenceView } from './sentence-view.ts';
import { compactKey } from './tokens.ts';

export interface IngestOptions {
  /** Recorded as the article's source file. */
  sourceFile?: string;
  /** A prebuilt alias index over the same registry, to save rebuilding it per article. */
  aliasIndex?: AliasIndex;
}

export interface IngestStats {
  format: CheckedInput['format'];
  bodyLength: number;
  keptLength: number;
  droppedParagraphs: number;
  sentences: number;
  mentions: number;
  claims: number;
  rejectedDrafts: number;
}

export interface IngestResult {
  article: Article;
  /** ArticleAdded, EntityAdded for new candidates only, MentionFound, ClaimStated: ready for the fact log. */
  facts: Fact[];
  candidates: Candidate[];
  /** Registry entities the article mentions. */
  entities: Entity[];
  mentions: Mention[];
  claims: ExtractedClaim[];
  stats: IngestStats;
}

function visibleBody(input: CheckedInput): { body: string; title: string | null } {
  if (input.format === 'html') {
    const { mapped, title } = htmlToText(input.body);
    return { body: mapped.text, title };
  }
  if (input.format === 'markdown') return { body: markdownToText(input.body).text, title: null };
  return { body: input.body, title: null };
}

function titleOf(input: CheckedInput, pageTitle: string | null, n: NormalisedText): string {
  if (input.title) return input.title;
  if (pageTitle) return pageTitle;
  const first = n.paragraphs[0];
  const text = first ? n.text.slice(first.start, first.end) : n.text;
  return text.length <= 120 ? text : `${text.slice(0, 117).replace(/\s+\S*$/, '')}…`;
}

function publisherOf(input: CheckedInput, registry: readonly Entity[]): { id: string | null; candidate: Candidate | null } {
  const publisher = input.publisher;
  if (!publisher) return { id: null, candidate: null };
  if (/^[A-Z][A-Za-z]+:/.test(publisher)) {
    const known = registry.find((e) => e.id === publisher);
    if (!known || known.kind !== 'Publication') {
      throw new IngestError('BAD_METADATA', `publisher: "${publisher}" is not a Publication in the registry; give a registry ID or the outlet's name`);
    }
    return { id: known.id, candidate: null };
  }
  const key = compactKey(publisher);
  const known = registry.find((e) => e.kind === 'Publication' && [e.name, ...e.aliases].some((n) => compactKey(n) === key));
  if (known) return { id: known.id, candidate: null };
  const id = makeId('Publication', slugify(publisher));
  return { id, candidate: { entity: { id, kind: 'Publication', name: publisher, aliases: [], description: null }, confidence: 0.9, mentions: 0, variantOf: null } };
}

export function ingestArticle(input: ArticleInput, registry: readonly Entity[], options: IngestOptions = {}): IngestResult {
  const checked = checkInput(input);
  if (checked.language && !isEnglishCode(checked.language)) {
    throw new IngestError('NOT_ENGLISH', `language "${checked.language}" was declared; only English articles are read`);
  }
  const { body, title: pageTitle } = visibleBody(checked);
  const n = normalise(body);
  if (n.text.trim() === '') throw new IngestError('EMPTY_INPUT', 'nothing is left once markup and boilerplate are removed; give the article text');
  const detected = detectLanguage(n.text);
  if (detected !== 'und' && detected !== 'eng') {
    throw new IngestError('NOT_ENGLISH', `the text reads as language "${detected}" (ISO 639-3); only English articles are read`);
  }

  const hash = contentHash(body);
  const title = titleOf(checked, pageTitle, n);
  const id = articleId(title, hash);
  const publisher = publisherOf(checked, registry);

  const sentences = segment(n.text);
  const index = options.aliasIndex ?? buildAliasIndex(registry);
  const resolution = resolveMentions(findMentions(index, n.text, sentences), registry);
  const candidates = [...resolution.candidates];
  if (publisher.candidate && !candidates.some((c) => c.entity.id === publisher.id)) candidates.push(publisher.candidate);
  const registryById = new Map(registry.map((e) => [e.id, e]));
  const entity = (eid: string): Entity | undefined => resolution.entity(eid) ?? (eid === publisher.id ? publisher.candidate?.entity : undefined);

  const seenSentences = new Set<string>();
  let mentionAt = 0;
  const views: SentenceView[] = sentences.map((sentence, i) => {
    const mentions = [];
    while (mentionAt < resolution.mentions.length && resolution.mentions[mentionAt]!.start < sentence.end) {
      const m = resolution.mentions[mentionAt++]!;
      if (m.start >= sentence.start) mentions.push(m);
    }
    const key = sentence.text.toLowerCase();
    const duplicate = sentence.text.length > 20 && seenSentences.has(key);
    seenSentences.add(key);
    const paragraph = n.paragraphs[sentence.paragraph];
    return {
      index: i,
      start: sentence.start,
      end: sentence.end,
      text: sentence.text,
      paragraph: sentence.paragraph,
      headline: paragraph?.headline === true && sentence.paragraph === 0,
      duplicate,
      mentions,
      ...maskSentence(sentence, mentions),
      money: findMoney(sentence.text),
      dates: findDates(sentence.text, checked.published),
    };
  });

  const discourse = buildDiscourse(views, entity);
  const context = { discourse, published: checked.published };
  const companies = [...registry.filter((e) => e.kind === 'Company'), ...candidates.map((c) => c.entity).filter((e) => e.kind === 'Company')];
  const drafts = extractDrafts(views, context, companies);
  applyRenames(nameProductsByMaker(candidates, drafts, entity), resolution.mentions, drafts);
  const byId = new Map(candidates.map((c) => [c.entity.id, c.entity]));
  const entityAfterRenames = (eid: string): Entity | undefined => byId.get(eid) ?? registryById.get(eid);
  const { claims, rejected } = buildClaims({
    articleId: id,
    body,
    normalised: n,
    views,
    attributions: attributeSentences(views, discourse),
    drafts,
    entity: entityAfterRenames,
  });

  const article: Article = {
    id,
    title,
    publisher: publisher.id,
    url: checked.url,
    published: checked.published,
    language: 'en',
    sourceFile: options.sourceFile ?? null,
    body,
    contentHash: hash,
    quality: n.quality,
  };
  const mentions: Mention[] = resolution.mentions.map((m) => {
    const span = toSource(n, m.start, m.end);
    return { articleId: id, entityId: m.entityId, start: span.start, end: span.end, text: body.slice(span.start, span.end), method: 'EXTRACTED' };
  });
  const facts: Fact[] = [
    { type: 'ArticleAdded', article },
    ...candidates.map((c): Fact => ({ type: 'EntityAdded', entity: c.entity })),
    ...mentions.map((mention): Fact => ({ type: 'MentionFound', mention })),
    ...claims.map(({ claim, evidence }): Fact => ({ type: 'ClaimStated', claim, evidence })),
  ];
  return {
    article,
    facts,
    candidates,
    entities: resolution.mentioned,
    mentions,
    claims,
    stats: {
      format: checked.format,
      bodyLength: body.length,
      keptLength: n.text.length,
      droppedParagraphs: n.dropped.length,
      sentences: sentences.length,
      mentions: mentions.length,
      claims: claims.length,
      rejectedDrafts: rejected.length,
    },
  };
}
