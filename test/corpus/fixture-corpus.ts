/**
 * Small corpora written to temporary directories, for specifying what the loader accepts.
 *
 * `validCorpus()` describes a sound corpus as plain data (one real seed article, a few
 * entities, two curated claims, one rate); a test changes one thing and writes it with
 * `writeCorpus`, so each failing load is caused by exactly the change under test.
 */

import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { expect } from 'vitest';
import { CorpusError, loadCorpus, type CorpusProblem } from '../../src/corpus/index.ts';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');
export const SEEDS_DIR = join(REPO_ROOT, '..', 'shared', 'seeds');
export const DATA_DIR = join(REPO_ROOT, 'data');

export const FIXTURE_SEED = '003_96395eb8440ca298.txt';
export const FIXTURE_STEM = '003-96395eb8';
export const ARTICLE_FILE = `articles/${FIXTURE_STEM}.md`;
export const CURATION_FILE = `curation/${FIXTURE_STEM}.yaml`;

export interface CorpusSpec {
  frontMatter: Record<string, unknown>;
  body: string;
  entities: Record<string, unknown>[];
  curation: { article: string; claims: Record<string, unknown>[] };
  rates: { source: string; rates: Record<string, unknown>[] };
  /** Extra files, by path relative to the corpus directory. */
  extra: Record<string, string>;
}

export async function seedText(file: string): Promise<string> {
  return readFile(join(SEEDS_DIR, file), 'utf8');
}

export async function validCorpus(): Promise<CorpusSpec> {
  return {
    frontMatter: {
      title: 'Leica enters a long-time partnership with Xiaomi',
      publisher: null,
      url: null,
      published: { value: '2022-05', precision: 'MONTH', estimated: true },
      language: 'en',
      sourceFile: FIXTURE_SEED,
      quality: [],
    },
    body: await seedText(FIXTURE_SEED),
    entities: [
      { id: 'Company:xiaomi', name: 'Xiaomi', aliases: [], description: 'Chinese phone maker.' },
      { id: 'Company:leica', name: 'Leica', aliases: [], description: 'German optics maker.' },
      { id: 'Company:huawei', name: 'Huawei', aliases: [], description: null },
      { id: 'Product:xiaomi-12-ultra', name: 'Xiaomi 12 Ultra', aliases: ['12 Ultra'] },
      { id: 'Person:lei-jun', name: 'Lei Jun', aliases: ['Jun'] },
      { id: 'Publication:gizmochina', name: 'GizmoChina' },
    ],
    curation: {
      article: `Article:${FIXTURE_STEM}`,
      claims: [
        {
          subject: 'Company:leica',
          predicate: 'PARTNERS_WITH',
          object: 'Company:xiaomi',
          qualifiers: { startTime: { type: 'Date', value: 2022, precision: 'YEAR' } },
          quote: 'Xiaomi has entered a strategic partnership with Leica',
          modality: 'REPORTED',
          attributedTo: 'Publication:gizmochina',
        },
        {
          subject: 'Company:leica',
          predicate: 'COUNTRY',
          value: { type: 'Text', text: 'Germany' },
          quote: 'Leica has specialized in camera optics',
          modality: 'ASSERTED',
        },
      ],
    },
    rates: { source: 'test figures', rates: [{ currency: 'EUR', month: '2022-05', usdPerUnit: 1.06 }] },
    extra: {},
  };
}

/** Writes the corpus to a fresh temporary directory and returns its path. */
export async function writeCorpus(spec: CorpusSpec): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'claimgraph-corpus-'));
  const files: Record<string, string> = {
    'entities.yaml': stringify(spec.entities),
    'rates.yaml': stringify(spec.rates),
    [ARTICLE_FILE]: `---\n${stringify(spec.frontMatter)}---\n${spec.body}`,
    [CURATION_FILE]: stringify(spec.curation),
    ...spec.extra,
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

/** The problems a corpus is rejected with; fails the test when it loads. */
export async function problemsOf(spec: CorpusSpec): Promise<readonly CorpusProblem[]> {
  const dir = await writeCorpus(spec);
  const error = await loadCorpus(dir).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(CorpusError);
  return (error as CorpusError).problems;
}
