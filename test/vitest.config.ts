/**
 * Test runner configuration. graphql 16 ships CommonJS (`main`) and ESM (`module`) builds;
 * Node loads the CommonJS one, so the runner must too, or schema objects built by one copy
 * are refused by the other ("from another module or realm").
 */

import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: path.resolve(import.meta.dirname, '..'),
  resolve: { alias: [{ find: /^graphql$/, replacement: path.resolve(import.meta.dirname, '../node_modules/graphql/index.js') }] },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
