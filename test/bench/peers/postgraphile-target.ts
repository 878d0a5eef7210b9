/**
 * The PostGraphile peer: PostgreSQL (a throwaway cluster) loaded with the corpus's tables and
 * indexes, the SQL functions the mix needs that PostGraphile cannot derive from tables
 * (full-text search, neighbourhood, shortest paths, corroboration), and PostGraphile 5 in
 * front, all on the server core. The mix is asked in PostGraphile's own schema.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusFiles } from '../generate-corpus.ts';
import type { QuerySample } from '../corpus/query-sample.ts';
import { stopServer } from '../processes.ts';
import { variablesFor, type Operation } from '../query-mix.ts';
import { startNodeServer, type Target } from '../targets.ts';
import { startCluster, type PostgresCluster } from './postgres-cluster.ts';

/** What PostGraphile cannot derive from the tables: each a plain SQL or PL/pgSQL function. */
export const FUNCTIONS_SQL = `
-- Ranked full text: documents holding every word of the query, the last also as the start of a
-- longer word (as claimgraph's search takes them; it adds typo matching on names, which tsquery
-- has no cheap form of).
CREATE FUNCTION bench.search_query(q text) RETURNS tsquery LANGUAGE sql IMMUTABLE AS $$
  SELECT to_tsquery('simple', string_agg(quote_literal(lower(w)) || CASE WHEN n = last THEN ':*' ELSE '' END, ' & ' ORDER BY n))
    FROM (SELECT w, n, max(n) OVER () AS last
            FROM regexp_split_to_table(q, '[^[:alnum:]]+') WITH ORDINALITY AS t(w, n) WHERE w <> '') words
$$;
CREATE FUNCTION bench.search(q text) RETURNS SETOF bench.search_documents LANGUAGE sql STABLE AS $$
  SELECT d.* FROM bench.search_documents d, (SELECT bench.search_query(q) AS query) t
  WHERE d.document @@ t.query
  ORDER BY ts_rank(d.document, t.query) DESC, d.id
  LIMIT 10
$$;
CREATE FUNCTION bench.search_documents_snippet(d bench.search_documents, q text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT ts_headline('simple', d.label, bench.search_query(q))
$$;

-- Entities within depth links of one entity, at most 200 (claimgraph's default node cap).
CREATE FUNCTION bench.neighborhood_ids(start text, depth int) RETURNS SETOF text LANGUAGE sql STABLE AS $$
  WITH RECURSIVE walk(id, d) AS (
    SELECT start, 0
    UNION
    SELECT l.b, w.d + 1 FROM walk w JOIN bench.links l ON l.a = w.id WHERE w.d < depth
  ), nearest AS (SELECT id, min(d) AS d FROM walk GROUP BY id)
  SELECT id FROM nearest ORDER BY d, id LIMIT 200
$$;
CREATE FUNCTION bench.neighborhood_nodes(start text, depth int) RETURNS SETOF bench.entities LANGUAGE sql STABLE AS $$
  SELECT e.* FROM bench.entities e WHERE e.id IN (SELECT bench.neighborhood_ids(start, depth))
$$;
CREATE FUNCTION bench.neighborhood_edges(start text, depth int) RETURNS SETOF bench.links LANGUAGE sql STABLE AS $$
  WITH ids AS MATERIALIZED (SELECT bench.neighborhood_ids(start, depth) AS id)
  SELECT DISTINCT ON (l.a, l.b, l.predicate) l.* FROM bench.links l
  WHERE l.forward AND l.a IN (SELECT id FROM ids) AND l.b IN (SELECT id FROM ids)
  ORDER BY l.a, l.b, l.predicate
$$;

-- Shortest paths, breadth first from the source, then the hops of every shortest path read
-- back from the target; at most 10,000 entities visited (claimgraph's own cap).
CREATE TYPE bench.path_hop AS (step int, from_id text, from_name text, to_id text, to_name text, predicates text[]);
CREATE FUNCTION bench.shortest_path_hops(src text, dst text, max_hops int) RETURNS SETOF bench.path_hop LANGUAGE plpgsql STABLE AS $$
DECLARE
  visited text[] := ARRAY[src];
  depths int[] := ARRAY[0];
  frontier text[] := ARRAY[src];
  next text[];
  on_path text[];
  d int := 0;
  k int;
BEGIN
  WHILE d < max_hops AND NOT (dst = ANY(visited)) LOOP
    d := d + 1;
    SELECT array_agg(DISTINCT l.b) INTO next FROM bench.links l WHERE l.a = ANY(frontier) AND NOT (l.b = ANY(visited));
    EXIT WHEN next IS NULL;
    visited := visited || next;
    depths := depths || array_fill(d, ARRAY[cardinality(next)]);
    frontier := next;
    EXIT WHEN cardinality(visited) > 10000;
  END LOOP;
  IF NOT (dst = ANY(visited)) THEN RETURN; END IF;
  on_path := ARRAY[dst];
  k := d;
  WHILE k > 0 LOOP
    RETURN QUERY
      SELECT k, l.a, ea.name, l.b, eb.name, array_agg(DISTINCT l.predicate)
      FROM bench.links l
      JOIN unnest(visited, depths) AS v(node, dep) ON v.node = l.a AND v.dep = k - 1
      JOIN bench.entities ea ON ea.id = l.a JOIN bench.entities eb ON eb.id = l.b
      WHERE l.b = ANY(on_path)
      GROUP BY l.a, ea.name, l.b, eb.name;
    on_path := ARRAY(
      SELECT DISTINCT l.a FROM bench.links l JOIN unnest(visited, depths) AS v(node, dep) ON v.node = l.a AND v.dep = k - 1
      WHERE l.b = ANY(on_path));
    k := k - 1;
  END LOOP;
END
$$;

-- Corroboration: evidences, articles, and independent sources (the credited outlet, else the
-- publisher, else the article itself), as claimgraph counts them.
CREATE TYPE bench.corroboration AS (evidence_count int, article_count int, independent_source_count int);
CREATE FUNCTION bench.claims_corroboration(c bench.claims) RETURNS bench.corroboration LANGUAGE sql STABLE AS $$
  SELECT count(*)::int, count(DISTINCT ev.article_id)::int, count(DISTINCT coalesce(ev.attributed_to, a.publisher_id, a.id))::int
  FROM bench.evidence ev JOIN bench.articles a ON a.id = ev.article_id WHERE ev.claim_id = c.id
$$;
`;

