/**
 * `claimgraph ingest <file|dir|-> [--json] [--write] [--data dir]`: reads articles it has never
 * seen and prints what they state: the registry entities they name, new candidate entities,
 * and claims with their evidence. `--write` adds them to the corpus (data/articles/<stem>.md
 * and data/extracted/<stem>.yaml), refusing, with nothing written, any text the corpus already
 * holds. A directory is read file by file with a progress bar.
 *
 * Files: .txt is plain text, .html HTML, .md Markdown (or, with front matter as in
 * data/articles/, metadata then a body); anything else, and standard input, is sniffed.
 */

import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { parse as parseYaml } from 'yaml';
import { loadConfig } from '../config.ts';
import { loadCorpus, type Corpus } from '../corpus/index.ts';
import { splitArticleFile } from '../corpus/front-matter.ts';
import { corpusFiles } from '../ingest/corpus-files.ts';
import {
  alreadyIngested,
  buildAliasIndex,
  formatFromFileName,
  IngestError,
  ingestArticle,
  INPUT_FORMATS,
  type ArticleInput,
  type IngestResult,
  type InputFormat,
} from '../ingest/index.ts';
import { summarise } from '../ingest/summary.ts';

const USAGE = `usage: claimgraph ingest <file|dir|-> [options]

  --json                 print the results as JSON instead of a summary
  --write                add the articles to the corpus (articles/ and extracted/ in --data)
  --data <dir>           the corpus directory (default: ./data, or CLAIMGRAPH_DATA_DIR)
  --format <f>           text, markdown or html (default: from the file name, else sniffed)
  --title <t>            article title          --publisher <name or Publication:id>
  --published <date>     YYYY, YYYY-MM or YYYY-MM-DD        --url <url>
`;

const ARTICLE_FILE = /\.(?:txt|md|markdown|html?|xhtml)$/i;

