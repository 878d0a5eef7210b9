/**
 * Checking a fact before it is applied: everything it refers to must be in the graph or
 * arrive in the same batch, and a merge needs two different entities. A batch with one bad
 * fact is refused whole, before anything changes.
 */

import type { Fact } from '../model/index.ts';
import { NotFoundGraphError, UsageGraphError } from './errors.ts';
import type { KnowledgeGraph } from './knowledge-graph.ts';

/** IDs of the nodes a batch brings with it, which its other facts may refer to. */
export function introducedBy(batch: readonly Fact[]): Set<string> {
  const ids = new Set<string>();
  for (const f of batch) {
    if (f.type === 'EntityAdded') ids.add(f.entity.id);
    else if (f.type === 'ArticleAdded') ids.add(f.article.id);
    else if (f.type === 'ClaimStated') ids.add(f.claim.id);
  }
  return ids;
}

export function checkFact(fact: Fact, introduced: ReadonlySet<string>, graph: Pick<KnowledgeGraph, 'hasNode' | 'resolve'>): void {
  const known = (id: string) => introduced.has(id) || graph.hasNode(graph.resolve(id));
  const need = (id: string, what: string) => {
    if (!known(id)) throw new NotFoundGraphError(`KnowledgeGraph.apply: ${fact.type} refers to unknown ${what} "${id}"`);
  };
  switch (fact.type) {
    case 'EntityAdded':
    case 'ArticleAdded':
      return;
    case 'AliasAdded':
      return need(fact.entityId, 'entity');
    case 'MentionFound':
      need(fact.mention.articleId, 'article');
      return need(fact.mention.entityId, 'entity');
    case 'ClaimStated':
      need(fact.claim.subject, 'entity');
      if (fact.claim.object) need(fact.claim.object, 'entity');
      need(fact.evidence.articleId, 'article');
      if (fact.evidence.attributedTo) need(fact.evidence.attributedTo, 'entity');
      return;
    case 'ClaimRetracted':
      return need(fact.claimId, 'claim');
    case 'EntitiesMerged':
      need(fact.keep, 'entity');
      need(fact.merge, 'entity');
      if (graph.resolve(fact.keep) === graph.resolve(fact.merge)) {
        throw new UsageGraphError(`KnowledgeGraph.apply: cannot merge ${fact.merge} into itself`);
      }
      return;
  }
}
