/**
 * Authentication: a configured bearer token identifies its actor and scopes; no header, a
 * malformed header and an unknown token are three different answers; digests are compared
 * in constant time.
 */

import crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthError, authenticate } from '../../../src/server/auth/authenticate.ts';
import { hashToken } from '../../../src/server/auth/hash-token.ts';
import { parseTokenConfig } from '../../../src/server/auth/token-config.ts';

const botToken = 'cg_RI9pq492S7Edn67vTWYGUPzhLrO6JEVsgc1879sQk8E';
const opsToken = 'cg_0bQ7w-e5P_YhUJ1f4dkZlWm3nNqXo2TgSa8cVbiRyHE';
const tokens = parseTokenConfig(`ingest-bot:read+write:${hashToken(botToken)}\nops:admin:${hashToken(opsToken)}`);

function failure(header: string): AuthError {
  const result = authenticate(header, tokens);
  expect(result).toBeInstanceOf(AuthError);
  return result as AuthError;
}

afterEach(() => vi.restoreAllMocks());

describe('authenticate', () => {
  it('identifies the actor and scopes of a configured token', () => {
    const principal = authenticate(`Bearer ${botToken}`, tokens);
    expect(principal).toEqual({ actor: 'ingest-bot', scopes: new Set(['read', 'write']) });
  });

  it('gives an admin token write and read too', () => {
    expect(authenticate(`Bearer ${opsToken}`, tokens)).toEqual({ actor: 'ops', scopes: new Set(['admin', 'write', 'read']) });
  });

  it('reads the scheme without regard to case, and spaces around the header', () => {
    expect(authenticate(`  bearer ${botToken} `, tokens)).toMatchObject({ actor: 'ingest-bot' });
  });

  it('answers null, not an error, when the request carries no Authorization header', () => {
    expect(authenticate(undefined, tokens)).toBeNull();
    expect(authenticate(null, tokens)).toBeNull();
    expect(authenticate('', tokens)).toBeNull();
  });

  it('calls a header that is not "Bearer <token>" malformed, without repeating it', () => {
    for (const header of [`Basic ${botToken}`, 'Bearer', 'Bearer ', `Bearer ${botToken} extra`, botToken, 'Bearer tok€n']) {
      const error = failure(header);
      expect(error.code, header).toBe('MALFORMED_HEADER');
      expect(error.message).not.toContain(botToken);
    }
  });

  it('calls a well-formed token nobody configured unknown, without repeating it', () => {
    const stranger = 'cg_not-a-configured-token';
    const error = failure(`Bearer ${stranger}`);
    expect(error.code).toBe('UNKNOWN_TOKEN');
    expect(error.message).not.toContain(stranger);
    expect(authenticate(`Bearer ${botToken}`, [])).toMatchObject({ code: 'UNKNOWN_TOKEN' });
  });

  it('compares 32-byte digests with timingSafeEqual against every configured token, whatever the token length', () => {
    const compare = vi.spyOn(crypto, 'timingSafeEqual');
    for (const token of [botToken, 'x', 'y'.repeat(2000)]) {
      compare.mockClear();
      authenticate(`Bearer ${token}`, tokens);
      expect(compare).toHaveBeenCalledTimes(tokens.length);
      for (const [a, b] of compare.mock.calls) expect([(a as Buffer).length, (b as Buffer).length]).toEqual([32, 32]);
    }
  });
});