export const POSTGRAPHILE_QUERIES: Record<Operation, string> = {
  entity: `query entity($id: String!) { entityByRowId(rowId: $id) { rowId name aliasesByEntityId { nodes { alias } }
    claimsBySubjectId(first: 5, orderBy: [PREDICATE_ASC, PRIMARY_KEY_ASC]) { totalCount nodes { rowId text predicate
      evidencesByClaimId { nodes { quote startOffset endOffset modality articleByArticleId { rowId title } } } } } } }`,
  search: `query search($q: String!) { search(q: $q, first: 10) { nodes { kind rowId snippet(q: $q) } } }`,
  neighborhood: `query neighborhood($id: String!) { neighborhoodNodes(start: $id, depth: 2) { nodes { rowId name } }
    neighborhoodEdges(start: $id, depth: 2) { nodes { a b predicate } } }`,
  path: `query path($from: String!, $to: String!) { shortestPathHops(src: $from, dst: $to, maxHops: 4) {
    nodes { step fromId fromName toId toName predicates } } }`,
  claims: `query claims($subject: String!, $predicate: String!) { allClaims(condition: { subjectId: $subject, predicate: $predicate },
    first: 10, orderBy: PRIMARY_KEY_ASC) { totalCount nodes { rowId text entityByObjectId { rowId name } value valueType } } }`,
  provenance: `query provenance($id: String!) { claimByRowId(rowId: $id) { rowId text
    evidencesByClaimId { nodes { quote startOffset endOffset modality entityByAttributedTo { rowId name }
      articleByArticleId { rowId title published entityByPublisherId { name } } } }
    corroboration { evidenceCount articleCount independentSourceCount } } }`,
};

let cluster: PostgresCluster | null = null;
let loadedFrom: string | null = null;

export const postgraphile: Target = {
  name: 'postgraphile',
  label: 'PostGraphile 5',
  async start(corpus: CorpusFiles, context) {
    if (loadedFrom !== corpus.dir) {
      cluster?.stop();
      const { freePort } = await import('../processes.ts');
      const port = await freePort();
      context.log(`  PostgreSQL: initdb and start on port ${port} …`);
      cluster = startCluster({ port, core: context.core, log: context.log });
      const started = performance.now();
      cluster.runFile(corpus.postgresScript);
      const functions = join(context.workDir, 'postgraphile-functions.sql');
      writeFileSync(functions, FUNCTIONS_SQL);
      cluster.runFile(functions);
      context.log(`  PostgreSQL: loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      loadedFrom = corpus.dir;
    }
    return startNodeServer('postgraphile', join(import.meta.dirname, 'postgraphile-server.ts'), context, {
      DATABASE_URL: cluster!.connectionString,
      NODE_ENV: 'production',
    });
  },
  bodies(operation: Operation, sample: QuerySample) {
    return variablesFor(operation, sample).map((variables) =>
      JSON.stringify({ operationName: operation, query: POSTGRAPHILE_QUERIES[operation], variables }));
  },
  stop: (server) => stopServer(server),
  async dispose() {
    cluster?.stop();
    cluster = null;
    loadedFrom = null;
  },
};
