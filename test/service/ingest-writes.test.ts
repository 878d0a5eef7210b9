import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TOKENS, tempDir, writeClient } from './write-client.ts';

const STORY = `Xiaomi and Leica extend their camera partnership

Xiaomi said on Tuesday that its partnership with Leica will continue through 2025. According to Engadget, the next flagship will carry Leica optics. Lei Jun said the collaboration had "changed how we think about photography".`;

const INGEST = `mutation($article: ArticleInput!) { ingestArticle(input: { article: $article }) {
  created article { id title body } claims { id text evidence { quote start end article { id } } } newEntities { id } } }`;
const PREVIEW = `query($article: ArticleInput!) { previewIngest(input: $article) {
  alreadyIngested { id } articleId body claims { text quote start end confidence } entities { id } candidates { name kind } } }`;

describe('ingesting articles through the API', () => {
  let folder: Awaited<ReturnType<typeof tempDir>>;
  let api: Awaited<ReturnType<typeof writeClient>>;
  beforeEach(async () => {
    folder = await tempDir('claimgraph-ingest-');
    api = await writeClient(path.join(folder.dir, 'facts.sqlite'));
  });
  afterEach(async () => {
    await api.close();
    await folder.remove();
  });

  it('previews the entities and claims an article would add, changing nothing', async () => {
    const log = await api.log();
    const { previewIngest } = await api.data(PREVIEW, { article: { body: STORY, published: '2023-03' } }, null);
    expect(previewIngest.alreadyIngested).toBeNull();
    expect(previewIngest.entities.map((e: any) => e.id)).toEqual(expect.arrayContaining(['Company:xiaomi', 'Company:leica']));
    expect(previewIngest.claims.length).toBeGreaterThan(0);
    for (const claim of previewIngest.claims) expect(previewIngest.body.slice(claim.start, claim.end)).toBe(claim.quote);
    expect(await api.log()).toBe(log);
    expect(api.graph.article(previewIngest.articleId)).toBeUndefined();
  });

  it('stores an article with its claims, and adds nothing when the same text comes again', async () => {
    const first = await api.data(INGEST, { article: { body: STORY, published: '2023-03' } });
    expect(first.ingestArticle.created).toBe(true);
    const { article, claims } = first.ingestArticle;
    expect(claims.length).toBeGreaterThan(0);
    for (const claim of claims) {
      const evidence = claim.evidence.find((e: any) => e.article.id === article.id);
      expect(article.body.slice(evidence.start, evidence.end)).toBe(evidence.quote);
    }
    const { history } = await api.data(`query($id: ID!) { history(id: $id) { actor type } }`, { id: article.id });
    expect(history).toEqual([{ actor: 'editor', type: 'ArticleAdded' }]);
    const log = await api.log();
    const again = await api.data(INGEST, { article: { body: STORY, title: 'Another title' } });
    expect(again.ingestArticle).toMatchObject({ created: false, article: { id: article.id } });
    expect(await api.log()).toBe(log);
  });

  it('recognises a seed article already in the corpus', async () => {
    const body = (await readFile(path.resolve(import.meta.dirname, '../../../shared/seeds/003_96395eb8440ca298.txt'), 'utf8'));
    const { previewIngest } = await api.data(PREVIEW, { article: { body } }, null);
    expect(previewIngest.alreadyIngested.id).toBe('Article:003-96395eb8');
  });

  it('refuses empty, non-English and anonymous articles, changing nothing', async () => {
    const log = await api.log();
    const empty = await api.query(INGEST, { article: { body: '   \n ' } });
    expect(empty.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EMPTY_INPUT' });
    const german = await api.query(INGEST, {
      article: { body: 'Xiaomi und Leica haben ihre Partnerschaft verlängert. Das nächste Flaggschiff wird wieder mit Leica-Optik ausgestattet sein, wie das Unternehmen am Dienstag mitteilte. Die Zusammenarbeit begann im vergangenen Jahr.' },
    });
    expect(german.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_ENGLISH' });
    const anonymous = await api.query(INGEST, { article: { body: STORY } }, null);
    expect(anonymous.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const reader = await api.query(INGEST, { article: { body: STORY } }, TOKENS.reader);
    expect(reader.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await api.log()).toBe(log);
  });
});
