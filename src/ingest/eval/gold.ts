/**
 * Gold labels for the evaluation: the seed articles with their curated claims (read through
 * the corpus loader), and the labelled fixture articles in test/fixtures/.
 *
 * This is the evaluation harness's one module that reads files; the pipeline itself never does.
 * A fixture is test/fixtures/articles/<name>.txt (the body, verbatim) with
 * test/fixtures/labels/<name>.yaml: title, publisher, published, the entities the article
 * names (registry IDs, or `Kind:slug` of a new name) and its claims in the curation format
 * (subject, predicate, object or value, negated, quote, occurrence).
 */

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { loadCorpus } from '../../corpus/index.ts';
import type { Entity } from '../../model/entity.ts';
import { DATE_PRECISIONS } from '../../model/article.ts';
import type { Value } from '../../model/value.ts';
import type { ArticleInput } from '../input.ts';
import type { SpannedStatement } from './score.ts';

export interface GoldArticle {
  name: string;
  input: ArticleInput;
  entities: Set<string>;
  evidence: SpannedStatement[];
}

export interface GoldSet {
  registry: Entity[];
  articles: GoldArticle[];
}

/** The seed articles: bodies and metadata from data/articles, gold claims from data/curation. */
export async function seedGold(dataDir: string): Promise<GoldSet> {
  const corpus = await loadCorpus(dataDir);
  const articles = corpus.articles.map((article): GoldArticle => {
    const entities = new Set<string>();
    const evidence: SpannedStatement[] = [];
    for (const fact of corpus.facts) {
      if (fact.type === 'MentionFound' && fact.mention.articleId === article.id) entities.add(fact.mention.entityId);
      if (fact.type === 'ClaimStated' && fact.evidence.articleId === article.id) {
        const { claim, evidence: e } = fact;
        for (const id of [claim.subject, claim.object, e.attributedTo]) if (id) entities.add(id);
        evidence.push({ subject: claim.subject, predicate: claim.predicate, object: claim.object, value: claim.value, negated: claim.negated, start: e.start, end: e.end });
      }
    }
    if (article.publisher) entities.add(article.publisher);
    return {
      name: article.id.replace(/^Article:/, ''),
      input: {
        body: article.body,
        format: 'text',
        title: article.title,
        ...(article.publisher ? { publisher: article.publisher } : {}),
        ...(article.published ? { published: { value: article.published.value, precision: article.published.precision } } : {}),
      },
      entities,
      evidence,
    };
  });
  return { registry: corpus.entities, articles };
}

const ValueSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Money'), amount: z.number(), currency: z.string(), approximate: z.boolean().default(false) }),
  z.object({ type: z.literal('Quantity'), amount: z.number(), unit: z.string().nullable().default(null), approximate: z.boolean().default(false) }),
  z.object({ type: z.literal('Date'), value: z.coerce.string(), precision: z.enum(DATE_PRECISIONS) }),
  z.object({ type: z.literal('Text'), text: z.string() }),
  z.object({ type: z.literal('Flag'), flag: z.boolean() }),
]);

const LabelSchema = z.object({
  title: z.string(),
  publisher: z.string().optional(),
  published: z.coerce.string().optional(),
  entities: z.array(z.string()),
  claims: z.array(
    z.object({
      subject: z.string(),
      predicate: z.string(),
      object: z.string().optional(),
      value: ValueSchema.optional(),
      negated: z.boolean().default(false),
      quote: z.string(),
      occurrence: z.number().int().positive().default(1),
    }),
  ),
});

function locate(body: string, quote: string, occurrence: number, where: string): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = body.indexOf(quote, at + 1);
    if (at < 0) throw new Error(`${where}: quote not found in the article (occurrence ${occurrence}): "${quote}"`);
  }
  return { start: at, end: at + quote.length };
}

/** The labelled fixture articles under `fixturesDir` (articles/*.txt with labels/*.yaml). */
export async function fixtureGold(fixturesDir: string): Promise<GoldArticle[]> {
  const names = (await readdir(join(fixturesDir, 'labels'))).filter((f) => f.endsWith('.yaml')).sort();
  const articles: GoldArticle[] = [];
  for (const file of names) {
    const name = file.replace(/\.yaml$/, '');
    const body = await readFile(join(fixturesDir, 'articles', `${name}.txt`), 'utf8');
    const label = LabelSchema.parse(parse(await readFile(join(fixturesDir, 'labels', file), 'utf8')));
    const evidence = label.claims.map((c, i): SpannedStatement => ({
      subject: c.subject,
      predicate: c.predicate,
      object: c.object ?? null,
      value: (c.value as Value | undefined) ?? null,
      negated: c.negated,
      ...locate(body, c.quote, c.occurrence, `labels/${file} claim ${i + 1}`),
    }));
    articles.push({
      name,
      input: {
        body,
        format: 'text',
        title: label.title,
        ...(label.publisher ? { publisher: label.publisher } : {}),
        ...(label.published ? { published: label.published } : {}),
      },
      entities: new Set(label.entities),
      evidence,
    });
  }
  return articles;
}
