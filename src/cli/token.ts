/**
 * `claimgraph token`: makes a new bearer token and prints the line that configures it.
 *
 * The token itself goes to standard output once and is stored nowhere; the server is given
 * only the configuration line, which carries the token's sha256.
 */

import { generateToken, hashToken } from '../server/auth/hash-token.ts';
import { TokenConfigError, formatTokenConfigLine, parseTokenConfig, type Scope } from '../server/auth/token-config.ts';
import { commandOptions } from './command-options.ts';

const USAGE = `usage: claimgraph token --name <name> [--scopes read+write]

  --name    who the token is for; recorded as the actor of whatever it writes
  --scopes  read, write and admin joined by + (default read; admin implies write, write implies read)

Prints the token (give it to the client; it is not kept anywhere) and then the line to add to
the server's token configuration.
`;

export async function run(args: string[]): Promise<number> {
  const parsed = commandOptions('token', USAGE, args, {
    name: { type: 'string' },
    scopes: { type: 'string', default: 'read' },
  });
  if (parsed.exit !== undefined) return parsed.exit;
  const options = parsed.values;
  if (!options.name) {
    process.stderr.write(`claimgraph token: --name is required\n\n${USAGE}`);
    return 2;
  }

  const token = generateToken();
  const line = formatTokenConfigLine(options.name, options.scopes.split('+') as Scope[], hashToken(token));
  try {
    // The same check the server applies, so a line printed here is a line it accepts.
    parseTokenConfig(line);
  } catch (error) {
    if (!(error instanceof TokenConfigError)) throw error;
    process.stderr.write(`claimgraph token: ${error.problems.join('; ')}\n`);
    return 2;
  }
  process.stdout.write(`${token}\n${line}\n`);
  return 0;
}
