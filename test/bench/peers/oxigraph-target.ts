/**
 * The Oxigraph peer as a benchmark target: oxigraph-server.ts on the server core, loaded with
 * the corpus's N-Triples, asked the mix with the same request bodies as the bare ceiling.
 */

import { join } from 'node:path';
import { startServer, stopServer } from '../processes.ts';
import { claimgraphBodies } from '../query-mix.ts';
import { NODE_HEAP_MB, type Target } from '../targets.ts';

export const oxigraph: Target = {
  name: 'oxigraph',
  label: 'Oxigraph',
  start(corpus, context) {
    return startServer({
      name: 'oxigraph',
      command: process.execPath,
      args: [`--max-old-space-size=${NODE_HEAP_MB}`, join(import.meta.dirname, 'oxigraph-server.ts')],
      env: { ...process.env, PORT: String(context.port), NTRIPLES: corpus.ntriples },
      core: context.core,
      port: context.port,
      healthPath: '/health',
      urlPath: '/graphql',
    });
  },
  // The server reads operationName and variables, as the bare ceiling does.
  bodies: claimgraphBodies,
  stop: (server) => stopServer(server),
};
