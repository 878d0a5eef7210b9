/**
 * KnowledgeGraph: the in-memory projection of the fact log.
 *
 * Entities are the nodes of a graphology MultiDirectedGraph, linked by one derived RELATED
 * edge per (subject, predicate, object) that carries the live claims behind it: the graph
 * traversals walk. Claims and articles are records in maps with the indexes queries need
 * (by subject, object, predicate, article, credited source), which keeps a million claims
 * to a few hundred bytes of bookkeeping each rather than a node and three edges. Facts are
 * applied a batch at a time, synchronously, so a reader never sees half a write. This module
 * is the only one that imports graphology.
 */

import { MultiDirectedGraph } from 'graphology';
import type { Article, ClaimStatement, Entity, EntityKind, Evidence, Fact, Mention, Predicate } from '../model/index.ts';
import { ENTITY_KINDS, PREDICATES, dateEnd, dateStart, makeClaim } from '../model/index.ts';
import type { RateTable } from '../model/money.ts';
import { ClaimStore, type ClaimListing, type ClaimRows } from './claim-store.ts';
import { ChangeLog, claimHistory, type Change } from './change-log.ts';
import { checkFact, introducedBy } from './check-fact.ts';
import { claimText } from './claim-text.ts';
import { NotFoundGraphError } from './errors.ts';
import { IdIndex, type IdIndexListing, type IdListColumns } from './id-index.ts';
import type { ClaimFilter, ClaimRank, ClaimRecord, ClaimRole, Recorded } from './records.ts';
import { SearchIndex } from './search-index.ts';
import { validAt } from './valid-at.ts';

export type NodeKind = EntityKind | 'Article' | 'Claim';

export interface EntityAttributes {
  kind: EntityKind;
  entity: Entity;
}

/**
 * A RELATED edge: entity → entity for one predicate, with the live claims that support it. Most
 * edges rest on one claim, kept as its ID alone: an array costs the collector two more objects
 * per edge. `edgeClaims` reads either.
 */
export interface EdgeAttributes {
  type: 'RELATED';
  predicate: Predicate;
  claim: string | string[];
}

/** The IDs of the claims an edge rests on, in an array of the caller's own. */
export function edgeClaims(attributes: EdgeAttributes): string[] {
  const claim = attributes.claim;
  return typeof claim === 'string' ? [claim] : claim.slice();
}

export interface ApplyMeta {
  actor?: string;
  at?: string;
  /** Sequence number of each fact in the log, when the batch came from one. */
  seqs?: readonly number[];
}

/** An article as the graph keeps it: its body is read from the search index when asked for. */
export type ArticleMetadata = Omit<Article, 'body'>;

/** A RELATED edge as a snapshot keeps it; its key is derived from the three parts. */
export interface EdgeState {
  source: string;
  target: string;
  predicate: Predicate;
  claims: readonly string[];
}

/** The graph's ID indexes, by name, as a snapshot lists them. */
export const ID_INDEXES = [
  'byName',
  'claimsBySubject',
  'claimsByObject',
  'claimsByPredicate',
  'claimsByArticle',
  'claimsByCredit',
  'citesByArticle',
  'citingArticles',
  'articlesByPublisher',
] as const;
export type IdIndexName = (typeof ID_INDEXES)[number];

/**
 * Everything a graph holds besides its search index and rates: what a snapshot writes and a
 * restart reads back (see snapshot.ts). Records are the graph's own objects, not copies.
 */
export interface GraphState {
  version: number;
  /** In the order the graph holds them. */
  entities: Entity[];
  /**
   * In an order that, added one by one, gives every entity its links in the same order as the
   * graph it came from: traversals visit neighbours in that order, and stop at a node cap.
   */
  edges: EdgeState[];
  articles: ArticleMetadata[];
  /** Records, and the rows of a restored graph's claims not read since. */
  claims: ClaimListing;
  redirects: Iterable<[string, string]>;
  changes: Iterable<[string, Change[]]>;
  /** Keys with their IDs, and those of a restored graph still in the columns they came from. */
  indexes: Record<IdIndexName, IdIndexListing>;
}

/** A state as a snapshot gives it back: its claims still rows, made into records when read, and its indexes still columns. */
export interface RestoredState extends Omit<GraphState, 'claims' | 'indexes'> {
  claims: ClaimRows;
  indexes: Record<IdIndexName, IdListColumns>;
}

export function normaliseName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[’']s\b/g, '').replace(/\s+/g, ' ').trim();
}


/**
 * The list with one more item. Short lists are copied at their exact length (`push` on a short
 * array reserves room for 16 more, and a million claims keep several short lists each); long
 * ones grow in place.
 */
