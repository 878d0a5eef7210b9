import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { run } from '../../src/cli/ingest.ts';
import { loadCorpus } from '../../src/corpus/index.ts';

const DATA = fileURLToPath(new URL('../../data/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Runs `claimgraph ingest` in process, returning its exit code and what it printed. */
async function ingestCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  try {
    const code = await run(args);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('claimgraph ingest', () => {
  let data: string;
  beforeEach(() => {
    data = mkdtempSync(join(tmpdir(), 'claimgraph-ingest-'));
    cpSync(DATA, data, { recursive: true });
  });
  afterEach(() => rmSync(data, { recursive: true, force: true }));

  it('prints a summary of entities, candidates and claims with their evidence', async () => {
    const { code, out } = await ingestCli(join(FIXTURES, 'articles/04-lumetra-vantage-split.txt'), '--data', data, '--published', '2024-03-13');
    expect(code).toBe(0);
    expect(out).toContain('new candidates (');
    expect(out).toContain('Company:vantage-labs  "Vantage Labs"');
    expect(out).toMatch(/PARTNERS_WITH: Lumetra partners with Vantage Labs \(endTime 2024\)/);
    expect(out).toContain('"Smartphone maker Lumetra has ended its five-year imaging partnership');
  });

  it('prints JSON with --json', async () => {
    const { code, out } = await ingestCli(join(FIXTURES, 'seeds/003_96395eb8440ca298.txt'), '--data', data, '--json');
    expect(code).toBe(0);
    const result = JSON.parse(out) as { article: { body: string }; claims: { evidence: { quote: string; start: number; end: number } }[] };
    expect(result.claims.length).toBeGreaterThan(10);
    for (const { evidence } of result.claims) expect(result.article.body.slice(evidence.start, evidence.end)).toBe(evidence.quote);
  });

  it('reads every article of a directory', async () => {
    const { code, out } = await ingestCli(join(FIXTURES, 'articles'), '--data', data, '--json');
    expect(code).toBe(0);
    expect((JSON.parse(out) as unknown[]).length).toBe(readdirSync(join(FIXTURES, 'articles')).length);
  });

  it('writes a new article and its extracted claims with --write, and the corpus still loads', async () => {
    const { code } = await ingestCli(join(FIXTURES, 'articles/06-orion-x2-rumour.txt'), '--data', data, '--write', '--published', '2024-06-10');
    expect(code).toBe(0);
    const written = readdirSync(join(data, 'extracted'));
    expect(written).toHaveLength(1);
    const stem = written[0]!.replace(/\.yaml$/, '');
    const extracted = parse(readFileSync(join(data, 'extracted', written[0]!), 'utf8')) as { article: string; entities: { id: string; confidence: number }[]; claims: { quote: string; confidence: number }[] };
    expect(extracted.article).toBe(`Article:${stem}`);
    expect(extracted.entities.map((e) => e.id)).toContain('Product:orion-x2');
    expect(extracted.claims.every((c) => c.confidence > 0 && c.confidence < 1)).toBe(true);
    const article = readFileSync(join(data, 'articles', `${stem}.md`), 'utf8');
    expect(article.endsWith(readFileSync(join(FIXTURES, 'articles/06-orion-x2-rumour.txt'), 'utf8'))).toBe(true);
    for (const { quote } of extracted.claims) expect(article).toContain(quote);
    const corpus = await loadCorpus(data);
    expect(corpus.articles.map((a) => a.id)).toContain(`Article:${stem}`);
    // The loader reads the extracted claims back, marked as extracted, with their candidates.
    expect(corpus.entities.map((e) => e.id)).toContain('Product:orion-x2');
    const loaded = corpus.facts.flatMap((f) => (f.type === 'ClaimStated' && f.evidence.articleId === `Article:${stem}` ? [f.evidence] : []));
    expect(loaded).toHaveLength(extracted.claims.length);
    expect(loaded.every((e) => e.method === 'EXTRACTED' && e.confidence < 1)).toBe(true);
  });

  it('refuses, writing nothing, an article the corpus already holds', async () => {
    const before = readdirSync(join(data, 'articles'));
    const { code, err } = await ingestCli(join(DATA, 'articles/003-96395eb8.md'), '--data', data, '--write');
    expect(code).toBe(1);
    expect(err).toMatch(/already in the corpus as Article:003-96395eb8/);
    expect(readdirSync(join(data, 'articles'))).toEqual(before);
    expect(existsSync(join(data, 'extracted'))).toBe(false);
  });

  it('refuses bad input with its reason and writes nothing', async () => {
    const empty = join(data, 'empty.txt');
    writeFileSync(empty, '   \n');
    const { code, err } = await ingestCli(empty, '--data', data, '--write');
    expect(code).toBe(1);
    expect(err).toMatch(/EMPTY_INPUT/);
    expect(existsSync(join(data, 'extracted'))).toBe(false);
  });

  it('explains its usage when given no input', async () => {
    const { code, err } = await ingestCli('--data', data);
    expect(code).toBe(2);
    expect(err).toMatch(/usage: claimgraph ingest/);
  });
});
