/**
 * Starts claimgraph: listens at once (GET /health answers 503 while the graph loads), loads
 * the graph, then serves GraphQL at /graphql with GraphiQL in development. On SIGINT or SIGTERM
 * it stops taking requests, lets those under way finish, writes a snapshot when the graph has
 * applied many facts since the last one (so the next start need not replay them), and exits.
 */

import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { pino } from 'pino';
import { loadConfig } from '../config.ts';
import { openGraph, snapshotIfBehind } from '../service/open-graph.ts';
import { GraphWriter } from '../service/graph-writer.ts';
import { httpHandler } from './http-handler.ts';
import { collectAfterLoad } from './node-flags.ts';
import { createServer } from './yoga.ts';

export async function main(): Promise<void> {
  const config = loadConfig();
  // One JSON line per request on stdout; never the Authorization header (see use-request-log.ts).
  const logger = pino({ level: config.logLevel, redact: ['authorization', '*.authorization', '*.headers.authorization'] });
  let handle = (_request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
    response.end(JSON.stringify({ status: 'loading' }));
  };
  // A client gets 10 s to send its headers and 30 s for the whole request, so slow senders
  // cannot hold connections open.
  const http = createHttpServer({ headersTimeout: 10_000, requestTimeout: 30_000 }, (request, response) => handle(request, response));
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, resolve);
  });
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : config.port;

  const started = performance.now();
  const { graph, store, seeded, loaded } = await openGraph(config);
  const writer = new GraphWriter(store, graph);
  const yoga = createServer(graph, config, { writer, tokens: config.tokens, readRequiresToken: config.readRequiresToken, logger });
  handle = httpHandler({ graph, yoga, maxBodyBytes: config.limits.maxBodyBytes, cacheSize: config.limits.responseCacheSize, cacheBytes: config.limits.responseCacheMb * 1024 * 1024, logger });
  // A graph restored from a snapshot leaves garbage to collect; one replayed from the log with
  // no snapshot written is nearly all live (see collectAfterLoad).
  const restored = loaded.snapshotSeq > 0;
  const collected = restored ? collectAfterLoad() : null;
  const ms = Math.round(performance.now() - started);
  const how = seeded
    ? `loaded from ${config.dataDir} into ${config.storePath}`
    : loaded.servesWritten
      ? `replayed from ${config.storePath}, then restored from the snapshot written beside it,`
      : restored
        ? `restored from the snapshot of ${config.storePath}`
        : `replayed from ${config.storePath}`;
  console.log(
    `claimgraph: ${graph.count('Article')} articles, ${graph.count('Claim')} claims ${how} in ${ms} ms` +
      `${collected === null ? '' : ` (${Math.round(collected)} ms of it collecting what loading left)`}; ` +
      `GraphQL at http://${config.host}:${port}/graphql${config.graphiql ? ' (GraphiQL on)' : ''}`,
  );

  const shutDown = async () => {
    try {
      const writing = performance.now();
      const written = await snapshotIfBehind(graph, store, config.storePath, loaded.coveredSeq, config.snapshotAfter);
      if (written) {
        const mb = (written.bytes / 1024 / 1024).toFixed(1);
        console.log(`claimgraph: wrote a snapshot of the log up to seq ${written.seq} (${mb} MB) in ${Math.round(performance.now() - writing)} ms for the next start`);
      }
    } finally {
      graph.close();
      await store.close();
    }
  };
  // A second signal, while the snapshot is written, ends the process at once: the snapshot is
  // written to a file beside it and renamed over it, so the one already there stays whole.
  const stop = () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    http.close(() =>
      void shutDown().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(`claimgraph: stopping failed: ${error instanceof Error ? error.message : String(error)}`);
          process.exit(1);
        },
      ));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