function appended<T>(list: T[], item: T): T[] {
  if (list.length >= 8) {
    list.push(item);
    return list;
  }
  const copy = new Array<T>(list.length + 1);
  for (let i = 0; i < list.length; i++) copy[i] = list[i]!;
  copy[list.length] = item;
  return copy;
}

export class KnowledgeGraph {
  /** Entities and the RELATED edges between them. */
  readonly graph = new MultiDirectedGraph<EntityAttributes, EdgeAttributes>({ allowSelfLoops: false });
  readonly rates: RateTable;
  readonly search: SearchIndex;
  /** Bumped on every applied batch; caches key on it. */
  version = 0;
  /**
   * The log position of the last batch applied with its positions (`ApplyMeta.seqs`); 0 when
   * none has been. A graph restored from a snapshot starts at 0 and counts from its replay.
   */
  appliedSeq = 0;

  private readonly articleRecords = new Map<string, Article>();
  private readonly claimRecords = new ClaimStore();
  private readonly byName = new IdIndex();
  private readonly changes = new ChangeLog();
  private readonly articleByHash = new Map<string, string>();
  /** Merged entity ID → the entity it was merged into; old claim ID → the claim it became. */
  private readonly redirects = new Map<string, string>();
  /**
   * One copy of each ID and word that recurs across facts (entity and article IDs, predicates,
   * modalities): parsed facts bring a fresh copy of each, and a million claims would keep
   * millions of duplicates alive.
   */
  private readonly strings = new Map<string, string>();
  private readonly claimsBySubject = new IdIndex();
  private readonly claimsByObject = new IdIndex();
  private readonly claimsByPredicate = new IdIndex();
  private readonly claimsByArticle = new IdIndex();
  private readonly claimsByCredit = new IdIndex();
  private readonly citesByArticle = new IdIndex();
  private readonly citingArticles = new IdIndex();
  private readonly articlesByPublisher = new IdIndex();
  private readonly entityIds = new Map<EntityKind, Set<string>>(ENTITY_KINDS.map((k) => [k, new Set<string>()]));
  /** Sorted lists, rebuilt on first read after a change. */
  private sorted: { version: number; entities: Map<string, Entity[]>; articles: Article[] | null } = {
    version: -1,
    entities: new Map(),
    articles: null,
  };

  /** The getter of every article record's `body`: one function, so the records share one shape. */
  private readonly articleBody: (this: ArticleMetadata) => string;
  /**
   * Each entity's out-edges as a plain list, made on first read and forgotten when an edge from
   * it is added or dropped (graphology's own events say when), so traversals read them without
   * graphology's per-edge callbacks; edge attributes are shared, so claims added to an existing
   * edge show at once.
   */
  private readonly outLinkLists = new Map<string, OutLink[]>();
  /** The same out-edges grouped by target's number, made on first read for entities with many. */
  private readonly outLinkMaps = new Map<string, Map<number, OutLink[]>>();
  /**
   * Numbers for entities, given on first use by a traversal and kept (a dropped entity's number
   * is not reused): walks keep their sets of entities as small integers, which are found without
   * reading the ID strings they stand for.
   */
  private readonly numbers = new Map<string, number>();
  private readonly numbered: string[] = [];
  /** Each numbered entity's neighbours, made on first read and forgotten like its out-edges. */
  private readonly neighborLists: (Int32Array | undefined)[] = [];

  /** `search` defaults to an index in memory; a server passes one kept on disk beside its log. */
  constructor(rates: RateTable = { source: 'none', rates: [] }, search: SearchIndex = new SearchIndex()) {
    this.rates = rates;
    this.search = search;
    const forgetNeighbors = (id: string) => {
      const number = this.numbers.get(id);
      if (number !== undefined) this.neighborLists[number] = undefined;
    };
    const forget = ({ source, target }: { source: string; target: string }) => {
      this.outLinkLists.delete(source);
      this.outLinkMaps.delete(source);
      forgetNeighbors(source);
      forgetNeighbors(target);
    };
    this.graph.on('edgeAdded', forget);
    this.graph.on('edgeDropped', forget);
    for (const event of ['nodeDropped', 'cleared', 'edgesCleared'] as const) {
      this.graph.on(event, () => {
        this.outLinkLists.clear();
        this.outLinkMaps.clear();
        this.neighborLists.length = 0;
      });
    }
    this.articleBody = bodyGetter(search);
  }

  /** A graph holding a snapshot's state; `search` must already hold what the state covers. */
  static fromState(state: RestoredState, rates: RateTable, search: SearchIndex): KnowledgeGraph {
    const graph = new KnowledgeGraph(rates, search);
    graph.restore(state);
    return graph;
  }

  /** Releases the search index. */
  close(): void {
    this.search.close();
  }

  // ---- writing ------------------------------------------------------------------------------

