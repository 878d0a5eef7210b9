/**
 * GraphWriter: the one way a change enters the graph at run time.
 *
 * A write is checked against the graph first (unknown IDs, merges of an entity into itself),
 * appended to the fact log, and acknowledged only once the log has made it durable; then the
 * graph applies the whole batch at once, so no query sees half a write. Writes are queued and
 * run one at a time, so checking, appending and applying happen in log order.
 */

import type { KnowledgeGraph } from '../graph/index.ts';
import type { Fact } from '../model/index.ts';
import type { FactLog } from '../store/index.ts';

export interface GraphChange {
  /** Sequence numbers of the first and last fact written. */
  firstSeq: number;
  lastSeq: number;
  at: string;
  actor: string;
  /** The kinds of fact written, once each. */
  types: Fact['type'][];
  /** IDs of the entities, articles and claims the write touched. */
  ids: string[];
}

export type ChangeListener = (change: GraphChange) => void;

export class GraphWriter {
  readonly #store: FactLog;
  readonly #graph: KnowledgeGraph;
  readonly #listeners = new Set<ChangeListener>();
  #queue: Promise<unknown> = Promise.resolve();

  constructor(store: FactLog, graph: KnowledgeGraph) {
    this.#store = store;
    this.#graph = graph;
  }

  get graph(): KnowledgeGraph {
    return this.#graph;
  }

  /** Runs after every applied write; returns the function that stops it. */
  onChange(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Writes one batch. `prepare` runs when the write's turn comes, against the graph as it is
   * then, and returns the facts to write (or throws to refuse, changing nothing); an empty
   * list writes nothing and returns null.
   */
  write<T>(actor: string, prepare: (graph: KnowledgeGraph) => { facts: Fact[]; result: T }): Promise<{ change: GraphChange | null; result: T }> {
    const run = async () => {
      const { facts, result } = prepare(this.#graph);
      if (facts.length === 0) return { change: null, result };
      this.#graph.validate(facts);
      const appended = await this.#store.append(facts, { actor });
      const seqs = facts.map((_fact, i) => appended.firstSeq + i);
      this.#graph.apply(facts, { actor, at: appended.at, seqs });
      const change: GraphChange = {
        firstSeq: appended.firstSeq,
        lastSeq: appended.lastSeq,
        at: appended.at,
        actor,
        types: [...new Set(facts.map((f) => f.type))],
        ids: [...new Set(facts.flatMap(touchedIds))],
      };
      for (const listener of this.#listeners) listener(change);
      return { change, result };
    };
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => undefined);
    return next;
  }
}

function touchedIds(fact: Fact): string[] {
  switch (fact.type) {
    case 'ArticleAdded':
      return [fact.article.id];
    case 'EntityAdded':
      return [fact.entity.id];
    case 'AliasAdded':
      return [fact.entityId];
    case 'MentionFound':
      return [fact.mention.entityId];
    case 'ClaimStated':
      return [fact.claim.id, fact.claim.subject, ...(fact.claim.object ? [fact.claim.object] : [])];
    case 'ClaimRetracted':
      return [fact.claimId];
    case 'EntitiesMerged':
      return [fact.keep, fact.merge];
  }
}
