/**
 * Loading a corpus directory into facts.
 *
 * Reads the entity registry (entities.yaml), the exchange rates (rates.yaml), the articles
 * (articles/*.md), the curated claims (curation/*.yaml) and the claims `claimgraph ingest
 * --write` extracted (extracted/*.yaml, with their confidence and the candidate entities they
 * name), checks all of it, and returns the facts the graph is built from, in order: every
 * EntityAdded, every ArticleAdded, every MentionFound, then one ClaimStated per evidence.
 * Every problem in every file is collected first and thrown as one CorpusError, so a bad
 * corpus never half-loads.
 */

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from '../model/article.ts';
import type { Entity } from '../model/entity.ts';
import type { Fact } from '../model/fact.ts';
import { slugify } from '../model/ids.ts';
import type { RateTable } from '../model/money.ts';
import { CorpusError, ProblemLog, WHOLE_FILE, type Report } from './corpus-error.ts';
import { curatedClaim, suggestion, type EntityLookup } from './curated-claim.ts';
import { parseCuration, type CurationFile } from './curation.ts';
import { findMentions } from './find-mentions.ts';
import { parseArticleFile } from './front-matter.ts';
import { parseRates } from './rates.ts';
import { parseRegistry } from './registry.ts';

export interface Corpus {
  facts: Fact[];
  rates: RateTable;
  entities: Entity[];
  articles: Article[];
}

export const REGISTRY_FILE = 'entities.yaml';
export const RATES_FILE = 'rates.yaml';
export const ARTICLES_DIR = 'articles';
export const CURATION_DIR = 'curation';
export const EXTRACTED_DIR = 'extracted';

