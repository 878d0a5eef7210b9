/**
 * Compiled execution runs the operation each request names. A document may hold several
 * operations; the compiled form of one must never answer a request for another, whichever
 * was asked for first.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { loadGraph } from '../../src/server/load-graph.ts';
import { createServer, type ClaimgraphServer } from '../../src/server/yoga.ts';

let yoga: ClaimgraphServer;

beforeAll(async () => {
  yoga = createServer(await loadGraph(loadConfig({}).dataDir), { env: 'production', graphiql: false });
});

async function post(query: string, operationName: string) {
  const response = await yoga.fetch('http://claimgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, operationName }),
  });
  return (await response.json()) as { data?: Record<string, any> | null; errors?: { message: string }[] };
}

describe('compiled execution', () => {
  it('answers each operation of a document by name, in any order and again', async () => {
    const query = 'query leica { entity(id: "Company:leica") { name } } query vocabulary { predicates { name } }';
    for (const name of ['leica', 'vocabulary', 'leica', 'vocabulary']) {
      const { data, errors } = await post(query, name);
      expect(errors, name).toBeUndefined();
      if (name === 'leica') expect(data).toEqual({ entity: { name: 'Leica' } });
      else expect(data!['predicates'].map((p: { name: string }) => p.name)).toContain('PARTNERS_WITH');
    }
  });

  it('never runs a document’s mutation for a request naming its query, nor the query for the mutation', async () => {
    const query = 'mutation retract { retractClaim(input: { id: "Claim:x", reason: "r" }) { retracted } } query leica { entity(id: "Company:leica") { name } }';
    // No token is sent: the mutation itself answers that it needs one.
    const refusal = /needs a bearer token/;
    expect((await post(query, 'retract')).errors?.[0]?.message).toMatch(refusal);
    expect(await post(query, 'leica')).toEqual({ data: { entity: { name: 'Leica' } }, extensions: expect.anything() });
    expect((await post(query, 'retract')).errors?.[0]?.message).toMatch(refusal);
  });
});
