import { describe, expect, it } from 'vitest';
import { alreadyIngested, contentHash, IngestError, ingestArticle, MAX_BODY_BYTES, type IngestResult } from '../../src/ingest/index.ts';
import { claimProblems } from '../../src/model/claim.ts';
import { sha256Hex } from '../../src/model/ids.ts';
import { ingest } from './pipeline.ts';
import { REGISTRY, registryWithout } from './registry.ts';
import { seed, SEED_COUNT } from './seeds.ts';

function expectExactSpans(result: IngestResult): void {
  for (const { evidence } of result.claims) expect(result.article.body.slice(evidence.start, evidence.end)).toBe(evidence.quote);
  for (const m of result.mentions) expect(result.article.body.slice(m.start, m.end)).toBe(m.text);
}

function errorOf(run: () => unknown): IngestError {
  try {
    run();
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('expected an IngestError');
}

describe('ingestArticle on the seed articles', () => {
  const results = Array.from({ length: SEED_COUNT }, (_, k) => ingest(seed(k)));

  it('keeps plain-text bodies exactly as given, hashed with sha256', () => {
    results.forEach((r, k) => {
      expect(r.article.body).toBe(seed(k));
      expect(r.article.contentHash).toBe(sha256Hex(seed(k)));
    });
  });

  it('quotes every evidence and mention exactly at its offsets', () => {
    for (const r of results) expectExactSpans(r);
  });

  it('emits only claims that pass claimProblems against the registry and the candidates', () => {
    for (const r of results) {
      const entities = new Map([...REGISTRY, ...r.candidates.map((c) => c.entity)].map((e) => [e.id, e]));
      for (const { claim } of r.claims) expect(claimProblems(claim, (id) => entities.get(id))).toEqual([]);
    }
  });

  it('emits the fact records the curated loader emits, marked EXTRACTED with a confidence', () => {
    const r = results[2]!;
    expect(r.facts[0]).toEqual({ type: 'ArticleAdded', article: r.article });
    const types = r.facts.map((f) => f.type);
    expect(types.filter((t) => t === 'ArticleAdded')).toHaveLength(1);
    expect(types.filter((t) => t === 'MentionFound')).toHaveLength(r.mentions.length);
    expect(types.filter((t) => t === 'ClaimStated')).toHaveLength(r.claims.length);
    for (const fact of r.facts) {
      if (fact.type === 'MentionFound') expect(fact.mention.method).toBe('EXTRACTED');
      if (fact.type === 'ClaimStated') {
        expect(fact.evidence.method).toBe('EXTRACTED');
        expect(fact.evidence.articleId).toBe(r.article.id);
        expect(fact.evidence.confidence).toBeGreaterThan(0);
        expect(fact.evidence.confidence).toBeLessThan(1);
      }
    }
  });

  it('adds no entity the registry already has', () => {
    for (const r of results) expect(r.facts.filter((f) => f.type === 'EntityAdded')).toEqual([]);
  });

  it('records the quality problems of each article', () => {
    expect(results.map((r) => r.article.quality)).toEqual([
      ['MACHINE_SPUN'],
      ['ADVERTISING', 'IMAGE_CAPTIONS'],
      ['REPEATED_HEADLINE'],
      [],
      ['ADVERTISING', 'IMAGE_CAPTIONS', 'MACHINE_TRANSLATED'],
    ]);
  });

  it('takes one claim once from a standfirst printed twice (002)', () => {
    const based = results[2]!.claims.filter(({ claim, evidence }) => claim.predicate === 'BASED_ON' && evidence.quote.startsWith('Based on its flagship'));
    expect(based).toHaveLength(1);
  });

  it('adds an unregistered variant as a new candidate entity with an EntityAdded fact', () => {
    const registry = registryWithout('Product:xiaomi-12s-ultra-concept');
    const r = ingestArticle({ body: seed(0), published: '2022-08' }, registry);
    const concept = r.candidates.find((c) => c.entity.id === 'Product:xiaomi-12s-ultra-concept');
    expect(concept?.variantOf).toBe('Product:xiaomi-12s-ultra');
    expect(r.facts).toContainEqual({ type: 'EntityAdded', entity: concept!.entity });
    expect(r.claims.some(({ claim }) => claim.subject === 'Product:xiaomi-12s-ultra-concept' && claim.predicate === 'UNIT_COST')).toBe(true);
  });
});

describe('article identity and re-ingestion', () => {
  it('derives the same article ID and facts from the same input', () => {
    expect(ingest(seed(3)).facts).toEqual(ingest(seed(3)).facts);
    expect(ingest(seed(3)).article.id).toMatch(/^Article:leica-enters-a-long-time-partnership-[0-9a-f]{8}$/);
  });

  it('recognises text already ingested by its content hash, and new text as new', () => {
    const known = [{ id: 'Article:003-96395eb8', contentHash: contentHash(seed(3)) }];
    expect(alreadyIngested(ingest(seed(3)).article.contentHash, known)).toEqual(known[0]);
    expect(alreadyIngested(ingest(seed(4)).article.contentHash, known)).toBeNull();
  });
});

describe('HTML and Markdown input', () => {
  const html = `<html><head><title>Canon to buy sensors from Sony</title><script>track()</script></head><body>
    <p>Canon Inc will buy image sensors from <b>Sony</b> for three years, according to Nikkei Asia.</p>
    <figure><img alt="canon sony deal 2"><figcaption>Photo: Canon</figcaption></figure>
    <p>The deal is worth about &yen;40 billion.</p></body></html>`;

  it('reads the visible text of HTML, which becomes the article body', () => {
    const r = ingest(html);
    expect(r.stats.format).toBe('html');
    expect(r.article.title).toBe('Canon to buy sensors from Sony');
    expect(r.article.body).not.toContain('<');
    expect(r.article.body).not.toContain('track()');
    expect(r.article.body).toContain('The deal is worth about ¥40 billion.');
    expect(r.mentions.map((m) => m.entityId)).toEqual(expect.arrayContaining(['Company:canon-inc', 'Company:sony', 'Publication:nikkei-asia']));
    expectExactSpans(r);
  });

  it('reads the visible text of Markdown', () => {
    const r = ingest('# Sony makes the sensor\n\nThe **Xiaomi 12S Ultra** has a [Sony](https://sony.com) sensor of 50 MP, [says](https://x.y) Engadget.');
    expect(r.stats.format).toBe('markdown');
    expect(r.article.body).toBe('Sony makes the sensor\n\nThe Xiaomi 12S Ultra has a Sony sensor of 50 MP, says Engadget.');
    expectExactSpans(r);
  });
});

describe('bad input', () => {
  it('refuses empty and white-space-only bodies', () => {
    expect(errorOf(() => ingest('')).code).toBe('EMPTY_INPUT');
    expect(errorOf(() => ingest('  \n\t \n')).code).toBe('EMPTY_INPUT');
    expect(errorOf(() => ingest('<html><script>x()</script></html>')).code).toBe('EMPTY_INPUT');
  });

  it('refuses a body over the size limit, naming the limit', () => {
    const error = errorOf(() => ingest('a'.repeat(MAX_BODY_BYTES + 1)));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain(String(MAX_BODY_BYTES));
  });

  it('refuses binary data', () => {
    const bytes = String.fromCharCode(...Array.from({ length: 400 }, (_, i) => (i * 37) % 256));
    expect(errorOf(() => ingest(bytes)).code).toBe('BINARY');
  });

  it('refuses text in another language, detected or declared', () => {
    const german = 'Xiaomi und Leica haben eine neue Partnerschaft angekündigt. Das erste gemeinsame Smartphone soll im Juli erscheinen und eine sehr große Kamera haben, sagte das Unternehmen am Dienstag.';
    expect(errorOf(() => ingest(german)).code).toBe('NOT_ENGLISH');
    expect(errorOf(() => ingest(seed(3), { language: 'de' })).code).toBe('NOT_ENGLISH');
    expect(ingest(seed(3), { language: 'en' }).claims.length).toBeGreaterThan(0);
  });

  it('refuses malformed metadata, saying what is accepted', () => {
    const bad = (more: object) => errorOf(() => ingest(seed(3), more as never));
    expect(bad({ published: 'July 2022' }).code).toBe('BAD_METADATA');
    expect(bad({ published: '2022-13' }).message).toMatch(/published/);
    expect(bad({ url: 'not a url' }).message).toMatch(/url: must be an absolute http or https URL/);
    expect(bad({ title: '   ' }).code).toBe('BAD_METADATA');
    expect(bad({ format: 'pdf' }).code).toBe('BAD_METADATA');
    expect(bad({ publisher: 'Publication:nowhere' }).message).toMatch(/not a Publication in the registry/);
  });
});

describe('new products named by their maker', () => {
  it('names a product after the company the article says made it, keeping the written form as an alias', () => {
    const r = ingest('Nikon launched the Z8 in May 2023. The Z8 has a 45.7-megapixel sensor.', { published: '2024-05-23' });
    const z8 = r.candidates.find((c) => c.entity.kind === 'Product');
    expect(z8?.entity).toMatchObject({ id: 'Product:nikon-z8', name: 'Nikon Z8', aliases: ['Z8'] });
    expect(r.mentions.filter((m) => m.text === 'Z8').map((m) => m.entityId)).toEqual(['Product:nikon-z8', 'Product:nikon-z8']);
    expect(r.facts.filter((f) => f.type === 'EntityAdded').map((f) => f.type === 'EntityAdded' && f.entity.id).sort()).toEqual(['Company:nikon', 'Product:nikon-z8']);
  });

  it('merges the short name into the full one when the article writes both', () => {
    const r = ingest('Nikon launched the Z8 in May 2023. Reviewers liked the Nikon Z8 phone camera.', { published: '2024-05-23' });
    expect(r.candidates.filter((c) => c.entity.id === 'Product:nikon-z8')).toHaveLength(1);
  });
});
