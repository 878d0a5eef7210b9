/**
 * The Oxigraph peer: the corpus as RDF in an in-process Oxigraph store (npm `oxigraph`, Rust
 * compiled to WebAssembly), each question of the mix answered with SPARQL and the bindings
 * shaped into the same JSON as claimgraph's answers, behind node:http so the same load tool
 * measures it. Started by oxigraph-target.ts:
 *   NTRIPLES=…/graph.nt PORT=… node test/bench/peers/oxigraph-server.ts
 *
 * Where SPARQL has no counterpart the nearest thing a user would write is used, and said so:
 * Oxigraph has no full-text index, so search is an unranked scan for names, aliases, titles
 * and claim texts (not article bodies) holding every word of the query; shortest paths are a
 * breadth-first search in JavaScript with one SPARQL query per level, as SPARQL property paths
 * cannot return paths.
 */

import { closeSync, openSync, readSync } from 'node:fs';
import oxigraph from 'oxigraph';
import type { Operation, Variables } from '../query-mix.ts';
import { serveMix } from './serve-mix.ts';

const BASE = 'https://claimgraph.example/id/';
const PREFIXES = `PREFIX cg: <https://claimgraph.example/vocab#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> `;
const store = new oxigraph.Store();

/** Reads the N-Triples file in chunks, so a corpus larger than one JavaScript string loads too. */
function* chunks(path: string): Generator<Uint8Array> {
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const buffer = Buffer.alloc(16 << 20);
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) return;
      yield buffer.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}

const started = performance.now();
store.load(chunks(process.env.NTRIPLES!), { format: 'application/n-triples', no_transaction: true });
console.log(`oxigraph: ${store.size} triples loaded in ${Math.round(performance.now() - started)} ms`);

type Row = Map<string, { value: string }>;
const select = (query: string) => store.query(PREFIXES + query) as Row[];
const iri = (id: string) => `<${BASE}${encodeURI(id)}>`;
const idOf = (value: string) => decodeURI(value.slice(BASE.length));
const text = (row: Row, name: string) => row.get(name)?.value ?? null;
const int = (row: Row, name: string) => (row.has(name) ? Number(row.get(name)!.value) : null);
const literal = (s: string) => JSON.stringify(s);

function entityRefs(ids: string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  const rows = select(`SELECT ?e ?name WHERE { VALUES ?e { ${ids.map(iri).join(' ')} } ?e cg:name ?name }`);
  return new Map(rows.map((r) => [idOf(text(r, 'e')!), text(r, 'name')!]));
}

