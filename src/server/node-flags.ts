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
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=128'];

/** Every flag of SERVER_NODE_FLAGS that a node started with `execArgv` lacks. */
export function missingFlags(execArgv: readonly string[]): string[] {
  return SERVER_NODE_FLAGS.filter((flag) => !execArgv.includes(flag));
}
