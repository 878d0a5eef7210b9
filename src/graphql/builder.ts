/**
 * The Pothos schema builder: plugins, scalars and the request context. It defines no types;
 * each GraphQL type lives in its own file under types/.
 */

import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import type { KnowledgeGraph } from '../graph/index.ts';
import type { Viewer } from '../server/auth/viewer.ts';
import type { GraphWriter } from '../service/graph-writer.ts';
import { decodeGlobalId, encodeGlobalId } from './global-id.ts';

export interface Context {
  graph: KnowledgeGraph;
  /** Null when the server is read-only. */
  writer: GraphWriter | null;
  viewer: Viewer;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  Connection: { totalCount: number };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
}>({
  plugins: [RelayPlugin],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Global IDs are the graph's own readable `Kind:slug` IDs rather than base64 blobs.
    encodeGlobalID: encodeGlobalId,
    decodeGlobalID: decodeGlobalId,
  },
});

builder.queryType({ description: 'Read the knowledge graph: entities, articles, claims and their evidence.' });
builder.mutationType({ description: 'Change the graph. Every mutation needs a bearer token; each write is durable before it is acknowledged.' });

builder.globalConnectionField('totalCount', (t) =>
  t.int({ description: 'Number of items in the whole connection, across all pages.', resolve: (parent) => parent.totalCount }),
);
