/**
 * Article files: YAML front matter between `---` lines, then the body exactly as published.
 *
 * The body is everything after the closing `---` line, byte for byte: no trimming, no added
 * newline, because evidence offsets index into it. The front matter says what the text does
 * not: title, publisher, date (with its precision, and whether it was inferred), language,
 * the seed file it came from and its known quality problems.
 */

import { z } from 'zod';
import { DATE_PRECISIONS, QUALITY_ISSUES, type Article } from '../model/article.ts';
import { sha256Hex } from '../model/ids.ts';
import { dateProblem } from '../model/value.ts';
import type { Report } from './corpus-error.ts';
import { parseYaml } from './parse-yaml.ts';
import { describeIssues } from './schema-issues.ts';

const OPENING = '---\n';
const CLOSING = '\n---\n';

/** A date in YAML: `2022-07` reads as a string, but a bare year `2022` reads as a number. */
export const dateText = z.union([z.string(), z.int()], { error: 'expected a date such as "2022", "2022-07" or "2022-07-04"' }).transform(String);

const PublishedSchema = z
  .strictObject({ value: dateText, precision: z.enum(DATE_PRECISIONS), estimated: z.boolean() })
  .superRefine((published, context) => {
    const problem = dateProblem(published.value, published.precision);
    if (problem) context.addIssue({ code: 'custom', message: problem, path: ['value'] });
  });

export const FrontMatterSchema = z.strictObject({
  title: z.string().trim().min(1),
  /** The source printed no headline; the title was written from its content. */
  titleInferred: z.boolean().optional(),
  publisher: z.string().nullable(),
  url: z.url().nullable(),
  published: PublishedSchema.nullable(),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a BCP 47 language tag such as "en"'),
  sourceFile: z.string().min(1).nullable(),
  quality: z.array(z.enum(QUALITY_ISSUES)),
});
export type FrontMatter = z.infer<typeof FrontMatterSchema>;

/** Splits an article file; null when it does not open with front matter closed by a `---` line. */
export function splitArticleFile(text: string): { yaml: string; body: string } | null {
  if (!text.startsWith(OPENING)) return null;
  const closing = text.indexOf(CLOSING, OPENING.length - 1);
  if (closing < 0) return null;
  return { yaml: text.slice(OPENING.length, closing + 1), body: text.slice(closing + CLOSING.length) };
}

export interface ArticleFile {
  /** Null when the file could not be split into front matter and body. */
  body: string | null;
  /** Null when the front matter has problems (they are reported). */
  article: Article | null;
}

/** Reads one article file; `id` is `Article:<stem>`. Publisher IDs are checked by the caller. */
export function parseArticleFile(text: string, id: string, report: Report): ArticleFile {
  const parts = splitArticleFile(text);
  if (!parts) {
    report('front matter', 'expected the file to open with a "---" line, YAML front matter, and a closing "---" line before the body');
    return { body: null, article: null };
  }
  const data = parseYaml(parts.yaml, report, 2);
  if (data === undefined) return { body: parts.body, article: null };
  const parsed = FrontMatterSchema.safeParse(data ?? {});
  if (!parsed.success) {
    for (const line of describeIssues(parsed.error)) report('front matter', line);
    return { body: parts.body, article: null };
  }
  const front = parsed.data;
  return {
    body: parts.body,
    article: {
      id,
      title: front.title,
      publisher: front.publisher,
      url: front.url,
      published: front.published,
      language: front.language,
      sourceFile: front.sourceFile,
      body: parts.body,
      contentHash: sha256Hex(parts.body),
      quality: front.quality,
    },
  };
}
