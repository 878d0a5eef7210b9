/**
 * Authentication: who is calling, from the request's `Authorization: Bearer <token>` header.
 *
 * The presented token is hashed and its digest compared with every configured digest using
 * `timingSafeEqual`. Comparing digests of fixed length means neither a token's length nor how
 * much of it matched shows in the response time, and comparing against all of them means the
 * position of a match does not either.
 */

import crypto from 'node:crypto';
import type { ConfiguredToken, Scope } from './token-config.ts';

export interface Principal {
  /** The configured token name; recorded as the actor of whatever the caller appends. */
  actor: string;
  scopes: ReadonlySet<Scope>;
}

export const AUTH_ERROR_CODES = ['MALFORMED_HEADER', 'UNKNOWN_TOKEN'] as const;
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

/** A request that tried to authenticate and failed. Messages never repeat the token. */
export class AuthError extends Error {
  override readonly name = 'AuthError';
  readonly code: AuthErrorCode;

  constructor(code: AuthErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** RFC 6750: the scheme, case-insensitive, then a b64token. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/**
 * The caller's identity: a Principal for a configured token, null when the request carries
 * no Authorization header at all (anonymous: the server decides what that may do), or an
 * AuthError for a header that is not `Bearer <token>` or a token nobody configured.
 */
export function authenticate(authorization: string | null | undefined, tokens: readonly ConfiguredToken[]): Principal | null | AuthError {
  if (authorization === null || authorization === undefined || authorization.trim() === '') return null;
  const match = BEARER.exec(authorization.trim());
  if (!match) return new AuthError('MALFORMED_HEADER', 'authenticate: the Authorization header must be "Bearer <token>"');
  const digest = crypto.createHash('sha256').update(match[1]!).digest();
  let found: ConfiguredToken | undefined;
  for (const token of tokens) {
    if (crypto.timingSafeEqual(digest, token.digest) && !found) found = token;
  }
  if (!found) return new AuthError('UNKNOWN_TOKEN', 'authenticate: the bearer token is not one this server accepts');
  return { actor: found.name, scopes: found.scopes };
}
