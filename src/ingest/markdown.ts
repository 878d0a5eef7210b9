/**
 * Markdown to visible text, with the Markdown offset of every character kept.
 *
 * Markup that a reader never sees is removed: front matter, heading and list markers, block
 * quote markers, emphasis, inline code ticks, link targets (the link text stays), HTML tags and
 * code fences. Images are removed whole: their alt text is a caption, not article text.
 */

import { MappedTextBuilder, type MappedText } from './offset-map.ts';

/** Spans of a line to leave out, as [start, end) pairs relative to the whole document. */
type Cut = [number, number];

const INLINE_PATTERNS: { pattern: RegExp; keep?: (m: RegExpExecArray) => [number, number] | null }[] = [
  { pattern: /!\[[^\]]*\]\([^)]*\)/g }, // image: removed whole
  { pattern: /!\[[^\]]*\]\[[^\]]*\]/g },
  { pattern: /\[([^\]]+)\]\([^)]*\)/g, keep: (m) => [1, 1 + m[1]!.length] }, // link: keep its text
  { pattern: /\[([^\]]+)\]\[[^\]]*\]/g, keep: (m) => [1, 1 + m[1]!.length] },
  { pattern: /<\/?[a-zA-Z][^>]*>/g }, // inline HTML tag
  { pattern: /`+/g }, // code ticks
  { pattern: /\\(?=[\\`*_{}[\]()#+\-.!])/g }, // escapes
  { pattern: /(?<![\p{L}\p{N}*_])(\*{1,3}|_{1,3})(?=[^\s*_])/gu }, // opening emphasis
  { pattern: /(?<=[^\s*_])(\*{1,3}|_{1,3})(?![\p{L}\p{N}*_])/gu }, // closing emphasis
];

const HEADING = /^ {0,3}#{1,6}\s+/;
const HEADING_CLOSE = /\s+#+\s*$/;
const QUOTE = /^ {0,3}(>\s?)+/;
const LIST = /^\s*(?:[-*+]|\d{1,3}[.)])\s+/;
const RULE = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;
const FENCE = /^ {0,3}(```|~~~)/;
const REFERENCE = /^ {0,3}\[[^\]]+\]:\s+\S+/;

function frontMatterEnd(markdown: string): number {
  if (!markdown.startsWith('---\n') && !markdown.startsWith('---\r\n')) return 0;
  const close = /^---\s*$/m;
  const rest = markdown.slice(4);
  const m = close.exec(rest);
  if (!m) return 0;
  const end = 4 + m.index + m[0].length;
  return markdown[end] === '\n' ? end + 1 : end;
}

export function markdownToText(markdown: string): MappedText {
  const out = new MappedTextBuilder();
  let inFence = false;
  let pos = frontMatterEnd(markdown);
  while (pos < markdown.length) {
    const newline = markdown.indexOf('\n', pos);
    const lineEnd = newline < 0 ? markdown.length : newline;
    const line = markdown.slice(pos, lineEnd);
    if (FENCE.test(line)) inFence = !inFence;
    else if (!inFence && !RULE.test(line) && !REFERENCE.test(line)) appendLine(out, markdown, pos, line);
    if (newline >= 0) out.appendSlice(markdown, newline, newline + 1);
    pos = lineEnd + 1;
  }
  return out.build();
}

function appendLine(out: MappedTextBuilder, source: string, lineStart: number, line: string): void {
  let from = 0;
  for (const block of [HEADING, QUOTE, LIST]) {
    const m = block.exec(line.slice(from));
    if (m) from += m[0].length;
  }
  let to = line.length;
  const close = HEADING.test(line) ? HEADING_CLOSE.exec(line) : null;
  if (close && close.index >= from) to = close.index;

  const cuts: Cut[] = [];
  const segment = line.slice(0, to);
  for (const { pattern, keep } of INLINE_PATTERNS) {
    pattern.lastIndex = from;
    for (let m = pattern.exec(segment); m; m = pattern.exec(segment)) {
      const s = m.index;
      const e = s + m[0].length;
      if (cuts.some(([a, b]) => s < b && e > a)) continue;
      const kept = keep?.(m);
      if (kept) {
        cuts.push([s, s + kept[0]], [s + kept[1], e]);
      } else cuts.push([s, e]);
      if (m[0].length === 0) pattern.lastIndex++;
    }
  }
  cuts.sort((a, b) => a[0] - b[0]);
  let at = from;
  for (const [s, e] of cuts) {
    if (s > at) out.appendSlice(source, lineStart + at, lineStart + s);
    at = Math.max(at, e);
  }
  if (to > at) out.appendSlice(source, lineStart + at, lineStart + to);
}
