/**
 * `claimgraph export`: writes the whole fact log as JSON Lines, one stored fact per line.
 *
 * The export is the portable backup of the system of record: `claimgraph import` reads it
 * back into an empty store with every seq, batch, actor and timestamp kept. A file is written
 * beside its destination and renamed into place when complete, so an interrupted export
 * never leaves a truncated file under the requested name.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { StoreError } from '../store/errors.ts';
import { writeJsonl } from '../store/jsonl.ts';
import { loadConfig } from '../config.ts';
import { SqliteFactLog } from '../store/sqlite-fact-log.ts';
import { commandOptions } from './command-options.ts';

const USAGE = `usage: claimgraph export [--store path] [--out file|-]

  --store  the SQLite store to read (default: $CLAIMGRAPH_STORE, else var/claimgraph.sqlite)
  --out    the file to write, or - for standard output (default -)
`;

export async function run(args: string[]): Promise<number> {
  const parsed = commandOptions('export', USAGE, args, {
    store: { type: 'string', default: loadConfig().storePath },
    out: { type: 'string', default: '-' },
  });
  if (parsed.exit !== undefined) return parsed.exit;
  const options = parsed.values;

  let log: SqliteFactLog | undefined;
  try {
    log = SqliteFactLog.open(options.store, { create: false });
    const count = options.out === '-' ? await writeJsonl(log, process.stdout) : await exportToFile(log, options.out);
    process.stderr.write(`claimgraph export: ${count} facts from ${options.store} to ${options.out === '-' ? 'standard output' : options.out}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    process.stderr.write(`claimgraph export: ${error.message}\n`);
    return 1;
  } finally {
    await log?.close();
  }
}

async function exportToFile(log: SqliteFactLog, path: string): Promise<number> {
  const partial = `${path}.partial`;
  const output = createWriteStream(partial, { flush: true });
  try {
    const count = await writeJsonl(log, output);
    output.end();
    await once(output, 'close');
    await rename(partial, path);
    return count;
  } catch (error) {
    output.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}