export async function loadCorpus(dataDir: string): Promise<Corpus> {
  const log = new ProblemLog();

  const registryText = await readText(dataDir, REGISTRY_FILE, log.for(REGISTRY_FILE));
  const entities = registryText === null ? [] : parseRegistry(registryText, log.for(REGISTRY_FILE));
  const byId = new Map(entities.map((entity) => [entity.id, entity]));

  // Claim files: curated by people, and extracted by the ingestion pipeline. Extracted files
  // may bring candidate entities, which their claims (and mention finding) then see.
  const claimFiles: { file: string; name: string; method: 'CURATED' | 'EXTRACTED'; curation: CurationFile | null }[] = [];
  for (const [folder, method, optional] of [[CURATION_DIR, 'CURATED', false], [EXTRACTED_DIR, 'EXTRACTED', true]] as const) {
    for (const name of await listFiles(dataDir, folder, /\.ya?ml$/, log, optional)) {
      const file = `${folder}/${name}`;
      const report = log.for(file);
      const text = await readText(dataDir, file, report);
      const curation = text === null ? null : parseCuration(text, report);
      claimFiles.push({ file, name, method, curation });
      for (const { entry, entity } of curation?.candidates ?? []) {
        if (method === 'CURATED') report(entry, 'candidate entities belong in extracted files; add curated entities to entities.yaml');
        else if (!byId.has(entity.id)) {
          byId.set(entity.id, entity);
          entities.push(entity);
        }
      }
    }
  }
  const lookup: EntityLookup = { get: (id) => byId.get(id), ids: [...byId.keys()] };

  const ratesText = await readText(dataDir, RATES_FILE, log.for(RATES_FILE));
  const rates = ratesText === null ? null : parseRates(ratesText, log.for(RATES_FILE));

  // Bodies are kept even for articles whose front matter is at fault, so that their curation
  // can still be checked and every problem is reported in one run.
  const articles: Article[] = [];
  const bodies = new Map<string, string | null>();
  const hashes = new Map<string, string>();
  for (const name of await listFiles(dataDir, ARTICLES_DIR, /\.md$/, log)) {
    const file = `${ARTICLES_DIR}/${name}`;
    const report = log.for(file);
    const stem = name.replace(/\.md$/, '');
    if (slugify(stem) !== stem) {
      report(WHOLE_FILE, `the file name gives the article ID, so it must be lower-case words joined by hyphens (try "${slugify(stem)}.md")`);
      continue;
    }
    const text = await readText(dataDir, file, report);
    if (text === null) continue;
    const id = `Article:${stem}`;
    const { body, article } = parseArticleFile(text, id, report);
    bodies.set(id, body);
    if (!article) continue;
    if (article.publisher !== null) {
      const publisher = byId.get(article.publisher);
      if (!publisher) report('front matter', `publisher: "${article.publisher}" is not a registry entity${suggestion(article.publisher, lookup.ids)}`);
      else if (publisher.kind !== 'Publication') report('front matter', `publisher: ${publisher.id} is a ${publisher.kind}, expected a Publication`);
    }
    const twin = hashes.get(article.contentHash);
    if (twin !== undefined) report(WHOLE_FILE, `the body is the same text as ${twin}; the same text twice is the same article`);
    hashes.set(article.contentHash, id);
    articles.push(article);
  }

  const claimFacts: Fact[] = [];
  for (const { file, name, method, curation } of claimFiles) {
    const report = log.for(file);
    if (!curation) continue;
    const { articleId } = curation;
    if (!bodies.has(articleId)) {
      report('article', `${articleId} is not an article in ${ARTICLES_DIR}/${suggestion(articleId, [...bodies.keys()])}`);
      continue;
    }
    const expected = `${articleId.slice('Article:'.length)}.yaml`;
    if (name !== expected) report(WHOLE_FILE, `a claims file is named after its article: expected ${expected} for ${articleId}`);
    const body = bodies.get(articleId);
    if (body === null || body === undefined) {
      report('article', `${articleId} could not be split into front matter and body, so no quote here can be checked`);
      continue;
    }
    const seen = new Map<string, string>(); // claim ID and span → entry that gave them
    for (const { entry, claim: curated } of curation.entries) {
      const result = curatedClaim(curated, { id: articleId, body }, lookup, method === 'CURATED');
      if (!result.ok) {
        for (const problem of result.problems) report(entry, problem);
        continue;
      }
      const { claim } = result;
      const evidence = method === 'EXTRACTED' ? { ...result.evidence, method, confidence: curated.confidence ?? 0.5 } : result.evidence;
      if (method === 'CURATED' && curated.confidence !== undefined) report(entry, 'confidence is for extracted claims; a curated claim is certain');
      if (claim.value?.type === 'Money' && rates && claim.value.currency !== 'USD') {
        const currency = claim.value.currency;
        if (!rates.rates.some((rate) => rate.currency === currency)) {
          report(entry, `no exchange rate for ${currency} in ${RATES_FILE}; add its monthly rates so the figure can be compared in USD`);
        }
      }
      const key = `${claim.id} ${evidence.start} ${evidence.end}`;
      const first = seen.get(key);
      if (first !== undefined) report(entry, `repeats ${first}: the same claim with the same quote`);
      seen.set(key, entry);
      claimFacts.push({ type: 'ClaimStated', claim, evidence });
    }
  }

  if (log.problems.length > 0 || rates === null) throw new CorpusError(log.problems, dataDir);

  const mentionFacts: Fact[] = articles.flatMap((article) =>
    findMentions(article.body, entities).map(
      (mention): Fact => ({ type: 'MentionFound', mention: { articleId: article.id, ...mention, method: 'CURATED' } }),
    ),
  );
  const facts: Fact[] = [
    ...entities.map((entity): Fact => ({ type: 'EntityAdded', entity })),
    ...articles.map((article): Fact => ({ type: 'ArticleAdded', article })),
    ...mentionFacts,
    ...claimFacts,
  ];
  return { facts, rates, entities, articles };
}

/** Reads only the exchange-rate table: a graph replayed from the fact log still needs it. */
export async function loadRates(dataDir: string): Promise<RateTable> {
  const log = new ProblemLog();
  const text = await readText(dataDir, RATES_FILE, log.for(RATES_FILE));
  const rates = text === null ? null : parseRates(text, log.for(RATES_FILE));
  if (log.problems.length > 0 || rates === null) throw new CorpusError(log.problems, dataDir);
  return rates;
}

async function readText(dataDir: string, file: string, report: Report): Promise<string | null> {
  try {
    return await readFile(join(dataDir, file), 'utf8');
  } catch (error) {
    report(WHOLE_FILE, `cannot be read: ${(error as Error).message}`);
    return null;
  }
}

/** Names of the files in a corpus folder matching `pattern`, in code-point order. */
async function listFiles(dataDir: string, folder: string, pattern: RegExp, log: ProblemLog, optional = false): Promise<string[]> {
  try {
    const entries = await readdir(join(dataDir, folder), { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && pattern.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if (optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    log.for(`${folder}/`)(WHOLE_FILE, `cannot be listed: ${(error as Error).message}`);
    return [];
  }
}
