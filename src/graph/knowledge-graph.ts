/**
 * KnowledgeGraph: the in-memory projection of the fact log.
 *
 * Entities, articles and claims are nodes of one graphology MultiDirectedGraph; claims point
 * at their subject, object and evidence articles, articles at the entities they mention and
 * the outlets they cite, and a derived RELATED edge per (subject, predicate, object) links
 * entities directly for traversal. Facts are applied a batch at a time, synchronously, so a
 * reader never sees half a write. This module is the only one that imports graphology.
 */

import { MultiDirectedGraph } from 'graphology';
import type { Article, ClaimStatement, Entity, EntityKind, Fact, Mention, Predicate } from '../model/index.ts';
import { PREDICATES, dateEnd, dateStart, makeClaim } from '../model/index.ts';
import type { RateTable } from '../model/money.ts';
import { NotFoundGraphError, UsageGraphError } from './errors.ts';
import type { ClaimFilter, ClaimRank, ClaimRecord, ClaimRole } from './records.ts';
import { ChangeLog, type Change } from './change-log.ts';
import { checkFact, introducedBy } from './check-fact.ts';
import { claimText } from './claim-text.ts';
import { MentionIndex } from './mention-index.ts';
import { validAt } from './valid-at.ts';
import { SearchIndex } from './search-index.ts';

export type NodeKind = EntityKind | 'Article' | 'Claim';

type NodeAttributes =
  | { kind: EntityKind; entity: Entity }
  | { kind: 'Article'; article: Article }
  | { kind: 'Claim'; claim: ClaimRecord };

export type EdgeType = 'SUBJECT' | 'OBJECT' | 'EVIDENCE' | 'MENTIONS' | 'PUBLISHED_BY' | 'CITES' | 'RELATED';

export interface EdgeAttributes {
  type: EdgeType;
  /** RELATED edges: the predicate and the claims that support the link. */
  predicate?: Predicate;
  claims?: Set<string>;
}

export interface ApplyMeta {
  actor?: string;
  at?: string;
  /** Sequence number of each fact in the log, when the batch came from one. */
  seqs?: readonly number[];
}

export function normaliseName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[’']s\b/g, '').replace(/\s+/g, ' ').trim();
}

export class KnowledgeGraph {
  readonly graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>({ allowSelfLoops: false });
  readonly rates: RateTable;
  readonly search = new SearchIndex();
  /** Bumped on every applied batch; caches key on it. */
  version = 0;

  private readonly byName = new Map<string, Set<string>>();
  private readonly mentions = new MentionIndex();
  private readonly articleByHash = new Map<string, string>();
  /** Merged entity ID → the entity it was merged into; old claim ID → the claim it became. */
  private readonly redirects = new Map<string, string>();
  private readonly claimsByPredicate = new Map<Predicate, Set<string>>();
  private readonly idsByKind = new Map<NodeKind, string[]>();

  constructor(rates: RateTable = { source: 'none', rates: [] }) {
    this.rates = rates;
  }

  // ---- writing ------------------------------------------------------------------------------

  private readonly changes = new ChangeLog();

  /** Applies one batch of facts. Facts are checked first, so a bad batch changes nothing. */
  apply(facts: readonly Fact[], meta: ApplyMeta = {}): void {
    this.validate(facts);
    facts.forEach((fact, i) => {
      this.changes.record(fact, { seq: meta.seqs?.[i] ?? null, at: meta.at ?? null, actor: meta.actor ?? null }, (id) => this.resolve(id));
      this.applyOne(fact, meta);
    });
    this.version++;
  }

  /** Throws the error `apply` would throw for this batch, without changing anything. */
  validate(facts: readonly Fact[]): void {
    const introduced = introducedBy(facts);
    for (const fact of facts) checkFact(fact, introduced, this);
  }

  /** Changes to an entity or claim, oldest first: what was added, retracted, merged. */
  history(id: string): Change[] {
    return this.changes.of(id, (x) => this.resolve(x));
  }

