/**
 * JSON Lines: the fact log's exchange format, one stored fact per line in seq order.
 *
 * Each line is `{"seq":…,"batch":…,"at":…,"actor":…,"fact":{…}}` with keys in that order and
 * the fact as the store keeps it, so exporting an imported export gives the same bytes. Lines
 * are read and checked as they arrive (`jsonlRecords`), so an import takes a log of any size in
 * constant memory; each problem is named by its line number, and an import of a file with any
 * bad line writes nothing.
 */

import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { StoreError, type RecordProblem } from './errors.ts';
import type { FactLog, StoredFact } from './fact-log.ts';
import { LogCheck, UnreadableRecord } from './fact-row.ts';

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
 * The records of a JSON Lines input, one per line, as the lines arrive. A line that is not
 * JSON (or is empty) comes as an UnreadableRecord, so that the check names it by its line.
 */
export async function* jsonlRecords(input: Readable): AsyncGenerator<unknown> {
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      record = new UnreadableRecord(text.trim() === '' ? 'empty line' : `not JSON (${(error as Error).message})`);
    }
    yield record;
  }
}

/**
 * Reads and checks a whole JSON Lines log: every line must be JSON, a valid stored fact, and
 * in order after the line before. Resolves with the records, or rejects with a JsonlError
 * naming the bad lines. An empty line is a bad line; a final newline is not.
 */
export async function readJsonl(input: Readable): Promise<StoredFact[]> {
  const check = new LogCheck();
  const facts: StoredFact[] = [];
  for await (const fact of check.facts(jsonlRecords(input))) facts.push(fact);
  if (check.problems.length > 0) throw new JsonlError('readJsonl', linesOf(check.problems));
  return facts;
}

/** Problems by record index as problems by line number: a log has one record per line. */
export function linesOf(problems: readonly RecordProblem[]): { line: number; message: string }[] {
  return problems.map((p) => ({ line: p.index + 1, message: p.message }));
}
