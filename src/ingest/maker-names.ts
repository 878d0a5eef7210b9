/**
 * Maker names: a new product named without its maker takes the maker's name.
 *
 * "Nikon launched the Z8" names the Nikon Z8, as the registry names products ("Sony QX1",
 * "Huawei Xs 2"). Once the claims say who made a new product and its name does not already
 * start with the maker's, the candidate is renamed, keeping the text's form as an alias, and
 * every mention and draft follows. A product with two claimed makers keeps its name.
 */

import type { Entity } from '../model/entity.ts';
import { makeId, slugify } from '../model/ids.ts';
import type { ClaimDraft } from './extract/index.ts';
import type { Candidate, ResolvedMention } from './resolve.ts';

/**
 * Old ID → new ID for every renamed candidate. Candidates are renamed in place; one whose new
 * name the article also wrote in full, or the registry holds, is merged into that entity.
 */
export function nameProductsByMaker(
  candidates: Candidate[],
  drafts: Map<number, ClaimDraft[]>,
  entity: (id: string) => Entity | undefined,
): Map<string, string> {
  const makers = new Map<string, Set<string>>();
  for (const list of drafts.values()) {
    for (const d of list) {
      if (d.predicate !== 'MANUFACTURED_BY' || !d.object) continue;
      const set = makers.get(d.subject) ?? new Set<string>();
      set.add(d.object);
      makers.set(d.subject, set);
    }
  }
  const renamed = new Map<string, string>();
  const merged = new Set<Candidate>();
  for (const candidate of candidates) {
    const product = candidate.entity;
    const found = makers.get(product.id);
    if (product.kind !== 'Product' || candidate.variantOf || !found || found.size !== 1) continue;
    const maker = entity([...found][0]!);
    if (!maker) continue;
    const brand = maker.name.split(/\s+/)[0]!;
    if (product.name.toLowerCase().startsWith(brand.toLowerCase())) continue;
    const name = `${brand} ${product.name}`;
    const id = makeId('Product', slugify(name));
    renamed.set(product.id, id);
    // The article may also write the full name: then the two are one entity.
    const existing = candidates.find((c) => c.entity.id === id);
    if (existing || entity(id)) {
      if (existing && !existing.entity.aliases.includes(product.name)) existing.entity.aliases.push(product.name);
      merged.add(candidate);
      continue;
    }
    product.aliases = [...new Set([product.name, ...product.aliases])];
    product.name = name;
    product.id = id;
  }
  for (let i = candidates.length - 1; i >= 0; i--) if (merged.has(candidates[i]!)) candidates.splice(i, 1);
  return renamed;
}

/** Rewrites entity IDs in mentions and drafts after renaming. */
export function applyRenames(renamed: ReadonlyMap<string, string>, mentions: ResolvedMention[], drafts: Map<number, ClaimDraft[]>): void {
  if (renamed.size === 0) return;
  const to = (id: string): string => renamed.get(id) ?? id;
  for (const m of mentions) m.entityId = to(m.entityId);
  for (const list of drafts.values()) {
    for (const d of list) {
      d.subject = to(d.subject);
      if (d.object) d.object = to(d.object);
    }
  }
}
