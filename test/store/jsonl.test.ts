/**
 * JSON Lines: the export format reads back to the same log, and a bad input is refused with
 * every bad line named.
 */

import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { JsonlError, formatLine, readJsonl } from '../../src/store/jsonl.ts';
import { MemoryFactLog } from '../../src/store/memory-fact-log.ts';
import { exportText } from './describe-fact-log.ts';
import { AT, aliasAdded, everyKindOfFact, quoteOffByOne } from './fixtures/facts.ts';

const line = (seq: number, batch: number, fact: unknown = aliasAdded, extra: object = {}): string =>
  JSON.stringify({ seq, batch, at: AT, actor: 'ingest', fact, ...extra });

async function refusal(text: string): Promise<JsonlError> {
  const error = await readJsonl(Readable.from([text])).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(JsonlError);
  return error as JsonlError;
}

describe('formatLine', () => {
  it('writes seq, batch, at, actor and fact in that order, whatever order the record has', () => {
    const text = formatLine({ fact: aliasAdded, actor: 'api', at: AT, batch: 2, seq: 7 });
    expect(text).toBe(`{"seq":7,"batch":2,"at":"${AT}","actor":"api","fact":{"type":"AliasAdded","entityId":"Product:xiaomi-12s-ultra-concept","alias":"12S Ultra Concept"}}`);
  });
});

describe('readJsonl', () => {
  it('reads an export back into records that import to an identical log', async () => {
    const source = new MemoryFactLog();
    await source.append(everyKindOfFact, { actor: 'curation', at: AT });
    await source.append([aliasAdded], { actor: 'api', at: AT });
    const text = await exportText(source);
    const target = new MemoryFactLog();
    await target.importLog(await readJsonl(Readable.from([text])));
    expect(await exportText(target)).toBe(text);
  });

  it('accepts Windows line endings and a file without a final newline', async () => {
    const records = await readJsonl(Readable.from([`${line(1, 1)}\r\n${line(2, 2)}`]));
    expect(records.map((r) => r.seq)).toEqual([1, 2]);
  });

  it('names a line that is not JSON', async () => {
    const error = await refusal(`${line(1, 1)}\n{"seq": 2, "batch":\n${line(3, 3)}\n`);
    expect(error.code).toBe('INVALID_LOG');
    expect(error.lines.map((l) => l.line)).toEqual([2]);
    expect(error.message).toMatch(/line 2: not JSON/);
  });

  it('names an empty line in the middle of the file', async () => {
    const error = await refusal(`${line(1, 1)}\n\n${line(2, 2)}\n`);
    expect(error.lines).toEqual([{ line: 2, message: 'empty line' }]);
  });

  it('names each line that is not a valid stored fact or is out of order', async () => {
    const text = [
      line(1, 1),
      line(2, 2, quoteOffByOne),
      line(3, 3),
      line(4, 4, aliasAdded, { source: 'unexpected key' }),
      line(3, 5),
      line(6, 6),
    ].join('\n');
    const error = await refusal(text);
    expect(error.lines.map((l) => l.line)).toEqual([2, 4, 5]);
    expect(error.lines[0]!.message).toContain('fact.evidence.quote');
    expect(error.lines[1]!.message).toContain('source');
    expect(error.lines[2]!.message).toContain('seq must strictly increase');
  });
});
