/**
 * Expected failures as GraphQL errors with a machine-readable `extensions.code`:
 * BAD_USER_INPUT for arguments outside what is accepted, NOT_FOUND for IDs the graph does
 * not hold. Anything else is unexpected and stays masked by the server.
 */

import { GraphQLError } from 'graphql';
import { truncate } from './global-id.ts';

export function badInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
}

export function notFound(what: string, id: string): GraphQLError {
  return new GraphQLError(`No ${what} with ID "${truncate(id)}".`, { extensions: { code: 'NOT_FOUND', id: truncate(id) } });
}
