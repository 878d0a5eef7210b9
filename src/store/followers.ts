/**
 * Followers: delivering committed batches to in-process subscribers.
 *
 * Each subscriber has a cursor (the last seq it was given). When told that something was
 * committed, an idle subscriber pulls whole batches after its cursor from the log itself and
 * hands them over one at a time, awaiting each. Pulling from the log rather than pushing what
 * was just written makes catch-up and live delivery one path: a slow subscriber, or one that
 * joined late, simply reads further back. A PostgreSQL log would call `notify` on NOTIFY.
 */

import type { Batch, StoredFact, Unsubscribe } from './fact-log.ts';

/** Reads whole batches with `seq > afterSeq`, in order: some facts, or none when caught up. */
export type ReadBatches = (afterSeq: number) => StoredFact[];

interface Subscriber {
  cursor: number;
  onBatch: (batch: Batch) => void | Promise<void>;
  onError: ((error: unknown) => void) | undefined;
  active: boolean;
  pulling: boolean;
}

export class Followers {
  readonly #readBatches: ReadBatches;
  readonly #subscribers = new Set<Subscriber>();

  constructor(readBatches: ReadBatches) {
    this.#readBatches = readBatches;
  }

  add(afterSeq: number, onBatch: Subscriber['onBatch'], onError?: Subscriber['onError']): Unsubscribe {
    const subscriber: Subscriber = { cursor: afterSeq, onBatch, onError, active: true, pulling: false };
    this.#subscribers.add(subscriber);
    this.#wake(subscriber);
    return () => this.#remove(subscriber);
  }

  /** Something was committed: wake every subscriber that is not already pulling. */
  notify(): void {
    for (const subscriber of this.#subscribers) this.#wake(subscriber);
  }

  close(): void {
    for (const subscriber of this.#subscribers) this.#remove(subscriber);
  }

  #remove(subscriber: Subscriber): void {
    subscriber.active = false;
    this.#subscribers.delete(subscriber);
  }

  #wake(subscriber: Subscriber): void {
    if (subscriber.pulling || !subscriber.active) return;
    subscriber.pulling = true;
    // A microtask, so that callbacks never run inside `append` or `follow` themselves.
    queueMicrotask(() => void this.#pull(subscriber));
  }

  async #pull(subscriber: Subscriber): Promise<void> {
    try {
      for (;;) {
        if (!subscriber.active) return;
        const facts = this.#readBatches(subscriber.cursor);
        if (facts.length === 0) return;
        for (const batch of splitBatches(facts)) {
          if (!subscriber.active) return;
          await subscriber.onBatch(batch);
          subscriber.cursor = batch[batch.length - 1]!.seq;
        }
      }
    } catch (error) {
      this.#remove(subscriber);
      if (subscriber.onError) subscriber.onError(error);
      else queueMicrotask(() => { throw error; });
    } finally {
      // Cleared in the same turn as the read that found nothing new, so any later commit
      // finds the subscriber idle and wakes it.
      subscriber.pulling = false;
    }
  }
}

function splitBatches(facts: StoredFact[]): Batch[] {
  const batches: StoredFact[][] = [];
  for (const fact of facts) {
    const current = batches[batches.length - 1];
    if (current && current[0]!.batch === fact.batch) current.push(fact);
    else batches.push([fact]);
  }
  return batches;
}
