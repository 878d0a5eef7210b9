/**
 * GraphQL over HTTP conformance, judged by the audit suite that ships with graphql-http
 * (`serverAudits`), run against the real server with production settings. Two of its audits
 * query `__type`, so introspection is on here; everything else is as deployed, CSRF
 * prevention included.
 */

import { serverAudits, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RealServer } from './real-server.ts';

let server: RealServer;
const results = new Map<string, AuditResult>();

beforeAll(async () => {
  server = await startServer({ CLAIMGRAPH_ENV: 'production', CLAIMGRAPH_INTROSPECTION: 'true' });
  for (const audit of serverAudits({ url: server.url })) results.set(audit.name, await audit.fn());
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

function failures(level: 'MUST' | 'SHOULD'): string[] {
  return [...results.entries()]
    .filter(([name, result]) => name.startsWith(`${level} `) && result.status !== 'ok')
    .map(([name, result]) => `${name}: ${'reason' in result ? result.reason : ''}`);
}

describe('the graphql-http server audits', () => {
  it('include MUST and SHOULD audits to pass', () => {
    const names = [...results.keys()];
    expect(names.filter((name) => name.startsWith('MUST ')).length).toBeGreaterThanOrEqual(13);
    expect(names.filter((name) => name.startsWith('SHOULD ')).length).toBeGreaterThanOrEqual(23);
  });

  it('pass every MUST', () => {
    expect(failures('MUST')).toEqual([]);
  });

  it('pass every SHOULD', () => {
    expect(failures('SHOULD')).toEqual([]);
  });

  it('leave the server answering', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ articles { totalCount } }' }),
    });
    expect(((await response.json()) as { data: unknown }).data).toEqual({ articles: { totalCount: 5 } });
  });
});
