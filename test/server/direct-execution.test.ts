/**
 * The direct path's execution answers only what the server's execute hooks would answer
 * without errors, and hands everything else back for the full pipeline.
 */

import { parse, type ExecutionResult } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, loadConfig } from '../../src/config.ts';
import type { RequestRecord } from '../../src/server/plugins/request-record.ts';
import { loadGraph } from '../../src/server/load-graph.ts';
import { createServer, directExecutionOf, type ClaimgraphServer } from '../../src/server/yoga.ts';

let yoga: ClaimgraphServer;

beforeAll(async () => {
  yoga = createServer(await loadGraph(loadConfig({}).dataDir), { env: 'production', graphiql: false, limits: { ...DEFAULT_LIMITS, maxCost: 500 } });
});

const ENTITY = 'query entity($id: ID!, $first: Int) { entity(id: $id) { name claims(first: $first) { totalCount } } }';

async function run(query: string, variableValues: Record<string, unknown> = {}, operationName?: string) {
  const request = { headers: { get: () => null } };
  const enveloped = yoga.getEnveloped({ request } as never);
  const record: RequestRecord = { id: 'test', startedAt: 0, errorCodes: [] };
  const contextValue = (await enveloped.contextFactory()) as object;
  const outcome = await directExecutionOf(yoga).run(
    { schema: enveloped.schema, document: parse(query), operationName, variableValues, contextValue }, record);
  const result: ExecutionResult | null = 'answer' in outcome ? outcome.answer : null;
  const handedBack = 'handedBack' in outcome ? outcome.handedBack : undefined;
  return { result, handedBack, record };
}

describe('direct execution', () => {
  it('answers a query with its data and what it cost, and notes the operation and cost on the record', async () => {
    const { result, record } = await run(ENTITY, { id: 'Company:leica', first: 3 });
    expect(result?.errors).toBeUndefined();
    expect(result?.data).toMatchObject({ entity: { name: 'Leica' } });
    expect(result?.extensions).toEqual({ cost: { requested: record.cost, limit: 500 } });
    expect(record).toMatchObject({ operationName: 'entity', operationType: 'query' });
    expect(record.cost).toBeGreaterThan(1);
  });

  it('hands back a query whose answer carries errors, with the result it ran to', async () => {
    const { result, handedBack } = await run(ENTITY, { id: 'Company:no-such-company' });
    expect(result).toBeNull();
    expect(handedBack?.errors?.map((e) => e.extensions['code'])).toEqual(['NOT_FOUND']);
  });

  it('hands back variables graphql-js refuses, before running anything', async () => {
    for (const variables of [{}, { id: 'Company:leica', first: 'three' }, { id: { not: 'an ID' } }]) {
      const { result, handedBack } = await run(ENTITY, variables);
      expect(result, JSON.stringify(variables)).toBeNull();
      expect(handedBack, JSON.stringify(variables)).toBeNull();
    }
  });

  it('hands back a query over the cost limit, having counted its cost, before running it', async () => {
    const { result, handedBack, record } = await run(`{ search(query: "Leica", first: 100) { node { ... on Entity { claims(first: 100) { edges { node { evidence { quote } } } } } } } }`);
    expect(record.cost).toBeGreaterThan(500);
    expect(result).toBeNull();
    expect(handedBack).toBeNull();
  });

  it('runs the operation named, each in turn, from one document', async () => {
    const query = 'query leica { entity(id: "Company:leica") { name } } query xiaomi { entity(id: "Company:xiaomi") { name } }';
    for (const [name, expected] of [['xiaomi', 'Xiaomi'], ['leica', 'Leica'], ['xiaomi', 'Xiaomi']] as const) {
      expect((await run(query, {}, name)).result?.data).toEqual({ entity: { name: expected } });
    }
  });
});
