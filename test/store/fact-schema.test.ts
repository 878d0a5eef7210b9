/**
 * The fact schema accepts every fact the model can express and refuses records the model
 * cannot, naming the field at fault.
 */

import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { Fact } from '../../src/model/fact.ts';
import { describeIssues, factSchema } from '../../src/store/fact-schema.ts';
import { articleAdded, costStated, entityAdded, everyKindOfFact, quoteOffByOne, unitsStated } from './fixtures/facts.ts';

type ClaimStated = Extract<Fact, { type: 'ClaimStated' }>;
const cost = costStated as ClaimStated;

function problems(record: unknown): string {
  const result = factSchema.safeParse(record);
  expect(result.success).toBe(false);
  return result.success ? '' : describeIssues(result.error);
}

describe('factSchema', () => {
  it('describes exactly the model’s Fact type', () => {
    expectTypeOf<z.infer<typeof factSchema>>().toEqualTypeOf<Fact>();
  });

  it('accepts one of each kind of fact, unchanged', () => {
    for (const fact of everyKindOfFact) expect(factSchema.parse(fact)).toEqual(fact);
  });

  it('refuses a key the model does not have rather than dropping it', () => {
    expect(problems({ ...entityAdded, source: 'wikidata' })).toMatch(/source/);
  });

  it('refuses an unknown fact type', () => {
    expect(problems({ type: 'ClaimEdited', claimId: cost.claim.id })).toMatch(/type/);
  });

  it('refuses a predicate outside the vocabulary', () => {
    expect(problems({ ...cost, claim: { ...cost.claim, predicate: 'COSTS_ABOUT' } })).toMatch(/^claim\.predicate: /);
  });

  it('refuses a date that does not match its precision', () => {
    const published = { value: '2022-09-01', precision: 'MONTH', estimated: false };
    const article = { ...(articleAdded as Extract<Fact, { type: 'ArticleAdded' }>).article, published };
    expect(problems({ type: 'ArticleAdded', article })).toMatch(/article\.published\.value: date "2022-09-01" does not match precision MONTH/);
  });

  it('refuses a currency that is not an ISO 4217 code', () => {
    const value = { type: 'Money', amount: 40000, currency: 'usd', approximate: true };
    expect(problems({ ...cost, claim: { ...cost.claim, value } })).toMatch(/claim\.value\.currency/);
  });

  it('refuses amounts that are not finite numbers', () => {
    const value = { type: 'Money', amount: Number.NaN, currency: 'USD', approximate: true };
    expect(problems({ ...cost, claim: { ...cost.claim, value } })).toMatch(/claim\.value\.amount/);
  });

  it('refuses a quote whose length differs from its offsets', () => {
    expect(problems(quoteOffByOne)).toMatch(/evidence\.quote: quote has 43 characters but start\.\.end spans 44/);
  });

  it('refuses evidence that belongs to another claim', () => {
    const evidence = { ...cost.evidence, claimId: (unitsStated as ClaimStated).claim.id };
    expect(problems({ ...cost, evidence })).toMatch(/evidence\.claimId: evidence is for Claim:\w+ but the claim is/);
  });

  it('refuses a confidence outside 0..1', () => {
    expect(problems({ ...cost, evidence: { ...cost.evidence, confidence: 1.5 } })).toMatch(/evidence\.confidence/);
  });
});
