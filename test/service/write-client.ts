/**
 * A server with a real SQLite fact log in a temporary folder, for write tests: tokens for a
 * reader, an editor and an admin, and helpers to read the log as it stands.
 */

import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hashToken, parseTokenConfig } from '../../src/server/auth/index.ts';
import { createServer } from '../../src/server/yoga.ts';
import { GraphWriter } from '../../src/service/graph-writer.ts';
import { openGraph } from '../../src/service/open-graph.ts';
import { SqliteFactLog, type StoredFact } from '../../src/store/index.ts';

export const DATA_DIR = path.resolve(import.meta.dirname, '../../data');
export const TOKENS = { reader: 'cg_reader_token', editor: 'cg_editor_token', admin: 'cg_admin_token' };
export const TOKEN_CONFIG = parseTokenConfig(
  `viewer:read:${hashToken(TOKENS.reader)},editor:write:${hashToken(TOKENS.editor)},ops:admin:${hashToken(TOKENS.admin)}`,
);

export async function tempDir(prefix: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A copy of data/ holding only the exchange rates: enough for a replay, nothing to re-parse. */
export async function ratesOnly(dir: string): Promise<string> {
  const data = path.join(dir, 'rates-only');
  await cp(path.join(DATA_DIR, 'rates.yaml'), path.join(data, 'rates.yaml'), { recursive: true });
  return data;
}

export async function writeClient(storePath: string, dataDir = DATA_DIR) {
  const { graph, store } = await openGraph({ storePath, dataDir });
  const writer = new GraphWriter(store, graph);
  const yoga = createServer(graph, { env: 'test', graphiql: false }, { writer, tokens: TOKEN_CONFIG });
  async function query(text: string, variables: Record<string, unknown> = {}, token: string | null = TOKENS.editor) {
    const response = await yoga.fetch('http://claimgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: text, variables }),
    });
    return (await response.json()) as { data?: any; errors?: { message: string; extensions?: any }[] };
  }
  async function data(text: string, variables: Record<string, unknown> = {}, token: string | null = TOKENS.editor) {
    const result = await query(text, variables, token);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data;
  }
  /** The whole log, as export would write it. */
  async function log(): Promise<string> {
    const lines: string[] = [];
    for await (const fact of store.read(0)) lines.push(JSON.stringify(fact));
    return lines.join('\n');
  }
  return {
    graph, store, writer, yoga, query, data, log,
    close: async () => {
      graph.close();
      await store.close();
    },
  };
}

/** Copies a store through export and import, as `claimgraph export | claimgraph import` does. */
export async function exportImport(from: string, to: string): Promise<void> {
  const source = SqliteFactLog.open(from, { create: false });
  const records: StoredFact[] = [];
  for await (const fact of source.read(0)) records.push(fact);
  await source.close();
  const target = SqliteFactLog.open(to);
  await target.importLog(records);
  await target.close();
}
