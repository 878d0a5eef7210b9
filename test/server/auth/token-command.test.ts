/**
 * `claimgraph token`: prints a new token and a configuration line that authenticates it.
 */

import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../../src/cli/token.ts';
import { authenticate } from '../../../src/server/auth/authenticate.ts';
import { parseTokenConfig } from '../../../src/server/auth/token-config.ts';

function capture(stream: NodeJS.WriteStream): () => string {
  let text = '';
  vi.spyOn(stream, 'write').mockImplementation((chunk) => {
    text += String(chunk);
    return true;
  });
  return () => text;
}

afterEach(() => vi.restoreAllMocks());

describe('claimgraph token', () => {
  it('prints a token and the configuration line that lets it in with the scopes asked for', async () => {
    const stdout = capture(process.stdout);
    expect(await run(['--name', 'ingest-bot', '--scopes', 'read+write'])).toBe(0);
    const [token, line] = stdout().trimEnd().split('\n') as [string, string];
    expect(line).toMatch(/^ingest-bot:read\+write:[0-9a-f]{64}$/);
    expect(line).not.toContain(token);
    expect(authenticate(`Bearer ${token}`, parseTokenConfig(line))).toEqual({ actor: 'ingest-bot', scopes: new Set(['read', 'write']) });
  });

  it('refuses an unknown scope and prints no token', async () => {
    const stdout = capture(process.stdout);
    const stderr = capture(process.stderr);
    expect(await run(['--name', 'editor', '--scopes', 'read+delete'])).toBe(2);
    expect(stderr()).toMatch(/unknown scope "delete"/);
    expect(stdout()).toBe('');
  });

  it('requires a name', async () => {
    const stderr = capture(process.stderr);
    expect(await run([])).toBe(2);
    expect(stderr()).toMatch(/--name is required/);
  });
});
