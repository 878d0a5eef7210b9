/**
 * `claimgraph import`: reads a JSON Lines fact log (from `claimgraph export`) into an empty store.
 *
 * Every seq, batch, actor and timestamp is kept, so export → import → export gives the same
 * file. Nothing is written unless everything can be: a store that already holds facts is
 * refused before the input is read, and the lines are checked as they are written in one
 * transaction, so any bad line (named by its number) rolls the whole import back, and a store
 * the import created is removed again. The input is streamed, never held whole in memory.
 */

import { createReadStream, existsSync, rmSync } from 'node:fs';
import { StoreError } from '../store/errors.ts';
import { jsonlRecords, linesOf } from '../store/jsonl.ts';
import { loadConfig } from '../config.ts';
import { SqliteFactLog } from '../store/sqlite-fact-log.ts';
import { commandOptions } from './command-options.ts';

const USAGE = `usage: claimgraph import [--store path] [--in file|-]

  --store  the SQLite store to fill; it must be empty or not exist yet (default: $CLAIMGRAPH_STORE, else var/claimgraph.sqlite)
  --in     the JSON Lines file to read, or - for standard input (default -)
`;

export async function run(args: string[]): Promise<number> {
  const parsed = commandOptions('import', USAGE, args, {
    store: { type: 'string', default: loadConfig().storePath },
    in: { type: 'string', default: '-' },
  });
  if (parsed.exit !== undefined) return parsed.exit;
  const options = parsed.values;

  let log: SqliteFactLog | undefined;
  const created = !existsSync(options.store);
  try {
    if (!created) {
      log = SqliteFactLog.open(options.store, { create: false });
      if (!log.isEmpty()) {
        throw new StoreError('NOT_EMPTY', `${options.store} already holds ${log.lastSeq()} facts; import needs an empty store`);
      }
    }
    const input = options.in === '-' ? process.stdin : createReadStream(options.in);
    log ??= SqliteFactLog.open(options.store);
    const count = await log.importLog(jsonlRecords(input));
    process.stderr.write(`claimgraph import: ${count} facts into ${options.store}\n`);
    return 0;
  } catch (error) {
    await log?.close();
    log = undefined;
    if (created) for (const suffix of ['', '-wal', '-shm']) rmSync(`${options.store}${suffix}`, { force: true });
    if (!(error instanceof StoreError || isMissingFile(error))) throw error;
    const refused = error instanceof StoreError && error.code === 'INVALID_LOG';
    const lines = refused ? linesOf(error.problems).map((l) => `  line ${l.line}: ${l.message}\n`).join('') : '';
    const source = options.in === '-' ? 'standard input' : options.in;
    const summary = refused ? `${source} refused, nothing written:\n` : `${(error as Error).message}\n`;
    process.stderr.write(`claimgraph import: ${summary}${lines}`);
    return 1;
  } finally {
    await log?.close();
  }
}

function isMissingFile(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}