  private applyOne(fact: Fact, meta: ApplyMeta): void {
    switch (fact.type) {
      case 'EntityAdded':
        return this.addEntity(fact.entity);
      case 'AliasAdded':
        return this.addAlias(this.resolve(fact.entityId), fact.alias);
      case 'ArticleAdded':
        return this.addArticle(fact.article);
      case 'MentionFound':
        return this.addMention({ ...fact.mention, entityId: this.resolve(fact.mention.entityId) });
      case 'ClaimStated':
        return this.addClaim(fact.claim, fact.evidence);
      case 'ClaimRetracted': {
        const record = this.claimRecord(this.resolve(fact.claimId));
        record.retraction = { reason: fact.reason, at: meta.at ?? null, actor: meta.actor ?? null };
        return this.refreshRelated(record.statement);
      }
      case 'EntitiesMerged':
        return this.merge(this.resolve(fact.keep), this.resolve(fact.merge));
    }
  }

  private addNode(id: string, attributes: NodeAttributes): void {
    this.graph.addNode(id, attributes);
    const list = this.idsByKind.get(attributes.kind) ?? [];
    list.push(id);
    this.idsByKind.set(attributes.kind, list);
  }

  private addEntity(entity: Entity): void {
    if (this.graph.hasNode(entity.id)) {
      // The same entity announced twice (re-ingest, a second source) adds its new aliases only.
      for (const alias of entity.aliases) this.addAlias(entity.id, alias);
      return;
    }
    const record: Entity = { ...entity, aliases: [] };
    this.addNode(entity.id, { kind: entity.kind, entity: record });
    this.indexName(entity.name, entity.id);
    for (const alias of entity.aliases) this.addAlias(entity.id, alias);
    this.search.addEntity(record);
  }

  private addAlias(entityId: string, alias: string): void {
    const entity = this.entity(entityId);
    if (!entity) return;
    const key = normaliseName(alias);
    if (key === normaliseName(entity.name) || entity.aliases.some((a) => normaliseName(a) === key)) return;
    entity.aliases.push(alias);
    this.indexName(alias, entityId);
    this.search.updateEntity(entity);
  }

  private indexName(name: string, id: string): void {
    const key = normaliseName(name);
    const set = this.byName.get(key) ?? new Set<string>();
    set.add(id);
    this.byName.set(key, set);
  }

  private addArticle(article: Article): void {
    if (this.graph.hasNode(article.id) || this.articleByHash.has(article.contentHash)) return;
    this.addNode(article.id, { kind: 'Article', article });
    this.articleByHash.set(article.contentHash, article.id);
    if (article.publisher && this.graph.hasNode(article.publisher)) {
      this.graph.addEdge(article.id, article.publisher, { type: 'PUBLISHED_BY' });
    }
    this.search.addArticle(article);
  }

  private addMention(mention: Mention): void {
    if (!this.mentions.add(mention)) return;
    if (!this.graph.hasDirectedEdge(mention.articleId, mention.entityId)) {
      this.graph.addEdge(mention.articleId, mention.entityId, { type: 'MENTIONS' });
    }
  }

