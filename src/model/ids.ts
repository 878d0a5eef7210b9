/**
 * ID helpers: slugs, `Kind:slug` IDs and stable content hashes.
 *
 * Every node ID in claimgraph is `Kind:slug`. Slugs are lower-case ASCII words joined by
 * hyphens so that an ID read in GraphiQL says what it points at.
 */

import { createHash } from 'node:crypto';

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function makeId(kind: string, slug: string): string {
  return `${kind}:${slug}`;
}

/** Splits `Kind:slug` at its first colon; null when the ID has no kind or no slug. */
export function splitId(id: string): { kind: string; slug: string } | null {
  const colon = id.indexOf(':');
  if (colon <= 0 || colon === id.length - 1) return null;
  return { kind: id.slice(0, colon), slug: id.slice(colon + 1) };
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
