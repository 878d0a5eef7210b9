/**
 * Token configuration: tokens are configured by digest, scopes are read, write and admin
 * (admin implying the others), and a bad entry is named without echoing a secret.
 */

import { describe, expect, it } from 'vitest';
import { generateToken, hashToken } from '../../../src/server/auth/hash-token.ts';
import { TokenConfigError, parseTokenConfig, type ConfiguredToken } from '../../../src/server/auth/token-config.ts';

const botToken = 'cg_ingest-bot-token';
const editorToken = 'cg_editor-token';
const botHash = hashToken(botToken);
const editorHash = hashToken(editorToken);

function configError(text: string): TokenConfigError {
  try {
    parseTokenConfig(text);
  } catch (error) {
    expect(error).toBeInstanceOf(TokenConfigError);
    return error as TokenConfigError;
  }
  throw new Error('parseTokenConfig did not fail');
}

const summary = (tokens: ConfiguredToken[]) => tokens.map((t) => ({ name: t.name, scopes: [...t.scopes].sort(), sha256: t.digest.toString('hex') }));

describe('hashToken', () => {
  it('gives the sha256 of the token as 64 hex digits', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('generateToken', () => {
  it('makes a fresh cg_ token of 32 random bytes each time', () => {
    const [a, b] = [generateToken(), generateToken()];
    expect(a).toMatch(/^cg_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });
});

describe('parseTokenConfig', () => {
  it('reads name:scopes:sha256 entries separated by commas or new lines', () => {
    const tokens = parseTokenConfig(`ingest-bot:read+write:${botHash},\n  editor:read:${editorHash}\n`);
    expect(summary(tokens)).toEqual([
      { name: 'ingest-bot', scopes: ['read', 'write'], sha256: botHash },
      { name: 'editor', scopes: ['read'], sha256: editorHash },
    ]);
  });

  it('reads the same configuration from a JSON list', () => {
    const json = JSON.stringify([
      { name: 'ingest-bot', scopes: ['read', 'write'], sha256: botHash },
      { name: 'editor', scopes: 'read', sha256: editorHash },
    ]);
    expect(summary(parseTokenConfig(json))).toEqual(summary(parseTokenConfig(`ingest-bot:read+write:${botHash},editor:read:${editorHash}`)));
  });

  it('lets admin imply write and read, write imply read, and read imply nothing else', () => {
    const [admin, writer, reader] = parseTokenConfig(`ops:admin:${botHash},bot:write:${editorHash},viewer:read:${'ab'.repeat(32)}`);
    expect([...admin!.scopes].sort()).toEqual(['admin', 'read', 'write']);
    expect([...writer!.scopes].sort()).toEqual(['read', 'write']);
    expect([...reader!.scopes]).toEqual(['read']);
  });

  it('accepts digests in upper case', () => {
    expect(summary(parseTokenConfig(`editor:read:${editorHash.toUpperCase()}`))[0]!.sha256).toBe(editorHash);
  });

  it('configures no tokens from an empty text', () => {
    expect(parseTokenConfig('  \n')).toEqual([]);
  });

  it('names every bad entry and says what is accepted', () => {
    const error = configError(`editor:read:${editorHash},bot:read+rite:${botHash},:read:${botHash},ops:admin:${botHash}:extra`);
    expect(error.problems).toHaveLength(3);
    expect(error.problems[0]).toMatch(/^entry 2 \(bot\): unknown scope "rite"/);
    expect(error.problems[1]).toMatch(/^entry 3 \(no name\): the name must be/);
    expect(error.problems[2]).toMatch(/^entry 4 \(ops\): expected three fields/);
    expect(error.message).toContain('name:scope1+scope2:sha256hex');
  });

  it('refuses a token pasted where its digest belongs, without repeating the token', () => {
    const error = configError(`editor:read:${editorToken}`);
    expect(error.problems[0]).toMatch(/^entry 1 \(editor\): the third field must be the sha256/);
    expect(error.message).not.toContain(editorToken);
  });

  it('refuses a name configured twice and one token configured under two names', () => {
    expect(configError(`editor:read:${editorHash},editor:write:${botHash}`).problems[0]).toMatch(/entry 2 \(editor\): the name editor is configured twice/);
    expect(configError(`editor:read:${editorHash},bot:write:${editorHash}`).problems[0]).toMatch(/entry 2 \(bot\): the same token is configured under two names/);
  });

  it('refuses JSON that is not a list of entries', () => {
    expect(configError('[{"name": "editor"}').problems[0]).toMatch(/not JSON/);
    expect(configError(`[{"name": "editor", "scopes": ["read"]}]`).problems[0]).toMatch(/^entry 1 sha256:/);
  });
});
