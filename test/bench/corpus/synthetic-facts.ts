/**
 * The synthetic corpus: a seeded, deterministic stream of facts shaped like the real corpus,
 * at any size from a few hundred claims to millions.
 *
 * Entities of every kind come first (about one per ten claims; companies, products with the
 * maker's brand in their name, people, publications; some with aliases). Then articles, one
 * batch each as ingestion writes them: the article (publisher, URL, dated, a body of claim
 * sentences among ordinary prose), a mention of each entity it names, and one ClaimStated per
 * claim sentence whose evidence quote IS `body.slice(start, end)`. Every predicate of the
 * vocabulary is used with its own domain and range. About a third of claim sentences repeat
 * a recent claim from another article, credited to the outlet that first published it
 * ("According to The Daily Lens, …": REPORTED, attributedTo), so claims gather evidence from
 * several articles that share one upstream source; some of those repeats give a different
 * figure (a conflict), and symmetric partnerships are repeated with their ends swapped.
 * Entity popularity is skewed (Random.popular), as news coverage is.
 *
 * Generation stops once `claims` distinct claims exist; articles come to about claims / 5.
 */

import { sha256Hex, slugify } from '../../../src/model/ids.ts';
import type {
  Article, ClaimStatement, DateValue, Entity, EntityKind, Evidence, Fact, Mention, Modality, Predicate, Qualifiers, Value,
} from '../../../src/model/index.ts';
import { PREDICATES, makeClaim } from '../../../src/model/index.ts';
import type { StoredFact } from '../../../src/store/fact-log.ts';
import { NameRegistry } from './names.ts';
import { Random } from './random.ts';

export interface SyntheticOptions {
  /** Distinct claims to generate. */
  claims: number;
  seed: string;
}

export interface SyntheticSummary {
  entities: number;
  articles: number;
  claims: number;
  evidence: number;
  mentions: number;
  facts: number;
}

/** How often each predicate is stated, relative to the others. */
const PREDICATE_WEIGHTS: Record<Predicate, number> = {
  PARTNERS_WITH: 6, MANUFACTURED_BY: 8, OPTICS_BY: 3, BASED_ON: 3, DEVELOPED_ALONGSIDE: 2, PRECEDED_BY: 3, LENS_MOUNT: 1,
  SHOWN_WITH: 2, ACCESSORY_FOR: 2, SENSOR_MAKER: 3, SENSOR_SIZE: 3, SENSOR_RESOLUTION: 4, SENSOR_COUNT: 1, HAS_FEATURE: 6,
  IP_RATING: 2, PRODUCT_TYPE: 3, LAUNCH_DATE: 4, UNITS_PRODUCED: 2, UNIT_COST: 4, AVAILABILITY: 3, DISTRIBUTED_TO: 1,
  MARKET_RANK: 2, OUTSELLS: 2, COUNTRY: 2, INCEPTION: 2, PRODUCES: 3, PARENT_ORGANIZATION: 2, AFFILIATED_WITH: 5, SAID: 4,
};
const PREDICATE_LIST = Object.keys(PREDICATE_WEIGHTS) as Predicate[];
const WEIGHT_LIST = PREDICATE_LIST.map((p) => PREDICATE_WEIGHTS[p]);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const FEATURES = ['a periscope zoom lens', 'a variable aperture', 'a leather back', 'a ceramic frame', 'wireless charging',
  'a titanium body', 'a 120 Hz display', 'an optical image stabiliser', 'a macro mode', 'a detachable lens ring',
  'a satellite messaging mode', 'a cooling chamber', 'a stereo speaker pair', 'a fingerprint reader', 'a colour spectrum sensor'];
const PRODUCT_TYPES = ['smartphone', 'mirrorless camera', 'camera module', 'lens attachment', 'concept phone', 'tablet',
  'smartwatch', 'action camera', 'foldable phone', 'lens adapter'];
