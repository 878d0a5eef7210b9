/**
 * The FactLog specification: behaviour every implementation must show, run against each one
 * with `describeFactLog(name, make)`.
 */

import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Fact } from '../../src/model/fact.ts';
import { StoreError } from '../../src/store/errors.ts';
import type { Batch, FactLog, StoredFact } from '../../src/store/fact-log.ts';
import { writeJsonl } from '../../src/store/jsonl.ts';
import {
  AT,
  aliasAdded,
  costStated,
  entityAdded,
  everyKindOfFact,
  quoteOffByOne,
  unknownPredicate,
  unitsStated,
} from './fixtures/facts.ts';

/** The whole log as its JSON Lines export: the log's content, comparable across stores. */
export async function exportText(log: FactLog): Promise<string> {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  await writeJsonl(log, sink);
  return text;
}

export async function readAll(log: FactLog, afterSeq?: number): Promise<StoredFact[]> {
  const facts: StoredFact[] = [];
  for await (const fact of log.read(afterSeq)) facts.push(fact);
  return facts;
}

/** `count` distinct alias facts, for batches of a chosen size. */
export function aliases(count: number, prefix = 'alias'): Fact[] {
  return Array.from({ length: count }, (_, i) => ({ type: 'AliasAdded', entityId: 'Product:xiaomi-12s-ultra', alias: `${prefix} ${i}` }));
}

