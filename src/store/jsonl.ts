/**
 * JSON Lines: the fact log's exchange format, one stored fact per line in seq order.
 *
 * Each line is `{"seq":…,"batch":…,"at":…,"actor":…,"fact":{…}}` with keys in that order and
 * the fact as the store keeps it, so exporting an imported export gives the same bytes. The
 * reader checks every line, each problem named by its line number, before anything is
 * written anywhere.
 */

import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { StoreError } from './errors.ts';
import type { FactLog, StoredFact } from './fact-log.ts';
import { checkLog } from './fact-row.ts';

/** A refused JSON Lines input: every line at fault (1-based) and what is wrong with it. */
export class JsonlError extends StoreError {
  override readonly name = 'JsonlError';
  readonly lines: readonly { line: number; message: string }[];

  constructor(method: string, lines: { line: number; message: string }[]) {
    super('INVALID_LOG', `${method}: ${lines.map((l) => `line ${l.line}: ${l.message}`).join(' | ')}`);
    this.lines = lines;
  }
}

/** Lines are written out in chunks of about this many characters rather than one by one. */
const CHUNK = 64 * 1024;
/** Reading stops after this many bad lines: enough to fix a file, short enough to read. */
const MAX_BAD_LINES = 20;

export function formatLine({ seq, batch, at, actor, fact }: StoredFact): string {
  return JSON.stringify({ seq, batch, at, actor, fact });
}

/** Writes the whole log to `output`, respecting back-pressure; resolves with the fact count. */
export async function writeJsonl(log: FactLog, output: Writable): Promise<number> {
  let count = 0;
  let chunk = '';
  const flush = async (): Promise<void> => {
    if (!output.write(chunk)) await once(output, 'drain');
    chunk = '';
  };
  for await (const fact of log.read()) {
    chunk += `${formatLine(fact)}\n`;
    count++;
    if (chunk.length >= CHUNK) await flush();
  }
  if (chunk) await flush();
  return count;
}

/**
 * Reads and checks a whole JSON Lines log: every line must be JSON, a valid stored fact, and
 * in order after the line before. Resolves with the records, or rejects with a JsonlError
 * naming the bad lines. An empty line is a bad line; a final newline is not.
 */
export async function readJsonl(input: Readable): Promise<StoredFact[]> {
  const records: unknown[] = [];
  const bad: { line: number; message: string }[] = [];
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    try {
      records.push(JSON.parse(text));
    } catch (error) {
      bad.push({ line: records.length + 1, message: text.trim() === '' ? 'empty line' : `not JSON (${(error as Error).message})` });
      if (bad.length >= MAX_BAD_LINES) break;
      records.push(undefined);
    }
  }
  if (bad.length > 0) throw new JsonlError('readJsonl', bad);
  const { facts, problems } = checkLog(records);
  if (problems.length > 0) throw new JsonlError('readJsonl', problems.map((p) => ({ line: p.index + 1, message: p.message })));
  return facts;
}