const RECIPIENTS = ['company employees', 'selected reviewers', 'professional photographers', 'trade show visitors',
  'early testers', 'brand ambassadors', 'museum collections', 'university labs'];
const REGIONS = ['United States', 'Europe', 'China', 'India', 'Japan', 'Brazil', 'Germany', 'United Kingdom', 'Indonesia', 'Korea'];
const COUNTRIES = ['Germany', 'China', 'Japan', 'South Korea', 'United States', 'Taiwan', 'Sweden', 'Finland', 'France', 'Italy'];
const LINES_OF_WORK = ['smartphones', 'camera lenses', 'image sensors', 'smartwatches', 'tablets', 'drones', 'projectors', 'microscopes'];
const SAYINGS = ['photography is a way of seeing', 'the camera decides the phone', 'light is the only thing that matters',
  'we wanted a phone that feels like a camera', 'the partnership is only beginning', 'sensor size still matters',
  'nobody needs five lenses', 'software cannot replace good glass', 'the market is ready for this', 'design follows light'];
const IP_RATINGS = ['IP53', 'IP54', 'IP67', 'IP68', 'IPX4'];
const CURRENCIES = [
  { code: 'USD', say: (a: string) => `$${a}` },
  { code: 'EUR', say: (a: string) => `${a} euros` },
  { code: 'CNY', say: (a: string) => `${a} Chinese yuan` },
  { code: 'JPY', say: (a: string) => `${a} yen` },
  { code: 'GBP', say: (a: string) => `£${a}` },
];
/** Ordinary prose between claim sentences: words a search can find, naming no entity. */
const FILLER_SUBJECTS = ['The camera module', 'Battery life', 'The display', 'The software', 'Image processing', 'The design',
  'Night photography', 'The price', 'The launch event', 'Build quality', 'The zoom range', 'Video stabilisation', 'Colour science',
  'The hinge', 'Charging speed', 'The interface', 'Portrait mode', 'The chipset', 'Low-light performance', 'The packaging'];
const FILLER_VERBS = ['looks', 'feels', 'seems', 'remains', 'proved', 'appears', 'turned out', 'is said to be', 'was judged', 'stays'];
const FILLER_ADJECTIVES = ['impressive', 'ambitious', 'surprisingly good', 'uneven', 'familiar', 'polished', 'experimental',
  'competitive', 'expensive', 'refined', 'modest', 'bold', 'reliable', 'sluggish', 'luminous', 'crisp', 'muddy', 'generous'];
const FILLER_TAILS = ['for a device of this class', 'compared with last year', 'in our testing', 'under bright sunlight',
  'after a week of use', 'at this price point', 'for enthusiasts', 'in everyday shooting', 'by current standards',
  'once the update arrives', 'in most conditions', 'for casual users'];
const HEADLINES = ['what we know so far', 'first impressions', 'hands-on', 'the full story', 'a closer look', 'why it matters',
  'everything announced', 'specs and price', 'the details', 'a quiet revolution'];

interface Endpoint {
  id: string;
  /** The surface form the sentence uses: the name or an alias. */
  form: string;
}

/** A claim sentence before it is placed in a body. */
interface Sentence {
  statement: ClaimStatement;
  /** Pieces of the sentence; entity pieces become mentions. */
  parts: (string | Endpoint)[];
  modality: Modality;
  attributedTo: string | null;
}

/** A recently stated claim that later articles may repeat. */
interface Stated {
  statement: ClaimStatement;
  subject: Entity;
  object: Entity | null;
  /** The outlet whose article first stated it, if that article named one. */
  origin: Entity | null;
}

const RECENT = 4096;

