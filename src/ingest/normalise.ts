/**
 * Normalise: the article text the later stages read, mapped back to the body.
 *
 * The body is split into paragraphs (a line each, or a whole block when the text is hard
 * wrapped); boilerplate paragraphs are dropped (see boilerplate.ts), as are repeats of an
 * earlier paragraph (a headline or standfirst printed twice) and the promotional block many
 * pages end with. Kept paragraphs are joined by blank lines, runs of spaces collapse to one, and
 * every kept character keeps the body offset it came from, so evidence always points at the
 * body as given.
 */

import type { QualityIssue } from '../model/article.ts';
import { boilerplateKind, isHeadingLike, isSourceLine, type BoilerplateKind } from './boilerplate.ts';
import { MappedTextBuilder, type MappedText } from './offset-map.ts';
import { looksMachineSpun, looksMachineTranslated } from './quality.ts';

export type DropReason = BoilerplateKind | 'REPEATED';

export interface DroppedParagraph {
  /** Body offsets of the dropped paragraph. */
  start: number;
  end: number;
  text: string;
  reason: DropReason;
}

export interface Paragraph {
  /** Offsets in the normalised text. */
  start: number;
  end: number;
  /** The first paragraph, when it reads as a title rather than a sentence. */
  headline: boolean;
}

export interface NormalisedText extends MappedText {
  paragraphs: Paragraph[];
  dropped: DroppedParagraph[];
  quality: QualityIssue[];
}

interface Line {
  start: number;
  end: number;
}
interface RawParagraph {
  lines: Line[];
  text: string;
  drop: DropReason | null;
  source: boolean;
}

const TRIM = /[\s\u00a0\ufeff]/;
const INNER_SPACE = /[ \t\r\f\v\u00a0\ufeff]+/g;
const SHORT = 200;

function splitLines(body: string): (Line | null)[] {
  const lines: (Line | null)[] = [];
  let pos = 0;
  while (pos <= body.length) {
    const newline = body.indexOf('\n', pos);
    const lineEnd = newline < 0 ? body.length : newline;
    let s = pos;
    let e = lineEnd;
    while (s < e && TRIM.test(body[s]!)) s++;
    while (e > s && TRIM.test(body[e - 1]!)) e--;
    lines.push(s < e ? { start: s, end: e } : null);
    if (newline < 0) break;
    pos = newline + 1;
  }
  return lines;
}

/** A block of three or more similar-length lines with few sentence ends is hard wrapped. */
function isHardWrapped(body: string, block: Line[]): boolean {
  if (block.length < 3) return false;
  const inner = block.slice(0, -1);
  const open = inner.filter((l) => !/[.!?:;"”’)]$/.test(body.slice(l.start, l.end))).length;
  const widths = inner.map((l) => l.end - l.start);
  return open / inner.length >= 0.6 && Math.max(...widths) <= 100 && Math.min(...widths) >= 30;
}

function paragraphsOf(body: string): RawParagraph[] {
  const paragraphs: RawParagraph[] = [];
  const push = (lines: Line[]): void => {
    const text = lines.map((l) => body.slice(l.start, l.end)).join(' ').replace(INNER_SPACE, ' ');
    paragraphs.push({ lines, text, drop: null, source: isSourceLine(text) });
  };
  let block: Line[] = [];
  const flush = (): void => {
    if (block.length === 0) return;
    if (isHardWrapped(body, block)) push(block);
    else for (const line of block) push([line]);
    block = [];
  };
  for (const line of splitLines(body)) {
    if (line) block.push(line);
    else flush();
  }
  flush();
  return paragraphs;
}

/**
 * The promotional block at the end of a page: a run of short paragraphs holding at least two
 * advertising or widget lines, dropped from its first heading or call-out onwards.
 */
function markPromotionalTail(paragraphs: RawParagraph[]): void {
  let first = paragraphs.length;
  while (first > 0 && (paragraphs[first - 1]!.text.length <= SHORT || paragraphs[first - 1]!.drop)) first--;
  const run = paragraphs.slice(first);
  const isAnchor = (p: RawParagraph): boolean => p.drop === 'ADVERTISING' || p.drop === 'WIDGET';
  if (run.filter(isAnchor).length < 2) return;
  let start = run.findIndex(
    (p, i) => isAnchor(p) || (isHeadingLike(p.text) && !p.source && run.slice(i + 1, i + 4).some(isAnchor)),
  );
  if (start < 0) return;
  for (const p of run.slice(start)) if (!p.drop && !p.source) p.drop = 'ADVERTISING';
}

export function normalise(body: string): NormalisedText {
  const raw = paragraphsOf(body);
  const seen = new Set<string>();
  for (const p of raw) {
    if (p.source) continue;
    p.drop = boilerplateKind(p.text);
    const key = p.text.toLowerCase();
    if (!p.drop && p.text.length <= 400 && seen.has(key)) p.drop = 'REPEATED';
    seen.add(key);
  }
  markPromotionalTail(raw);

  const out = new MappedTextBuilder();
  const paragraphs: Paragraph[] = [];
  const dropped: DroppedParagraph[] = [];
  for (const p of raw) {
    const first = p.lines[0]!;
    const last = p.lines[p.lines.length - 1]!;
    if (p.drop) {
      dropped.push({ start: first.start, end: last.end, text: body.slice(first.start, last.end), reason: p.drop });
      continue;
    }
    if (out.length > 0) out.appendSynthetic('\n\n', first.start);
    const start = out.length;
    p.lines.forEach((line, i) => {
      if (i > 0) out.appendReplacement(' ', line.start - 1, line.start);
      appendCollapsed(out, body, line.start, line.end);
    });
    paragraphs.push({ start, end: out.length, headline: paragraphs.length === 0 && isHeadingLike(p.text) });
  }
  const mapped = out.build();
  return { ...mapped, paragraphs, dropped, quality: qualityOf(mapped.text, dropped) };
}

function appendCollapsed(out: MappedTextBuilder, body: string, start: number, end: number): void {
  INNER_SPACE.lastIndex = start;
  let at = start;
  for (let m = INNER_SPACE.exec(body); m && m.index < end; m = INNER_SPACE.exec(body)) {
    out.appendSlice(body, at, m.index);
    if (m[0] === ' ') out.appendSlice(body, m.index, m.index + 1);
    else out.appendReplacement(' ', m.index, m.index + 1);
    at = m.index + m[0].length;
  }
  out.appendSlice(body, at, end);
}

function qualityOf(text: string, dropped: DroppedParagraph[]): QualityIssue[] {
  const reasons = new Set(dropped.map((d) => d.reason));
  const issues: QualityIssue[] = [];
  if (looksMachineSpun(text)) issues.push('MACHINE_SPUN');
  if (reasons.has('REPEATED')) issues.push('REPEATED_HEADLINE');
  if (reasons.has('ADVERTISING')) issues.push('ADVERTISING');
  if (reasons.has('CAPTION')) issues.push('IMAGE_CAPTIONS');
  if (looksMachineTranslated(text)) issues.push('MACHINE_TRANSLATED');
  return issues;
}
