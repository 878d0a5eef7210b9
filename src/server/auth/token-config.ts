/**
 * Token configuration: which bearer tokens the server accepts, for whom, with which scopes.
 *
 * Tokens are configured by their sha256 digest, never in clear, so the configuration can be
 * read (in an environment listing, a deploy log) without giving access away. One entry per
 * token, as `name:scope1+scope2:sha256hex`, entries separated by commas or new lines; or a
 * JSON list of `{ "name", "scopes", "sha256" }`. The name is the actor recorded with every
 * batch the token appends.
 */

import { z } from 'zod';

export const SCOPES = ['read', 'write', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/** Scopes a scope grants besides itself: an admin can do what a writer can, and a writer what a reader can. */
const IMPLIED: Record<Scope, readonly Scope[]> = { read: [], write: ['read'], admin: ['write', 'read'] };

export interface ConfiguredToken {
  name: string;
  /** The scopes given, with the scopes they imply. */
  scopes: ReadonlySet<Scope>;
  /** sha256 of the token, 32 bytes. */
  digest: Buffer;
}

export const TOKEN_CONFIG_SHAPE =
  'name:scope1+scope2:sha256hex (e.g. ingest-bot:read+write:<64 hex digits>), entries separated by commas or new lines, ' +
  'or a JSON list of {"name": …, "scopes": […], "sha256": …}; scopes are read, write, admin';

export class TokenConfigError extends Error {
  override readonly name = 'TokenConfigError';
  /** One line per bad entry, naming it. */
  readonly problems: readonly string[];

  constructor(problems: string[]) {
    super(`parseTokenConfig: ${problems.join('; ')}. Accepted: ${TOKEN_CONFIG_SHAPE}`);
    this.problems = problems;
  }
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

const jsonEntries = z.array(
  z.strictObject({
    name: z.string(),
    scopes: z.union([z.array(z.string()), z.string()]),
    sha256: z.string(),
  }),
);

interface RawEntry {
  /** How the entry is named in an error: its position and name, never its digest. */
  label: string;
  name: string;
  scopes: string[];
  sha256: string;
  /** More than three colon-separated fields. */
  extraFields?: boolean;
}

/** Parses the configuration; an empty text configures no tokens. Throws TokenConfigError. */
export function parseTokenConfig(text: string): ConfiguredToken[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const entries = trimmed.startsWith('[') ? jsonList(trimmed) : lineEntries(trimmed);
  const problems: string[] = [];
  const tokens: ConfiguredToken[] = [];
  const names = new Set<string>();
  const digests = new Set<string>();
  for (const entry of entries) {
    const problem = entryProblem(entry);
    if (problem) {
      problems.push(`${entry.label}: ${problem}`);
      continue;
    }
    const sha256 = entry.sha256.toLowerCase();
    if (names.has(entry.name)) problems.push(`${entry.label}: the name ${entry.name} is configured twice`);
    else if (digests.has(sha256)) problems.push(`${entry.label}: the same token is configured under two names`);
    names.add(entry.name);
    digests.add(sha256);
    const scopes = new Set(entry.scopes.flatMap((s) => [s as Scope, ...IMPLIED[s as Scope]]));
    tokens.push({ name: entry.name, scopes, digest: Buffer.from(sha256, 'hex') });
  }
  if (problems.length > 0) throw new TokenConfigError(problems);
  return tokens;
}

/** The configuration line for one token, as `claimgraph token` prints it. */
export function formatTokenConfigLine(name: string, scopes: readonly Scope[], sha256: string): string {
  return `${name}:${scopes.join('+')}:${sha256}`;
}

function lineEntries(text: string): RawEntry[] {
  return text.split(/[\s,]+/).map((entry, i) => {
    const [name = '', scopes = '', sha256 = '', ...rest] = entry.split(':');
    return { label: `entry ${i + 1} (${name || 'no name'})`, name, scopes: scopes.split('+'), sha256, extraFields: rest.length > 0 };
  });
}

function jsonList(text: string): RawEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new TokenConfigError([`the configuration starts with [ but is not JSON (${(error as Error).message})`]);
  }
  const result = jsonEntries.safeParse(parsed);
  if (!result.success) {
    throw new TokenConfigError(
      result.error.issues.map((issue) =>
        issue.path.length === 0
          ? `the JSON configuration must be a list of entries`
          : `entry ${Number(issue.path[0]) + 1}${issue.path.length > 1 ? ` ${issue.path.slice(1).join('.')}` : ''}: ${issue.message}`,
      ),
    );
  }
  return result.data.map((entry, i) => ({
    label: `entry ${i + 1} (${entry.name || 'no name'})`,
    name: entry.name,
    scopes: typeof entry.scopes === 'string' ? entry.scopes.split('+') : entry.scopes,
    sha256: entry.sha256,
  }));
}

function entryProblem(entry: RawEntry): string | null {
  if (entry.extraFields) return 'expected three fields separated by colons: name, scopes, sha256';
  if (!NAME.test(entry.name)) return 'the name must be letters, digits, dots, dashes or underscores, starting with a letter or digit';
  const unknown = entry.scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (entry.scopes.length === 0 || unknown.length > 0) {
    return `unknown scope ${unknown.map((s) => `"${s}"`).join(', ') || '(none given)'}; scopes are read, write, admin joined by +`;
  }
  if (!SHA256_HEX.test(entry.sha256)) {
    // Never echo the field: a common slip is to paste the token itself instead of its digest.
    return 'the third field must be the sha256 of the token as 64 hex digits (claimgraph token prints it), not the token';
  }
  return null;
}
