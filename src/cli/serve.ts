/**
 * `claimgraph serve`: the same as `npm start`. The server needs node's flags set when node
 * starts (src/server/node-flags.ts), so when this node lacks them the server runs in a child
 * node that has them; signals are passed on to it and its exit code is this command's.
 */

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { missingFlags } from '../server/node-flags.ts';

const MAIN = fileURLToPath(new URL('../server/main.ts', import.meta.url));

/** The node arguments that start the server with the flags it needs, from this node's own. */
export function serverCommand(execArgv: readonly string[]): string[] {
  return [...execArgv, ...missingFlags(execArgv), MAIN];
}

export async function run(): Promise<number> {
  if (missingFlags(process.execArgv).length === 0) {
    await import('../server/main.ts');
    return 0;
  }
  const child = spawn(process.execPath, serverCommand(process.execArgv), { stdio: 'inherit' });
  const pass = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', pass);
  process.on('SIGTERM', pass);
  return new Promise((resolve) => {
    child.once('error', (error) => {
      console.error(`claimgraph serve: cannot start the server: ${error.message}`);
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
