/**
 * What every mutation shares: the writer (or a clear error when the server is read-only),
 * the scope check, and limits on the size of what a caller may send.
 */

import { GraphQLError } from 'graphql';
import type { Principal } from '../server/auth/index.ts';
import type { Scope } from '../server/auth/token-config.ts';
import type { GraphWriter } from '../service/graph-writer.ts';
import type { Context } from './builder.ts';
import { badInput } from './errors.ts';

export const WRITE_LIMITS = { quote: 2_000, alias: 200, reason: 1_000, text: 5_000 };

/** The writer and the caller's identity, after checking the caller may do this. */
export function authorise(context: Context, scope: Scope, action: string): { writer: GraphWriter; principal: Principal } {
  const principal = context.viewer.require(scope, action);
  if (!context.writer) {
    throw new GraphQLError(`${action} is not possible: this server is read-only.`, { extensions: { code: 'READ_ONLY' } });
  }
  return { writer: context.writer, principal };
}

export function checkLength(value: string, max: number, argument: string): string {
  if (value.trim() === '') throw badInput(`"${argument}" is empty.`, argument);
  if (value.length > max) throw badInput(`"${argument}" is ${value.length} characters long; at most ${max} are accepted.`, argument);
  return value;
}
