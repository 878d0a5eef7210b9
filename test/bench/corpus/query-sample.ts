/**
 * The query sample: IDs, search terms and entity pairs drawn from across a whole corpus, so a
 * benchmark's requests touch the entire graph and no single cached answer serves them.
 *
 * Built while the facts stream past (reservoir sampling with a seeded generator), from the
 * facts alone, so the seed corpus and a synthetic one are sampled the same way.
 */

import type { Fact, Predicate } from '../../../src/model/index.ts';
import { Random } from './random.ts';

export interface QuerySample {
  /** Entities that are the subject of at least one claim. */
  entities: string[];
  /** Entities with at least one claim-backed link to another entity. */
  linkedEntities: string[];
  claims: string[];
  /** (subject, predicate) pairs that have at least one claim. */
  subjectPredicates: { subject: string; predicate: Predicate }[];
  searchTerms: string[];
  /** Entity pairs two or three links apart. */
  paths: { from: string; to: string }[];
}

class Reservoir<T> {
  readonly items: T[] = [];
  #seen = 0;
  readonly #size: number;
  readonly #random: Random;

  constructor(size: number, random: Random) {
    this.#size = size;
    this.#random = random;
  }

  offer(item: T): void {
    this.#seen++;
    if (this.items.length < this.#size) this.items.push(item);
    else {
      const j = Math.floor(this.#random.next() * this.#seen);
      if (j < this.#size) this.items[j] = item;
    }
  }
}

export class QuerySampler {
  readonly #random: Random;
  readonly #size: number;
  readonly #names = new Map<string, string>();
  readonly #claims: Reservoir<{ id: string; subject: string; predicate: Predicate }>;
  readonly #subjects: Reservoir<string>;
  readonly #named: Reservoir<string>;
  /** Undirected claim-backed links between entities. */
  readonly #links = new Map<string, string[]>();
  readonly #claimIds = new Set<string>();

  constructor(seed: string, size = 1000) {
    this.#random = new Random(`query-sample:${seed}`);
    this.#size = size;
    this.#claims = new Reservoir(size, this.#random);
    this.#subjects = new Reservoir(size, this.#random);
    this.#named = new Reservoir(size, this.#random);
  }

  add(fact: Fact): void {
    if (fact.type === 'EntityAdded') {
      this.#names.set(fact.entity.id, fact.entity.name);
      this.#named.offer(fact.entity.name);
      for (const alias of fact.entity.aliases) this.#named.offer(alias);
    } else if (fact.type === 'ClaimStated') {
      const { claim } = fact;
      if (this.#claimIds.has(claim.id)) return;
      this.#claimIds.add(claim.id);
      this.#claims.offer({ id: claim.id, subject: claim.subject, predicate: claim.predicate });
      this.#subjects.offer(claim.subject);
      if (claim.object && !claim.negated) {
        link(this.#links, claim.subject, claim.object);
        link(this.#links, claim.object, claim.subject);
      }
    }
  }

  sample(): QuerySample {
    const linked = [...this.#links.keys()];
    const linkedEntities: string[] = [];
    const paths: QuerySample['paths'] = [];
    for (let i = 0; i < this.#size && linked.length > 0; i++) {
      linkedEntities.push(this.#random.pick(linked));
    }
    // A random walk of two or three steps that does not come back gives a pair whose
    // shortest path is one to three links long: the questions a user asks of a path finder.
    for (let attempt = 0; paths.length < this.#size && attempt < this.#size * 20 && linked.length > 0; attempt++) {
      const from = this.#random.pick(linked);
      let at = from;
      const visited = new Set([from]);
      const steps = this.#random.int(2, 3);
      for (let s = 0; s < steps; s++) {
        const next = (this.#links.get(at) ?? []).filter((n) => !visited.has(n));
        if (next.length === 0) break;
        at = this.#random.pick(next);
        visited.add(at);
      }
      if (visited.size >= 3) paths.push({ from, to: at });
    }
    const claims = this.#claims.items;
    return {
      entities: [...new Set(this.#subjects.items)],
      linkedEntities: [...new Set(linkedEntities)],
      claims: claims.map((c) => c.id),
      subjectPredicates: claims.map((c) => ({ subject: c.subject, predicate: c.predicate })),
      searchTerms: this.#named.items.map((name) => searchTerm(name, this.#random)),
      paths,
    };
  }
}

function link(links: Map<string, string[]>, a: string, b: string): void {
  const list = links.get(a);
  if (!list) links.set(a, [b]);
  else if (!list.includes(b) && list.length < 200) list.push(b);
}

/** What a user types: the whole name, or one distinctive word of it. */
function searchTerm(name: string, random: Random): string {
  const words = name.split(/\s+/).filter((w) => w.length >= 4 && !/^the$/i.test(w));
  return words.length > 1 && random.chance(0.4) ? random.pick(words) : name;
}
