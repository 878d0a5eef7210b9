/**
 * The corpus shipped in data/: it loads, it keeps the seed texts exactly, and its curated
 * claims have the shape the questions in the design depend on.
 */

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type Corpus } from '../../src/corpus/index.ts';
import type { ClaimStatement, Evidence, Fact, Mention } from '../../src/model/index.ts';
import { valueKey } from '../../src/model/index.ts';
import { DATA_DIR, SEEDS_DIR } from './fixture-corpus.ts';

const CONCEPT = 'Product:xiaomi-12s-ultra-concept';
const ENGADGET = 'Publication:engadget';

let corpus: Corpus;
let stated: { claim: ClaimStatement; evidence: Evidence }[];
let mentions: Mention[];

beforeAll(async () => {
  corpus = await loadCorpus(DATA_DIR);
  stated = corpus.facts.flatMap((fact) => (fact.type === 'ClaimStated' ? [{ claim: fact.claim, evidence: fact.evidence }] : []));
  mentions = corpus.facts.flatMap((fact) => (fact.type === 'MentionFound' ? [fact.mention] : []));
});

function bodyOf(articleId: string): string {
  const article = corpus.articles.find((candidate) => candidate.id === articleId);
  if (!article) throw new Error(`no article ${articleId}`);
  return article.body;
}

