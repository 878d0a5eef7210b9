/**
 * The extractor's measured quality, held above floors set a little under what was measured
 * (src/ingest/README.md gives the numbers), so that a regression fails.
 */

import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateAll, type EvalReport } from '../../src/ingest/eval/evaluate.ts';

const DATA = fileURLToPath(new URL('../../data/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

let report: EvalReport;
beforeAll(async () => {
  report = await evaluateAll(DATA, FIXTURES);
});

describe('the extractor on the seed corpus (gold: the curated claims)', () => {
  it('finds every registry entity the seed articles name', () => {
    for (const a of report.seeds.articles) expect(a.entities.recall, a.article).toBe(1);
  });

  it('finds at least 70% of the curated claims with the right evidence sentence, at 80% precision or better', () => {
    expect(report.seeds.overall.evidence.recall).toBeGreaterThanOrEqual(0.7);
    expect(report.seeds.overall.evidence.precision).toBeGreaterThanOrEqual(0.8);
  });

  it('stays above the measured floors', () => {
    const { claims, evidence, entities } = report.seeds.overall;
    expect(entities.precision).toBeGreaterThanOrEqual(0.95);
    expect(claims.precision).toBeGreaterThanOrEqual(0.92);
    expect(claims.recall).toBeGreaterThanOrEqual(0.82);
    expect(evidence.precision).toBeGreaterThanOrEqual(0.85);
    expect(evidence.recall).toBeGreaterThanOrEqual(0.8);
  });
});

describe('the extractor on the labelled fixtures', () => {
  it('has at least five development fixtures and stays above their floors', () => {
    expect(report.fixtures.articles.length).toBeGreaterThanOrEqual(5);
    const { claims, evidence, entities } = report.fixtures.overall;
    expect(entities.f1).toBeGreaterThanOrEqual(0.95);
    expect(claims.precision).toBeGreaterThanOrEqual(0.93);
    expect(claims.recall).toBeGreaterThanOrEqual(0.86);
    expect(evidence.precision).toBeGreaterThanOrEqual(0.93);
    expect(evidence.recall).toBeGreaterThanOrEqual(0.84);
  });

  it('stays above the floors measured on the held-out fixtures', () => {
    const { claims, evidence, entities } = report.heldOut.overall;
    expect(report.heldOut.articles.length).toBeGreaterThanOrEqual(2);
    expect(entities.f1).toBeGreaterThanOrEqual(0.62);
    expect(claims.precision).toBeGreaterThanOrEqual(0.7);
    expect(claims.recall).toBeGreaterThanOrEqual(0.47);
    expect(evidence.precision).toBeGreaterThanOrEqual(0.7);
    expect(evidence.recall).toBeGreaterThanOrEqual(0.45);
  });
});