  /** Applies one batch of facts. Facts are checked first, so a bad batch changes nothing. */
  apply(facts: readonly Fact[], meta: ApplyMeta = {}): void {
    this.validate(facts);
    const resolve = (id: string) => this.resolve(id);
    const at = meta.at ?? null;
    const actor = meta.actor ?? null;
    const lastSeq = meta.seqs?.at(-1) ?? null;
    this.search.begin(lastSeq);
    try {
      facts.forEach((fact, i) => {
        const recorded = { seq: meta.seqs?.[i] ?? null, at, actor };
        this.changes.record(fact, recorded, resolve);
        this.applyOne(fact, recorded);
      });
    } catch (error) {
      this.search.abort();
      throw error;
    }
    this.search.end(lastSeq);
    if (lastSeq !== null) this.appliedSeq = lastSeq;
    this.version++;
  }

  /** Throws the error `apply` would throw for this batch, without changing anything. */
  validate(facts: readonly Fact[]): void {
    const introduced = introducedBy(facts);
    for (const fact of facts) checkFact(fact, introduced, this);
  }

  /** Changes to an entity, article or claim, oldest first: what was added, retracted, merged. */
  history(id: string): Change[] {
    const claim = this.claim(id);
    return claim ? claimHistory(claim) : this.changes.of(id, (x) => this.resolve(x));
  }

  private applyOne(fact: Fact, recorded: Recorded): void {
    switch (fact.type) {
      case 'EntityAdded':
        return this.addEntity(fact.entity);
      case 'AliasAdded':
        return this.addAlias(this.resolve(fact.entityId), fact.alias);
      case 'ArticleAdded':
        return this.addArticle(fact.article);
      case 'MentionFound': {
        const entityId = this.resolve(fact.mention.entityId);
        return this.addMention(entityId === fact.mention.entityId ? fact.mention : { ...fact.mention, entityId });
      }
      case 'ClaimStated':
        return this.addClaim(this.internStatement(fact.claim), this.internEvidence(fact.evidence), recorded);
      case 'ClaimRetracted': {
        const record = this.claimRecord(this.resolve(fact.claimId));
        if (record.retraction) return;
        record.retraction = { reason: fact.reason, ...recorded };
        return this.unlink(record);
      }
      case 'EntitiesMerged':
        return this.merge(this.resolve(fact.keep), this.resolve(fact.merge));
    }
  }

  private addEntity(entity: Entity): void {
    if (this.graph.hasNode(entity.id)) {
      // The same entity announced twice (re-ingest, a second source) adds its new aliases only.
      for (const alias of entity.aliases) this.addAlias(entity.id, alias);
      return;
    }
    const record: Entity = { ...entity, aliases: [] };
    this.graph.addNode(entity.id, { kind: entity.kind, entity: record });
    this.entityIds.get(entity.kind)!.add(entity.id);
    this.byName.add(normaliseName(entity.name), entity.id);
    for (const alias of entity.aliases) this.addAlias(entity.id, alias, false);
    this.search.addEntity(record);
  }

  private addAlias(entityId: string, alias: string, reindex = true): void {
    const entity = this.entity(entityId);
    if (!entity) return;
    const key = normaliseName(alias);
    if (key === normaliseName(entity.name) || entity.aliases.some((a) => normaliseName(a) === key)) return;
    entity.aliases = appended(entity.aliases, alias);
    this.byName.add(key, entityId);
    if (reindex) this.search.updateEntity(entity);
  }

  private addArticle(article: Article): void {
    if (this.articleRecords.has(article.id) || this.articleByHash.has(article.contentHash)) return;
    const { body: _body, ...metadata } = article;
    this.articleRecords.set(article.id, withBody(metadata, this.articleBody));
    this.articleByHash.set(article.contentHash, article.id);
    if (article.publisher) this.articlesByPublisher.add(article.publisher, article.id);
    this.search.addArticle(article);
  }

  private addMention(mention: Mention): void {
    this.search.addMention(mention);
  }

  private intern(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  }

  private internStatement(statement: ClaimStatement): ClaimStatement {
    statement.subject = this.intern(statement.subject);
    if (statement.object) statement.object = this.intern(statement.object);
    statement.predicate = this.intern(statement.predicate) as Predicate;
    return statement;
  }

  private internEvidence(evidence: Evidence): Evidence {
    evidence.articleId = this.intern(evidence.articleId);
    evidence.modality = this.intern(evidence.modality) as Evidence['modality'];
    evidence.method = this.intern(evidence.method) as Evidence['method'];
    if (evidence.attributedTo) evidence.attributedTo = this.intern(evidence.attributedTo);
    return evidence;
  }

