/**
 * HTML to visible text, with the HTML offset of every character kept.
 *
 * Scripts, styles, navigation, asides, forms and figure captions are not article text and are
 * skipped; block elements become paragraph breaks; runs of whitespace collapse to one space;
 * character references are decoded. Image alt text is never visible text, so it never reaches
 * the claims. The document `<title>` (or the first `<h1>`) is offered as the article title.
 */

import { Parser } from 'htmlparser2';
import { MappedTextBuilder, type MappedText } from './offset-map.ts';

const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'canvas', 'head',
  'nav', 'aside', 'footer', 'form', 'button', 'select', 'figcaption', 'title',
]);
const PARAGRAPH = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'blockquote', 'figure', 'table', 'ul', 'ol',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'hr', 'dl', 'body', 'html',
]);
const LINE = new Set(['br', 'li', 'tr', 'dt', 'dd', 'td', 'th']);
const WHITESPACE = /[\s\u00a0]/;

export interface HtmlText {
  mapped: MappedText;
  /** Text of `<title>`, else of the first `<h1>`; null when the page has neither. */
  title: string | null;
}

export function htmlToText(html: string): HtmlText {
  const out = new MappedTextBuilder();
  let skipDepth = 0;
  let pendingBreak = 0;
  let pendingSpace = -1;
  let titleText: string | null = null;
  let inTitle = false;
  let h1Text: string | null = null;
  let inH1 = false;

  const breakBefore = (lines: number): void => {
    pendingBreak = Math.max(pendingBreak, lines);
    pendingSpace = -1;
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'title') inTitle = true;
        if (name === 'h1' && h1Text === null) {
          inH1 = true;
          h1Text = '';
        }
        if (SKIPPED.has(name)) skipDepth++;
        else if (PARAGRAPH.has(name)) breakBefore(2);
        else if (LINE.has(name)) breakBefore(1);
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'h1') inH1 = false;
        if (SKIPPED.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        else if (PARAGRAPH.has(name)) breakBefore(2);
        else if (LINE.has(name)) breakBefore(1);
      },
      ontext(data) {
        if (inTitle) titleText = (titleText ?? '') + data;
        if (skipDepth > 0) return;
        if (inH1) h1Text = (h1Text ?? '') + data;
        const start = parser.startIndex;
        const span = parser.endIndex + 1 - start;
        // A decoded character reference is shorter than its source; map all of it to its start.
        const literal = span === data.length;
        for (let i = 0; i < data.length; i++) {
          const ch = data[i]!;
          const at = literal ? start + i : start;
          if (WHITESPACE.test(ch)) {
            if (pendingSpace < 0 && out.length > 0 && pendingBreak === 0) pendingSpace = at;
            continue;
          }
          if (pendingBreak > 0) {
            if (out.length > 0) out.appendSynthetic('\n'.repeat(pendingBreak), at);
            pendingBreak = 0;
          } else if (pendingSpace >= 0) {
            out.appendReplacement(' ', pendingSpace, pendingSpace + 1);
          }
          pendingSpace = -1;
          if (literal) out.appendSlice(html, at, at + 1);
          else out.appendReplacement(ch, start, start + span);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  const clean = (text: string | null): string | null => {
    const t = text?.replace(/\s+/g, ' ').trim();
    return t ? t : null;
  };
  return { mapped: out.build(), title: clean(titleText) ?? clean(h1Text) };
}
