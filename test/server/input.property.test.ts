/**
 * Properties of the inputs a client controls most freely: global IDs and search text. For any
 * string at all, the ID codec either decodes it or refuses it with BAD_USER_INPUT, and the API
 * answers ID and search arguments with data or an expected error, never an unexpected one.
 */

import fc from 'fast-check';
import { GraphQLError } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { NODE_KINDS, decodeGlobalId, encodeGlobalId } from '../../src/graphql/global-id.ts';
import { loadGraph } from '../../src/server/load-graph.ts';
import { createServer, type ClaimgraphServer } from '../../src/server/yoga.ts';

interface Body {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

let yoga: ClaimgraphServer;

beforeAll(async () => {
  yoga = createServer(await loadGraph(loadConfig({}).dataDir), { env: 'production', graphiql: false });
});

async function graphql(query: string, variables: Record<string, unknown>): Promise<{ status: number; body: Body }> {
  const response = await yoga.fetch('http://claimgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Body };
}

const codes = (body: Body) => (body.errors ?? []).map((error) => error.extensions?.['code']);

/** Any text: ASCII, all of Unicode including lone surrogates, and ID-shaped strings. */
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.tuple(fc.constantFrom(...NODE_KINDS, 'company', 'Claim ', '', 'Node'), fc.constantFrom(':', '::', ''), fc.string({ unit: 'binary' })).map(
    ([kind, colon, slug]) => `${kind}${colon}${slug}`,
  ),
);

describe('the global ID codec', () => {
  it('decodes what it encodes, for every kind and any slug', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NODE_KINDS), fc.string({ unit: 'binary', minLength: 1 }), (kind, slug) => {
        expect(decodeGlobalId(encodeGlobalId(kind, slug))).toEqual({ typename: kind, id: slug });
      }),
    );
  });

  it('decodes any string to a known kind and a non-empty slug, or refuses it with BAD_USER_INPUT and a short message', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let decoded: { typename: string; id: string } | undefined;
        try {
          decoded = decodeGlobalId(text);
        } catch (error) {
          expect(error).toBeInstanceOf(GraphQLError);
          expect((error as GraphQLError).extensions['code']).toBe('BAD_USER_INPUT');
          expect((error as GraphQLError).message.length).toBeLessThan(300);
          return;
        }
        expect(NODE_KINDS).toContain(decoded.typename);
        expect(decoded.id.length).toBeGreaterThan(0);
        expect(encodeGlobalId(decoded.typename, decoded.id)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('lets the API answer any string as an ID with data or an expected error', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, fc.constantFrom('node(id: $id) { id }', 'claim(id: $id) { id }', 'article(id: $id) { id }', 'entity(id: $id) { id }'), async (id, field) => {
        const { status, body } = await graphql(`query Q($id: ID!) { ${field} }`, { id });
        expect(status).toBe(200);
        for (const code of codes(body)) expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(code);
        for (const error of body.errors ?? []) expect(error.message.length).toBeLessThan(300);
      }),
      { numRuns: 200 },
    );
  });
});

describe('search input', () => {
  it('is answered for any text and any first with ranked hits whose matches lie in their fields, or with BAD_USER_INPUT', async () => {
    const query = 'query Q($q: String!, $first: Int!) { search(query: $q, first: $first) { score matches { start end snippet } } }';
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anyText,
          fc.constantFrom('Leica', 'xiaomi 12s ultra', 'Lecia', 'leica’s summilux', 'Engadget (report)', '$40,000 unit cost'),
          fc.string({ unit: fc.constantFrom('(', ')', '[', '*', '+', '?', '\\', '|', '^', '$', '.', ' ', 'l', 'e', 'i', 'c', 'a', '’', 's') }),
        ),
        fc.integer({ min: -5, max: 120 }),
        async (text, first) => {
          const { status, body } = await graphql(query, { q: text, first });
          expect(status).toBe(200);
          if (body.errors) {
            expect(codes(body)).toEqual(['BAD_USER_INPUT']);
            const refusable = text.trim() === '' || text.length > 500 || first < 1 || first > 100;
            expect(refusable).toBe(true);
            return;
          }
          const hits = body.data!['search'] as { score: number; matches: { start: number; end: number }[] }[];
          if (/^leica$/i.test(text.trim())) expect(hits.length).toBeGreaterThan(0);
          expect(hits.length).toBeLessThanOrEqual(first);
          for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
          for (const match of hits.flatMap((hit) => hit.matches)) {
            expect(match.start).toBeGreaterThanOrEqual(0);
            expect(match.end).toBeGreaterThanOrEqual(match.start);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
