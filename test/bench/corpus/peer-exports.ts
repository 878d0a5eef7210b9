/**
 * The same corpus for the peers: PostgreSQL tables (CSV files plus the schema that loads
 * them) and RDF (N-Triples), written from the fact stream claimgraph itself loads.
 *
 * Tables: entities, aliases, articles, claims (one row per distinct claim, with its readable
 * text), evidence (one row per passage), mentions, and `links` — both directions of every
 * claim-backed entity→entity link, the relational twin of claimgraph's RELATED edges — plus
 * `search_documents` with a GIN-indexed tsvector (the `simple` configuration: no stemming,
 * as claimgraph's index does not stem) for full-text search. The RDF graph holds the
 * same: entities, articles, reified claims with their evidence nodes, and a direct `cg:rel`
 * triple for each link, so property paths can walk the entity graph.
 */

import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { claimText } from '../../../src/graph/claim-text.ts';
import type { Fact } from '../../../src/model/index.ts';

export const RDF_BASE = 'https://claimgraph.example/id/';
export const RDF_VOCAB = 'https://claimgraph.example/vocab#';

/** A file written in large chunks, honouring back-pressure. */
class ChunkedFile {
  readonly #stream: WriteStream;
  #chunk = '';

  constructor(path: string) {
    this.#stream = createWriteStream(path);
  }

