import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from '../../src/server/yoga.ts';
import { openGraph } from '../../src/service/open-graph.ts';
import { DATA_DIR, TOKENS, TOKEN_CONFIG, exportImport, ratesOnly, tempDir, writeClient } from './write-client.ts';

type Client = Awaited<ReturnType<typeof writeClient>>;

const ADD_CLAIM = `mutation($input: AddClaimInput!) { addClaim(input: $input) {
  created claim { id text rank corroboration { evidenceCount } } evidence { quote start end article { body } } } }`;
const SHARP_COUNTRY = {
  subject: 'Company:sharp',
  predicate: 'COUNTRY',
  value: { text: 'Japan' },
  article: 'Article:003-96395eb8',
  quote: 'Their experience with the smartphone industry, in particular with Sharp and Huawei',
};

/** The same behaviour, whichever way the store came to hold the corpus. */
const STORES: [string, (dir: string) => Promise<string>][] = [
  ['a store freshly filled from data/', async (dir) => path.join(dir, 'fresh.sqlite')],
  [
    'a store rebuilt by export and import',
    async (dir) => {
      const first = await writeClient(path.join(dir, 'original.sqlite'));
      await first.close();
      await exportImport(path.join(dir, 'original.sqlite'), path.join(dir, 'imported.sqlite'));
      return path.join(dir, 'imported.sqlite');
    },
  ],
];

