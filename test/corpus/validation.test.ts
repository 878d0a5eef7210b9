/**
 * What the corpus loader rejects, and how it says so: every problem, each naming the file,
 * the entry within it and what is wrong.
 */

import { describe, expect, it } from 'vitest';
import { CorpusError, loadCorpus } from '../../src/corpus/index.ts';
import { ARTICLE_FILE, CURATION_FILE, problemsOf, validCorpus, writeCorpus, type CorpusSpec } from './fixture-corpus.ts';

type Claim = Record<string, unknown>;

/** A claim on the 12 Ultra's unit cost, quoting its first mention in the fixture article. */
function unitCost(value: Record<string, unknown>): Claim {
  return { subject: 'Product:xiaomi-12-ultra', predicate: 'UNIT_COST', value, quote: '12 Ultra', occurrence: 1, modality: 'ASSERTED' };
}

/** A valid corpus with its first curated claim changed. */
async function withFirstClaim(change: (claim: Claim) => Claim): Promise<CorpusSpec> {
  const spec = await validCorpus();
  spec.curation.claims[0] = change({ ...spec.curation.claims[0] });
  return spec;
}

describe('loadCorpus validation', () => {
  it('loads the unchanged fixture corpus, so each failure below is caused by its one change', async () => {
    const corpus = await loadCorpus(await writeCorpus(await validCorpus()));
    expect(corpus.articles.map((article) => article.id)).toEqual(['Article:003-96395eb8']);
    expect(corpus.facts.filter((fact) => fact.type === 'ClaimStated')).toHaveLength(2);
  });

  it('rejects a quote that is not in the article, pointing at the closest passage', async () => {
    // A straight apostrophe where the article prints a curly one.
    const spec = await withFirstClaim((claim) => ({ ...claim, quote: "It's a flagship phone that curiously does not carry Leica branding" }));
    const problems = await problemsOf(spec);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: CURATION_FILE, entry: 'claims[0]' });
    expect(problems[0]!.message).toMatch(/not found verbatim/);
    expect(problems[0]!.message).toContain('the closest passage is "It’s a flagship phone that curiously does not carry Leica branding"');
  });

  it('rejects an unknown entity and suggests the registry ID it resembles', async () => {
    const problems = await problemsOf(await withFirstClaim((claim) => ({ ...claim, object: 'Company:xiaomy' })));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: CURATION_FILE, entry: 'claims[0]' });
    expect(problems[0]!.message).toMatch(/unknown object entity "Company:xiaomy".*did you mean "Company:xiaomi"/);
  });

  it('rejects a predicate outside the vocabulary and lists the vocabulary', async () => {
    const problems = await problemsOf(await withFirstClaim((claim) => ({ ...claim, predicate: 'ALLIED_WITH' })));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: CURATION_FILE, entry: 'claims[0]' });
    expect(problems[0]!.message).toMatch(/unknown predicate "ALLIED_WITH".*PARTNERS_WITH/);
  });

  it('rejects a money value whose currency is not an ISO 4217 code', async () => {
    const spec = await validCorpus();
    spec.curation.claims.push(unitCost({ type: 'Money', amount: 40000, currency: 'dollars' }));
    const problems = await problemsOf(spec);
    expect(problems).toEqual([
      { file: CURATION_FILE, entry: 'claims[2]', message: expect.stringMatching(/currency "dollars" is not an ISO 4217 code such as USD/) },
    ]);
  });

  it('rejects a value of the wrong shape with the field at fault', async () => {
    const spec = await withFirstClaim(({ object: _object, ...claim }) => ({
      ...claim,
      predicate: 'MARKET_RANK',
      subject: 'Company:xiaomi',
      value: { type: 'Quantity', amount: 'third' },
    }));
    const problems = await problemsOf(spec);
    expect(problems).toEqual([{ file: CURATION_FILE, entry: 'claims[0]', message: expect.stringMatching(/^value\.amount: .*expected number/) }]);
  });

  it('rejects a quote that appears more than once unless occurrence says which', async () => {
    const ambiguous = await problemsOf(await withFirstClaim((claim) => ({ ...claim, quote: 'Huawei' })));
    expect(ambiguous).toEqual([{ file: CURATION_FILE, entry: 'claims[0]', message: expect.stringMatching(/appears \d+ times.*occurrence/) }]);

    const chosen = await loadCorpus(await writeCorpus(await withFirstClaim((claim) => ({ ...claim, quote: 'Huawei', occurrence: 2 }))));
    const evidence = chosen.facts.find((fact) => fact.type === 'ClaimStated')!;
    const body = chosen.articles[0]!.body;
    expect(evidence.type === 'ClaimStated' && evidence.evidence.start).toBe(body.indexOf('Huawei', body.indexOf('Huawei') + 1));
  });

  it('rejects an occurrence beyond the number of appearances', async () => {
    const problems = await problemsOf(await withFirstClaim((claim) => ({ ...claim, occurrence: 2 })));
    expect(problems).toEqual([{ file: CURATION_FILE, entry: 'claims[0]', message: expect.stringMatching(/occurrence 2 is out of range: the quote appears 1 time/) }]);
  });

  it('rejects an unknown modality and names the accepted ones', async () => {
    const problems = await problemsOf(await withFirstClaim((claim) => ({ ...claim, modality: 'RUMOURED' })));
    expect(problems).toEqual([{ file: CURATION_FILE, entry: 'claims[0]', message: expect.stringMatching(/^modality: .*"ASSERTED"/) }]);
  });

  it('rejects credit given to an entity that is not in the registry', async () => {
    const problems = await problemsOf(await withFirstClaim((claim) => ({ ...claim, attributedTo: 'Publication:engadget' })));
    expect(problems).toEqual([{ file: CURATION_FILE, entry: 'claims[0]', message: expect.stringMatching(/attributedTo "Publication:engadget" is not a registry entity/) }]);
  });

  it('rejects reported words that do not say whose they are', async () => {
    const problems = await problemsOf(await withFirstClaim(({ attributedTo: _credit, ...claim }) => claim));
    expect(problems).toEqual([{ file: CURATION_FILE, entry: 'claims[0]', message: expect.stringMatching(/REPORTED .*attributedTo/) }]);
  });

  it('rejects front matter with missing or malformed fields, naming each field', async () => {
    const spec = await validCorpus();
    const { title: _title, ...frontMatter } = spec.frontMatter;
    spec.frontMatter = { ...frontMatter, published: { value: '2022-05', precision: 'WEEK', estimated: true } };
    const problems = await problemsOf(spec);
    expect(problems.every((problem) => problem.file === ARTICLE_FILE && problem.entry === 'front matter')).toBe(true);
    expect(problems.map((problem) => problem.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^title: missing/), expect.stringMatching(/^published\.precision: /)]),
    );
  });

  it('rejects an article file without front matter', async () => {
    const spec = await validCorpus();
    const dir = await writeCorpus({ ...spec, extra: { [ARTICLE_FILE]: spec.body } });
    const error = await loadCorpus(dir).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as CorpusError).problems).toContainEqual({ file: ARTICLE_FILE, entry: 'front matter', message: expect.stringMatching(/---/) });
  });

  it('rejects a publisher that is not a Publication', async () => {
    const spec = await validCorpus();
    spec.frontMatter.publisher = 'Company:leica';
    const problems = await problemsOf(spec);
    expect(problems).toEqual([{ file: ARTICLE_FILE, entry: 'front matter', message: expect.stringMatching(/publisher: Company:leica is a Company/) }]);
  });

  it('rejects an alias shared by two entities, naming both', async () => {
    const spec = await validCorpus();
    spec.entities.push({ id: 'Person:jun-other', name: 'Other Jun', aliases: ['jun'] });
    const problems = await problemsOf(spec);
    expect(problems).toEqual([
      { file: 'entities.yaml', entry: 'Person:jun-other', message: expect.stringMatching(/alias "jun" is already a name or alias of Person:lei-jun/) },
    ]);
  });

  it('rejects a duplicate entity ID and an ID whose kind is not an entity kind', async () => {
    const spec = await validCorpus();
    spec.entities.push({ id: 'Company:huawei', name: 'Huawei Technologies' }, { id: 'Brand:poco', name: 'POCO' });
    const problems = await problemsOf(spec);
    expect(problems).toEqual([
      { file: 'entities.yaml', entry: 'Company:huawei', message: expect.stringMatching(/duplicate entity ID/) },
      { file: 'entities.yaml', entry: 'Brand:poco', message: expect.stringMatching(/kind "Brand" is not one of Company, Product, Person, Publication/) },
    ]);
  });

  it('rejects a curation file whose article does not exist', async () => {
    const spec = await validCorpus();
    spec.curation.article = 'Article:999-00000000';
    const problems = await problemsOf(spec);
    expect(problems).toEqual([{ file: CURATION_FILE, entry: 'article', message: expect.stringMatching(/Article:999-00000000 is not an article/) }]);
  });

  it('rejects malformed rates and money in a currency the rates lack', async () => {
    const spec = await validCorpus();
    spec.rates.rates.push({ currency: 'eur', month: '2022-13', usdPerUnit: -1 });
    const problems = await problemsOf(spec);
    expect(problems.map((problem) => [problem.file, problem.entry])).toEqual([
      ['rates.yaml', 'rates[1]'],
      ['rates.yaml', 'rates[1]'],
      ['rates.yaml', 'rates[1]'],
    ]);

    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^currency: expected an ISO 4217 currency code/),
      expect.stringMatching(/^month: expected a month as YYYY-MM/),
      expect.stringMatching(/^usdPerUnit: /),
    ]);

    const yuan = await validCorpus();
    yuan.curation.claims.push(unitCost({ type: 'Money', amount: 300000, currency: 'CNY', approximate: true }));
    expect(await problemsOf(yuan)).toEqual([
      { file: CURATION_FILE, entry: 'claims[2]', message: expect.stringMatching(/no exchange rate for CNY in rates\.yaml/) },
    ]);
  });

  it('reports YAML syntax errors with their line', async () => {
    const spec = await validCorpus();
    const problems = await problemsOf({ ...spec, extra: { 'entities.yaml': '- id: Company:xiaomi\n  name: "Xiaomi\n' } });
    expect(problems[0]).toMatchObject({ file: 'entities.yaml', entry: expect.stringMatching(/^line \d+$/) });
  });

  it('collects every problem across files before throwing, and lists them all in the message', async () => {
    const spec = await validCorpus();
    spec.curation.claims[0] = { ...spec.curation.claims[0], predicate: 'ALLIED_WITH' };
    spec.curation.claims[1] = { ...spec.curation.claims[1], quote: 'Leica was founded in 1914' };
    spec.entities.push({ id: 'Company:leica-camera', name: 'leica' });
    const dir = await writeCorpus(spec);
    const error = await loadCorpus(dir).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(CorpusError);
    const { problems, message } = error as CorpusError;
    expect(problems.map((problem) => `${problem.file} ${problem.entry}`)).toEqual([
      'entities.yaml Company:leica-camera',
      `${CURATION_FILE} claims[0]`,
      `${CURATION_FILE} claims[1]`,
    ]);
    for (const problem of problems) expect(message).toContain(`${problem.file} ${problem.entry}: ${problem.message}`);
  });
});
