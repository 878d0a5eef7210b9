/**
 * Entities: the companies, products, people and publications the graph is about.
 *
 * An entity's ID is `Kind:slug` (e.g. `Company:xiaomi`), stable across rebuilds, and is also
 * its global ID in the API.
 */

export const ENTITY_KINDS = ['Company', 'Product', 'Person', 'Publication'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  description: string | null;
}

export function isEntityKind(value: string): value is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(value);
}