  private addClaim(stated: ClaimStatement, evidence: Evidence, recorded: Recorded): void {
    const statement = this.canonicalStatement(stated);
    const id = statement.id;
    if (id !== stated.id) this.redirects.set(stated.id, id);
    let record = this.claimRecords.get(id);
    if (!record) {
      record = { statement, evidence: [], recorded: [], retraction: null };
      this.claimRecords.set(id, record);
      this.claimsBySubject.add(statement.subject, id);
      if (statement.object) this.claimsByObject.add(statement.object, id);
      this.claimsByPredicate.add(statement.predicate, id);
      if (this.search.writing) this.search.addClaim(id, this.claimText(record));
      this.link(record);
    }
    const duplicate = record.evidence.some(
      (e) => e.articleId === evidence.articleId && e.start === evidence.start && e.end === evidence.end,
    );
    if (duplicate) return;
    const attributedTo = evidence.attributedTo ? this.resolve(evidence.attributedTo) : null;
    // Evidence is shared with the fact that stated it unless a merge changed what it points at;
    // its claim ID is the record's own string.
    if (evidence.claimId === id && evidence.attributedTo === attributedTo) {
      evidence.claimId = id;
      record.evidence = appended(record.evidence, evidence);
    } else record.evidence = appended(record.evidence, { ...evidence, claimId: id, attributedTo });
    record.recorded = appended(record.recorded, recorded);
    this.claimsByArticle.add(evidence.articleId, id);
    if (attributedTo) {
      this.claimsByCredit.add(attributedTo, id);
      if (this.kindOf(attributedTo) === 'Publication') {
        this.citesByArticle.add(evidence.articleId, attributedTo);
        this.citingArticles.add(attributedTo, evidence.articleId);
      }
    }
  }

  /** The statement with merged entities replaced by the ones they were merged into. */
  private canonicalStatement(statement: ClaimStatement): ClaimStatement {
    const subject = this.resolve(statement.subject);
    const object = statement.object ? this.resolve(statement.object) : null;
    if (subject === statement.subject && object === statement.object) return statement;
    const { id: _old, ...parts } = statement;
    return makeClaim({ ...parts, subject, object });
  }

  /**
   * The key of the edge for a predicate between two entities. Joined, not concatenated: a
   * concatenation is a tree of string pieces the collector visits one by one, several objects
   * per edge for as long as the edge lives; a join is one flat string.
   */
  private static edgeKey(predicate: string, subject: string, object: string): string {
    return [predicate, subject, object].join('|');
  }

  /** Adds a live claim to the derived entity→entity edge for its subject, predicate and object. */
  private link(record: ClaimRecord): void {
    const s = record.statement;
    if (!s.object || s.negated || record.retraction) return;
    const key = KnowledgeGraph.edgeKey(s.predicate, s.subject, s.object);
    if (!this.graph.hasEdge(key)) this.graph.addEdgeWithKey(key, s.subject, s.object, { type: 'RELATED', predicate: s.predicate, claim: s.id });
    else {
      const attributes = this.graph.getEdgeAttributes(key);
      const claim = attributes.claim;
      if (typeof claim === 'string') {
        if (claim !== s.id) attributes.claim = [claim, s.id];
      } else if (!claim.includes(s.id)) attributes.claim = appended(claim, s.id);
    }
  }

  /** Takes a claim off its edge, and drops the edge when no live claim supports it. */
  private unlink(record: ClaimRecord): void {
    const s = record.statement;
    if (!s.object) return;
    const key = KnowledgeGraph.edgeKey(s.predicate, s.subject, s.object);
    if (!this.graph.hasEdge(key)) return;
    const attributes = this.graph.getEdgeAttributes(key);
    const left = edgeClaims(attributes).filter((id) => id !== s.id);
    if (left.length === 0) this.graph.dropEdge(key);
    else attributes.claim = left.length === 1 ? left[0]! : left;
  }