export function* syntheticFacts(options: SyntheticOptions, summary?: SyntheticSummary): Generator<StoredFact> {
  const random = new Random(`claimgraph-bench:${options.seed}`);
  const names = new NameRegistry(random);
  const target = Math.max(1, Math.floor(options.claims));
  const entityCount = Math.max(40, Math.round(target / 10));
  const counts: Record<EntityKind, number> = {
    Publication: Math.max(5, Math.round(entityCount * 0.05)),
    Company: Math.max(10, Math.round(entityCount * 0.2)),
    Person: Math.max(8, Math.round(entityCount * 0.25)),
    Product: 0,
  };
  counts.Product = Math.max(15, entityCount - counts.Publication - counts.Company - counts.Person);

  const byKind: Record<EntityKind, Entity[]> = { Company: [], Product: [], Person: [], Publication: [] };
  for (let i = 0; i < counts.Publication; i++) byKind.Publication.push(names.publication());
  for (let i = 0; i < counts.Company; i++) byKind.Company.push(names.company());
  const makerOf = new Map<string, Entity>();
  for (let i = 0; i < counts.Product; i++) {
    const maker = byKind.Company[random.popular(byKind.Company.length)]!;
    const product = names.product(maker);
    makerOf.set(product.id, maker);
    byKind.Product.push(product);
  }
  for (let i = 0; i < counts.Person; i++) byKind.Person.push(names.person());
  const entityById = new Map<string, Entity>();
  for (const list of Object.values(byKind)) for (const e of list) entityById.set(e.id, e);
  const organisations = [...byKind.Company, ...byKind.Publication];

  const stats: SyntheticSummary = summary ?? { entities: 0, articles: 0, claims: 0, evidence: 0, mentions: 0, facts: 0 };
  stats.entities = entityById.size;
  let seq = 0;
  let batch = 0;
  const start = Date.UTC(2024, 0, 1);
  const stored = (fact: Fact, actor: string): StoredFact => {
    stats.facts++;
    return { seq: ++seq, batch, at: new Date(start + batch * 1000).toISOString(), actor, fact };
  };

  // The registry, in batches of 500 as a curator's import would write it.
  const registry = [...byKind.Publication, ...byKind.Company, ...byKind.Product, ...byKind.Person];
  for (let i = 0; i < registry.length; i++) {
    if (i % 500 === 0) batch++;
    yield stored({ type: 'EntityAdded', entity: registry[i]! }, 'registry');
  }

  const pickEntity = (kinds: readonly EntityKind[]): Entity => {
    const kind = kinds.length === 1 ? kinds[0]! : random.weighted(kinds, kinds.map((k) => byKind[k].length));
    const list = byKind[kind];
    return list[random.popular(list.length)]!;
  };
  const form = (entity: Entity): Endpoint => ({
    id: entity.id,
    form: entity.aliases.length > 0 && random.chance(0.3) ? random.pick(entity.aliases) : entity.name,
  });

  const seen = new Set<string>();
  const recent: Stated[] = [];
  let claimCount = 0;

  while (claimCount < target) {
    batch++;
    const articleIndex = stats.articles++;
    const day = random.int(0, 11 * 365);
    const published = new Date(Date.UTC(2015, 0, 1) + day * 86_400_000);
    const iso = published.toISOString().slice(0, 10);
    const publisher = random.chance(0.9) ? byKind.Publication[random.popular(byKind.Publication.length)]! : null;
    const focusKind = random.weighted<EntityKind>(['Product', 'Company', 'Person'], [6, 3, 1]);
    const focus = byKind[focusKind][random.popular(byKind[focusKind].length)]!;

    const sentences: Sentence[] = [];
    const statements = random.int(2, 9);
    for (let i = 0; i < statements; i++) {
      const sentence = newClaim(random.chance(0.5) ? focus : null, iso);
      if (sentence) sentences.push(sentence);
    }
    const repeats = random.int(0, 5);
    for (let i = 0; i < repeats && recent.length > 0; i++) {
      const sentence = repeat(recent[random.int(Math.max(0, recent.length - RECENT), recent.length - 1)]!, publisher);
      if (sentence) sentences.splice(random.int(0, sentences.length), 0, sentence);
    }

    // The last article stops at the requested number of distinct claims.
    const added = new Set<string>();
    for (let i = 0; i < sentences.length; i++) {
      const id = sentences[i]!.statement.id;
      if (seen.has(id) || added.has(id)) continue;
      if (claimCount + added.size >= target) {
        sentences.length = i;
        break;
      }
      added.add(id);
    }

    const title = `${focus.name}: ${random.pick(HEADLINES)}`;
    const { body, evidence, mentions } = compose(title, sentences);
    const contentHash = sha256Hex(body);
    const id = `Article:g${String(articleIndex).padStart(7, '0')}-${contentHash.slice(0, 8)}`;
    const article: Article = {
      id,
      title,
      publisher: publisher?.id ?? null,
      url: publisher ? `https://${slugify(publisher.name)}.example/${iso.slice(0, 7).replace('-', '/')}/${slugify(title)}` : null,
      published: random.chance(0.85)
        ? { value: iso, precision: 'DAY', estimated: false }
        : { value: iso.slice(0, 7), precision: 'MONTH', estimated: true },
      language: 'en',
      sourceFile: null,
      body,
      contentHash,
      quality: random.chance(0.1) ? [random.pick(['ADVERTISING', 'IMAGE_CAPTIONS', 'REPEATED_HEADLINE', 'MACHINE_SPUN'] as const)] : [],
    };
    stats.mentions += mentions.length;
    yield stored({ type: 'ArticleAdded', article }, 'ingest');
    for (const mention of mentions) yield stored({ type: 'MentionFound', mention: { ...mention, articleId: id } }, 'ingest');
    for (let i = 0; i < sentences.length; i++) {
      const { statement, modality, attributedTo } = sentences[i]!;
      const span = evidence[i]!;
      const curated = random.chance(0.1);
      const ev: Evidence = {
        claimId: statement.id,
        articleId: id,
        quote: body.slice(span.start, span.end),
        start: span.start,
        end: span.end,
        modality,
        attributedTo,
        method: curated ? 'CURATED' : 'EXTRACTED',
        confidence: curated ? 1 : Math.round((0.55 + random.next() * 0.4) * 100) / 100,
      };
      stats.evidence++;
      if (!seen.has(statement.id)) {
        seen.add(statement.id);
        claimCount++;
        const subject = entityById.get(statement.subject)!;
        recent.push({ statement, subject, object: statement.object ? entityById.get(statement.object)! : null, origin: publisher });
        if (recent.length > RECENT * 2) recent.splice(0, RECENT);
      }
      yield stored({ type: 'ClaimStated', claim: statement, evidence: ev }, 'ingest');
    }
  }
  stats.claims = claimCount;

  // ---- claim sentences ------------------------------------------------------------------------

  function newClaim(preferred: Entity | null, iso: string): Sentence | null {
    const predicate = random.weighted(PREDICATE_LIST, WEIGHT_LIST);
    const spec = PREDICATES[predicate];
    const subject = preferred && spec.domain.includes(preferred.kind) ? preferred : pickEntity(spec.domain);
    let object: Entity | null = null;
    let value: Value | null = null;
    const qualifiers: Qualifiers = {};
    if ('entity' in spec.range) {
      object = predicate === 'MANUFACTURED_BY' && random.chance(0.8) ? makerOf.get(subject.id) ?? null : null;
      object ??= pickEntity(spec.range.entity);
      if (object.id === subject.id) return null;
      if (predicate === 'PARTNERS_WITH' && random.chance(0.5)) qualifiers.startTime = month(iso, -random.int(0, 36));
      if (predicate === 'OUTSELLS') {
        qualifiers.region = random.pick(REGIONS);
        qualifiers.pointInTime = { type: 'Date', value: iso.slice(0, 4), precision: 'YEAR' };
      }
    } else {
      value = makeValue(predicate, iso);
      if (predicate === 'AVAILABILITY') qualifiers.region = random.pick(REGIONS);
    }
    const negated = object !== null && !spec.functional && !spec.symmetric && random.chance(0.02);
    const statement = makeClaim({ subject: subject.id, predicate, object: object?.id ?? null, value, qualifiers, negated });
    const modality: Modality = predicate === 'SAID' ? 'QUOTED' : random.weighted<Modality>(['ASSERTED', 'SPECULATED', 'ANNOUNCED'], [85, 10, 5]);
    return { statement, parts: phrase(statement, form(subject), object ? form(object) : null, modality, null), modality, attributedTo: null };
  }

  function repeat(earlier: Stated, publisher: Entity | null): Sentence | null {
    let statement = earlier.statement;
    const spec = PREDICATES[statement.predicate];
    // A later article sometimes gives a different figure: a second claim on the same
    // (subject, predicate), which the graph reports as a conflict.
    if (spec.functional && statement.value && statement.value.type !== 'Flag' && random.chance(0.2)) {
      const { id: _id, ...parts } = statement;
      statement = makeClaim({ ...parts, value: perturb(statement.value) });
    }
    let subject = earlier.subject;
    let object = earlier.object;
    if (spec.symmetric && object && random.chance(0.5)) [subject, object] = [object, subject];
    const credited = earlier.origin && earlier.origin.id !== publisher?.id ? earlier.origin : null;
    const modality: Modality = credited ? 'REPORTED' : statement.predicate === 'SAID' ? 'QUOTED' : 'ASSERTED';
    const parts = phrase(statement, form(subject), object ? form(object) : null, modality, credited ? form(credited) : null);
    return { statement, parts, modality, attributedTo: credited?.id ?? null };
  }

  function month(iso: string, offset: number): DateValue {
    const d = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1 + offset, 1));
    return { type: 'Date', value: d.toISOString().slice(0, 7), precision: 'MONTH' };
  }

  function makeValue(predicate: Predicate, iso: string): Value {
    switch (predicate) {
      case 'SENSOR_SIZE':
        return { type: 'Quantity', amount: random.pick([0.5, 0.7, 1, 1.3]), unit: 'inch', approximate: false };
      case 'SENSOR_RESOLUTION':
        return { type: 'Quantity', amount: random.pick([12, 48, 50, 64, 108, 200]), unit: 'MP', approximate: false };
      case 'SENSOR_COUNT':
        return { type: 'Quantity', amount: random.int(2, 4), unit: null, approximate: false };
      case 'UNITS_PRODUCED':
        return { type: 'Quantity', amount: random.pick([10, 50, 100, 500, 1000, 5000, 20000]), unit: 'unit', approximate: random.chance(0.3) };
      case 'MARKET_RANK':
        return { type: 'Quantity', amount: random.int(1, 10), unit: null, approximate: false };
      case 'UNIT_COST':
        return { type: 'Money', amount: random.int(2, 900) * 50, currency: random.pick(CURRENCIES).code, approximate: random.chance(0.4) };
      case 'LAUNCH_DATE':
        return month(iso, random.int(-6, 6));
      case 'INCEPTION':
        return { type: 'Date', value: String(random.int(1850, 2020)), precision: 'YEAR' };
      case 'HAS_FEATURE':
        return { type: 'Text', text: random.pick(FEATURES) };
      case 'IP_RATING':
        return { type: 'Text', text: random.pick(IP_RATINGS) };
      case 'PRODUCT_TYPE':
        return { type: 'Text', text: random.pick(PRODUCT_TYPES) };
      case 'DISTRIBUTED_TO':
        return { type: 'Text', text: random.pick(RECIPIENTS) };
      case 'COUNTRY':
        return { type: 'Text', text: random.pick(COUNTRIES) };
      case 'PRODUCES':
        return { type: 'Text', text: random.pick(LINES_OF_WORK) };
      case 'SAID':
        return { type: 'Text', text: random.pick(SAYINGS) };
      case 'AVAILABILITY':
        return { type: 'Flag', flag: random.chance(0.85) };
      default:
        throw new Error(`syntheticFacts: ${predicate} takes an entity, not a value`);
    }
  }

  function perturb(value: Value): Value {
    switch (value.type) {
      case 'Money':
        return random.chance(0.5)
          ? { ...value, currency: random.pick(CURRENCIES.filter((c) => c.code !== value.currency)).code }
          : { ...value, amount: value.amount + 50 * random.int(1, 40) };
      case 'Quantity':
        return { ...value, amount: value.amount + random.int(1, 5) };
      case 'Date':
        return value.precision === 'YEAR' ? { ...value, value: String(Number(value.value) + random.int(1, 3)) } : month(`${value.value}-01`, random.int(1, 4));
      case 'Text':
        return { ...value, text: random.pick(FEATURES) };
      case 'Flag':
        return { ...value, flag: !value.flag };
    }
  }

  /** The words of a claim sentence; entity endpoints stay objects so they become mentions. */
  function phrase(statement: ClaimStatement, s: Endpoint, o: Endpoint | null, modality: Modality, credited: Endpoint | null): (string | Endpoint)[] {
    const v = statement.value;
    const q = statement.qualifiers;
    const not = statement.negated ? ' not' : '';
    const money = (m: Extract<Value, { type: 'Money' }>) =>
      `${m.approximate ? random.pick(['around ', 'roughly ', 'about ']) : ''}${CURRENCIES.find((c) => c.code === m.currency)!.say(m.amount.toLocaleString('en-US'))}`;
    const date = (d: DateValue) => (d.precision === 'YEAR' ? d.value : `${MONTHS[Number(d.value.slice(5, 7)) - 1]} ${d.value.slice(0, 4)}`);
    let core: (string | Endpoint)[];
    switch (statement.predicate) {
      case 'PARTNERS_WITH':
        core = [s, ' has entered a partnership with ', o!, q.startTime ? ` since ${date(q.startTime)}` : ''];
        break;
      case 'MANUFACTURED_BY':
        core = random.chance(0.5) ? [s, ' is made by ', o!] : [o!, ' builds the ', s];
        break;
      case 'OPTICS_BY':
        core = ['the cameras of the ', s, not ? ' do not carry ' : ' carry ', o!, ' optics'];
        break;
      case 'BASED_ON':
        core = [s, ` is${not} based on the `, o!];
        break;
      case 'DEVELOPED_ALONGSIDE':
        core = [s, ' was developed alongside the ', o!];
        break;
      case 'PRECEDED_BY':
        core = [s, not ? ' does not follow the earlier ' : ' follows the earlier ', o!];
        break;
      case 'LENS_MOUNT':
        core = [s, not ? ' does not accept ' : ' accepts ', o!, ' lenses through an adapter'];
        break;
      case 'SHOWN_WITH':
        core = [s, ` was${not} shown together with the `, o!];
        break;
      case 'ACCESSORY_FOR':
        core = [s, ` is${not} an add-on made for the `, o!];
        break;
      case 'SENSOR_MAKER':
        core = [s, not ? ' does not use an image sensor made by ' : ' uses an image sensor made by ', o!];
        break;
      case 'OUTSELLS':
        core = [s, not ? ' did not sell more devices than ' : ' sold more devices than ', o!, ` in ${q.region} in ${q.pointInTime!.value}`];
        break;
      case 'PARENT_ORGANIZATION':
        core = [s, ' belongs to ', o!];
        break;
      case 'AFFILIATED_WITH':
        core = [s, not ? ' does not work at ' : ' works at ', o!];
        break;
      case 'SENSOR_SIZE':
        core = [s, ` has a ${(v as { amount: number }).amount}-inch main sensor`];
        break;
      case 'SENSOR_RESOLUTION':
        core = [s, ` has a ${(v as { amount: number }).amount} MP main camera`];
        break;
      case 'SENSOR_COUNT':
        core = [s, ` carries ${(v as { amount: number }).amount} large image sensors`];
        break;
      case 'UNITS_PRODUCED': {
        const quantity = v as Extract<Value, { type: 'Quantity' }>;
        core = [`${quantity.approximate ? 'about ' : 'only '}${quantity.amount.toLocaleString('en-US')} units of the `, s, ' were made'];
        break;
      }
      case 'UNIT_COST':
        core = ['each ', s, ` cost ${money(v as Extract<Value, { type: 'Money' }>)} to make`];
        break;
      case 'LAUNCH_DATE':
        core = [s, ` launched in ${date(v as DateValue)}`];
        break;
      case 'INCEPTION':
        core = [s, ` was founded in ${date(v as DateValue)}`];
        break;
      case 'AVAILABILITY':
        core = [s, ` is${(v as { flag: boolean }).flag ? '' : ' not'} on sale in ${q.region}`];
        break;
      case 'HAS_FEATURE':
        core = [s, ` comes with ${(v as { text: string }).text}`];
        break;
      case 'IP_RATING':
        core = [s, ` is rated ${(v as { text: string }).text}`];
        break;
      case 'PRODUCT_TYPE':
        core = [s, ` is a ${(v as { text: string }).text}`];
        break;
      case 'DISTRIBUTED_TO':
        core = [s, ` was given to ${(v as { text: string }).text}`];
        break;
      case 'MARKET_RANK':
        core = [s, ` ranks number ${(v as { amount: number }).amount} in its market`];
        break;
      case 'COUNTRY':
        core = [s, ` is based in ${(v as { text: string }).text}`];
        break;
      case 'PRODUCES':
        core = [s, ` makes ${(v as { text: string }).text}`];
        break;
      case 'SAID':
        core = [s, ` said that “${(v as { text: string }).text}”`];
        break;
    }
    if (credited) return ['according to ', credited, ', ', ...core];
    if (modality === 'SPECULATED') return ['it is rumoured that ', ...core];
    if (modality === 'ANNOUNCED') return ['the company announced that ', ...core];
    return core;
  }

  /** Lays the sentences out among prose; returns the body, each sentence's span and the mentions. */
  function compose(title: string, sentences: Sentence[]): { body: string; evidence: { start: number; end: number }[]; mentions: Omit<Mention, 'articleId'>[] } {
    let body = `${title}\n\n`;
    const evidence: { start: number; end: number }[] = [];
    const mentions: Omit<Mention, 'articleId'>[] = [];
    const mentioned = new Set<string>();
    const filler = () => {
      const text = `${random.pick(FILLER_SUBJECTS)} ${random.pick(FILLER_VERBS)} ${random.pick(FILLER_ADJECTIVES)} ${random.pick(FILLER_TAILS)}.`;
      body += `${text} `;
    };
    for (let i = 0; i < sentences.length; i++) {
      if (i > 0 && random.chance(0.35)) body = `${body.trimEnd()}\n\n`;
      for (let f = random.int(i === 0 ? 2 : 1, 3); f > 0; f--) filler();
      const start = body.length;
      let first = true;
      for (const part of sentences[i]!.parts) {
        let text = typeof part === 'string' ? part : part.form;
        if (first && text.length > 0) text = text[0]!.toUpperCase() + text.slice(1);
        if (text.length > 0) first = false;
        if (typeof part !== 'string' && !mentioned.has(part.id)) {
          mentioned.add(part.id);
          mentions.push({ entityId: part.id, start: body.length, end: body.length + text.length, text, method: 'EXTRACTED' });
        }
        body += text;
      }
      evidence.push({ start, end: body.length });
      body += '. ';
    }
    filler();
    return { body: body.trimEnd(), evidence, mentions };
  }
}
