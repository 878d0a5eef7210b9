/**
 * The Oxigraph peer as a benchmark target: oxigraph-server.ts on the server core, loaded with
 * the corpus's N-Triples, asked the mix with the same request bodies as the bare ceiling.
 */

import { join } from 'node:path';
import { stopServer } from '../processes.ts';
import { claimgraphBodies } from '../query-mix.ts';
import { startNodeServer, type Target } from '../targets.ts';

export const oxigraph: Target = {
  name: 'oxigraph',
  label: 'Oxigraph',
  start(corpus, context) {
    return startNodeServer('oxigraph', join(import.meta.dirname, 'oxigraph-server.ts'), context, { NTRIPLES: corpus.ntriples });
  },
  // The server reads operationName and variables, as the bare ceiling does.
  bodies: claimgraphBodies,
  stop: (server) => stopServer(server),
};
