/**
 * `claimgraph check [--data dir]`: loads and validates the corpus without serving, and
 * prints what it holds. Exits 1 listing every problem when the corpus is invalid.
 */

import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { loadGraph } from '../server/load-graph.ts';

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { data: { type: 'string' } } });
  const dataDir = values.data ?? loadConfig().dataDir;
  try {
    const graph = await loadGraph(dataDir);
    const evidence = graph.claims({ includeDeprecated: true }).reduce((n, c) => n + c.evidence.length, 0);
    console.log(
      `${dataDir}: ${graph.count('Article')} articles, ${graph.entities().length} entities, ` +
        `${graph.count('Claim')} claims, ${evidence} evidences: OK`,
    );
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}