  private addClaim(stated: ClaimStatement, evidence: ClaimRecord['evidence'][number]): void {
    const statement = this.canonicalStatement(stated);
    const id = statement.id;
    if (id !== stated.id) this.redirects.set(stated.id, id);
    let record = this.graph.hasNode(id) ? this.claimRecord(id) : undefined;
    if (!record) {
      record = { statement, evidence: [], retraction: null };
      this.addNode(id, { kind: 'Claim', claim: record });
      this.graph.addEdge(id, statement.subject, { type: 'SUBJECT' });
      if (statement.object) this.graph.addEdge(id, statement.object, { type: 'OBJECT' });
      const set = this.claimsByPredicate.get(statement.predicate) ?? new Set<string>();
      set.add(id);
      this.claimsByPredicate.set(statement.predicate, set);
      this.search.addClaim(id, this.claimText(record));
    }
    const attributedTo = evidence.attributedTo ? this.resolve(evidence.attributedTo) : null;
    const duplicate = record.evidence.some(
      (e) => e.articleId === evidence.articleId && e.start === evidence.start && e.end === evidence.end,
    );
    if (duplicate) return;
    record.evidence.push({ ...evidence, claimId: id, attributedTo });
    if (!this.graph.hasDirectedEdge(id, evidence.articleId)) {
      this.graph.addEdge(id, evidence.articleId, { type: 'EVIDENCE' });
    }
    if (attributedTo && this.kindOf(attributedTo) === 'Publication') {
      if (!this.graph.someOutEdge(evidence.articleId, (_e, a, _s, t) => a.type === 'CITES' && t === attributedTo)) {
        this.graph.addEdge(evidence.articleId, attributedTo, { type: 'CITES' });
      }
    }
    this.refreshRelated(record.statement);
  }

  /** The statement with merged entities replaced by the ones they were merged into. */
  private canonicalStatement(statement: ClaimStatement): ClaimStatement {
    const subject = this.resolve(statement.subject);
    const object = statement.object ? this.resolve(statement.object) : null;
    if (subject === statement.subject && object === statement.object) return statement;
    const { id: _old, ...parts } = statement;
    return makeClaim({ ...parts, subject, object });
  }

  /** Keeps the derived entity→entity edge in step with the live claims behind it. */
  private refreshRelated(statement: ClaimStatement): void {
    if (!statement.object) return;
    const key = `RELATED|${statement.predicate}|${statement.subject}|${statement.object}`;
    const live = this.claimsBetween(statement.subject, statement.object, statement.predicate);
    if (live.length === 0) {
      if (this.graph.hasEdge(key)) this.graph.dropEdge(key);
      return;
    }
    if (this.graph.hasEdge(key)) this.graph.getEdgeAttributes(key).claims = new Set(live);
    else {
      this.graph.addEdgeWithKey(key, statement.subject, statement.object, {
        type: 'RELATED',
        predicate: statement.predicate,
        claims: new Set(live),
      });
    }
  }

  private claimsBetween(subject: string, object: string, predicate: Predicate): string[] {
    const ids: string[] = [];
    this.graph.forEachInEdge(subject, (_edge, attributes, source) => {
      if (attributes.type !== 'SUBJECT') return;
      const record = this.claimRecord(source);
      const s = record.statement;
      if (s.object === object && s.predicate === predicate && !s.negated && !record.retraction) ids.push(source);
    });
    return ids;
  }

  private merge(keep: string, merged: string): void {
    const kept = this.entity(keep)!;
    const gone = this.entity(merged)!;
    this.redirects.set(merged, keep);
    for (const alias of [gone.name, ...gone.aliases]) this.addAlias(keep, alias);
    for (const mention of this.mentions.removeEntity(merged)) this.addMention({ ...mention, entityId: keep });
    const claimIds = this.graph.inEdges(merged).map((edge) => this.graph.source(edge))
      .filter((id) => this.kindOf(id) === 'Claim');
    for (const claimId of new Set(claimIds)) {
      const record = this.claimRecord(claimId);
      this.dropClaim(claimId);
      for (const evidence of record.evidence) this.addClaim(record.statement, evidence);
      const moved = this.resolve(claimId);
      if (record.retraction) this.claimRecord(moved).retraction ??= record.retraction;
    }
    // Articles published by or citing the merged outlet now point at the kept one.
    for (const edge of this.graph.inEdges(merged)) {
      const source = this.graph.source(edge);
      const attributes = this.graph.getEdgeAttributes(edge);
      this.graph.addEdge(source, keep, { type: attributes.type });
    }
    for (const id of this.idsByKind.get('Article') ?? []) {
      const article = this.article(id)!;
      if (article.publisher === merged) article.publisher = keep;
    }
    this.search.removeEntity(gone);
    this.graph.dropNode(merged);
    this.idsByKind.set(gone.kind, (this.idsByKind.get(gone.kind) ?? []).filter((id) => id !== merged));
    this.search.updateEntity(kept);
  }

