/**
 * ArticleInput: what a caller hands the pipeline, and its checks.
 *
 * The body may be plain text, Markdown or HTML (sniffed when `format` is absent). Metadata is
 * checked with zod; a body that is empty, over the size limit, binary or not English is refused
 * with an IngestError naming what was wrong and what is accepted.
 */

import { z } from 'zod';
import { DATE_PRECISIONS, type PublishedDate } from '../model/article.ts';
import { dateProblem } from '../model/value.ts';
import { INPUT_FORMATS, sniffFormat, type InputFormat } from './format.ts';
import { IngestError } from './ingest-error.ts';

export interface ArticleInput {
  body: string;
  format?: InputFormat;
  title?: string;
  /** A Publication entity ID ("Publication:engadget") or the outlet's name ("Engadget"). */
  publisher?: string;
  url?: string;
  /** `{ value, precision }` or an ISO 8601 date ("2022-07", "2022-07-04", "2022-07-04T09:30:00Z"). */
  published?: { value: string; precision: PublishedDate['precision'] } | string;
  /** Declared language (ISO 639-1 or 639-3); only English is accepted. */
  language?: string;
}

/** 1 MB of text: far beyond any news article, small enough to refuse a dump. */
export const MAX_BODY_BYTES = 1_000_000;

function isHttpUrl(text: string): boolean {
  try {
    return /^https?:$/.test(new URL(text).protocol);
  } catch {
    return false;
  }
}

const Metadata = z.object({
  format: z.enum(INPUT_FORMATS).optional(),
  title: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters').optional(),
  publisher: z.string().trim().min(1, 'must not be empty').max(200).optional(),
  url: z.string().refine(isHttpUrl, 'must be an absolute http or https URL such as https://example.com/story').optional(),
  published: z
    .union([
      z.object({ value: z.string(), precision: z.enum(DATE_PRECISIONS) }),
      z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/, 'must be an ISO 8601 date: YYYY, YYYY-MM, YYYY-MM-DD or a timestamp'),
    ])
    .optional(),
  language: z.string().trim().regex(/^[A-Za-z]{2,3}(?:-[A-Za-z]{2})?$|^english$/i, 'must be a language code such as "en"').optional(),
});

export interface CheckedInput {
  body: string;
  format: InputFormat;
  title: string | null;
  publisher: string | null;
  url: string | null;
  published: PublishedDate | null;
  language: string | null;
}

function publishedDate(published: ArticleInput['published']): PublishedDate | null {
  if (published === undefined) return null;
  if (typeof published !== 'string') {
    const problem = dateProblem(published.value, published.precision);
    if (problem) throw new IngestError('BAD_METADATA', `published: ${problem}`);
    return { value: published.value, precision: published.precision, estimated: false };
  }
  const day = published.slice(0, 10);
  const precision = day.length === 10 ? 'DAY' : day.length === 7 ? 'MONTH' : 'YEAR';
  const problem = dateProblem(day, precision);
  if (problem) throw new IngestError('BAD_METADATA', `published: ${problem}`);
  return { value: day, precision, estimated: false };
}

/** Characters no article contains: NUL and the C0 controls other than tab, newline, return and form feed. */
const BINARY = /[\u0000-\u0008\u000e-\u001f\ufffd]/g;

export function checkInput(input: ArticleInput): CheckedInput {
  if (typeof input !== 'object' || input === null || typeof input.body !== 'string') {
    throw new IngestError('BAD_METADATA', 'ingestArticle: expected { body: string, ...metadata }');
  }
  const { body } = input;
  const bytes = Buffer.byteLength(body, 'utf8');
  if (bytes > MAX_BODY_BYTES) {
    throw new IngestError('TOO_LARGE', `body is ${bytes} bytes; articles of up to ${MAX_BODY_BYTES} bytes (1 MB) are accepted`);
  }
  if (body.trim() === '') throw new IngestError('EMPTY_INPUT', 'body is empty or only white space; give the article text (plain text, Markdown or HTML)');
  const controls = body.match(BINARY)?.length ?? 0;
  if (controls > 0 && controls / body.length > 0.001) {
    throw new IngestError('BINARY', `body has ${controls} control or undecodable characters, so it looks like binary data; give UTF-8 text (plain text, Markdown or HTML)`);
  }
  const parsed = Metadata.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`);
    throw new IngestError('BAD_METADATA', `bad article metadata: ${problems.join('; ')}`);
  }
  const meta = parsed.data;
  return {
    body,
    format: meta.format ?? sniffFormat(body),
    title: meta.title ?? null,
    publisher: meta.publisher ?? null,
    url: meta.url ?? null,
    published: publishedDate(meta.published),
    language: meta.language ?? null,
  };
}