  private merge(keep: string, merged: string): void {
    const kept = this.entity(keep)!;
    const gone = this.entity(merged)!;
    this.redirects.set(merged, keep);
    for (const alias of [gone.name, ...gone.aliases]) this.addAlias(keep, alias);
    this.search.moveMentions(merged, keep);
    const claimIds = new Set([...this.claimsBySubject.take(merged), ...this.claimsByObject.take(merged)]);
    for (const claimId of claimIds) {
      const record = this.claimRecords.get(claimId);
      if (!record) continue;
      this.dropClaim(claimId, record);
      record.evidence.forEach((evidence, i) => this.addClaim(record.statement, evidence, record.recorded[i]!));
      const moved = this.claimRecord(this.resolve(claimId));
      if (record.retraction && !moved.retraction) {
        moved.retraction = record.retraction;
        this.unlink(moved);
      }
    }
    // Articles published by, citing or crediting the merged outlet now point at the kept one.
    for (const articleId of this.articlesByPublisher.take(merged)) {
      this.articleRecords.get(articleId)!.publisher = keep;
      this.articlesByPublisher.add(keep, articleId);
    }
    for (const articleId of this.citingArticles.take(merged)) {
      this.citesByArticle.delete(articleId, merged);
      this.citesByArticle.add(articleId, keep);
      this.citingArticles.add(keep, articleId);
    }
    for (const claimId of this.claimsByCredit.take(merged)) {
      const record = this.claimRecords.get(this.resolve(claimId));
      if (!record) continue;
      for (const evidence of record.evidence) if (evidence.attributedTo === merged) evidence.attributedTo = keep;
      this.claimsByCredit.add(keep, record.statement.id);
    }
    this.search.removeEntity(gone);
    this.graph.dropNode(merged);
    this.entityIds.get(gone.kind)!.delete(merged);
    this.search.updateEntity(kept);
  }

  /** Removes a claim that a merge re-keys; its old ID then redirects to the new one. */
  private dropClaim(claimId: string, record: ClaimRecord): void {
    const s = record.statement;
    this.claimRecords.delete(claimId);
    this.claimsBySubject.delete(s.subject, claimId);
    if (s.object) this.claimsByObject.delete(s.object, claimId);
    this.claimsByPredicate.delete(s.predicate, claimId);
    for (const evidence of record.evidence) {
      this.claimsByArticle.delete(evidence.articleId, claimId);
      if (evidence.attributedTo) this.claimsByCredit.delete(evidence.attributedTo, claimId);
    }
    this.search.removeClaim(claimId);
    this.unlink(record);
    const { id: _old, ...parts } = s;
    const next = makeClaim({ ...parts, subject: this.resolve(parts.subject), object: parts.object ? this.resolve(parts.object) : null });
    this.redirects.set(claimId, next.id);
  }

  // ---- snapshots ----------------------------------------------------------------------------

  /** The graph's state, for a snapshot; valid until the next `apply`. */
  state(): GraphState {
    return {
      version: this.version,
      entities: this.graph.mapNodes((_id, attributes) => attributes.entity),
      edges: this.edgesInAdjacencyOrder(),
      articles: [...this.articleRecords.values()],
      claims: this.claimRecords.listing(),
      redirects: this.redirects.entries(),
      changes: this.changes.entries(),
      indexes: {
        byName: this.byName.listing(),
        claimsBySubject: this.claimsBySubject.listing(),
        claimsByObject: this.claimsByObject.listing(),
        claimsByPredicate: this.claimsByPredicate.listing(),
        claimsByArticle: this.claimsByArticle.listing(),
        claimsByCredit: this.claimsByCredit.listing(),
        citesByArticle: this.citesByArticle.listing(),
        citingArticles: this.citingArticles.listing(),
        articlesByPublisher: this.articlesByPublisher.listing(),
      },
    };
  }

  /**
   * The edges in an order that rebuilds each entity's links in their present order. graphology
   * keeps an entity's outgoing links by target, and incoming by source, in the order each
   * (source, target) pair got its first edge, and the edges of one pair newest first. A pair
   * dropped and linked again moves to the end, so the graph's global edge order need not agree
   * with the entities' own; the pairs are sorted so that both ends see theirs in order.
   */
  private edgesInAdjacencyOrder(): EdgeState[] {
    const graph = this.graph;
    const nodeIndex = new Map<string, number>();
    graph.forEachNode((id) => nodeIndex.set(id, nodeIndex.size));
    const n = nodeIndex.size;
    const pairs: [string, string][] = [];
    const pairOf = new Map<number, number>();
    // A pair follows at most two others: the one before it among its source's targets, and
    // the one before it among its target's sources.
    const nextBySource: number[] = [];
    const nextByTarget: number[] = [];
    const before: number[] = [];
    graph.forEachNode((source) => {
      let previous = -1;
      for (const target of graph.outNeighbors(source)) {
        const pair = pairs.length;
        pairs.push([source, target]);
        pairOf.set(nodeIndex.get(source)! * n + nodeIndex.get(target)!, pair);
        nextBySource.push(-1);
        nextByTarget.push(-1);
        before.push(previous < 0 ? 0 : 1);
        if (previous >= 0) nextBySource[previous] = pair;
        previous = pair;
      }
    });
    graph.forEachNode((target) => {
      let previous = -1;
      for (const source of graph.inNeighbors(target)) {
        const pair = pairOf.get(nodeIndex.get(source)! * n + nodeIndex.get(target)!)!;
        if (previous >= 0) {
          nextByTarget[previous] = pair;
          before[pair]!++;
        }
        previous = pair;
      }
    });
    const order: number[] = [];
    for (let pair = 0; pair < pairs.length; pair++) if (before[pair] === 0) order.push(pair);
    for (let i = 0; i < order.length; i++) {
      for (const next of [nextBySource[order[i]!]!, nextByTarget[order[i]!]!]) {
        if (next >= 0 && --before[next]! === 0) order.push(next);
      }
    }
    if (order.length !== pairs.length) throw new Error('KnowledgeGraph.state: the links of the graph cannot be put in order');
    const edges: EdgeState[] = [];
    for (const pair of order) {
      const [source, target] = pairs[pair]!;
      // Newest first in the graph: added oldest first, each new edge goes in front.
      const keys = graph.outEdges(source, target);
      for (let i = keys.length - 1; i >= 0; i--) {
        const attributes = graph.getEdgeAttributes(keys[i]!);
        edges.push({ source, target, predicate: attributes.predicate, claims: edgeClaims(attributes) });
      }
    }
    return edges;
  }

