import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedClient } from './client.ts';

let api: Awaited<ReturnType<typeof seedClient>>;
beforeAll(async () => {
  api = await seedClient();
});

const SEEDS = path.resolve(import.meta.dirname, '../../../shared/seeds');

describe('articles', () => {
  it('lists the five seed articles, each body identical to its seed file', async () => {
    const { articles } = await api.data(`{ articles { totalCount edges { node { id sourceFile body language published { value precision estimated } } } } }`);
    expect(articles.totalCount).toBe(5);
    for (const { node } of articles.edges) {
      expect(node.body).toBe(await readFile(path.join(SEEDS, node.sourceFile), 'utf8'));
      expect(node.language).toBe('en');
      expect(node.published.estimated).toBe(true);
    }
  });

  it('shows an article’s publisher, the outlets it credits and its quality problems', async () => {
    const { shotkit, gizmo, spun } = await api.data(`{
      shotkit: article(id: "Article:001-369a1d8e") { publisher { id } cites { id } quality }
      gizmo: article(id: "Article:003-96395eb8") { cites { id } }
      spun: article(id: "Article:000-66c4e56b") { quality }
    }`);
    expect(shotkit.publisher.id).toBe('Publication:shotkit');
    expect(shotkit.cites.map((c: any) => c.id)).toEqual(['Publication:engadget']);
    expect(shotkit.quality).toContain('ADVERTISING');
    expect(gizmo.cites.map((c: any) => c.id)).toEqual(['Publication:gizmochina']);
    expect(spun.quality).toContain('MACHINE_SPUN');
  });

  it('lists every claim an article makes, and those no other article supports', async () => {
    const { article } = await api.data(`{ article(id: "Article:003-96395eb8") {
      all: claims(first: 100) { totalCount edges { node { corroboration { articleCount } } } }
      exclusive: claims(first: 100, exclusive: true) { totalCount edges { node { corroboration { articleCount } evidence { article { id } } } } }
    } }`);
    expect(article.all.totalCount).toBeGreaterThan(article.exclusive.totalCount);
    expect(article.exclusive.totalCount).toBeGreaterThan(0);
    for (const { node } of article.exclusive.edges) {
      expect(node.corroboration.articleCount).toBe(1);
      expect(node.evidence.every((e: any) => e.article.id === 'Article:003-96395eb8')).toBe(true);
    }
  });

  it('lists an article’s evidence in reading order, with context around each quote', async () => {
    const { article } = await api.data(`{ article(id: "Article:002-5f0dbdf3") { evidence(first: 100) { edges { node { start quote context(chars: 10) } } } } }`);
    const starts = article.evidence.edges.map((e: any) => e.node.start);
    expect(starts).toEqual([...starts].sort((a: number, b: number) => a - b));
    for (const { node } of article.evidence.edges) expect(node.context).toContain(`»${node.quote}«`);
  });

  it('answers an unknown article with NOT_FOUND', async () => {
    const result = await api.query(`{ article(id: "Article:999-nothing") { id } }`);
    expect(result.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it('credits Engadget and GizmoChina with the claims that rest on them', async () => {
    const { entities } = await api.data(`{ entities(kind: Publication) { edges { node { id ... on Publication { citedBy { id } creditedClaims { totalCount } } } } } }`);
    const byId = Object.fromEntries(entities.edges.map((e: any) => [e.node.id, e.node]));
    expect(byId['Publication:engadget'].citedBy).toHaveLength(3);
    expect(byId['Publication:engadget'].creditedClaims.totalCount).toBeGreaterThan(2);
    expect(byId['Publication:gizmochina'].citedBy.map((a: any) => a.id)).toEqual(['Article:003-96395eb8']);
  });
});

describe('search', () => {
  it('ranks entity, article and claim hits and says what matched', async () => {
    const { search } = await api.data(`{ search(query: "Summilux", first: 10) { kind score node { id } matches { field terms start end snippet } } }`);
    expect(search.length).toBeGreaterThan(0);
    expect(search[0].node.id).toBe('Product:leica-summilux-m-35-mm-f-1-4-asph');
    const scores = search.map((h: any) => h.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    const body = search.find((h: any) => h.kind === 'ARTICLE');
    expect(body.matches.some((m: any) => m.field === 'BODY' && m.snippet.includes('Summilux'))).toBe(true);
  });

  it('finds an article by words of its body at the offsets it reports', async () => {
    const { search } = await api.data(`{ search(query: "sapphire", kinds: [ARTICLE]) { node { ... on Article { body } } matches { field start end } } }`);
    const match = search[0].matches.find((m: any) => m.field === 'BODY');
    expect(search[0].node.body.slice(match.start, match.end).toLowerCase()).toBe('sapphire');
  });

  it('refuses an empty query and one longer than 500 characters', async () => {
    expect((await api.query(`{ search(query: "   ") { score } }`)).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const long = await api.query(`query($q: String!) { search(query: $q) { score } }`, { q: 'x'.repeat(5000) });
    expect(long.errors![0]!.message).toMatch(/500/);
  });
});

describe('nodes and mentions', () => {
  it('fetches several nodes of different kinds at once, null for an unknown one', async () => {
    const { nodes } = await api.data(`{ nodes(ids: ["Company:xiaomi", "Article:004-4cd5981a", "Product:nothing-here"]) { id __typename } }`);
    expect(nodes).toEqual([{ id: 'Company:xiaomi', __typename: 'Company' }, { id: 'Article:004-4cd5981a', __typename: 'Article' }, null]);
  });

  it('lists the entities an article names in reading order, each exactly as written', async () => {
    const { article } = await api.data(`{ article(id: "Article:004-4cd5981a") { body mentions(first: 100) { totalCount edges { node { text start end entity { id } } } } } }`);
    const mentions = article.mentions.edges.map((e: any) => e.node);
    expect(mentions.map((m: any) => m.start)).toEqual([...mentions.map((m: any) => m.start)].sort((a: number, b: number) => a - b));
    for (const m of mentions) expect(article.body.slice(m.start, m.end)).toBe(m.text);
    expect(new Set(mentions.map((m: any) => m.entity.id))).toContain('Person:lei-jun');
  });

  it('marks curated evidence with its method and full confidence', async () => {
    const { article } = await api.data(`{ article(id: "Article:000-66c4e56b") { evidence(first: 5) { edges { node { method confidence } } } } }`);
    for (const { node } of article.evidence.edges) expect(node).toEqual({ method: 'CURATED', confidence: 1 });
  });
});
