/**
 * Bearer tokens: making a new one and the digest it is configured by.
 *
 * A token is 32 random bytes, base64url-encoded behind a `cg_` prefix that lets secret
 * scanners and people recognise it. The server only ever holds its sha256.
 */

import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../../model/ids.ts';

/** The sha256 of a token as 64 hex digits: the form tokens are configured in. */
export function hashToken(token: string): string {
  return sha256Hex(token);
}

export function generateToken(): string {
  return `cg_${randomBytes(32).toString('base64url')}`;
}