  private restore(state: RestoredState): void {
    this.version = state.version;
    for (const entity of state.entities) {
      this.graph.addNode(entity.id, { kind: entity.kind, entity });
      this.entityIds.get(entity.kind)!.add(entity.id);
      this.intern(entity.id);
      // Only the in-memory name index is filled: the search file already holds the entity.
      this.search.addEntity(entity);
    }
    for (const edge of state.edges) {
      const key = KnowledgeGraph.edgeKey(edge.predicate, edge.source, edge.target);
      this.graph.addEdgeWithKey(key, edge.source, edge.target, {
        type: 'RELATED',
        predicate: edge.predicate,
        claim: edge.claims.length === 1 ? edge.claims[0]! : [...edge.claims],
      });
    }
    for (const article of state.articles) {
      this.articleRecords.set(article.id, withBody(article, this.articleBody));
      this.articleByHash.set(article.contentHash, article.id);
      this.intern(article.id);
    }
    this.claimRecords.restore(state.claims);
    for (const [from, to] of state.redirects) this.redirects.set(from, to);
    for (const [id, changes] of state.changes) this.changes.restore(id, changes);
    for (const name of ID_INDEXES) this[name].restoreColumns(state.indexes[name]);
  }

  // ---- reading ------------------------------------------------------------------------------

  /** Follows merges and re-keyed claims to the ID that holds the record now. */
  resolve(id: string): string {
    let current = id;
    for (let hops = 0; hops < 64 && this.redirects.has(current); hops++) current = this.redirects.get(current)!;
    return current;
  }

  hasNode(id: string): boolean {
    return this.graph.hasNode(id) || this.articleRecords.has(id) || this.claimRecords.has(id);
  }

  kindOf(id: string): NodeKind | null {
    const resolved = this.resolve(id);
    if (this.graph.hasNode(resolved)) return this.graph.getNodeAttribute(resolved, 'kind');
    if (this.articleRecords.has(resolved)) return 'Article';
    if (this.claimRecords.has(resolved)) return 'Claim';
    return null;
  }

  entity(id: string): Entity | undefined {
    const resolved = this.resolve(id);
    return this.graph.hasNode(resolved) ? this.graph.getNodeAttribute(resolved, 'entity') : undefined;
  }

  article(id: string): Article | undefined {
    return this.articleRecords.get(id);
  }

  articleByContentHash(hash: string): Article | undefined {
    const id = this.articleByHash.get(hash);
    return id ? this.article(id) : undefined;
  }

  claim(id: string): ClaimRecord | undefined {
    return this.claimRecords.get(this.resolve(id));
  }

  private claimRecord(id: string): ClaimRecord {
    const record = this.claim(id);
    if (!record) throw new NotFoundGraphError(`KnowledgeGraph.claim: no claim "${id}"`);
    return record;
  }

  /** Entities whose name or alias matches, case-insensitively, possessives ignored. */
  entitiesByName(name: string): Entity[] {
    return [...this.byName.get(normaliseName(name))].map((id) => this.entity(id)).filter((e): e is Entity => e !== undefined);
  }

  private fresh(): typeof this.sorted {
    if (this.sorted.version !== this.version) this.sorted = { version: this.version, entities: new Map(), articles: null };
    return this.sorted;
  }

  /** Entities by name, optionally of one kind. */
  entities(kind?: EntityKind): Entity[] {
    const cache = this.fresh();
    const key = kind ?? '*';
    let list = cache.entities.get(key);
    if (!list) {
      const kinds = kind ? [kind] : ENTITY_KINDS;
      list = kinds.flatMap((k) => [...this.entityIds.get(k)!].map((id) => this.entity(id)!));
      list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
      cache.entities.set(key, list);
    }
    return list;
  }

