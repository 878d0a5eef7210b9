/**
 * `claimgraph export` and `claimgraph import`: a round trip through a file or a pipe gives an
 * identical log, and a refused import changes nothing.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { run as exportLog } from '../../src/cli/export.ts';
import { run as importLog } from '../../src/cli/import.ts';
import { SqliteFactLog } from '../../src/store/sqlite-fact-log.ts';
import { aliases } from './describe-fact-log.ts';
import { AT, everyKindOfFact } from './fixtures/facts.ts';

const dir = mkdtempSync(join(tmpdir(), 'claimgraph-cli-'));
let count = 0;
const fresh = (name: string): string => join(dir, `${++count}-${name}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let stderr = '';
beforeEach(() => {
  stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  return () => vi.restoreAllMocks();
});

async function storeWithFacts(): Promise<string> {
  const path = fresh('source.sqlite');
  const log = SqliteFactLog.open(path);
  await log.append(everyKindOfFact, { actor: 'curation', at: AT });
  await log.append(aliases(3), { actor: 'ingest', at: '2022-09-02T08:15:30.250Z' });
  await log.close();
  return path;
}

describe('claimgraph export and import', () => {
  it('round-trips a store through a file into a new store with an identical export', async () => {
    const source = await storeWithFacts();
    const first = fresh('first.jsonl');
    expect(await exportLog(['--store', source, '--out', first])).toBe(0);
    expect(readFileSync(first, 'utf8').trimEnd().split('\n')).toHaveLength(everyKindOfFact.length + 3);

    const target = fresh('target.sqlite');
    expect(await importLog(['--store', target, '--in', first])).toBe(0);
    const second = fresh('second.jsonl');
    expect(await exportLog(['--store', target, '--out', second])).toBe(0);
    expect(readFileSync(second).equals(readFileSync(first))).toBe(true);
    expect(existsSync(`${second}.partial`)).toBe(false);
  });

  it('imports into an existing store that is still empty', async () => {
    const source = await storeWithFacts();
    const file = fresh('log.jsonl');
    await exportLog(['--store', source, '--out', file]);
    const target = fresh('empty.sqlite');
    await SqliteFactLog.open(target).close();
    expect(await importLog(['--store', target, '--in', file])).toBe(0);
  });

  it('refuses to import into a store that holds facts, leaving its log unchanged', async () => {
    const target = await storeWithFacts();
    const file = fresh('log.jsonl');
    await exportLog(['--store', target, '--out', file]);
    expect(await importLog(['--store', target, '--in', file])).toBe(1);
    expect(stderr).toMatch(/already holds 12 facts; import needs an empty store/);
    const after = fresh('after.jsonl');
    await exportLog(['--store', target, '--out', after]);
    expect(readFileSync(after).equals(readFileSync(file))).toBe(true);
  });

  it('refuses a file with a malformed line, naming the line, and creates no store', async () => {
    const source = await storeWithFacts();
    const file = fresh('log.jsonl');
    await exportLog(['--store', source, '--out', file]);
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[4] = lines[4]!.replace('"seq":5', '"seq":"five"');
    writeFileSync(file, lines.join('\n'));

    const target = fresh('never.sqlite');
    expect(await importLog(['--store', target, '--in', file])).toBe(1);
    expect(stderr).toMatch(/line 5: seq:/);
    expect(existsSync(target)).toBe(false);
  });

  it('refuses a file whose last line is bad after many good ones, leaving an existing empty store empty', async () => {
    const source = fresh('many.sqlite');
    const log = SqliteFactLog.open(source);
    for (let i = 0; i < 40; i++) await log.append(aliases(25, `alias${i}-`), { actor: 'ingest', at: AT });
    await log.close();
    const file = fresh('many.jsonl');
    await exportLog(['--store', source, '--out', file]);
    writeFileSync(file, `${readFileSync(file, 'utf8')}{"seq": 1001,\n`);

    const target = fresh('empty-target.sqlite');
    await SqliteFactLog.open(target).close();
    expect(await importLog(['--store', target, '--in', file])).toBe(1);
    expect(stderr).toMatch(/refused, nothing written:\n  line 1001: not JSON/);
    const after = SqliteFactLog.open(target, { create: false });
    expect(after.isEmpty()).toBe(true);
    await after.close();

    const never = fresh('never-many.sqlite');
    expect(await importLog(['--store', never, '--in', file])).toBe(1);
    expect(existsSync(never)).toBe(false);
    expect(existsSync(`${never}-wal`)).toBe(false);
  });

  it('refuses an input file that does not exist, creating no store', async () => {
    const target = fresh('no-input.sqlite');
    expect(await importLog(['--store', target, '--in', fresh('missing.jsonl')])).toBe(1);
    expect(stderr).toMatch(/no such file/i);
    expect(existsSync(target)).toBe(false);
  });

  it('refuses to export a store that does not exist, creating none', async () => {
    const missing = fresh('missing.sqlite');
    expect(await exportLog(['--store', missing])).toBe(1);
    expect(stderr).toMatch(/there is no store at/);
    expect(existsSync(missing)).toBe(false);
  });

  it('answers an unknown option with usage and exit code 2', async () => {
    expect(await exportLog(['--output', 'x.jsonl'])).toBe(2);
    expect(stderr).toMatch(/usage: claimgraph export/);
  });

  it('pipes through standard output and standard input of the claimgraph command', async () => {
    const source = await storeWithFacts();
    const main = join(import.meta.dirname, '../../src/cli/main.ts');
    const exported = spawnSync(process.execPath, [main, 'export', '--store', source], { encoding: 'utf8' });
    expect(exported.status).toBe(0);
    const target = fresh('piped.sqlite');
    const imported = spawnSync(process.execPath, [main, 'import', '--store', target], { input: exported.stdout, encoding: 'utf8' });
    expect(imported.stderr).toMatch(/12 facts into/);
    const again = spawnSync(process.execPath, [main, 'export', '--store', target], { encoding: 'utf8' });
    expect(again.stdout).toBe(exported.stdout);
  });
});
