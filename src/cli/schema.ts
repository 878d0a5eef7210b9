/**
 * `claimgraph schema`: prints the GraphQL schema from the code. `--write` saves it to
 * schema/schema.graphql; `--check` fails when that file differs from the code.
 */

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { printSchema } from 'graphql';
import { schema } from '../graphql/index.ts';

export const SCHEMA_FILE = path.resolve(import.meta.dirname, '../../schema/schema.graphql');

export function printedSchema(): string {
  return `${printSchema(schema)}\n`;
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { write: { type: 'boolean' }, check: { type: 'boolean' } } });
  const text = printedSchema();
  if (values.write) {
    await writeFile(SCHEMA_FILE, text);
    console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
    return 0;
  }
  if (values.check) {
    const saved = await readFile(SCHEMA_FILE, 'utf8').catch(() => '');
    if (saved === text) return 0;
    console.error('schema/schema.graphql is out of date with the code: run `npm run schema`.');
    return 1;
  }
  process.stdout.write(text);
  return 0;
}