  async write(text: string): Promise<void> {
    this.#chunk += text;
    if (this.#chunk.length >= 1 << 20) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.#chunk === '') return;
    const ok = this.#stream.write(this.#chunk);
    this.#chunk = '';
    if (!ok) await once(this.#stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.#stream.end();
    await once(this.#stream, 'finish');
  }
}

function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

function csvRow(values: (string | number | boolean | null)[]): string {
  return `${values.map(csvField).join(',')}\n`;
}

const iri = (id: string) => `<${RDF_BASE}${encodeURI(id)}>`;
const term = (name: string) => `<${RDF_VOCAB}${name}>`;
const literal = (text: string) =>
  `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
const typed = (value: string | number, type: 'integer' | 'decimal' | 'boolean' | 'date' | 'gYearMonth' | 'gYear') =>
  `"${value}"^^<http://www.w3.org/2001/XMLSchema#${type}>`;
const RDF_TYPE = '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>';
const LABEL = '<http://www.w3.org/2000/01/rdf-schema#label>';

export const POSTGRES_TABLES = ['entities', 'aliases', 'articles', 'claims', 'evidence', 'mentions', 'links'] as const;
type CsvFiles = Record<(typeof POSTGRES_TABLES)[number], ChunkedFile>;

export class PeerExports {
  readonly #csv: CsvFiles;
  readonly #nt: ChunkedFile;
  readonly #names = new Map<string, string>();
  readonly #claims = new Set<string>();
  #evidence = 0;

  constructor(dir: string) {
    this.#csv = Object.fromEntries(POSTGRES_TABLES.map((t) => [t, new ChunkedFile(join(dir, `${t}.csv`))])) as CsvFiles;
    this.#nt = new ChunkedFile(join(dir, 'graph.nt'));
  }

  async add(fact: Fact): Promise<void> {
    const nt: string[] = [];
    switch (fact.type) {
      case 'EntityAdded': {
        const e = fact.entity;
        if (this.#names.has(e.id)) return;
        this.#names.set(e.id, e.name);
        await this.#csv.entities.write(csvRow([e.id, e.kind, e.name, e.description]));
        for (const alias of e.aliases) await this.#csv.aliases.write(csvRow([e.id, alias]));
        nt.push(`${iri(e.id)} ${RDF_TYPE} ${term(e.kind)} .`, `${iri(e.id)} ${term('name')} ${literal(e.name)} .`);
        for (const alias of e.aliases) nt.push(`${iri(e.id)} ${term('alias')} ${literal(alias)} .`);
        if (e.description) nt.push(`${iri(e.id)} ${term('description')} ${literal(e.description)} .`);
        break;
      }
      case 'AliasAdded':
        await this.#csv.aliases.write(csvRow([fact.entityId, fact.alias]));
        nt.push(`${iri(fact.entityId)} ${term('alias')} ${literal(fact.alias)} .`);
        break;
      case 'ArticleAdded': {
        const a = fact.article;
        await this.#csv.articles.write(csvRow([
          a.id, a.title, a.publisher, a.url, a.published?.value ?? null, a.published?.precision ?? null, a.language, a.body,
          a.contentHash, a.quality.join(' '),
        ]));
        nt.push(`${iri(a.id)} ${RDF_TYPE} ${term('Article')} .`, `${iri(a.id)} ${term('title')} ${literal(a.title)} .`,
          `${iri(a.id)} ${term('body')} ${literal(a.body)} .`);
        if (a.publisher) nt.push(`${iri(a.id)} ${term('publisher')} ${iri(a.publisher)} .`);
        if (a.url) nt.push(`${iri(a.id)} ${term('url')} ${literal(a.url)} .`);
        if (a.published) nt.push(`${iri(a.id)} ${term('published')} ${literal(a.published.value)} .`);
        break;
      }
      case 'MentionFound': {
        const m = fact.mention;
        await this.#csv.mentions.write(csvRow([m.articleId, m.entityId, m.start, m.end, m.text]));
        nt.push(`${iri(m.articleId)} ${term('mentions')} ${iri(m.entityId)} .`);
        break;
      }
      case 'ClaimStated': {
        const { claim, evidence } = fact;
        if (!this.#claims.has(claim.id)) {
          this.#claims.add(claim.id);
          const text = claimText(claim, (id) => this.#names.get(id) ?? id);
          await this.#csv.claims.write(csvRow([
            claim.id, claim.subject, claim.predicate, claim.object, claim.value ? JSON.stringify(claim.value) : null,
            claim.value?.type ?? null, JSON.stringify(claim.qualifiers), claim.negated, text,
          ]));
          const c = iri(claim.id);
          nt.push(`${c} ${RDF_TYPE} ${term('Claim')} .`, `${c} ${term('subject')} ${iri(claim.subject)} .`,
            `${c} ${term('predicate')} ${term(claim.predicate)} .`, `${c} ${LABEL} ${literal(text)} .`);
          if (claim.negated) nt.push(`${c} ${term('negated')} ${typed('true', 'boolean')} .`);
          if (claim.object) {
            nt.push(`${c} ${term('object')} ${iri(claim.object)} .`);
            if (!claim.negated) {
              await this.#csv.links.write(csvRow([claim.subject, claim.object, claim.predicate, claim.id, true]));
              await this.#csv.links.write(csvRow([claim.object, claim.subject, claim.predicate, claim.id, false]));
              nt.push(`${iri(claim.subject)} ${term('rel')} ${iri(claim.object)} .`);
            }
          }
          const v = claim.value;
          if (v) {
            nt.push(`${c} ${term('valueType')} ${literal(v.type)} .`);
            if (v.type === 'Money' || v.type === 'Quantity') nt.push(`${c} ${term('amount')} ${typed(v.amount, 'decimal')} .`);
            if (v.type === 'Money') nt.push(`${c} ${term('currency')} ${literal(v.currency)} .`);
            if (v.type === 'Quantity' && v.unit) nt.push(`${c} ${term('unit')} ${literal(v.unit)} .`);
            if (v.type === 'Date') nt.push(`${c} ${term('date')} ${literal(v.value)} .`);
            if (v.type === 'Text') nt.push(`${c} ${term('text')} ${literal(v.text)} .`);
            if (v.type === 'Flag') nt.push(`${c} ${term('flag')} ${typed(String(v.flag), 'boolean')} .`);
          }
        }
        const n = ++this.#evidence;
        await this.#csv.evidence.write(csvRow([
          n, evidence.claimId, evidence.articleId, evidence.quote, evidence.start, evidence.end, evidence.modality,
          evidence.attributedTo, evidence.method, evidence.confidence,
        ]));
        const ev = `<${RDF_BASE}evidence/${n}>`;
        nt.push(`${iri(evidence.claimId)} ${term('evidence')} ${ev} .`, `${ev} ${term('article')} ${iri(evidence.articleId)} .`,
          `${ev} ${term('quote')} ${literal(evidence.quote)} .`, `${ev} ${term('start')} ${typed(evidence.start, 'integer')} .`,
          `${ev} ${term('end')} ${typed(evidence.end, 'integer')} .`, `${ev} ${term('modality')} ${literal(evidence.modality)} .`);
        if (evidence.attributedTo) nt.push(`${ev} ${term('attributedTo')} ${iri(evidence.attributedTo)} .`);
        break;
      }
      case 'ClaimRetracted':
      case 'EntitiesMerged':
        // Neither appears in the benchmark corpora; the peers would need the graph's
        // redirect logic to mirror them.
        throw new Error(`PeerExports.add: ${fact.type} is not exported to the peers`);
    }
    if (nt.length > 0) await this.#nt.write(`${nt.join('\n')}\n`);
  }

  async close(): Promise<void> {
    for (const file of Object.values(this.#csv)) await file.close();
    await this.#nt.close();
  }
}

/** The PostgreSQL schema and the commands that load the CSV files from `dir`. */
export function postgresLoadScript(dir: string): string {
  const copy = (table: string, columns: string) =>
    `\\copy bench.${table} (${columns}) FROM '${join(dir, `${table}.csv`)}' WITH (FORMAT csv)`;
  return `
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS bench CASCADE;
CREATE SCHEMA bench;
CREATE TABLE bench.entities (id text PRIMARY KEY, kind text NOT NULL, name text NOT NULL, description text);
CREATE TABLE bench.aliases (entity_id text NOT NULL REFERENCES bench.entities, alias text NOT NULL);
CREATE TABLE bench.articles (
  id text PRIMARY KEY, title text NOT NULL, publisher_id text REFERENCES bench.entities, url text,
  published text, published_precision text, language text NOT NULL, body text NOT NULL, content_hash text NOT NULL, quality text
);
CREATE TABLE bench.claims (
  id text PRIMARY KEY, subject_id text NOT NULL REFERENCES bench.entities, predicate text NOT NULL,
  object_id text REFERENCES bench.entities, value jsonb, value_type text, qualifiers jsonb NOT NULL, negated boolean NOT NULL,
  text text NOT NULL
);
CREATE TABLE bench.evidence (
  id integer PRIMARY KEY, claim_id text NOT NULL REFERENCES bench.claims, article_id text NOT NULL REFERENCES bench.articles,
  quote text NOT NULL, start_offset integer NOT NULL, end_offset integer NOT NULL, modality text NOT NULL,
  attributed_to text REFERENCES bench.entities, method text NOT NULL, confidence real NOT NULL
);
CREATE TABLE bench.mentions (
  article_id text NOT NULL REFERENCES bench.articles, entity_id text NOT NULL REFERENCES bench.entities,
  start_offset integer NOT NULL, end_offset integer NOT NULL, text text NOT NULL
);
CREATE TABLE bench.links (
  a text NOT NULL REFERENCES bench.entities, b text NOT NULL REFERENCES bench.entities, predicate text NOT NULL,
  claim_id text NOT NULL REFERENCES bench.claims,
  -- true when a is the claim's subject: each claim's link once, as claimgraph's RELATED edge
  forward boolean NOT NULL
);
${copy('entities', 'id, kind, name, description')}
${copy('aliases', 'entity_id, alias')}
${copy('articles', 'id, title, publisher_id, url, published, published_precision, language, body, content_hash, quality')}
${copy('claims', 'id, subject_id, predicate, object_id, value, value_type, qualifiers, negated, text')}
${copy('evidence', 'id, claim_id, article_id, quote, start_offset, end_offset, modality, attributed_to, method, confidence')}
${copy('mentions', 'article_id, entity_id, start_offset, end_offset, text')}
${copy('links', 'a, b, predicate, claim_id, forward')}
CREATE INDEX ON bench.aliases (entity_id);
CREATE INDEX ON bench.articles (publisher_id);
CREATE INDEX ON bench.claims (subject_id, predicate);
CREATE INDEX ON bench.claims (object_id);
CREATE INDEX ON bench.evidence (claim_id);
CREATE INDEX ON bench.evidence (article_id);
CREATE INDEX ON bench.evidence (attributed_to);
CREATE INDEX ON bench.mentions (article_id);
CREATE INDEX ON bench.mentions (entity_id);
CREATE INDEX ON bench.links (a);
CREATE INDEX ON bench.links (b);
CREATE INDEX ON bench.links (claim_id);
CREATE TABLE bench.search_documents (
  id text PRIMARY KEY, kind text NOT NULL, label text NOT NULL, document tsvector NOT NULL
);
INSERT INTO bench.search_documents
  SELECT e.id, 'ENTITY', e.name,
         setweight(to_tsvector('simple', e.name), 'A') || setweight(to_tsvector('simple', coalesce(string_agg(a.alias, ' '), '')), 'A')
  FROM bench.entities e LEFT JOIN bench.aliases a ON a.entity_id = e.id GROUP BY e.id;
INSERT INTO bench.search_documents
  SELECT id, 'ARTICLE', title, setweight(to_tsvector('simple', title), 'B') || setweight(to_tsvector('simple', body), 'D') FROM bench.articles;
INSERT INTO bench.search_documents
  SELECT id, 'CLAIM', text, setweight(to_tsvector('simple', text), 'C') FROM bench.claims;
CREATE INDEX ON bench.search_documents USING gin (document);
ANALYZE;
`;
}