describe('the shipped corpus', () => {
  it('loads with no problems, one article per seed', async () => {
    const seeds = (await readdir(SEEDS_DIR)).sort();
    expect(corpus.articles.map((article) => article.sourceFile)).toEqual(seeds);
    expect(stated.length).toBeGreaterThan(0);
  });

  it('keeps every seed text byte for byte as the article body, after the front matter', async () => {
    for (const article of corpus.articles) {
      const seed = await readFile(join(SEEDS_DIR, article.sourceFile!));
      expect(Buffer.from(article.body, 'utf8').equals(seed), article.id).toBe(true);
      const file = await readFile(join(DATA_DIR, 'articles', `${article.id.slice('Article:'.length)}.md`));
      expect(file.subarray(file.length - seed.length).equals(seed), article.id).toBe(true);
    }
  });

  it('names each article after its seed: number, then the first 8 hex digits of the seed name', () => {
    for (const article of corpus.articles) {
      const [number, hash] = article.sourceFile!.replace(/\.txt$/, '').split('_');
      expect(article.id).toBe(`Article:${number}-${hash!.slice(0, 8)}`);
    }
  });

  it('emits entities, then articles, then mentions, then claims', () => {
    const order = ['EntityAdded', 'ArticleAdded', 'MentionFound', 'ClaimStated'];
    const ranks = corpus.facts.map((fact: Fact) => order.indexOf(fact.type));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(ranks)).toEqual(new Set([0, 1, 2, 3]));
  });

  it('has every evidence quote equal to the body between its offsets', () => {
    for (const { evidence } of stated) {
      expect(bodyOf(evidence.articleId).slice(evidence.start, evidence.end)).toBe(evidence.quote);
    }
  });

  it('has every mention equal to the body between its offsets', () => {
    for (const mention of mentions) {
      expect(bodyOf(mention.articleId).slice(mention.start, mention.end)).toBe(mention.text);
    }
  });

  it('mentions every registry entity in at least one article', () => {
    const mentioned = new Set(mentions.map((mention) => mention.entityId));
    expect(corpus.entities.filter((entity) => !mentioned.has(entity.id)).map((entity) => entity.id)).toEqual([]);
  });

  it('connects every entity to the graph: a claim about it, or an article it publishes or is credited in', () => {
    const connected = new Set<string>();
    for (const { claim, evidence } of stated) {
      connected.add(claim.subject);
      if (claim.object) connected.add(claim.object);
      if (evidence.attributedTo) connected.add(evidence.attributedTo);
    }
    for (const article of corpus.articles) if (article.publisher) connected.add(article.publisher);
    expect(corpus.entities.filter((entity) => !connected.has(entity.id)).map((entity) => entity.id)).toEqual([]);
  });

  it('gives one statement per claim ID, however many evidences it has', () => {
    const byId = new Map<string, ClaimStatement>();
    for (const { claim } of stated) {
      const first = byId.get(claim.id);
      if (first) expect(claim).toEqual(first);
      else byId.set(claim.id, claim);
    }
  });

  it('makes "ten units were made" one claim with evidence from three articles, each crediting Engadget', () => {
    const units = stated.filter(({ claim }) => claim.subject === CONCEPT && claim.predicate === 'UNITS_PRODUCED');
    expect(new Set(units.map(({ claim }) => claim.id)).size).toBe(1);
    expect(units[0]!.claim.value).toMatchObject({ type: 'Quantity', amount: 10 });
    const articles = new Set(units.map(({ evidence }) => evidence.articleId));
    expect(articles.size).toBe(3);
    for (const articleId of articles) {
      const credited = units.filter(({ evidence }) => evidence.articleId === articleId && evidence.attributedTo === ENGADGET);
      expect(credited.length, articleId).toBeGreaterThan(0);
      expect(credited.every(({ evidence }) => evidence.modality === 'REPORTED')).toBe(true);
    }
  });

  it('keeps the unit-cost figures as distinct claims on one subject and predicate, one per figure', () => {
    const costs = stated.filter(({ claim }) => claim.subject === CONCEPT && claim.predicate === 'UNIT_COST');
    const figures = new Map(costs.map(({ claim }) => [claim.id, claim.value!]));
    expect(new Set([...figures.values()].map((value) => valueKey(value))).size).toBe(figures.size);
    expect(figures.size).toBeGreaterThanOrEqual(4);
    expect(new Set([...figures.values()].map((value) => value.type === 'Money' && value.currency))).toEqual(new Set(['USD', 'CNY', 'EUR']));
    const rated = new Set(['USD', ...corpus.rates.rates.map((rate) => rate.currency)]);
    for (const value of figures.values()) expect(value.type === 'Money' && rated.has(value.currency)).toBe(true);
  });

  it('dates the end of Leica’s partnership with Huawei in the year its partnership with Xiaomi starts', () => {
    const partnership = (other: string) =>
      stated.map(({ claim }) => claim).filter((claim) => claim.predicate === 'PARTNERS_WITH' && [claim.subject, claim.object].includes(other) && [claim.subject, claim.object].includes('Company:leica'));
    const ended = partnership('Company:huawei').find((claim) => claim.qualifiers.endTime);
    const started = partnership('Company:xiaomi').find((claim) => claim.qualifiers.startTime);
    expect(ended?.qualifiers.endTime?.value).toBeDefined();
    expect(ended?.qualifiers.endTime?.value).toBe(started?.qualifiers.startTime?.value);
  });

  it('keeps the expected 12 Ultra apart from the 12S Ultra that shipped, with the expectation marked speculative', () => {
    const optics = stated.filter(({ claim }) => claim.subject === 'Product:xiaomi-12-ultra' && claim.predicate === 'OPTICS_BY');
    expect(optics.some(({ evidence }) => evidence.modality === 'SPECULATED')).toBe(true);
    const launches = stated.filter(({ claim }) => claim.predicate === 'LAUNCH_DATE' && claim.subject.startsWith('Product:xiaomi-12'));
    expect(new Set(launches.map(({ claim }) => claim.subject))).toEqual(new Set(['Product:xiaomi-12-ultra', 'Product:xiaomi-12s-ultra']));
    expect(launches.find(({ claim }) => claim.subject === 'Product:xiaomi-12-ultra')?.evidence.modality).toBe('ANNOUNCED');
  });

  it('quotes Lei Jun in his own words, credited to him', () => {
    const quoted = stated.filter(({ claim, evidence }) => claim.subject === 'Person:lei-jun' && evidence.modality === 'QUOTED');
    expect(new Set(quoted.map(({ evidence }) => evidence.articleId)).size).toBe(2);
    for (const { evidence } of quoted) expect(evidence.attributedTo).toBe('Person:lei-jun');
  });
});
