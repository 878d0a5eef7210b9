import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RealServer } from './real-server.ts';

/** A preload that says on stderr when the server first resolves a module of the ingestion pipeline. */
const HOOK = `
import { registerHooks } from 'node:module';
let said = false;
registerHooks({
  resolve(specifier, context, next) {
    const resolved = next(specifier, context);
    if (!said && (resolved.url.includes('/node_modules/compromise/') || resolved.url.endsWith('/src/ingest/ingest-article.ts'))) {
      said = true;
      process.stderr.write('PIPELINE LOADED\\n');
    }
    return resolved;
  },
});
`;

const STORY = 'Leica and Xiaomi announced a partnership on Monday. Xiaomi will sell the 12S Ultra in China.';

describe('server start', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'claimgraph-startup-'));
  let server: RealServer;
  const post = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
  };

  beforeAll(async () => {
    const hook = path.join(dir, 'pipeline-hook.mjs');
    writeFileSync(hook, HOOK);
    server = await startServer({ NODE_OPTIONS: `--import ${hook}` });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads the ingestion pipeline when an article is first read, not to answer queries', async () => {
    const answer = await post('{ search(query: "Leica", first: 3) { node { id } } entities(first: 3) { totalCount } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.search.length).toBeGreaterThan(0);
    expect(server.output()).not.toContain('PIPELINE LOADED');

    const preview = await post('query($a: ArticleInput!) { previewIngest(input: $a) { claims { predicate } candidates { name } } }', { a: { body: STORY } });
    expect(preview.errors).toBeUndefined();
    expect(preview.data!.previewIngest.claims.length).toBeGreaterThan(0);
    expect(server.output()).toContain('PIPELINE LOADED');
  });
});
