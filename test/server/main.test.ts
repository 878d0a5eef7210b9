import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MAIN = path.resolve(import.meta.dirname, '../../src/server/main.ts');
let child: ChildProcess;
let base: string;
const storeDir = mkdtempSync(path.join(tmpdir(), 'claimgraph-main-'));

beforeAll(async () => {
  child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CLAIMGRAPH_ENV: 'development', CLAIMGRAPH_STORE: path.join(storeDir, 'facts.sqlite') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  base = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/GraphQL at (http:\/\/[^/\s]+)\/graphql/);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}, 30_000);

afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(storeDir, { recursive: true, force: true });
});

describe('the server on a real port', () => {
  it('answers /health with 200 once the graph is loaded', async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
  });

  it('answers a GraphQL query over HTTP', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ articles { totalCount } entity(name: "Leica") { id } }' }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: unknown; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ articles: { totalCount: 5 }, entity: { id: 'Company:leica' } });
  });

  it('serves GraphiQL to a browser in development', async () => {
    const response = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/graphiql/i);
  });

  it('answers a malformed query with a GraphQL syntax error, not a crash', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ entity(name: ' }),
    });
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0]!.message).toMatch(/Syntax Error/);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });
});
