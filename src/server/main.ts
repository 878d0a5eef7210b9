/**
 * Starts claimgraph: listens at once (GET /health answers 503 while the graph loads), loads
 * the graph, then serves GraphQL at /graphql with GraphiQL in development.
 */

import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { pino } from 'pino';
import { loadConfig } from '../config.ts';
import { openGraph } from '../service/open-graph.ts';
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
  // After a replay of the whole log the heap is nearly all live (see collectAfterLoad).
  const restored = loaded.snapshotSeq > 0;
  const collected = restored ? collectAfterLoad() : null;
  const ms = Math.round(performance.now() - started);
  console.log(
    `claimgraph: ${graph.count('Article')} articles, ${graph.count('Claim')} claims ` +
      `${seeded ? `loaded from ${config.dataDir} into` : restored ? 'restored from the snapshot of' : 'replayed from'} ${config.storePath} in ${ms} ms` +
      `${collected === null ? '' : ` (${Math.round(collected)} ms of it collecting what loading left)`}; ` +
      `GraphQL at http://${config.host}:${port}/graphql${config.graphiql ? ' (GraphiQL on)' : ''}`,
  );

  const stop = () =>
    http.close(() => {
      graph.close();
      void store.close().then(() => process.exit(0));
    });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
