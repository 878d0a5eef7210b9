/**
 * Run by the scale benchmark as its own process (`node --expose-gc read-every-claim.ts STORE
 * DATA_DIR`): opens a store as the server does, from its snapshot, then reads every claim's
 * record, and prints one JSON line: how long each took and the live heap after each. A restart
 * builds a claim's record only when it is first read, so the heap after load is the least the
 * graph holds; this is the most.
 */

import { openGraph } from '../../src/service/open-graph.ts';

const [storePath, dataDir] = process.argv.slice(2);
if (!storePath || !dataDir) throw new Error('usage: read-every-claim.ts STORE DATA_DIR');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('read-every-claim.ts needs node --expose-gc');

const started = performance.now();
const { graph, store, loaded } = await openGraph({ storePath, dataDir });
const openMs = performance.now() - started;
gc();
const heapAfterOpen = process.memoryUsage().heapUsed;
const unreadAfterOpen = graph.unreadClaims;

const reading = performance.now();
let evidence = 0;
for (const record of graph.claims({ includeDeprecated: true })) evidence += record.evidence.length;
const readMs = performance.now() - reading;
gc();
const heapAfterRead = process.memoryUsage().heapUsed;

console.log(JSON.stringify({
  openMs, fromSnapshot: loaded.snapshotSeq > 0, heapAfterOpen, unreadAfterOpen,
  readMs, claims: graph.count('Claim'), evidence, unreadAfterRead: graph.unreadClaims, heapAfterRead,
}));
graph.close();
await store.close();