export function answer(operation: Operation, v: Variables): unknown {
  switch (operation) {
    case 'entity': {
      const e = iri(v.id!);
      const head = select(`SELECT ?name ?alias WHERE { ${e} cg:name ?name . OPTIONAL { ${e} cg:alias ?alias } }`);
      if (head.length === 0) return { entity: null };
      const total = int(select(`SELECT (COUNT(?c) AS ?n) WHERE { ?c cg:subject ${e} }`)[0]!, 'n');
      const rows = select(`SELECT ?c ?pred ?label ?quote ?start ?end ?modality ?a ?title WHERE {
        { SELECT ?c ?pred ?label WHERE { ?c cg:subject ${e} ; cg:predicate ?pred ; rdfs:label ?label } ORDER BY ?pred ?c LIMIT 5 }
        ?c cg:evidence ?ev . ?ev cg:quote ?quote ; cg:start ?start ; cg:end ?end ; cg:modality ?modality ; cg:article ?a . ?a cg:title ?title }`);
      const claims = new Map<string, { id: string; text: string; predicate: string; evidence: unknown[] }>();
      for (const r of rows) {
        const id = idOf(text(r, 'c')!);
        const claim = claims.get(id) ?? { id, text: text(r, 'label')!, predicate: text(r, 'pred')!.split('#')[1]!, evidence: [] };
        claim.evidence.push({ quote: text(r, 'quote'), start: int(r, 'start'), end: int(r, 'end'), modality: text(r, 'modality'),
          article: { id: idOf(text(r, 'a')!), title: text(r, 'title') } });
        claims.set(id, claim);
      }
      return {
        entity: {
          id: v.id, name: text(head[0]!, 'name'), aliases: [...new Set(head.map((r) => text(r, 'alias')).filter(Boolean))],
          claims: { totalCount: total, edges: [...claims.values()].map((node) => ({ node })) },
        },
      };
    }
    case 'search': {
      const words = v.q!.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      if (words.length === 0) return { search: [] };
      const rows = select(`SELECT ?s ?label WHERE { ?s cg:name|cg:alias|cg:title|rdfs:label ?label .
        FILTER(${words.map((w) => `CONTAINS(LCASE(?label), ${literal(w)})`).join(' && ')}) } LIMIT 10`);
      return { search: rows.map((r) => ({ node: { id: idOf(text(r, 's')!) }, matches: [{ snippet: text(r, 'label') }] })) };
    }
    case 'neighborhood': {
      const e = iri(v.id!);
      const nodes = select(`SELECT DISTINCT ?n ?name WHERE { ${e} (cg:rel|^cg:rel)?/(cg:rel|^cg:rel)? ?n . ?n cg:name ?name } LIMIT 200`);
      const ids = nodes.map((r) => text(r, 'n')!);
      const set = ids.map((i) => `<${i}>`).join(', ');
      const edges = ids.length === 0 ? [] : select(`SELECT DISTINCT ?a ?b ?p WHERE { VALUES ?a { ${ids.map((i) => `<${i}>`).join(' ')} }
        ?c cg:subject ?a ; cg:object ?b ; cg:predicate ?p . FILTER(?b IN (${set})) FILTER NOT EXISTS { ?c cg:negated true } }`);
      return {
        neighborhood: {
          nodes: nodes.map((r) => ({ id: idOf(text(r, 'n')!), name: text(r, 'name') })),
          edges: edges.map((r) => ({ source: idOf(text(r, 'a')!), target: idOf(text(r, 'b')!), predicate: text(r, 'p')!.split('#')[1] })),
        },
      };
    }
    case 'path': {
      const source = `${BASE}${encodeURI(v.from!)}`;
      const target = `${BASE}${encodeURI(v.to!)}`;
      const depth = new Map([[source, 0]]);
      const parents = new Map<string, string[]>();
      let frontier = [source];
      for (let d = 1; d <= 4 && frontier.length > 0 && !depth.has(target) && depth.size < 10_000; d++) {
        const rows = select(`SELECT DISTINCT ?n ?m WHERE { VALUES ?n { ${frontier.map((n) => `<${n}>`).join(' ')} } ?n cg:rel|^cg:rel ?m }`);
        const next: string[] = [];
        for (const r of rows) {
          const n = text(r, 'n')!;
          const m = text(r, 'm')!;
          if (depth.has(m) && depth.get(m)! < d) continue;
          if (!depth.has(m)) {
            depth.set(m, d);
            next.push(m);
          }
          parents.set(m, [...(parents.get(m) ?? []), n]);
        }
        frontier = next;
      }
      if (!depth.has(target)) return { path: { paths: [] } };
      const hops: [string, string][] = [];
      const seen = new Set<string>();
      const back = [target];
      while (back.length > 0) {
        const node = back.pop()!;
        for (const parent of parents.get(node) ?? []) {
          hops.push([parent, node]);
          if (!seen.has(parent)) {
            seen.add(parent);
            back.push(parent);
          }
        }
      }
      const predicates = select(`SELECT ?a ?b ?p WHERE { VALUES (?a ?b) { ${hops.map(([a, b]) => `(<${a}> <${b}>)`).join(' ')} }
        { ?c cg:subject ?a ; cg:object ?b } UNION { ?c cg:subject ?b ; cg:object ?a } ?c cg:predicate ?p }`);
      const names = entityRefs([...new Set(hops.flat())].map(idOf));
      return {
        path: {
          hops: hops.map(([a, b]) => ({
            from: { id: idOf(a), name: names.get(idOf(a)) }, to: { id: idOf(b), name: names.get(idOf(b)) },
            predicates: [...new Set(predicates.filter((r) => text(r, 'a') === a && text(r, 'b') === b).map((r) => text(r, 'p')!.split('#')[1]))],
          })),
        },
      };
    }
    case 'claims': {
      const s = iri(v.subject!);
      const p = `cg:${v.predicate}`;
      const total = int(select(`SELECT (COUNT(?c) AS ?n) WHERE { ?c cg:subject ${s} ; cg:predicate ${p} }`)[0]!, 'n');
      const rows = select(`SELECT ?c ?label ?o ?oname ?vt ?amount ?currency ?unit ?text ?date ?flag WHERE {
        ?c cg:subject ${s} ; cg:predicate ${p} ; rdfs:label ?label .
        OPTIONAL { ?c cg:object ?o . ?o cg:name ?oname } OPTIONAL { ?c cg:valueType ?vt } OPTIONAL { ?c cg:amount ?amount }
        OPTIONAL { ?c cg:currency ?currency } OPTIONAL { ?c cg:unit ?unit } OPTIONAL { ?c cg:text ?text }
        OPTIONAL { ?c cg:date ?date } OPTIONAL { ?c cg:flag ?flag } } ORDER BY ?c LIMIT 10`);
      return {
        claims: {
          totalCount: total,
          edges: rows.map((r) => ({
            node: {
              id: idOf(text(r, 'c')!), text: text(r, 'label'),
              object: r.has('o') ? { id: idOf(text(r, 'o')!), name: text(r, 'oname') } : null,
              value: r.has('vt') ? { __typename: text(r, 'vt'), amount: int(r, 'amount'), currency: text(r, 'currency'), unit: text(r, 'unit'),
                text: text(r, 'text'), value: text(r, 'date'), flag: text(r, 'flag') } : null,
            },
          })),
        },
      };
    }
    case 'provenance': {
      const c = iri(v.id!);
      const rows = select(`SELECT ?label ?quote ?start ?end ?modality ?att ?attName ?a ?title ?published ?pubName WHERE {
        ${c} rdfs:label ?label ; cg:evidence ?ev . ?ev cg:quote ?quote ; cg:start ?start ; cg:end ?end ; cg:modality ?modality ; cg:article ?a .
        ?a cg:title ?title . OPTIONAL { ?a cg:published ?published } OPTIONAL { ?a cg:publisher ?pub . ?pub cg:name ?pubName }
        OPTIONAL { ?ev cg:attributedTo ?att . ?att cg:name ?attName } } ORDER BY ?published ?a ?start`);
      if (rows.length === 0) return { claim: null };
      const support = select(`SELECT (COUNT(?ev) AS ?evidence) (COUNT(DISTINCT ?a) AS ?articles) (COUNT(DISTINCT ?src) AS ?sources) WHERE {
        ${c} cg:evidence ?ev . ?ev cg:article ?a . OPTIONAL { ?ev cg:attributedTo ?att } OPTIONAL { ?a cg:publisher ?pub }
        BIND(COALESCE(?att, ?pub, ?a) AS ?src) }`)[0]!;
      return {
        claim: {
          id: v.id, text: text(rows[0]!, 'label'),
          evidence: rows.map((r) => ({
            quote: text(r, 'quote'), start: int(r, 'start'), end: int(r, 'end'), modality: text(r, 'modality'),
            attributedTo: r.has('att') ? { id: idOf(text(r, 'att')!), name: text(r, 'attName') } : null,
            article: { id: idOf(text(r, 'a')!), title: text(r, 'title'), published: r.has('published') ? { value: text(r, 'published') } : null,
              publisher: r.has('pubName') ? { name: text(r, 'pubName') } : null },
          })),
          corroboration: { evidenceCount: int(support, 'evidence'), articleCount: int(support, 'articles'), independentSourceCount: int(support, 'sources') },
        },
      };
    }
  }
}

serveMix('oxigraph', (operation, variables) => answer(operation, variables));
