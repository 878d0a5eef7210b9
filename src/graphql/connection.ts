/**
 * Cursor pagination over in-memory lists, Relay style, with limits that fail loudly:
 * `first` defaults to 20 and may be at most 100; a larger, negative or malformed page
 * request is an error rather than a silently different page.
 */

import { resolveArrayConnection } from '@pothos/plugin-relay';
import { badInput } from './errors.ts';

export const PAGE = { defaultSize: 20, maxSize: 100 };

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export function checkPageArgs(args: PageArgs): void {
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value != null && (value < 0 || value > PAGE.maxSize)) {
      throw badInput(`Argument "${name}" must be between 0 and ${PAGE.maxSize}, got ${value}.`, name);
    }
  }
  for (const name of ['after', 'before'] as const) {
    const cursor = args[name];
    if (cursor != null && !isCursor(cursor)) {
      throw badInput(`Argument "${name}" is not a cursor from this API: pass an endCursor or startCursor from a previous page.`, name);
    }
  }
  if (args.last != null && args.before == null && args.first == null) {
    throw badInput('Argument "last" needs "before" (or "first"): page backwards from a cursor.', 'last');
  }
}

function isCursor(cursor: string): boolean {
  try {
    return /^OffsetConnection:\d+$/.test(Buffer.from(cursor, 'base64').toString('utf8'));
  } catch {
    return false;
  }
}

/** One page of a list, with `totalCount` for the whole list. */
export function page<T>(args: PageArgs, items: readonly T[]) {
  checkPageArgs(args);
  const connection = resolveArrayConnection({ args, defaultSize: PAGE.defaultSize, maxSize: PAGE.maxSize }, items as T[]);
  return { ...connection, totalCount: items.length };
}