  private dropClaim(claimId: string): void {
    const record = this.claimRecord(claimId);
    this.graph.dropNode(claimId);
    this.claimsByPredicate.get(record.statement.predicate)?.delete(claimId);
    this.idsByKind.set('Claim', (this.idsByKind.get('Claim') ?? []).filter((id) => id !== claimId));
    this.search.removeClaim(claimId);
    this.refreshRelated(record.statement);
    const { id: _old, ...parts } = record.statement;
    const next = makeClaim({
      ...parts,
      subject: this.resolve(parts.subject),
      object: parts.object ? this.resolve(parts.object) : null,
    });
    this.redirects.set(claimId, next.id);
  }

  // ---- reading ------------------------------------------------------------------------------

  /** Follows merges and re-keyed claims to the ID that holds the record now. */
  resolve(id: string): string {
    let current = id;
    for (let hops = 0; hops < 64 && this.redirects.has(current); hops++) current = this.redirects.get(current)!;
    return current;
  }

  hasNode(id: string): boolean {
    return this.graph.hasNode(id);
  }

  kindOf(id: string): NodeKind | null {
    const resolved = this.resolve(id);
    return this.graph.hasNode(resolved) ? this.graph.getNodeAttribute(resolved, 'kind') : null;
  }

  entity(id: string): Entity | undefined {
    const resolved = this.resolve(id);
    if (!this.graph.hasNode(resolved)) return undefined;
    const attributes = this.graph.getNodeAttributes(resolved);
    return 'entity' in attributes ? attributes.entity : undefined;
  }

  article(id: string): Article | undefined {
    if (!this.graph.hasNode(id)) return undefined;
    const attributes = this.graph.getNodeAttributes(id);
    return 'article' in attributes ? attributes.article : undefined;
  }

  articleByContentHash(hash: string): Article | undefined {
    const id = this.articleByHash.get(hash);
    return id ? this.article(id) : undefined;
  }

  claim(id: string): ClaimRecord | undefined {
    const resolved = this.resolve(id);
    if (!this.graph.hasNode(resolved)) return undefined;
    const attributes = this.graph.getNodeAttributes(resolved);
    return 'claim' in attributes ? attributes.claim : undefined;
  }

  private claimRecord(id: string): ClaimRecord {
    const record = this.claim(id);
    if (!record) throw new NotFoundGraphError(`KnowledgeGraph.claim: no claim "${id}"`);
    return record;
  }

  /** Entities whose name or alias matches, case-insensitively, possessives ignored. */
  entitiesByName(name: string): Entity[] {
    const ids = this.byName.get(normaliseName(name));
    return ids ? [...ids].map((id) => this.entity(id)).filter((e): e is Entity => e !== undefined) : [];
  }

