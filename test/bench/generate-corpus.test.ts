/**
 * The synthetic benchmark corpus is deterministic, valid for claimgraph's own store and
 * graph, and shaped like the real corpus: quotes are the article text at their offsets,
 * every predicate is used within its domain and range, claims gather evidence from several
 * articles credited to one upstream outlet, and some claims conflict.
 */

import { describe, expect, it } from 'vitest';
import { KnowledgeGraph } from '../../src/graph/index.ts';
import { PREDICATE_NAMES, claimProblems, type Article, type Entity, type Fact } from '../../src/model/index.ts';
import { LogCheck } from '../../src/store/fact-row.ts';
import { syntheticFacts } from './corpus/synthetic-facts.ts';

const CLAIMS = 1500;
const facts = [...syntheticFacts({ claims: CLAIMS, seed: 'test' })];

describe('the synthetic corpus', () => {
  it('is the same, fact for fact, for the same seed, and different for another seed', () => {
    const once = JSON.stringify([...syntheticFacts({ claims: 300, seed: 'test' })]);
    expect(JSON.stringify([...syntheticFacts({ claims: 300, seed: 'test' })])).toBe(once);
    expect(JSON.stringify([...syntheticFacts({ claims: 300, seed: 'other' })])).not.toBe(once);
  });

  it('passes the store’s checks for an imported log', () => {
    const check = new LogCheck();
    for (const fact of facts) check.next(fact);
    expect(check.problems).toEqual([]);
  });

  it('quotes and mentions are exactly the article text at their offsets', () => {
    const bodies = new Map<string, string>();
    let checked = 0;
    for (const { fact } of facts) {
      if (fact.type === 'ArticleAdded') bodies.set(fact.article.id, fact.article.body);
      if (fact.type === 'ClaimStated') {
        const { evidence } = fact;
        expect(bodies.get(evidence.articleId)!.slice(evidence.start, evidence.end)).toBe(evidence.quote);
        checked++;
      }
      if (fact.type === 'MentionFound') {
        expect(bodies.get(fact.mention.articleId)!.slice(fact.mention.start, fact.mention.end)).toBe(fact.mention.text);
      }
    }
    expect(checked).toBeGreaterThan(CLAIMS);
  });

  it('has the requested number of distinct claims, about a tenth as many entities and a fifth as many articles', () => {
    const claims = new Set(facts.flatMap(({ fact }) => (fact.type === 'ClaimStated' ? [fact.claim.id] : [])));
    expect(claims.size).toBe(CLAIMS);
    expect(ofType(facts, 'EntityAdded').length).toBe(CLAIMS / 10);
    const articles = ofType(facts, 'ArticleAdded').length;
    expect(articles).toBeGreaterThan(CLAIMS / 7);
    expect(articles).toBeLessThan(CLAIMS / 3.5);
  });

  it('uses every predicate, each within its domain and range', () => {
    const entities = new Map<string, Entity>();
    const used = new Set<string>();
    for (const { fact } of facts) {
      if (fact.type === 'EntityAdded') entities.set(fact.entity.id, fact.entity);
      if (fact.type === 'ClaimStated') {
        used.add(fact.claim.predicate);
        const { id: _id, ...parts } = fact.claim;
        expect(claimProblems(parts, (id) => entities.get(id))).toEqual([]);
      }
    }
    expect([...used].sort()).toEqual([...PREDICATE_NAMES].sort());
  });

  it('builds a graph with shared upstream sources, conflicts and symmetric partnerships stated both ways', () => {
    const graph = new KnowledgeGraph();
    graph.apply(facts.map((f) => f.fact));
    expect(graph.count('Claim')).toBe(CLAIMS);
    const repeated = graph.claims().filter((c) => new Set(c.evidence.map((e) => e.articleId)).size >= 2);
    const credited = repeated.filter((c) => c.evidence.some((e) => e.modality === 'REPORTED' && e.attributedTo?.startsWith('Publication:')));
    expect(credited.length).toBeGreaterThan(CLAIMS / 20);
    const costs = graph.claims({ predicate: 'UNIT_COST' });
    const subjects = costs.map((c) => c.statement.subject);
    expect(subjects.length - new Set(subjects).size).toBeGreaterThan(0);
    const partnerships = graph.claims({ predicate: 'PARTNERS_WITH' });
    const bothWays = partnerships.filter((c) => {
      const quotes = c.evidence.map((e) => e.quote);
      const subjectName = graph.entity(c.statement.subject)!.name;
      return quotes.some((q) => !q.includes(subjectName)) || quotes.some((q) => q.indexOf(subjectName) > q.indexOf(' partnership with '));
    });
    expect(bothWays.length).toBeGreaterThan(0);
  });

  it('gives most articles a publisher and a date', () => {
    const articles = ofType(facts, 'ArticleAdded').map((f) => (f as Extract<Fact, { type: 'ArticleAdded' }>).article as Article);
    expect(articles.filter((a) => a.publisher).length / articles.length).toBeGreaterThan(0.8);
    expect(articles.every((a) => a.published)).toBe(true);
  });
});

function ofType(list: typeof facts, type: Fact['type']): Fact[] {
  return list.map((f) => f.fact).filter((f) => f.type === type);
}

