/**
 * Names for the synthetic corpus: companies, products, people and publications with the
 * aliases articles use for them, every surface form unique across the whole registry (as
 * data/entities.yaml requires), so a mention or a name lookup finds exactly one entity.
 */

import { normaliseName } from '../../../src/graph/knowledge-graph.ts';
import { slugify } from '../../../src/model/ids.ts';
import type { Entity, EntityKind } from '../../../src/model/index.ts';
import type { Random } from './random.ts';

const HEADS = ['Kor', 'Dal', 'Vex', 'Lum', 'Ori', 'Zen', 'Tal', 'Mir', 'Quan', 'Sol', 'Nex', 'Vor', 'Ely', 'Cal', 'Bra', 'Fen',
  'Gal', 'Hal', 'Ix', 'Jor', 'Kel', 'Lyr', 'Mor', 'Nor', 'Pyr', 'Ryn', 'Syl', 'Tor', 'Ul', 'Var', 'Wes', 'Xan', 'Yor', 'Zer',
  'Ast', 'Bel', 'Cor', 'Dor', 'Est', 'Fal'];
const MIDDLES = ['a', 'e', 'i', 'o', 'u', 'ae', 'io', 'ar', 'en', ''];
const TAILS = ['vex', 'tron', 'lux', 'ica', 'ara', 'tek', 'nix', 'ora', 'eon', 'ium', 'is', 'ant', 'ell', 'ion', 'ox', 'ys',
  'ent', 'ade', 'ine', 'ova'];
const COMPANY_WORDS = ['Optics', 'Mobile', 'Electronics', 'Imaging', 'Labs', 'Systems', 'Devices', 'Technologies', 'Camera', 'Photonics'];
const COMPANY_SUFFIXES = ['Inc.', 'Group', 'Corp.', 'Holdings'];
const LINES = ['Nova', 'Aura', 'Edge', 'Vista', 'Orbit', 'Prism', 'Pulse', 'Flux', 'Apex', 'Lumen', 'Echo', 'Spark', 'Terra',
  'Onyx', 'Aria', 'Vertex', 'Halo', 'Quasar', 'Nimbus', 'Atlas', 'Vivid', 'Glide', 'Sonic', 'Comet', 'Ember', 'Fusion',
  'Horizon', 'Iris', 'Jade', 'Kite', 'Lyra', 'Mosaic', 'Nexus', 'Opal', 'Photon', 'Quartz', 'Ripple', 'Sierra', 'Tempo', 'Zenith'];
const VARIANTS = ['', ' Pro', ' Ultra', ' Lite', ' Max', ' Mini', ' Plus', ' S', ' Concept', ' Edition'];
const FIRST = ['Anna', 'Ben', 'Chen', 'Dana', 'Elif', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kira', 'Liam', 'Mei', 'Noah',
  'Olga', 'Pablo', 'Qing', 'Rosa', 'Sven', 'Tara', 'Umar', 'Vera', 'Wei', 'Xenia', 'Yuki', 'Zara', 'Amir', 'Bea', 'Carlos',
  'Dmitri', 'Emma', 'Felix', 'Gita', 'Hugo', 'Ivy', 'Jun', 'Karl', 'Lena', 'Marco', 'Nina', 'Omar', 'Priya', 'Raj', 'Sofia',
  'Tomas', 'Uma', 'Viktor', 'Wen', 'Yara', 'Zoe'];
const LAST = ['Smith', 'Tanaka', 'Müller', 'Rossi', 'Kowalski', 'Nguyen', 'Garcia', 'Ivanova', 'Okafor', 'Larsen', 'Haddad',
  'Kim', 'Silva', 'Novak', 'Fischer', 'Moreau', 'Yamamoto', 'Jensen', 'Costa', 'Horvat', 'Berg', 'Sato', 'Weber', 'Patel',
  'Liu', 'Zhang', 'Wagner', 'Dubois', 'Santos', 'Kaya', 'Lindqvist', 'Petrov', 'Ahmed', 'Bauer', 'Conti', 'Duarte', 'Eriksen',
  'Fontaine', 'Gruber', 'Hansen', 'Ito', 'Janssen', 'Keller', 'Lopez', 'Mori', 'Nakamura', 'Ortiz', 'Park', 'Quinn', 'Reyes'];
const PUB_ADJECTIVES = ['Daily', 'Global', 'Modern', 'Mobile', 'Open', 'Pocket', 'Bright', 'Digital', 'Weekly', 'Urban',
  'Silicon', 'Rapid', 'Clear', 'Prime', 'Smart', 'Pixel', 'Signal', 'Circuit', 'Northern', 'Eastern'];