/** Resolves once `predicate` holds, polling on the event loop; fails after a second. */
async function eventually(predicate: () => boolean): Promise<void> {
  const deadline = Date.now() + 1000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met within 1 s');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

async function rejection(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

export function describeFactLog(name: string, make: () => FactLog | Promise<FactLog>): void {
  describe(`${name}: the FactLog contract`, () => {
    const opened: FactLog[] = [];
    async function open(): Promise<FactLog> {
      const log = await make();
      opened.push(log);
      return log;
    }
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((log) => log.close()));
    });

    describe('append and read', () => {
      it('starts empty: lastSeq is 0 and read yields nothing', async () => {
        const log = await open();
        expect(log.isEmpty()).toBe(true);
        expect(log.lastSeq()).toBe(0);
        expect(await readAll(log)).toEqual([]);
      });

      it('reads back every kind of fact exactly as appended, with its seq, batch, at and actor', async () => {
        const log = await open();
        const result = await log.append(everyKindOfFact, { actor: 'curation', at: AT });
        expect(result).toEqual({ batch: 1, firstSeq: 1, lastSeq: everyKindOfFact.length, at: AT });
        const stored = await readAll(log);
        expect(stored.map((s) => s.fact)).toEqual(everyKindOfFact);
        expect(stored.map((s) => s.seq)).toEqual(everyKindOfFact.map((_, i) => i + 1));
        expect(new Set(stored.map((s) => `${s.batch} ${s.at} ${s.actor}`))).toEqual(new Set([`1 ${AT} curation`]));
        expect(log.isEmpty()).toBe(false);
      });

      it('reads for a replay without the mentions and article bodies a projection already holds, and whole past it', async () => {
        const log = await open();
        await log.append(everyKindOfFact, { actor: 'curation', at: AT });
        await log.append(everyKindOfFact, { actor: 'curation', at: AT });
        const covered = everyKindOfFact.length;
        const replayed: StoredFact[] = [];
        for await (const stored of log.readForReplay(0, covered)) replayed.push(stored);
        const full = await readAll(log);
        const early = replayed.filter((s) => s.seq <= covered);
        expect(early.some((s) => s.fact.type === 'MentionFound')).toBe(false);
        const article = early.find((s) => s.fact.type === 'ArticleAdded')!;
        expect(article.fact.type === 'ArticleAdded' && 'body' in article.fact.article).toBe(false);
        expect(early.map((s) => s.seq)).toEqual(full.filter((s) => s.seq <= covered && s.fact.type !== 'MentionFound').map((s) => s.seq));
        expect(replayed.filter((s) => s.seq > covered)).toEqual(full.filter((s) => s.seq > covered));
      });

      it('numbers facts with strictly increasing seq and each batch with the next batch number', async () => {
        const log = await open();
        const results = [];
        for (const size of [3, 1, 5]) results.push(await log.append(aliases(size, `size ${size}`), { actor: 'ingest' }));
        expect(results.map((r) => [r.batch, r.firstSeq, r.lastSeq])).toEqual([[1, 1, 3], [2, 4, 4], [3, 5, 9]]);
        const stored = await readAll(log);
        expect(stored.map((s) => s.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
        expect(stored.map((s) => s.batch)).toEqual([1, 1, 1, 2, 3, 3, 3, 3, 3]);
        expect(log.lastSeq()).toBe(9);
      });

      it('stamps a batch with the time of the append when no at is given', async () => {
        const log = await open();
        const before = new Date().toISOString();
        const { at } = await log.append([aliasAdded], { actor: 'api' });
        const after = new Date().toISOString();
        expect(at >= before && at <= after).toBe(true);
        expect((await readAll(log))[0]!.at).toBe(at);
      });

      it('reads only the facts after the seq it is given', async () => {
        const log = await open();
        await log.append(aliases(4), { actor: 'ingest' });
        expect((await readAll(log, 2)).map((s) => s.seq)).toEqual([3, 4]);
        expect(await readAll(log, 4)).toEqual([]);
      });

      it('reads up to the end of the log as it was when reading began', async () => {
        const log = await open();
        await log.append(aliases(3), { actor: 'ingest' });
        const seen: number[] = [];
        for await (const fact of log.read()) {
          if (seen.length === 0) await log.append(aliases(2, 'late'), { actor: 'ingest' });
          seen.push(fact.seq);
        }
        expect(seen).toEqual([1, 2, 3]);
        expect(log.lastSeq()).toBe(5);
      });

      it('keeps what was appended even if the caller later changes its objects', async () => {
        const log = await open();
        const fact = structuredClone(entityAdded) as Extract<Fact, { type: 'EntityAdded' }>;
        await log.append([fact], { actor: 'curation' });
        fact.entity.name = 'changed afterwards';
        (await readAll(log))[0]!.fact = aliasAdded;
        expect((await readAll(log)).map((s) => s.fact)).toEqual([entityAdded]);
      });
    });

    describe('a batch is atomic', () => {
      it('refuses a whole batch when one fact fails the fact schema, naming it, and leaves the log unchanged', async () => {
        const log = await open();
        await log.append(everyKindOfFact, { actor: 'curation', at: AT });
        const before = await exportText(log);

        const error = await rejection(log.append([unitsStated, quoteOffByOne, costStated], { actor: 'api' }));
        expect(error.code).toBe('INVALID_FACT');
        expect(error.problems.map((p) => p.index)).toEqual([1]);
        expect(error.message).toContain('evidence.quote');

        expect(await exportText(log)).toBe(before);
        expect(log.lastSeq()).toBe(everyKindOfFact.length);
        const next = await log.append([aliasAdded], { actor: 'api' });
        expect([next.batch, next.firstSeq]).toEqual([2, everyKindOfFact.length + 1]);
      });

      it('lists every invalid fact of a refused batch', async () => {
        const log = await open();
        const error = await rejection(log.append([quoteOffByOne, aliasAdded, unknownPredicate], { actor: 'api' }));
        expect(error.problems.map((p) => p.index)).toEqual([0, 2]);
        expect(error.message).toContain('claim.predicate');
        expect(log.isEmpty()).toBe(true);
      });

      it('refuses an empty batch, a missing actor and a malformed timestamp as usage errors', async () => {
        const log = await open();
        expect((await rejection(log.append([], { actor: 'api' }))).code).toBe('USAGE');
        expect((await rejection(log.append([aliasAdded], { actor: '' }))).code).toBe('USAGE');
        expect((await rejection(log.append([aliasAdded], { actor: 'api', at: '4 July 2022' }))).code).toBe('USAGE');
        expect(log.isEmpty()).toBe(true);
      });
    });

    describe('follow', () => {
      it('hands over the batches already in the log, then each new one, whole and in order', async () => {
        const log = await open();
        await log.append(aliases(2, 'first'), { actor: 'ingest' });
        await log.append(aliases(3, 'second'), { actor: 'ingest' });
        const received: Batch[] = [];
        log.follow(0, (batch) => void received.push(batch));
        await log.append(aliases(4, 'third'), { actor: 'api' });
        await eventually(() => received.length === 3);
        expect(received.map((batch) => batch.map((s) => s.seq))).toEqual([[1, 2], [3, 4, 5], [6, 7, 8, 9]]);
        expect(received[2]!.map((s) => s.fact)).toEqual(aliases(4, 'third'));
      });

      it('starts after the seq it is given, as a reader that has replayed up to there would', async () => {
        const log = await open();
        await log.append(aliases(2), { actor: 'ingest' });
        const received: number[][] = [];
        log.follow(log.lastSeq(), (batch) => void received.push(batch.map((s) => s.seq)));
        await log.append(aliases(1), { actor: 'ingest' });
        await eventually(() => received.length === 1);
        expect(received).toEqual([[3]]);
      });

      it('hands over a batch larger than a read page in one call', async () => {
        const log = await open();
        await log.append(aliases(2500), { actor: 'ingest' });
        await log.append(aliases(1, 'after'), { actor: 'ingest' });
        const sizes: number[] = [];
        log.follow(0, (batch) => void sizes.push(batch.length));
        await eventually(() => sizes.length === 2);
        expect(sizes).toEqual([2500, 1]);
      });

      it('never calls back from inside append, and awaits each callback before the next', async () => {
        const log = await open();
        let running = 0;
        let overlapped = false;
        const received: number[] = [];
        log.follow(0, async (batch) => {
          overlapped ||= running > 0;
          running++;
          await new Promise((resolve) => setTimeout(resolve, 5));
          received.push(batch[0]!.batch);
          running--;
        });
        const appends = [log.append([aliasAdded], { actor: 'a' }), log.append([aliasAdded], { actor: 'b' })];
        expect(running).toBe(0);
        await Promise.all(appends);
        await log.append([aliasAdded], { actor: 'c' });
        await eventually(() => received.length === 3);
        expect(received).toEqual([1, 2, 3]);
        expect(overlapped).toBe(false);
      });

      it('stops handing over batches once unsubscribed', async () => {
        const log = await open();
        const received: number[] = [];
        const unsubscribe = log.follow(0, (batch) => void received.push(batch[0]!.batch));
        await log.append([aliasAdded], { actor: 'api' });
        await eventually(() => received.length === 1);
        unsubscribe();
        await log.append([aliasAdded], { actor: 'api' });
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(received).toEqual([1]);
      });

      it('ends a subscription whose callback throws and reports the error, while others carry on', async () => {
        const log = await open();
        const errors: unknown[] = [];
        const failing: number[] = [];
        const healthy: number[] = [];
        log.follow(
          0,
          (batch) => {
            failing.push(batch[0]!.batch);
            throw new Error('projection failed');
          },
          (error) => errors.push(error),
        );
        log.follow(0, (batch) => void healthy.push(batch[0]!.batch));
        await log.append([aliasAdded], { actor: 'api' });
        await log.append([aliasAdded], { actor: 'api' });
        await eventually(() => healthy.length === 2 && errors.length === 1);
        expect(failing).toEqual([1]);
        expect((errors[0] as Error).message).toBe('projection failed');
      });
    });

    describe('importLog', () => {
      it('fills an empty store so that its export is identical to the original export', async () => {
        const source = await open();
        await source.append(everyKindOfFact.slice(0, 3), { actor: 'curation', at: AT });
        await source.append(everyKindOfFact.slice(3), { actor: 'ingest', at: '2022-09-02T08:15:30.250Z' });
        const target = await open();
        await target.importLog(await readAll(source));
        expect(await exportText(target)).toBe(await exportText(source));
        expect(target.lastSeq()).toBe(source.lastSeq());
      });

      it('keeps gaps in seq and batch numbers, and appends after the highest', async () => {
        const log = await open();
        const [one, two] = aliases(2);
        await log.importLog([
          { seq: 3, batch: 2, at: AT, actor: 'ingest', fact: one! },
          { seq: 7, batch: 5, at: AT, actor: 'ingest', fact: two! },
        ]);
        expect((await readAll(log)).map((s) => [s.seq, s.batch])).toEqual([[3, 2], [7, 5]]);
        const next = await log.append([aliasAdded], { actor: 'api' });
        expect([next.firstSeq, next.batch]).toEqual([8, 6]);
      });

      it('refuses a store that already holds facts, and changes nothing', async () => {
        const log = await open();
        await log.append(everyKindOfFact, { actor: 'curation', at: AT });
        const before = await exportText(log);
        const error = await rejection(log.importLog([{ seq: 100, batch: 100, at: AT, actor: 'x', fact: aliasAdded }]));
        expect(error.code).toBe('NOT_EMPTY');
        expect(await exportText(log)).toBe(before);
      });

      it('refuses records out of order or malformed, naming each, and writes nothing', async () => {
        const log = await open();
        const records = [
          { seq: 1, batch: 1, at: AT, actor: 'ingest', fact: aliasAdded },
          { seq: 1, batch: 1, at: AT, actor: 'ingest', fact: aliasAdded },
          { seq: 3, batch: 1, at: AT, actor: 'someone else', fact: aliasAdded },
          { seq: 4, batch: 2, at: 'yesterday', actor: 'ingest', fact: aliasAdded },
          { seq: 5, batch: 3, at: AT, actor: 'ingest', fact: quoteOffByOne },
          { seq: 6, batch: 4, at: AT, actor: 'ingest', fact: aliasAdded },
        ];
        const error = await rejection(log.importLog(records));
        expect(error.code).toBe('INVALID_LOG');
        expect(error.problems.map((p) => p.index)).toEqual([1, 2, 3, 4]);
        expect(log.isEmpty()).toBe(true);
      });

      it('reads its records from a stream as they arrive, and says how many it wrote', async () => {
        const log = await open();
        async function* arriving() {
          for (const [i, fact] of aliases(5).entries()) {
            await new Promise((resolve) => setImmediate(resolve));
            yield { seq: i + 1, batch: Math.floor(i / 2) + 1, at: AT, actor: 'ingest', fact };
          }
        }
        expect(await log.importLog(arriving())).toBe(5);
        expect((await readAll(log)).map((s) => [s.seq, s.batch])).toEqual([[1, 1], [2, 1], [3, 2], [4, 2], [5, 3]]);
      });

      it('writes nothing when a record late in the stream is bad, or the stream itself fails', async () => {
        const log = await open();
        const good = aliases(50).map((fact, i) => ({ seq: i + 1, batch: i + 1, at: AT, actor: 'ingest', fact }));
        const badLast = [...good, { seq: 51, batch: 51, at: AT, actor: 'ingest', fact: quoteOffByOne }];
        const error = await rejection(log.importLog(badLast));
        expect(error.code).toBe('INVALID_LOG');
        expect(error.problems.map((p) => p.index)).toEqual([50]);
        expect(log.isEmpty()).toBe(true);

        async function* failing() {
          yield* good;
          throw new Error('the input went away');
        }
        await expect(log.importLog(failing())).rejects.toThrow('the input went away');
        expect(log.isEmpty()).toBe(true);
        // The store takes an import afterwards.
        expect(await log.importLog(good)).toBe(50);
        expect(log.lastSeq()).toBe(50);
      });

      it('wakes followers once the imported facts are in', async () => {
        const log = await open();
        const received: number[] = [];
        log.follow(0, (batch) => void received.push(batch.length));
        await log.importLog(aliases(3).map((fact, i) => ({ seq: i + 1, batch: 1, at: AT, actor: 'ingest', fact })));
        await eventually(() => received.length === 1);
        expect(received).toEqual([3]);
      });
    });

    describe('close', () => {
      it('ends subscriptions, and later use fails with CLOSED', async () => {
        const log = await make();
        const received: number[] = [];
        log.follow(0, (batch) => void received.push(batch.length));
        await log.close();
        await log.close();
        expect((await rejection(log.append([aliasAdded], { actor: 'api' }))).code).toBe('CLOSED');
        expect(() => log.lastSeq()).toThrow(StoreError);
        await new Promise((resolve) => setTimeout(resolve, 10));
        expect(received).toEqual([]);
      });
    });
  });
}
