/**
 * Global IDs: `Kind:slug`, the same IDs the graph uses internally (`Company:xiaomi`,
 * `Claim:9f2c41d07a5e83b1`). Malformed IDs are refused with a message saying what an ID
 * looks like.
 */

import { GraphQLError } from 'graphql';
import { splitId } from '../model/index.ts';

export const NODE_KINDS = ['Company', 'Product', 'Person', 'Publication', 'Article', 'Claim'] as const;

export function encodeGlobalId(typename: string, id: string | number | bigint): string {
  return `${typename}:${id}`;
}

export function decodeGlobalId(globalId: string): { typename: string; id: string } {
  const parts = splitId(globalId);
  if (!parts || !(NODE_KINDS as readonly string[]).includes(parts.kind)) {
    throw new GraphQLError(
      `Invalid ID "${truncate(globalId)}": IDs look like Kind:slug, where Kind is one of ${NODE_KINDS.join(', ')} (e.g. "Company:xiaomi").`,
      { extensions: { code: 'BAD_USER_INPUT', argument: 'id' } },
    );
  }
  return { typename: parts.kind, id: parts.slug };
}

export function truncate(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