  entities(kind?: EntityKind): Entity[] {
    const kinds: EntityKind[] = kind ? [kind] : ['Company', 'Product', 'Person', 'Publication'];
    const list = kinds.flatMap((k) => (this.idsByKind.get(k) ?? []).map((id) => this.entity(id)!));
    return list.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  articles(): Article[] {
    return (this.idsByKind.get('Article') ?? []).map((id) => this.article(id)!)
      .sort((a, b) => (a.sourceFile ?? a.id).localeCompare(b.sourceFile ?? b.id));
  }

  count(kind: NodeKind): number {
    return this.idsByKind.get(kind)?.length ?? 0;
  }

  rank(record: ClaimRecord): ClaimRank {
    return record.retraction ? 'DEPRECATED' : 'NORMAL';
  }

  /** Claims matching every given filter, in a stable order (by predicate, then ID). */
  claims(filter: ClaimFilter = {}): ClaimRecord[] {
    let ids: Iterable<string>;
    if (filter.subject || filter.object) {
      const anchor = this.resolve((filter.subject ?? filter.object)!);
      const role: ClaimRole = filter.subject ? 'SUBJECT' : 'OBJECT';
      ids = this.claimIdsOf(anchor, role);
    } else if (filter.article) {
      ids = this.graph.hasNode(filter.article)
        ? this.graph.inNeighbors(filter.article).filter((id) => this.kindOf(id) === 'Claim')
        : [];
    } else if (filter.predicate) {
      ids = this.claimsByPredicate.get(filter.predicate) ?? [];
    } else {
      ids = this.idsByKind.get('Claim') ?? [];
    }
    const subject = filter.subject ? this.resolve(filter.subject) : undefined;
    const object = filter.object ? this.resolve(filter.object) : undefined;
    const out: ClaimRecord[] = [];
    for (const id of ids) {
      const record = this.claim(id);
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
    return out.sort(
      (a, b) => a.statement.predicate.localeCompare(b.statement.predicate) || a.statement.id.localeCompare(b.statement.id),
    );
  }

  /** Whether an article was out by the end of the given date (undated articles never are). */
  private publishedBy(articleId: string, date: string): boolean {
    const published = this.article(articleId)?.published;
    return !!published && dateStart(published.value) <= dateEnd(date.slice(0, 10), date.length >= 10 ? 'DAY' : date.length >= 7 ? 'MONTH' : 'YEAR');
  }

  /** Claims in which the entity plays the role; symmetric claims count both ends as subject. */
  claimIdsOf(entityId: string, role: ClaimRole): string[] {
    const id = this.resolve(entityId);
    if (!this.graph.hasNode(id)) return [];
    const ids = new Set<string>();
    this.graph.forEachInEdge(id, (_edge, attributes, source) => {
      if (attributes.type !== 'SUBJECT' && attributes.type !== 'OBJECT') return;
      const symmetric = PREDICATES[this.claimRecord(source).statement.predicate].symmetric;
      if (role === 'ANY' || attributes.type === role || symmetric) ids.add(source);
    });
    return [...ids];
  }

  mentionsOf(entityId: string): Mention[] {
    return this.mentions.ofEntity(this.resolve(entityId));
  }

  mentionsIn(articleId: string): Mention[] {
    return this.mentions.inArticle(articleId);
  }

  /** Outlets an article credits for what it says. */
  citesOf(articleId: string): Entity[] {
    if (!this.graph.hasNode(articleId)) return [];
    const ids = new Set<string>();
    this.graph.forEachOutEdge(articleId, (_edge, attributes, _source, target) => {
      if (attributes.type === 'CITES') ids.add(target);
    });
    return [...ids].map((id) => this.entity(id)!).filter(Boolean);
  }

  /** Entities linked to this one by live claims, with the predicate and direction of each link. */
  related(entityId: string, predicate?: Predicate): RelatedEntity[] {
    const id = this.resolve(entityId);
    if (!this.graph.hasNode(id)) return [];
    const out: RelatedEntity[] = [];
    this.graph.forEachEdge(id, (_edge, attributes, source, target) => {
      if (attributes.type !== 'RELATED' || (predicate && attributes.predicate !== predicate)) return;
      const outgoing = source === id;
      out.push({
        entity: this.entity(outgoing ? target : source)!,
        predicate: attributes.predicate!,
        direction: outgoing || PREDICATES[attributes.predicate!].symmetric ? 'OUTGOING' : 'INCOMING',
        claimIds: [...attributes.claims!],
      });
    });
    return out.sort((a, b) => a.predicate.localeCompare(b.predicate) || a.entity.name.localeCompare(b.entity.name));
  }

  /** The readable sentence a claim states, with entity names filled in. */
  claimText(record: ClaimRecord): string {
    return claimText(record.statement, (id) => this.entity(id)?.name ?? id);
  }
}

export interface RelatedEntity {
  entity: Entity;
  predicate: Predicate;
  direction: 'OUTGOING' | 'INCOMING';
  claimIds: string[];
}