  /** Articles by source file (the corpus order), then ID. */
  articles(): Article[] {
    const cache = this.fresh();
    cache.articles ??= [...this.articleRecords.values()].sort((a, b) => {
      const x = a.sourceFile ?? a.id;
      const y = b.sourceFile ?? b.id;
      return x < y ? -1 : x > y ? 1 : 0;
    });
    return cache.articles;
  }

  /** Claims restored from a snapshot and not read since: their records are built on first read. */
  get unreadClaims(): number {
    return this.claimRecords.unread;
  }

  count(kind: NodeKind): number {
    if (kind === 'Article') return this.articleRecords.size;
    if (kind === 'Claim') return this.claimRecords.size;
    return this.entityIds.get(kind)!.size;
  }

  rank(record: ClaimRecord): ClaimRank {
    return record.retraction ? 'DEPRECATED' : 'NORMAL';
  }

  /**
   * Claims matching every given filter, in the order they were first stated. The narrowest
   * index a filter allows is scanned: an entity's claims, an article's, a predicate's.
   */
  claims(filter: ClaimFilter = {}): ClaimRecord[] {
    const subject = filter.subject ? this.resolve(filter.subject) : undefined;
    const object = filter.object ? this.resolve(filter.object) : undefined;
    let ids: Iterable<string>;
    // A predicate that is not symmetric is only ever stated one way round, so the other side's
    // claims (thousands, for an entity many claims point at) need not be read.
    const oneWay = filter.predicate !== undefined && !PREDICATES[filter.predicate].symmetric;
    if (filter.about) ids = this.claimIdsOf(filter.about.entity, filter.about.role);
    else if (subject) ids = oneWay ? this.claimsBySubject.get(subject) : this.claimIdsOf(subject, 'SUBJECT');
    else if (object) ids = oneWay ? this.claimsByObject.get(object) : this.claimIdsOf(object, 'OBJECT');
    else if (filter.article) ids = this.claimsByArticle.get(filter.article);
    else if (filter.predicate) ids = this.claimsByPredicate.get(filter.predicate);
    else ids = this.claimRecords.keys();
    const out: ClaimRecord[] = [];
    for (const id of ids) {
      const record = this.claimRecords.get(id);
      if (!record) continue;
      const s = record.statement;
      if (subject && s.subject !== subject && !(PREDICATES[s.predicate].symmetric && s.object === subject)) continue;
      if (object && s.object !== object && !(PREDICATES[s.predicate].symmetric && s.subject === object)) continue;
      if (filter.predicate && s.predicate !== filter.predicate) continue;
      if (filter.article && !record.evidence.some((e) => e.articleId === filter.article)) continue;
      if (filter.modality && !record.evidence.some((e) => e.modality === filter.modality)) continue;
      if (filter.validAt && !validAt(s, filter.validAt)) continue;
      if (filter.knownAt && !record.evidence.some((e) => this.publishedBy(e.articleId, filter.knownAt!))) continue;
      if (record.retraction && !filter.includeDeprecated) continue;
      out.push(record);
    }
    return out;
  }

  /** Claims for which some article credits this entity. */
  claimsCredited(entityId: string): ClaimRecord[] {
    return [...this.claimsByCredit.get(this.resolve(entityId))].map((id) => this.claimRecords.get(id)!).filter(Boolean);
  }

  /** Whether an article was out by the end of the given date (undated articles never are). */
  private publishedBy(articleId: string, date: string): boolean {
    const published = this.article(articleId)?.published;
    const precision = date.length >= 10 ? 'DAY' : date.length >= 7 ? 'MONTH' : 'YEAR';
    return !!published && dateStart(published.value) <= dateEnd(date.slice(0, 10), precision);
  }

  /** Claims in which the entity plays the role; symmetric claims count both ends as subject. */
  claimIdsOf(entityId: string, role: ClaimRole): string[] {
    const id = this.resolve(entityId);
    const asSubject = this.claimsBySubject.get(id);
    const asObject = this.claimsByObject.get(id);
    const symmetric = (claimId: string) => PREDICATES[this.claimRecords.get(claimId)!.statement.predicate].symmetric;
    if (role === 'ANY') return [...new Set([...asSubject, ...asObject])];
    const [own, other] = role === 'SUBJECT' ? [asSubject, asObject] : [asObject, asSubject];
    return [...own, ...[...other].filter(symmetric)];
  }

  mentionsOf(entityId: string): Mention[] {
    return this.search.mentions.ofEntity(this.resolve(entityId));
  }

  mentionsIn(articleId: string): Mention[] {
    return this.search.mentions.inArticle(articleId);
  }

  /** Articles that mention an entity. */
  articlesMentioning(entityId: string): Article[] {
    return this.search.mentions.articlesOf(this.resolve(entityId)).map((id) => this.article(id)!).filter(Boolean);
  }