interface Source {
  name: string;
  input: ArticleInput;
  sourceFile: string | null;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** An article file's metadata and body: front matter as in data/articles/, when the file has it. */
function fromFile(text: string, format: InputFormat | null): ArticleInput {
  const parts = text.startsWith('---\n') ? splitArticleFile(text) : null;
  if (!parts) return { body: text, ...(format ? { format } : {}) };
  const front = (parseYaml(parts.yaml) ?? {}) as Record<string, unknown>;
  const published = front.published as { value?: unknown; precision?: string } | null | undefined;
  return {
    body: parts.body,
    ...(typeof front.title === 'string' ? { title: front.title } : {}),
    ...(typeof front.publisher === 'string' ? { publisher: front.publisher } : {}),
    ...(typeof front.url === 'string' ? { url: front.url } : {}),
    ...(typeof front.language === 'string' ? { language: front.language } : {}),
    ...(published && published.value !== undefined ? { published: { value: String(published.value), precision: published.precision as never } } : {}),
    ...(format && format !== 'markdown' ? { format } : {}),
  };
}

async function readSources(target: string, format: InputFormat | null): Promise<Source[]> {
  if (target === '-') return [{ name: '<stdin>', input: { body: await readStdin(), ...(format ? { format } : {}) }, sourceFile: null }];
  const info = await stat(target);
  const files = info.isDirectory()
    ? (await readdir(target)).filter((f) => ARTICLE_FILE.test(f)).sort().map((f) => join(target, f))
    : [target];
  const sources: Source[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    sources.push({ name: file, input: fromFile(text, format ?? formatFromFileName(file)), sourceFile: basename(file) });
  }
  return sources;
}

function json(result: IngestResult, name: string): object {
  return { source: name, article: result.article, entities: result.entities.map((e) => e.id), candidates: result.candidates, claims: result.claims, stats: result.stats };
}

async function writeToCorpus(results: { result: IngestResult; name: string }[], corpus: Corpus, dataDir: string): Promise<number> {
  const known = corpus.articles.map((a) => ({ id: a.id, contentHash: a.contentHash }));
  const refusals: string[] = [];
  for (const { result, name } of results) {
    const twin = alreadyIngested(result.article.contentHash, known);
    if (twin) refusals.push(`${name}: already in the corpus as ${twin.id} (same text, content hash ${result.article.contentHash.slice(0, 12)}…)`);
    else known.push({ id: result.article.id, contentHash: result.article.contentHash });
  }
  if (refusals.length > 0) {
    console.error(`claimgraph ingest --write: nothing written.\n${refusals.map((r) => `  ${r}`).join('\n')}`);
    return 1;
  }
  await mkdir(join(dataDir, 'articles'), { recursive: true });
  await mkdir(join(dataDir, 'extracted'), { recursive: true });
  for (const { result } of results) {
    const files = corpusFiles(result, corpus.entities);
    await writeFile(join(dataDir, files.articlePath), files.articleText, { flag: 'wx' });
    await writeFile(join(dataDir, files.extractedPath), files.extractedText, { flag: 'wx' });
    console.error(`wrote ${join(dataDir, files.articlePath)} and ${join(dataDir, files.extractedPath)} (${result.claims.length} claims)`);
  }
  return 0;
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        write: { type: 'boolean', default: false },
        data: { type: 'string' },
        format: { type: 'string' },
        title: { type: 'string' },
        publisher: { type: 'string' },
        published: { type: 'string' },
        url: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`claimgraph ingest: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(`claimgraph ingest: give one file, directory or "-" for standard input\n\n${USAGE}`);
    return 2;
  }
  const format = values.format ?? null;
  if (format !== null && !(INPUT_FORMATS as readonly string[]).includes(format)) {
    console.error(`claimgraph ingest: --format must be one of ${INPUT_FORMATS.join(', ')}, not "${format}"`);
    return 2;
  }
  const dataDir = values.data ?? loadConfig().dataDir;

  let corpus: Corpus;
  let sources: Source[];
  try {
    corpus = await loadCorpus(dataDir);
    sources = await readSources(positionals[0]!, format as InputFormat | null);
  } catch (error) {
    console.error(`claimgraph ingest: ${(error as Error).message}`);
    return 1;
  }
  if (sources.length === 0) {
    console.error(`claimgraph ingest: no .txt, .md or .html files in ${positionals[0]}`);
    return 1;
  }

  const overrides: Partial<ArticleInput> = {
    ...(values.title ? { title: values.title } : {}),
    ...(values.publisher ? { publisher: values.publisher } : {}),
    ...(values.published ? { published: values.published } : {}),
    ...(values.url ? { url: values.url } : {}),
  };
  const aliasIndex = buildAliasIndex(corpus.entities);
  const bar = sources.length > 1 && process.stderr.isTTY ? new SingleBar({ format: 'ingest [{bar}] {value}/{total} {file}', stream: process.stderr, hideCursor: true }) : null;
  bar?.start(sources.length, 0, { file: '' });
  const results: { result: IngestResult; name: string }[] = [];
  const failures: string[] = [];
  for (const source of sources) {
    bar?.increment({ file: basename(source.name) });
    try {
      const result = ingestArticle({ ...source.input, ...overrides }, corpus.entities, { aliasIndex, ...(source.sourceFile ? { sourceFile: source.sourceFile } : {}) });
      results.push({ result, name: source.name });
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      failures.push(`${source.name}: ${error.code}: ${error.message}`);
    }
  }
  bar?.stop();

  if (values.json) {
    const out = results.map(({ result, name }) => json(result, name));
    console.log(JSON.stringify(sources.length === 1 && out.length === 1 ? out[0] : out, null, 2));
  } else {
    for (const { result, name } of results) console.log(`${summarise(result, name)}\n`);
  }
  for (const failure of failures) console.error(`claimgraph ingest: ${failure}`);
  if (failures.length > 0) {
    if (values.write) console.error('claimgraph ingest --write: nothing written, as some articles could not be read.');
    return 1;
  }
  return values.write ? writeToCorpus(results, corpus, dataDir) : 0;
}
