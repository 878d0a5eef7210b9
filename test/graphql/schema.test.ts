import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, printedSchema } from '../../src/cli/schema.ts';

describe('schema/schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema` after changing a type)', async () => {
    expect(await readFile(SCHEMA_FILE, 'utf8')).toBe(printedSchema());
  });
});
