/**
 * Discourse: which product, company and person the article is talking about at each sentence.
 *
 * News prose names a thing once and then says "the device", "it", "the company" or "the
 * group". The focus product is the first product a sentence names as its topic (not one it
 * only compares with: "based on the 12S Ultra", "alongside the 12S Ultra"); the focus company
 * is a company named early in a sentence; the focus person is the last person named. The
 * main product and company are the ones the article names most, used when a headline or an
 * opening sentence speaks of "a smartphone" before naming it.
 */

import type { Entity } from '../model/entity.ts';
import type { ResolvedMention } from './resolve.ts';
import type { SentenceView } from './sentence-view.ts';

export interface Discourse {
  /** Focus as of the start of sentence i (what earlier sentences were about). */
  focusProduct: (i: number) => string | null;
  focusCompany: (i: number) => string | null;
  focusPerson: (i: number) => string | null;
  /** Companies named before sentence i, most recent first. */
  companiesBefore: (i: number) => string[];
  mainProduct: string | null;
  mainCompany: string | null;
  /** The last part (chip, processor, sensor, lens) named before sentence i: what "each chip" is. */
  focusComponent: (i: number) => string | null;
  /** The products of the last sentence before i that named two or more: what "both phones" are. */
  productGroup: (i: number) => string[];
  /** A product that is a lens or a lens mount, never the phone a sentence describes. */
  isAccessory: (id: string) => boolean;
  entity: (id: string) => Entity | undefined;
}

const COMPARISON_BEFORE = /\b(?:based on|built on|derived from|alongside|than|version of|successor to|variant of|like|unlike|compared (?:with|to)|predecessor,?)\s+(?:[\p{L}-]+\s+){0,6}$/iu;
const ACCESSORY_NAME = /\b(?:mount|lens|lenses)\b|\blenses$/i;
/** A product named as a part of another: "the Helio X processor", "a Leica lens", "the T9 Vision chip". */
const COMPONENT_AFTER = /^\s+(?:image\s+)?(?:lens|lenses|processor|processors|chip|chips|chipset|sensor|sensors|adapter|mount)\b/i;

export function buildDiscourse(views: readonly SentenceView[], entity: (id: string) => Entity | undefined): Discourse {
  const accessory = new Set<string>();
  for (const view of views) {
    for (const m of view.mentions) {
      if (m.kind !== 'Product') continue;
      const e = entity(m.entityId);
      const after = view.text.slice(m.end - view.start, m.end - view.start + 20);
      if ((e && [e.name, ...e.aliases].some((n) => ACCESSORY_NAME.test(n))) || COMPONENT_AFTER.test(after)) accessory.add(m.entityId);
    }
  }
  const isAccessory = (id: string): boolean => accessory.has(id);
  const isComparison = (view: SentenceView, m: ResolvedMention): boolean =>
    COMPARISON_BEFORE.test(view.text.slice(Math.max(0, m.start - view.start - 70), m.start - view.start));

  const products: (string | null)[] = [];
  const components: (string | null)[] = [];
  const groups: string[][] = [];
  let component: string | null = null;
  let group: string[] = [];
  const companies: (string | null)[] = [];
  const people: (string | null)[] = [];
  const seenCompanies: string[][] = [];
  const productCounts = new Map<string, number>();
  const companyCounts = new Map<string, number>();
  const personCounts = new Map<string, number>();
  let product: string | null = null;
  let company: string | null = null;
  let person: string | null = null;
  let seen: string[] = [];
  for (const view of views) {
    products.push(product);
    components.push(component);
    groups.push(group);
    const named = [...new Set(view.mentions.filter((m) => m.kind === 'Product' && !accessory.has(m.entityId)).map((m) => m.entityId))];
    if (named.length >= 2) group = named;
    const part = view.mentions.filter((m) => m.kind === 'Product' && accessory.has(m.entityId)).at(-1);
    if (part) component = part.entityId;
    companies.push(company);
    people.push(person);
    seenCompanies.push(seen);
    const topic = view.mentions.find((m) => m.kind === 'Product' && !accessory.has(m.entityId) && !isComparison(view, m));
    if (topic) product = topic.entityId;
    const early = view.mentions.find((m) => m.kind === 'Company' && m.start - view.start <= Math.max(40, view.text.length * 0.5));
    if (early) company = early.entityId;
    for (const m of view.mentions) {
      if (m.kind === 'Person') {
        personCounts.set(m.entityId, (personCounts.get(m.entityId) ?? 0) + 1);
        // The person most named so far is who "he" or "she" is, unless a new one was just named more.
        if (person === null || (personCounts.get(m.entityId) ?? 0) >= (personCounts.get(person) ?? 0)) person = m.entityId;
      }
      if (m.kind === 'Company') {
        seen = [m.entityId, ...seen.filter((id) => id !== m.entityId)];
        companyCounts.set(m.entityId, (companyCounts.get(m.entityId) ?? 0) + 1);
      }
      if (m.kind === 'Product' && !accessory.has(m.entityId) && !isComparison(view, m) && !view.duplicate) {
        productCounts.set(m.entityId, (productCounts.get(m.entityId) ?? 0) + 1);
      }
    }
  }
  const most = (counts: Map<string, number>): string | null => {
    let best: string | null = null;
    let bestCount = 0;
    for (const [id, count] of counts) {
      const longer = best !== null && count === bestCount && (entity(id)?.name.length ?? 0) > (entity(best)?.name.length ?? 0);
      if (count > bestCount || longer) {
        best = id;
        bestCount = count;
      }
    }
    return best;
  };
  return {
    focusProduct: (i) => products[i] ?? null,
    focusCompany: (i) => companies[i] ?? null,
    focusPerson: (i) => people[i] ?? null,
    focusComponent: (i) => components[i] ?? null,
    productGroup: (i) => groups[i] ?? [],
    companiesBefore: (i) => seenCompanies[i] ?? [],
    mainProduct: most(productCounts),
    mainCompany: most(companyCounts),
    isAccessory,
    entity,
  };
}
