/**
 * The flags node runs the server with: `npm start` passes them on its command line, and
 * `claimgraph serve` starts the server in a node of its own with them (see `serverCommand`).
 *
 * --max-semi-space-size=128 lets the young generation grow to twice node's default. At
 * 1,000,000 claims, restarted from a snapshot and answering the mix from the answer cache, the
 * default young generation was collected every 300 ms, 45 ms at a time, and each collection
 * kept 17 MB more (the heap grew 1.5 → 2.3 GB in 40 s before a full collection); p99 was
 * 49–57 ms at a p50 of 4 ms over four runs. With this flag each young collection took 4–10 ms and
 * kept nothing lasting, and the same mix answered at 23,500–29,500 requests/s, p99 5.6–7.9 ms,
 * over four runs. 64 MB (node's default on this build) changed nothing; 256 MB did no better
 * than 128. The young generation grows to this only when requests keep it busy.
 *
 * --expose-gc gives the server `gc()`, which it calls once, when it has opened the graph from a
 * snapshot (see `collectAfterLoad`).
 *
 * --external-memory-accounted-in-global-limit counts memory outside the heap (Buffers: the
 * answer cache keeps every answer as one) towards the limit V8 sets for heap and external
 * memory together. Without it, V8 starts a full collection whenever external memory has grown
 * by a fixed amount since the last one, whatever the heap's size: at 1,000,000 claims the
 * answer cache fills with 61 MB of answers in the first seconds of the mix, and that started a
 * full collection of the whole 1M heap (1.0–1.3 s on one core) in the first measured 10 s of
 * both of two runs (V8's trace: "external memory pressure"; p99 84 and 648 ms in that run).
 * With the flag, four runs of four had no full collection after loading: p99 6.5–7.4 ms in the
 * first measured 10 s, 5.9–22.0 ms in the second. Two of the four, like the two without it,
 * ran with the bench's --max-old-space-size=12288.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=128', '--expose-gc', '--external-memory-accounted-in-global-limit'];

/**
 * Collects the garbage that loading the graph left, before the server answers its first
 * request; `--expose-gc` (in SERVER_NODE_FLAGS) makes this possible. The milliseconds it took,
 * or null in a node started without the flag.
 *
 * Opening a snapshot decodes it, and what the decoding leaves behind would otherwise be
 * collected in the first seconds of serving. At 1,000,000 claims (a restart, the answer cache
 * on, the mix for 10 s to warm up then twice for 10 s), that collection was 1.4–1.5 s of marking
 * on the server's one core, and it fell in the first measured 10 s in both of two runs: p99
 * 900 and 917 ms. Collected here, before /health answers 200, it took 1.0–1.7 s of the
 * restart, and the first measured 10 s of five of six runs had no full collection: p99
 * 5.4–18.8 ms (the sixth 111 ms).
 *
 * The server calls it only after opening a snapshot. After a start that replays the whole log
 * (the first start) the heap is nearly all live: at 1,000,000 claims the collection freed 14
 * and 37 MB of 1.64 GB in 5.3 and 8.4 s; in a third run it finished one already under way
 * (515 MB the snapshot's writing left) and freed 24 MB more, 5.6 s in all.
 */
export function collectAfterLoad(): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  const started = performance.now();
  gc();
  return performance.now() - started;
}

/** Every flag of SERVER_NODE_FLAGS that a node started with `execArgv` lacks. */
export function missingFlags(execArgv: readonly string[]): string[] {
  return SERVER_NODE_FLAGS.filter((flag) => !execArgv.includes(flag));
}