const PUB_NOUNS = ['Lens', 'Gadget', 'Circuit', 'Review', 'Wire', 'Ledger', 'Monitor', 'Bulletin', 'Chronicle', 'Observer',
  'Tribune', 'Dispatch', 'Herald', 'Report', 'Journal', 'Insider', 'Digest', 'Courier', 'Beacon', 'Gazette'];

/** The registry being built: entities by kind, every surface form taken so far. */
export class NameRegistry {
  readonly #taken = new Set<string>();
  readonly #slugs = new Set<string>();
  readonly #random: Random;

  constructor(random: Random) {
    this.#random = random;
  }

  /** True, and the form is reserved, when no entity uses it yet. */
  claim(form: string): boolean {
    const key = normaliseName(form);
    if (this.#taken.has(key)) return false;
    this.#taken.add(key);
    return true;
  }

  /** A fresh name from `make`; after a few collisions, a numbered one. */
  #unique(make: () => string): string {
    for (let attempt = 0; attempt < 12; attempt++) {
      const name = make();
      if (this.claim(name)) return name;
    }
    for (let n = 2; ; n++) {
      const name = `${make()} ${n}`;
      if (this.claim(name)) return name;
    }
  }

  #entity(kind: EntityKind, name: string, aliases: string[], description: string | null): Entity {
    let slug = slugify(name);
    for (let n = 2; this.#slugs.has(`${kind}:${slug}`); n++) slug = `${slugify(name)}-${n}`;
    this.#slugs.add(`${kind}:${slug}`);
    return { id: `${kind}:${slug}`, kind, name, aliases, description };
  }

  #word(): string {
    const r = this.#random;
    return `${r.pick(HEADS)}${r.pick(MIDDLES)}${r.pick(TAILS)}`;
  }

  company(): Entity {
    const r = this.#random;
    let base = '';
    const name = this.#unique(() => {
      base = this.#word();
      return r.chance(0.5) ? base : `${base} ${r.pick(COMPANY_WORDS)}`;
    });
    const aliases: string[] = [];
    if (name !== base && this.claim(base)) aliases.push(base);
    else if (r.chance(0.4)) {
      const formal = `${name} ${r.pick(COMPANY_SUFFIXES)}`;
      if (this.claim(formal)) aliases.push(formal);
    }
    return this.#entity('Company', name, aliases, r.chance(0.7) ? `Maker of ${r.pick(['phones', 'cameras', 'lenses', 'sensors', 'wearables'])}.` : null);
  }

  /** A product of `maker`'s line, named after the maker as phones are. */
  product(maker: Entity): Entity {
    const r = this.#random;
    const brand = maker.name.split(' ')[0]!;
    let model = '';
    const name = this.#unique(() => {
      model = `${r.pick(LINES)} ${r.int(1, 30)}${r.pick(VARIANTS)}`;
      return `${brand} ${model}`;
    });
    const aliases: string[] = [];
    if (r.chance(0.4) && this.claim(model)) aliases.push(model);
    return this.#entity('Product', name, aliases, r.chance(0.5) ? `A ${r.pick(['smartphone', 'camera', 'lens', 'tablet', 'watch'])} by ${maker.name}.` : null);
  }

  person(): Entity {
    const r = this.#random;
    let first = '';
    let last = '';
    const name = this.#unique(() => {
      first = r.pick(FIRST);
      last = r.pick(LAST);
      return r.chance(0.5) ? `${first} ${last}` : `${first} ${String.fromCharCode(65 + r.int(0, 25))}. ${last}`;
    });
    const aliases: string[] = [];
    const initial = `${first[0]}. ${last}`;
    if (r.chance(0.3) && this.claim(initial)) aliases.push(initial);
    return this.#entity('Person', name, aliases, r.chance(0.4) ? `${r.pick(['Chief executive', 'Engineer', 'Designer', 'Analyst', 'Photographer'])}.` : null);
  }

  publication(): Entity {
    const r = this.#random;
    let short = '';
    const name = this.#unique(() => {
      short = `${r.pick(PUB_ADJECTIVES)} ${r.pick(PUB_NOUNS)}`;
      return r.chance(0.4) ? `The ${short}` : short;
    });
    const aliases: string[] = [];
    if (name !== short && this.claim(short)) aliases.push(short);
    return this.#entity('Publication', name, aliases, r.chance(0.5) ? 'Technology news site.' : null);
  }
}
