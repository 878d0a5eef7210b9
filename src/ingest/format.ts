/**
 * Input formats and sniffing: plain text, Markdown or HTML.
 *
 * Sniffing looks for markup a writer would not type by accident: two or more known HTML tags,
 * or Markdown headings, links, images or emphasis. Anything else is plain text.
 */

export const INPUT_FORMATS = ['text', 'markdown', 'html'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

const HTML_TAG = /<\/?(?:html|head|body|p|div|span|a|br|h[1-6]|ul|ol|li|article|section|script|style|img|em|strong|b|i|meta|link|title|figure|table)\b[^>]*>/gi;
const MARKDOWN_SIGNS = [
  /^ {0,3}#{1,6} \S/m, // heading
  /\[[^\]\n]+\]\((?:https?:|\/|#)[^)\s]*\)/, // link
  /!\[[^\]\n]*\]\([^)\s]+\)/, // image
  /(?:^|\s)\*\*[^*\n]+\*\*(?:\s|[.,;:!?]|$)/m, // strong emphasis
  /^ {0,3}> \S/m, // block quote
  /^```/m, // code fence
];

export function sniffFormat(body: string): InputFormat {
  const sample = body.slice(0, 20_000);
  if (/^\s*<!doctype html/i.test(sample)) return 'html';
  const tags = sample.match(HTML_TAG);
  if (tags && tags.length >= 2) return 'html';
  if (MARKDOWN_SIGNS.some((sign) => sign.test(sample))) return 'markdown';
  return 'text';
}

/** The format a file name suggests, or null when its extension says nothing. */
export function formatFromFileName(name: string): InputFormat | null {
  const lower = name.toLowerCase();
  if (/\.x?html?$/.test(lower)) return 'html';
  if (/\.(md|markdown|mdx)$/.test(lower)) return 'markdown';
  if (/\.txt$/.test(lower)) return 'text';
  return null;
}
