import { beforeAll, describe, expect, it } from 'vitest';
import { seedClient } from './client.ts';

let api: Awaited<ReturnType<typeof seedClient>>;
beforeAll(async () => {
  api = await seedClient();
});

const CONCEPT = 'Product:xiaomi-12s-ultra-concept';

describe('claims', () => {
  it('holds ten units as one claim stated by three articles with one independent source, Engadget', async () => {
    const { claims } = await api.data(`query($s: ID) { claims(filter: { subject: $s, predicate: UNITS_PRODUCED }) {
      totalCount edges { node { text value { ... on Quantity { amount } }
        evidence { article { id } quote start end modality attributedTo { id } }
        corroboration { evidenceCount articleCount independentSourceCount independentSources { entity { id } articles { id } } } } } } }`, { s: CONCEPT });
    const ten = claims.edges.map((e: any) => e.node).filter((c: any) => c.value.amount === 10);
    expect(ten).toHaveLength(1);
    const [claim] = ten;
    expect(claim.corroboration.articleCount).toBe(3);
    expect(claim.corroboration.independentSourceCount).toBe(1);
    expect(claim.corroboration.independentSources[0].entity.id).toBe('Publication:engadget');
    expect(claim.corroboration.independentSources[0].articles).toHaveLength(3);
    expect(new Set(claim.evidence.map((e: any) => e.article.id)).size).toBe(3);
  });

  it('keeps every unit-cost figure as its own claim, converted to dollars, and reports them as conflicts', async () => {
    const { claims } = await api.data(`query($s: ID) { claims(filter: { subject: $s, predicate: UNIT_COST }) {
      edges { node { id value { ... on Money { amount currency approximate usd { amount usdPerUnit rateMonth source } } }
        corroboration { independentSourceCount independentSources { entity { id } } }
        conflicts { kind usdDifference relativeDifference claim { id } } } } } }`, { s: CONCEPT });
    const costs = claims.edges.map((e: any) => e.node);
    const currencies = new Set(costs.map((c: any) => c.value.currency));
    expect(currencies).toEqual(new Set(['USD', 'CNY', 'EUR']));
    for (const cost of costs) {
      const { amount, currency, usd } = cost.value;
      expect(usd.amount).toBeCloseTo(amount * usd.usdPerUnit, 1);
      if (currency === 'USD') expect(usd.usdPerUnit).toBe(1);
      else expect(usd.rateMonth).toMatch(/^2022-\d\d$/);
      // Every other figure is a conflict, with its gap in dollars.
      expect(cost.conflicts.map((c: any) => c.claim.id).sort()).toEqual(costs.filter((c: any) => c.id !== cost.id).map((c: any) => c.id).sort());
      for (const conflict of cost.conflicts) {
        expect(conflict.kind).toBe('DIFFERENT_VALUE');
        expect(conflict.usdDifference).toBeCloseTo(Math.abs(usd.amount - costs.find((c: any) => c.id === conflict.claim.id).value.usd.amount), 1);
      }
      // All of the figures come down to Engadget.
      expect(cost.corroboration.independentSources.map((s: any) => s.entity?.id)).toEqual(['Publication:engadget']);
    }
  });

  it('groups disagreeing claims at the root with their spread in dollars', async () => {
    const { conflicts } = await api.data(`{ conflicts(predicate: UNIT_COST) { subject { id } kinds claims { id } usdRange { min max spread } } }`);
    expect(conflicts).toHaveLength(1);
    const [group] = conflicts;
    expect(group.subject.id).toBe(CONCEPT);
    expect(group.claims.length).toBeGreaterThanOrEqual(4);
    expect(group.usdRange.spread).toBeCloseTo(group.usdRange.max - group.usdRange.min, 2);
    expect(group.usdRange.min).toBeGreaterThan(35000);
    expect(group.usdRange.max).toBeLessThan(50000);
  });

  it('quotes every evidence exactly as the article body has it at its offsets', async () => {
    let after: string | null = null;
    let checked = 0;
    do {
      const { claims }: any = await api.data(`query($after: String) { claims(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
        edges { node { evidence { quote start end article { body } } } } } }`, { after });
      for (const { node } of claims.edges) {
        expect(node.evidence.length).toBeGreaterThan(0);
        for (const e of node.evidence) {
          expect(e.article.body.slice(e.start, e.end)).toBe(e.quote);
          checked++;
        }
      }
      after = claims.pageInfo.hasNextPage ? claims.pageInfo.endCursor : null;
    } while (after);
    expect(checked).toBe(api.graph.claims().reduce((n, c) => n + c.evidence.length, 0));
  });

  it('filters by article, modality and predicate together', async () => {
    const { claims } = await api.data(`{ claims(filter: { article: "Article:003-96395eb8", modality: SPECULATED }) { edges { node { text evidence { article { id } modality } } } } }`);
    expect(claims.edges.length).toBeGreaterThan(0);
    for (const { node } of claims.edges) {
      expect(node.evidence.some((e: any) => e.article.id === 'Article:003-96395eb8' && e.modality === 'SPECULATED')).toBe(true);
    }
  });

  it('answers who was Leica’s partner as of a date from the partnerships’ time qualifiers', async () => {
    const partners = async (date: string) => {
      const { claims } = await api.data(`query($d: String) { claims(filter: { subject: "Company:leica", predicate: PARTNERS_WITH, validAt: $d }, first: 100) {
        edges { node { subject { id } object { id } } } } }`, { d: date });
      return new Set(claims.edges.flatMap((e: any) => [e.node.subject.id, e.node.object.id]).filter((id: string) => id !== 'Company:leica'));
    };
    const in2021 = await partners('2021');
    const inAugust2022 = await partners('2022-08');
    expect(in2021.has('Company:huawei')).toBe(true);
    expect(in2021.has('Company:xiaomi')).toBe(false);
    expect(inAugust2022.has('Company:xiaomi')).toBe(true);
  });

  it('shows the speculation that the first Leica phone would be the 12 Ultra, beside what later articles report', async () => {
    const { speculated, reported } = await api.data(`{
      speculated: claims(filter: { modality: SPECULATED, subject: "Product:xiaomi-12-ultra" }) { edges { node { predicate text } } }
      reported: claims(filter: { subject: "Product:xiaomi-12s-ultra", predicate: LAUNCH_DATE }) { edges { node { value { ... on DateValue { value precision } } } } }
    }`);
    expect(speculated.edges.length).toBeGreaterThan(0);
    expect(reported.edges.map((e: any) => e.node.value)).toContainEqual({ value: '2022-07', precision: 'MONTH' });
  });

  it('tells Leica’s change of partner over time from a dispute', async () => {
    const { entity } = await api.data(`{ entity(id: "Company:leica") { conflicts { predicate kinds claims { subject { id } object { id } } } } }`);
    const partners = entity.conflicts.find((g: any) => g.predicate === 'PARTNERS_WITH');
    expect(partners.kinds).toEqual(['CHANGED_OVER_TIME']);
    const others = partners.claims.flatMap((c: any) => [c.subject.id, c.object.id]).filter((id: string) => id !== 'Company:leica');
    expect(new Set(others)).toEqual(new Set(['Company:huawei', 'Company:xiaomi']));
  });

  it('refuses a malformed date filter and an unknown subject', async () => {
    const badDate = await api.query(`{ claims(filter: { validAt: "last year" }) { totalCount } }`);
    expect(badDate.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.validAt' });
    const unknown = await api.query(`{ claims(filter: { subject: "Company:nokia" }) { totalCount } }`);
    expect(unknown.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const badPredicate = await api.query(`{ claims(filter: { predicate: OWNS }) { totalCount } }`);
    expect(badPredicate.errors![0]!.message).toMatch(/OWNS/);
  });

  it('finds a claim by ID and through node()', async () => {
    const id = api.graph.claims()[0]!.statement.id;
    const result = await api.data(`query($id: ID!) { claim(id: $id) { id text } node(id: $id) { id ... on Claim { rank } } }`, { id });
    expect(result.claim.id).toBe(id);
    expect(result.claim.text.length).toBeGreaterThan(5);
    expect(result.node).toEqual({ id, rank: 'NORMAL' });
  });

  it('lists the predicate vocabulary with Wikidata properties', async () => {
    const { predicates } = await api.data(`{ predicates { name wikidata functional domain range } }`);
    expect(predicates.find((p: any) => p.name === 'UNIT_COST')).toEqual({ name: 'UNIT_COST', wikidata: 'P2130', functional: true, domain: ['Product'], range: ['Money'] });
  });
});
