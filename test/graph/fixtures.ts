/**
 * Small fixed facts for graph tests: three outlets repeat one upstream figure, one article
 * gives another, and a chain of companies links a person to a lens maker.
 */

import type { IdIndexListing } from '../../src/graph/id-index.ts';
import { makeClaim, sha256Hex, type Article, type ClaimStatement, type Entity, type Evidence, type Fact } from '../../src/model/index.ts';

export const entity = (id: string, name: string, aliases: string[] = []): Entity => ({
  id,
  kind: id.split(':')[0] as Entity['kind'],
  name,
  aliases,
  description: null,
});

export const article = (slug: string, body: string, published: string, publisher: string | null = null): Article => ({
  id: `Article:${slug}`,
  title: `Article ${slug}`,
  publisher,
  url: null,
  published: { value: published, precision: 'MONTH', estimated: false },
  language: 'en',
  sourceFile: `${slug}.txt`,
  body,
  contentHash: sha256Hex(body),
  quality: [],
});

/** A ClaimStated fact whose evidence is the first occurrence of `quote` in the article. */
export function stated(
  claim: Omit<ClaimStatement, 'id' | 'qualifiers' | 'negated' | 'value'> & Partial<Pick<ClaimStatement, 'qualifiers' | 'negated' | 'value'>>,
  on: Article,
  quote: string,
  extra: Partial<Pick<Evidence, 'modality' | 'attributedTo'>> = {},
): Fact {
  const statement = makeClaim({ qualifiers: {}, negated: false, value: null, ...claim });
  const start = on.body.indexOf(quote);
  if (start < 0) throw new Error(`fixture quote not in ${on.id}: ${quote}`);
  return {
    type: 'ClaimStated',
    claim: statement,
    evidence: {
      claimId: statement.id,
      articleId: on.id,
      quote,
      start,
      end: start + quote.length,
      modality: extra.modality ?? 'ASSERTED',
      attributedTo: extra.attributedTo ?? null,
      method: 'CURATED',
      confidence: 1,
    },
  };
}

export const A = article('a', 'Acme made 10 units of the Widget. Each Widget cost $40,000, according to Wire.', '2022-07', 'Publication:daily');
export const B = article('b', 'As Wire reported, only 10 units of the Widget exist, each at $41,210.', '2022-08');
export const C = article('c', 'Ten Widget devices were made, says Wire; each cost 42,000 euros. Ann leads Acme. Acme partners with Lensco.', '2022-09');

export const ENTITIES: Entity[] = [
  entity('Company:acme', 'Acme', ['ACME Corp']),
  entity('Company:lensco', 'Lensco'),
  entity('Product:widget', 'Widget', ['the Widget']),
  entity('Person:ann', 'Ann Smith', ['Ann']),
  entity('Publication:wire', 'Wire'),
  entity('Publication:daily', 'The Daily'),
];

const units = { subject: 'Product:widget', predicate: 'UNITS_PRODUCED', object: null } as const;
const money = (amount: number, currency: string) =>
  ({ subject: 'Product:widget', predicate: 'UNIT_COST', object: null, value: { type: 'Money', amount, currency, approximate: false } }) as const;

export const FACTS: Fact[] = [
  ...ENTITIES.map((e): Fact => ({ type: 'EntityAdded', entity: e })),
  ...[A, B, C].map((a): Fact => ({ type: 'ArticleAdded', article: a })),
  stated({ ...units, value: { type: 'Quantity', amount: 10, unit: 'unit', approximate: false } }, A, 'Acme made 10 units of the Widget', { attributedTo: 'Publication:wire', modality: 'REPORTED' }),
  stated({ ...units, value: { type: 'Quantity', amount: 10, unit: 'unit', approximate: false } }, B, 'only 10 units of the Widget exist', { attributedTo: 'Publication:wire', modality: 'REPORTED' }),
  stated({ ...units, value: { type: 'Quantity', amount: 10, unit: 'unit', approximate: false } }, C, 'Ten Widget devices were made', { attributedTo: 'Publication:wire', modality: 'REPORTED' }),
  stated(money(40000, 'USD'), A, 'Each Widget cost $40,000', { attributedTo: 'Publication:wire', modality: 'REPORTED' }),
  stated(money(41210, 'USD'), B, 'each at $41,210'),
  stated(money(42000, 'EUR'), C, 'each cost 42,000 euros'),
  stated({ subject: 'Product:widget', predicate: 'MANUFACTURED_BY', object: 'Company:acme' }, A, 'Acme made 10 units of the Widget'),
  stated({ subject: 'Person:ann', predicate: 'AFFILIATED_WITH', object: 'Company:acme' }, C, 'Ann leads Acme'),
  stated({ subject: 'Company:lensco', predicate: 'PARTNERS_WITH', object: 'Company:acme' }, C, 'Acme partners with Lensco'),
  { type: 'MentionFound', mention: { articleId: A.id, entityId: 'Company:acme', start: 0, end: 4, text: 'Acme', method: 'CURATED' } },
];

export const RATES = {
  source: 'test rates',
  rates: [
    { currency: 'EUR', month: '2022-07', usdPerUnit: 1.02 },
    { currency: 'EUR', month: '2022-09', usdPerUnit: 1.0 },
  ],
};

/** An index's keys with their IDs as it lists them for a snapshot, restored ones read from their columns. */
export function listedIds({ columns, entries }: IdIndexListing): [string, string[]][] {
  const restored = (k: number) => [...columns!.ids.subarray(columns!.starts[k], columns!.starts[k + 1])].map((at) => columns!.strings[at] as string);
  return [...entries].map(([key, ids]) => [key, typeof ids === 'number' ? restored(ids) : [...ids]]);
}
