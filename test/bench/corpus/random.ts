/**
 * Seeded randomness for the synthetic corpus: the same seed gives the same corpus, byte for
 * byte, on any machine.
 *
 * sfc32 (a small, fast, well-tested 32-bit generator) seeded from a string through a hash, so
 * seeds can be words. Math.random is never used by the generator.
 */

import { createHash } from 'node:crypto';

export class Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: string) {
    const digest = createHash('sha256').update(seed).digest();
    this.#a = digest.readUInt32LE(0);
    this.#b = digest.readUInt32LE(4);
    this.#c = digest.readUInt32LE(8);
    this.#d = digest.readUInt32LE(12);
    for (let i = 0; i < 16; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by weight: `weights[i]` is the relative chance of `items[i]`. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i]!;
      if (r < 0) return items[i]!;
    }
    return items[items.length - 1]!;
  }

  /**
   * An index into a list of `length` items ordered by popularity: news coverage is skewed, so
   * a quarter of the picks go to the most-covered 1% (and within it, mostly to the top), the
   * rest spread evenly.
   */
  popular(length: number): number {
    if (this.chance(0.25)) {
      const head = Math.max(1, Math.ceil(length * 0.01));
      const u = this.next();
      return Math.min(length - 1, Math.floor(head * u * u));
    }
    return Math.floor(this.next() * length);
  }
}
