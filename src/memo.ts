/**
 * Memo: values worked out once and kept under a key, for work whose result depends on the key
 * alone. It holds at most `max` values; when full it starts afresh rather than tracking which
 * value was used last, as the values are cheap to work out again and a hit must stay cheap.
 */
export class Memo<K, V> {
  readonly #values = new Map<K, V>();
  readonly #max: number;

  constructor(max: number) {
    this.#max = max;
  }

  /** The value kept under `key`, worked out by `make` (and kept) when there is none. */
  get(key: K, make: () => V): V {
    // One look-up for a kept value; `has` only for one kept as undefined.
    const kept = this.#values.get(key);
    if (kept !== undefined || this.#values.has(key)) return kept as V;
    const value = make();
    if (this.#values.size >= this.#max) this.#values.clear();
    this.#values.set(key, value);
    return value;
  }

  /**
   * Forgets every value, when what they were worked out from has changed. An empty memo is left
   * as it is: clearing a Map gives it a new table even when it holds nothing, and the search
   * index clears its memos on every document a replay writes (each claim, article and entity:
   * over 1.3 million at 1,000,000 claims).
   */
  clear(): void {
    if (this.#values.size > 0) this.#values.clear();
  }

  get size(): number {
    return this.#values.size;
  }
}
