import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestArticle } from '../../src/ingest/index.ts';
import { normalise } from '../../src/ingest/normalise.ts';
import { segment } from '../../src/ingest/segment.ts';
import { REGISTRY } from './registry.ts';
import { seed, SEED_COUNT } from './seeds.ts';

/** Sentences of the seed articles, the material random articles are built from. */
const SENTENCES = Array.from({ length: SEED_COUNT }, (_, k) => segment(normalise(seed(k)).text).map((s) => s.text)).flat();
const CLUTTER = ['YouTube player', 'Leave a Comment', 'xiaomi leica official collaboration 12 ultra 4', 'Image credits: Xiaomi', 'Source: GizmoChina'];
const SEPARATORS = [' ', '  ', '\n', '\n\n', '\r\n', '\n \t\n', ' \u00a0'];

const article = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...SENTENCES) },
      { weight: 1, arbitrary: fc.constantFrom(...CLUTTER) },
    ),
    { minLength: 1, maxLength: 12 },
  )
  .chain((parts) =>
    fc.tuple(fc.constant(parts), fc.array(fc.constantFrom(...SEPARATORS), { minLength: parts.length, maxLength: parts.length }), fc.constantFrom('', ' ', '\n')),
  )
  // An article of nothing but clutter is refused as empty; start every one with a sentence.
  .map(([parts, seps, lead]) => lead + SENTENCES[parts.length % SENTENCES.length]! + '\n' + parts.map((p, i) => p + seps[i]).join(''));

describe('offsets, over random articles made of seed sentences', () => {
  it('every evidence quote and every mention is the body at its offsets', () => {
    fc.assert(
      fc.property(article, (body) => {
        const r = ingestArticle({ body, published: '2022-08' }, REGISTRY);
        for (const { evidence } of r.claims) expect(r.article.body.slice(evidence.start, evidence.end)).toBe(evidence.quote);
        for (const m of r.mentions) expect(r.article.body.slice(m.start, m.end)).toBe(m.text);
      }),
      { numRuns: 60 },
    );
  });

  it('every kept character of the normalised text maps to the same character of the body', () => {
    fc.assert(
      fc.property(article, (body) => {
        const n = normalise(body);
        for (let i = 0; i < n.text.length; i++) {
          if (n.synthetic[i]) continue;
          const original = body[n.origin[i]!]!;
          if (n.text[i] === ' ') expect(original).toMatch(/\s/);
          else expect(original).toBe(n.text[i]);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('the same text twice is the same article', () => {
    fc.assert(
      fc.property(article, (body) => {
        const a = ingestArticle({ body, published: '2022-08' }, REGISTRY);
        const b = ingestArticle({ body, published: '2022-08' }, REGISTRY);
        expect(b.article.contentHash).toBe(a.article.contentHash);
        expect(b.article.id).toBe(a.article.id);
      }),
      { numRuns: 20 },
    );
  });
});