  /** Outlets an article credits for what it says. */
  citesOf(articleId: string): Entity[] {
    return [...this.citesByArticle.get(articleId)].map((id) => this.entity(id)!).filter(Boolean);
  }

  /** Articles that credit an outlet. */
  citing(entityId: string): Article[] {
    return [...this.citingArticles.get(this.resolve(entityId))].map((id) => this.article(id)!);
  }

  /** Articles an outlet published. */
  publishedArticles(entityId: string): Article[] {
    return [...this.articlesByPublisher.get(this.resolve(entityId))].map((id) => this.article(id)!);
  }

  /** Entities linked to this one by live claims, with the predicate and direction of each link. */
  related(entityId: string, predicate?: Predicate): RelatedEntity[] {
    const id = this.resolve(entityId);
    if (!this.graph.hasNode(id)) return [];
    const out: RelatedEntity[] = [];
    this.graph.forEachEdge(id, (_edge, attributes, source, target) => {
      if (predicate && attributes.predicate !== predicate) return;
      const outgoing = source === id;
      out.push({
        entity: this.entity(outgoing ? target : source)!,
        predicate: attributes.predicate,
        direction: outgoing || PREDICATES[attributes.predicate].symmetric ? 'OUTGOING' : 'INCOMING',
        claimIds: edgeClaims(attributes),
      });
    });
    return out.sort((a, b) => a.predicate.localeCompare(b.predicate) || a.entity.name.localeCompare(b.entity.name));
  }

  /** The entity's out-edges: each target with the edge's predicate and live claims. */
  outLinks(id: string): readonly OutLink[] {
    const kept = this.outLinkLists.get(id);
    if (kept) return kept;
    const links: OutLink[] = [];
    this.graph.forEachOutEdge(id, (_edge, attributes, _source, target) => links.push({ to: this.numberOf(target), attributes }));
    this.outLinkLists.set(id, links);
    return links;
  }

  /** The entity's out-edges by the target's number (`numberOf`), in the order `outLinks` lists them. */
  outLinksByTarget(id: string): ReadonlyMap<number, readonly OutLink[]> {
    const kept = this.outLinkMaps.get(id);
    if (kept) return kept;
    const byTarget = new Map<number, OutLink[]>();
    for (const link of this.outLinks(id)) {
      const list = byTarget.get(link.to);
      if (list) list.push(link);
      else byTarget.set(link.to, [link]);
    }
    this.outLinkMaps.set(id, byTarget);
    return byTarget;
  }

  /** The entity's number for traversals, given on first use. */
  numberOf(id: string): number {
    let number = this.numbers.get(id);
    if (number === undefined) {
      number = this.numbered.length;
      this.numbers.set(id, number);
      this.numbered.push(id);
    }
    return number;
  }

  /** The ID a number stands for. */
  idOf(number: number): string {
    return this.numbered[number]!;
  }

  /** The numbers of an entity's neighbours either way, each once, in the order graphology lists them. */
  neighborNumbers(number: number): Int32Array {
    let list = this.neighborLists[number];
    if (!list) {
      const neighbors: number[] = [];
      this.graph.forEachNeighbor(this.numbered[number]!, (neighbor) => {
        neighbors.push(this.numberOf(neighbor));
      });
      this.neighborLists[number] = list = Int32Array.from(neighbors);
    }
    return list;
  }

  /** The readable sentence a claim states, with entity names filled in. */
  claimText(record: ClaimRecord): string {
    return claimText(record.statement, (id) => this.entity(id)?.name ?? id);
  }
}

/**
 * The getter of an article's body from the search index. Made outside the graph's constructor,
 * whose closures hold the graph: the records' shared shape keeps its getter alive, and V8 keeps
 * a shape its inline caches saw for a few collections after the last object of that shape is
 * gone, so a getter holding the graph would keep a dropped graph alive that long (three full
 * collections, where one now frees it).
 */
function bodyGetter(search: SearchIndex): (this: ArticleMetadata) => string {
  return function (this: ArticleMetadata) {
    return search.body(this.id);
  };
}

/** The record of an article: its body is kept in the search index and read from there when asked for. */
function withBody(metadata: ArticleMetadata, body: (this: ArticleMetadata) => string): Article {
  return Object.defineProperty(metadata, 'body', { get: body, enumerable: true }) as Article;
}

export interface OutLink {
  /** The target's number (`numberOf`; `idOf` gives its ID). */
  to: number;
  attributes: EdgeAttributes;
}

export interface RelatedEntity {
  entity: Entity;
  predicate: Predicate;
  direction: 'OUTGOING' | 'INCOMING';
  claimIds: string[];
}
