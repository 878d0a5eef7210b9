/**
 * The viewer: who is calling, and what they may do, as resolvers see it.
 *
 * A request without a token is anonymous and may read (unless reads need a token). A request
 * with a malformed or unknown token is refused outright with UNAUTHENTICATED, read or write:
 * a client that meant to authenticate should learn at once that it did not.
 */

import { GraphQLError } from 'graphql';
import { AuthError, authenticate, type Principal } from './authenticate.ts';
import type { ConfiguredToken, Scope } from './token-config.ts';

export interface Viewer {
  principal: Principal | null;
  /** Throws UNAUTHENTICATED or FORBIDDEN unless the caller holds the scope. */
  require(scope: Scope, action: string): Principal;
}

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'www-authenticate': 'Bearer' } } },
  });
}

export function viewerOf(authorization: string | null, tokens: readonly ConfiguredToken[], readRequiresToken: boolean): Viewer {
  const result = authenticate(authorization, tokens);
  if (result instanceof AuthError) {
    throw unauthenticated(
      result.code === 'MALFORMED_HEADER'
        ? 'The Authorization header must be "Bearer <token>".'
        : 'The bearer token is not one this server accepts.',
    );
  }
  const principal = result;
  const viewer: Viewer = {
    principal,
    require(scope, action) {
      if (!principal) {
        throw unauthenticated(`${action} needs a bearer token with the "${scope}" scope: send "Authorization: Bearer <token>".`);
      }
      if (!principal.scopes.has(scope)) {
        throw new GraphQLError(`${action} needs the "${scope}" scope; the token "${principal.actor}" has ${[...principal.scopes].join(', ') || 'none'}.`, {
          extensions: { code: 'FORBIDDEN', http: { status: 403 } },
        });
      }
      return principal;
    },
  };
  if (readRequiresToken) viewer.require('read', 'Reading');
  return viewer;
}
