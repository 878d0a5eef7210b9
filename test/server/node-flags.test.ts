import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverCommand } from '../../src/cli/serve.ts';
import { SERVER_NODE_FLAGS, missingFlags } from '../../src/server/node-flags.ts';
import { openGraph } from '../../src/service/open-graph.ts';
import { DATA_DIR, tempDir } from '../service/write-client.ts';
import { startServer } from './real-server.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('the node flags the server runs with', () => {
  it('are the ones npm start passes, before the server module', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toBe(['node', ...SERVER_NODE_FLAGS, 'src/server/main.ts'].join(' '));
  });

  it('are added to a node command that lacks them, once, keeping the flags it has', () => {
    expect(missingFlags(['--inspect', ...SERVER_NODE_FLAGS])).toEqual([]);
    const command = serverCommand(['--inspect']);
    expect(command.slice(0, -1)).toEqual(['--inspect', ...SERVER_NODE_FLAGS]);
    expect(command.at(-1)).toBe(path.join(ROOT, 'src/server/main.ts'));
    expect(serverCommand([...SERVER_NODE_FLAGS]).slice(0, -1)).toEqual([...SERVER_NODE_FLAGS]);
  });

  it('let a server restored from a snapshot, its own or one found, collect what loading left before it answers, and one started without them still serves', async () => {
    const main = path.join(ROOT, 'src/server/main.ts');
    const collecting = /in \d+ ms \(\d+ ms of it collecting what loading left\); GraphQL at/;
    const folder = await tempDir('claimgraph-flags-');
    try {
      // A store with a snapshot beside it; one the server fills from the seed corpus, then
      // replays when started again (the seed corpus is too small for a snapshot); and that one
      // again with a snapshot asked for after any number of facts, which the server writes and
      // then serves the graph restored from.
      const snapshotted = path.join(folder.dir, 'snapshotted.sqlite');
      const opened = await openGraph({ storePath: snapshotted, dataDir: DATA_DIR, snapshotAfter: 0 });
      expect(opened.loaded.snapshotWritten).toBeGreaterThan(0);
      opened.graph.close();
      await opened.store.close();
      const fresh = path.join(folder.dir, 'fresh.sqlite');
      const cases = [
        { store: snapshotted, args: [...SERVER_NODE_FLAGS, main], line: /restored from the snapshot of/, collects: true },
        { store: snapshotted, args: [main], line: /restored from the snapshot of/, collects: false },
        { store: fresh, args: [...SERVER_NODE_FLAGS, main], line: /loaded from .* into/, collects: false },
        { store: fresh, args: [...SERVER_NODE_FLAGS, main], line: /replayed from \S+ in/, collects: false },
        { store: fresh, args: [...SERVER_NODE_FLAGS, main], line: /replayed from \S+, then restored from the snapshot written beside it,/, collects: true, snapshotAfter: '0' },
      ];
      for (const { store, args, line, collects, snapshotAfter } of cases) {
        const server = await startServer({ CLAIMGRAPH_STORE: store, ...(snapshotAfter ? { CLAIMGRAPH_SNAPSHOT_AFTER_FACTS: snapshotAfter } : {}) }, { args });
        try {
          expect((await fetch(`${server.base}/health`)).status).toBe(200);
          expect(server.output()).toMatch(/claimgraph: \d+ articles, \d+ claims/);
          expect(server.output()).toMatch(line);
          expect(collecting.test(server.output())).toBe(collects);
        } finally {
          await server.stop();
        }
      }
    } finally {
      await folder.remove();
    }
  }, 60_000);

  it('are what `claimgraph serve` starts the server with, and it passes a stop signal on', async () => {
    const serve = await startServer({}, { args: [path.join(ROOT, 'src/cli/main.ts'), 'serve'] });
    try {
      expect((await fetch(`${serve.base}/health`)).status).toBe(200);
      // The server is the command's one child node, started with the flags.
      const children = readFileSync(`/proc/${serve.pid}/task/${serve.pid}/children`, 'utf8').trim().split(/\s+/);
      expect(children).toHaveLength(1);
      const argv = readFileSync(`/proc/${children[0]}/cmdline`, 'utf8').split('\0');
      for (const flag of SERVER_NODE_FLAGS) expect(argv).toContain(flag);
      expect(argv).toContain(path.join(ROOT, 'src/server/main.ts'));
      expect(await serve.stop()).toBe(0);
      await expect(fetch(`${serve.base}/health`)).rejects.toThrow();
    } finally {
      await serve.stop();
    }
  }, 30_000);
});
