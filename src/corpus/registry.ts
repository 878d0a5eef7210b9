/**
 * The entity registry (data/entities.yaml): the canonical companies, products, people and
 * publications, each with the surface forms articles use for it.
 *
 * An entity's kind is the prefix of its ID, so the ID alone says what it points at. Every
 * surface form (name or alias) must belong to one entity only: the mention finder would
 * otherwise have to guess which entity a word means.
 */

import { z } from 'zod';
import { ENTITY_KINDS, isEntityKind, type Entity } from '../model/entity.ts';
import { slugify, splitId } from '../model/ids.ts';
import { WHOLE_FILE, type Report } from './corpus-error.ts';
import { parseYaml } from './parse-yaml.ts';
import { describeIssues } from './schema-issues.ts';

export const EntityEntrySchema = z.strictObject({
  id: z.string(),
  name: z.string().trim().min(1),
  aliases: z.array(z.string().trim().min(1)).default([]),
  description: z.string().trim().min(1).nullable().default(null),
});

/** The form two surface forms are compared in: case and spacing do not tell entities apart. */
export function surfaceKey(form: string): string {
  return form.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Problems with an entity ID's shape, or null: `Kind:slug`, a known kind, a slugified slug. */
export function entityIdProblem(id: string): string | null {
  const parts = splitId(id);
  if (!parts) return `entity ID "${id}" is not of the form Kind:slug`;
  if (!isEntityKind(parts.kind)) return `entity kind "${parts.kind}" is not one of ${ENTITY_KINDS.join(', ')}`;
  if (slugify(parts.slug) !== parts.slug) {
    return `slug "${parts.slug}" is not lower-case words joined by hyphens (try "${slugify(parts.slug)}")`;
  }
  return null;
}

/** Reads the registry text; entities whose entry or ID is malformed are reported and left out. */
export function parseRegistry(text: string, report: Report): Entity[] {
  const data = parseYaml(text, report);
  if (data === undefined) return [];
  if (!Array.isArray(data)) {
    report(WHOLE_FILE, 'expected a YAML list of entities, each { id: "Kind:slug", name, aliases, description }');
    return [];
  }
  const entities: Entity[] = [];
  const ids = new Set<string>();
  const owners = new Map<string, string>(); // surface key → entity ID
  data.forEach((raw: unknown, index) => {
    const rawId = typeof raw === 'object' && raw !== null && 'id' in raw ? String(raw.id) : null;
    const entry = rawId ?? `[${index}]`;
    const parsed = EntityEntrySchema.safeParse(raw);
    if (!parsed.success) {
      for (const line of describeIssues(parsed.error)) report(entry, line);
      return;
    }
    const { id, name, aliases, description } = parsed.data;
    const idProblem = entityIdProblem(id);
    const kind = splitId(id)?.kind;
    if (idProblem || kind === undefined || !isEntityKind(kind)) {
      report(entry, idProblem ?? `entity ID "${id}" is not of the form Kind:slug`);
      return;
    }
    if (ids.has(id)) {
      report(entry, `duplicate entity ID: ${id} is already defined earlier in the registry`);
      return;
    }
    ids.add(id);
    // A clash is reported but the entity is kept, so that claims about it are still checked
    // and the curator sees the clash rather than a trail of "unknown entity" problems.
    const forms = new Set<string>();
    for (const form of [name, ...aliases]) {
      const key = surfaceKey(form);
      if (forms.has(key)) continue; // the same form listed twice for one entity is harmless
      forms.add(key);
      const owner = owners.get(key);
      if (owner === undefined) owners.set(key, id);
      else report(entry, `alias "${form}" is already a name or alias of ${owner}; each surface form must point at one entity`);
    }
    entities.push({ id, kind, name, aliases: [...new Set(aliases)], description });
  });
  return entities;
}