describe.each(STORES)('writes on %s', (_name, makeStore) => {
  let folder: Awaited<ReturnType<typeof tempDir>>;
  let api: Client;
  let storePath: string;

  beforeEach(async () => {
    folder = await tempDir('claimgraph-writes-');
    storePath = await makeStore(folder.dir);
    api = await writeClient(storePath);
  });
  afterEach(async () => {
    await api.close();
    await folder.remove();
  });

  /** Runs a write that must fail, and checks it left the log exactly as it was. */
  async function refused(text: string, variables: Record<string, unknown>, token: string | null = TOKENS.editor) {
    const before = await api.log();
    const result = await api.query(text, variables, token);
    expect(result.errors, 'the write should have been refused').toBeDefined();
    expect(await api.log()).toBe(before);
    return result.errors![0]!;
  }

  it('adds a curated claim whose evidence is the article’s own words, durably, and records who wrote it', async () => {
    const before = api.store.lastSeq();
    const { addClaim } = await api.data(ADD_CLAIM, { input: SHARP_COUNTRY });
    expect(addClaim.created).toBe(true);
    expect(addClaim.claim.text).toBe('Sharp is from “Japan”');
    const { quote, start, end, article } = addClaim.evidence;
    expect(article.body.slice(start, end)).toBe(quote);
    expect(api.store.lastSeq()).toBe(before + 1);
    const { history } = await api.data(`query($id: ID!) { history(id: $id) { actor type seq } }`, { id: addClaim.claim.id });
    expect(history).toEqual([{ actor: 'editor', type: 'ClaimStated', seq: before + 1 }]);
    // A new server on the same file replays the log and answers the same.
    await api.close();
    api = await writeClient(storePath);
    const { claim } = await api.data(`query($id: ID!) { claim(id: $id) { text } }`, { id: addClaim.claim.id });
    expect(claim.text).toBe(addClaim.claim.text);
  });

  it('says so and writes nothing when the same passage is added twice', async () => {
    await api.data(ADD_CLAIM, { input: SHARP_COUNTRY });
    const log = await api.log();
    const { addClaim } = await api.data(ADD_CLAIM, { input: SHARP_COUNTRY });
    expect(addClaim.created).toBe(false);
    expect(await api.log()).toBe(log);
  });

  it('refuses a quote that is not in the article, an unknown entity, a value of the wrong type and an oversize quote', async () => {
    const notThere = await refused(ADD_CLAIM, { input: { ...SHARP_COUNTRY, quote: 'Sharp is a Japanese company' } });
    expect(notThere.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.quote' });
    const unknown = await refused(ADD_CLAIM, { input: { ...SHARP_COUNTRY, subject: 'Company:nokia' } });
    expect(unknown.message).toMatch(/Company:nokia/);
    const wrongType = await refused(ADD_CLAIM, { input: { ...SHARP_COUNTRY, predicate: 'UNIT_COST' } });
    expect(wrongType.message).toMatch(/Money/);
    const badCurrency = await refused(ADD_CLAIM, { input: { ...SHARP_COUNTRY, subject: 'Product:xiaomi-12s-ultra-concept', predicate: 'UNIT_COST', value: { money: { amount: 1, currency: 'dollars' } } } });
    expect(badCurrency.message).toMatch(/ISO 4217/);
    const huge = await refused(ADD_CLAIM, { input: { ...SHARP_COUNTRY, quote: 'x'.repeat(3000) } });
    expect(huge.message).toMatch(/at most 2000/);
    const twoValues = await refused(ADD_CLAIM, { input: { ...SHARP_COUNTRY, value: { text: 'Japan', flag: true } } });
    expect(twoValues.message).toMatch(/ValueInput/);
  });

  it('refuses writes without a token, with an unknown or malformed token, and without the scope', async () => {
    const anonymous = await refused(ADD_CLAIM, { input: SHARP_COUNTRY }, null);
    expect(anonymous.extensions!.code).toBe('UNAUTHENTICATED');
    const unknown = await refused(ADD_CLAIM, { input: SHARP_COUNTRY }, 'not-a-real-token');
    expect(unknown.extensions!.code).toBe('UNAUTHENTICATED');
    expect(unknown.message).not.toContain('not-a-real-token');
    const reader = await refused(ADD_CLAIM, { input: SHARP_COUNTRY }, TOKENS.reader);
    expect(reader.extensions!.code).toBe('FORBIDDEN');
    const malformed = await api.yoga.fetch('http://claimgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      body: JSON.stringify({ query: '{ articles { totalCount } }' }),
    });
    expect(malformed.status).toBe(401);
  });

  it('deprecates a retracted claim: hidden by default, shown on request, with its reason', async () => {
    const id = api.graph.claims({ subject: 'Company:poco' })[0]!.statement.id;
    const { retractClaim } = await api.data(`mutation($id: ID!) { retractClaim(input: { id: $id, reason: "misread the article" }) { retracted claim { rank retraction { reason actor } } } }`, { id });
    expect(retractClaim).toEqual({ retracted: true, claim: { rank: 'DEPRECATED', retraction: { reason: 'misread the article', actor: 'editor' } } });
    const visible = await api.data(`{ entity(id: "Company:poco") { hidden: claims { totalCount } shown: claims(includeDeprecated: true) { totalCount } } }`);
    expect(visible.entity.shown.totalCount).toBe(visible.entity.hidden.totalCount + 1);
    const again = await api.data(`mutation($id: ID!) { retractClaim(input: { id: $id, reason: "twice" }) { retracted } }`, { id });
    expect(again.retractClaim.retracted).toBe(false);
    const unknown = await refused(`mutation { retractClaim(input: { id: "Claim:0000000000000000", reason: "x" }) { retracted } }`, {});
    expect(unknown.extensions!.code).toBe('NOT_FOUND');
  });

  it('merges a duplicate entity with the admin scope only; the merged ID then resolves to the kept one', async () => {
    const MERGE = `mutation { mergeEntities(input: { keep: "Publication:gizmochina", merge: "Publication:gizchina" }) { entity { id aliases } mergedId } }`;
    const forbidden = await refused(MERGE, {}, TOKENS.editor);
    expect(forbidden.extensions!.code).toBe('FORBIDDEN');
    const { mergeEntities } = await api.data(MERGE, {}, TOKENS.admin);
    expect(mergeEntities.entity.id).toBe('Publication:gizmochina');
    expect(mergeEntities.entity.aliases).toContain('GizChina');
    const { entity, article } = await api.data(`{ entity(id: "Publication:gizchina") { id } article(id: "Article:004-4cd5981a") { publisher { id } } }`);
    expect(entity.id).toBe('Publication:gizmochina');
    expect(article.publisher.id).toBe('Publication:gizmochina');
    const kinds = await refused(`mutation { mergeEntities(input: { keep: "Company:xiaomi", merge: "Product:xiaomi-12-ultra" }) { mergedId } }`, {}, TOKENS.admin);
    expect(kinds.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('adds an alias that name lookups then find, and refuses one that names another entity', async () => {
    const { addAlias } = await api.data(`mutation { addAlias(input: { entity: "Company:xiaomi", alias: "Xiaomi Corporation" }) { added entity { aliases } } }`);
    expect(addAlias.added).toBe(true);
    expect((await api.data(`{ entity(name: "xiaomi corporation") { id } }`)).entity.id).toBe('Company:xiaomi');
    const taken = await refused(`mutation { addAlias(input: { entity: "Company:xiaomi", alias: "Leica" }) { added } }`, {});
    expect(taken.message).toMatch(/Company:leica/);
  });

  it('applies concurrent writes one at a time, each with its own place in the log', async () => {
    const before = api.store.lastSeq();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => api.data(`mutation($a: String!) { addAlias(input: { entity: "Company:sony", alias: $a }) { added } }`, { a: `Sony Group ${i}` })),
    );
    expect(results.every((r) => r.addAlias.added)).toBe(true);
    expect(api.store.lastSeq()).toBe(before + 20);
    const { history } = await api.data(`{ history(id: "Company:sony") { seq type } }`);
    const seqs = history.filter((h: any) => h.type === 'AliasAdded').map((h: any) => h.seq);
    expect(new Set(seqs).size).toBe(20);
  });
});

describe('starting on an existing log', () => {
  const folders: Awaited<ReturnType<typeof tempDir>>[] = [];
  afterAll(async () => {
    for (const folder of folders) await folder.remove();
  });

  it('replays the log instead of re-reading the corpus', async () => {
    const folder = await tempDir('claimgraph-replay-');
    folders.push(folder);
    const storePath = path.join(folder.dir, 'facts.sqlite');
    const first = await writeClient(storePath);
    await first.data(`mutation { addAlias(input: { entity: "Company:leica", alias: "Leica Camera AG" }) { added } }`);
    const counts = { articles: first.graph.count('Article'), claims: first.graph.count('Claim') };
    await first.close();
    // The second start gets a data folder with no articles at all: everything comes from the log.
    const second = await writeClient(storePath, await ratesOnly(folder.dir));
    expect({ articles: second.graph.count('Article'), claims: second.graph.count('Claim') }).toEqual(counts);
    expect((await second.data(`{ entity(name: "Leica Camera AG") { id } }`)).entity.id).toBe('Company:leica');
    // The search index on disk already holds the whole log: nothing is indexed again, and
    // article bodies and search answer from it.
    expect(second.graph.search.indexedSeq).toBe(second.store.lastSeq());
    const { search, article } = await second.data(`{ search(query: "Leica Camera AG", kinds: [ENTITY]) { node { id } } article(id: "Article:003-96395eb8") { body } }`);
    expect(search[0].node.id).toBe('Company:leica');
    expect(article.body).toBe(await readFile(path.resolve(import.meta.dirname, '../../../shared/seeds/003_96395eb8440ca298.txt'), 'utf8'));
    await second.close();
  });
});

describe('graphChanged', () => {
  it('tells a subscriber over server-sent events what a write changed', async () => {
    const folder = await tempDir('claimgraph-sse-');
    const api = await writeClient(path.join(folder.dir, 'facts.sqlite'));
    const response = await api.yoga.fetch('http://claimgraph.test/graphql', {
      method: 'POST',
      headers: { accept: 'text/event-stream', 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'subscription { graphChanged { actor types ids } }' }),
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    // The subscription starts when the stream is first pulled: keep writing until an event comes.
    let text = '';
    let pending = reader.read();
    for (let i = 0; i < 20 && !text.includes('graphChanged'); i++) {
      await api.data(`mutation($a: String!) { addAlias(input: { entity: "Company:apple", alias: $a }) { added } }`, { a: `Apple ${i}` });
      const chunk = await Promise.race([pending, new Promise<null>((resolve) => setTimeout(() => resolve(null), 100))]);
      if (chunk) {
        text += decoder.decode(chunk.value);
        pending = reader.read();
      }
    }
    const event = JSON.parse(text.slice(text.indexOf('data:') + 5).split('\n')[0]!);
    expect(event.data.graphChanged).toEqual({ actor: 'editor', types: ['AliasAdded'], ids: ['Company:apple'] });
    await reader.cancel();
    await api.close();
    await folder.remove();
  });
});

describe('reads that need a token', () => {
  it('refuses anonymous reads when configured to, and lets a reader in', async () => {
    const folder = await tempDir('claimgraph-private-');
    const { graph, store } = await openGraph({ storePath: path.join(folder.dir, 'facts.sqlite'), dataDir: DATA_DIR });
    const yoga = createServer(graph, { env: 'test', graphiql: false }, { tokens: TOKEN_CONFIG, readRequiresToken: true });
    const read = (headers: Record<string, string>) =>
      yoga.fetch('http://claimgraph.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ articles { totalCount } }' }) });
    const anonymous = await read({});
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const reader = await read({ authorization: `Bearer ${TOKENS.reader}` });
    expect(((await reader.json()) as any).data.articles.totalCount).toBe(5);
    await store.close();
    await folder.remove();
  });
});
