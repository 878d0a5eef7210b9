/**
 * The five seed articles as test fixtures, read from test/fixtures/seeds/.
 */

import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../fixtures/seeds/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

/** The body of seed article `n` (0–4), exactly as published. */
export function seed(n: number): string {
  const file = files[n];
  if (!file) throw new Error(`no seed article ${n}`);
  return readFileSync(dir + file, 'utf8');
}

export const SEED_COUNT = files.length;
