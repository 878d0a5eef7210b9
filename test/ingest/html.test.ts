import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/ingest/html.ts';

const page = `<!doctype html><html><head><title>Canon &amp; Sony sign a deal</title>
<script>var ad = "Buy now";</script><style>p { color: red }</style></head>
<body><nav><a href="/">Home</a></nav>
<h1>Canon &amp; Sony sign a deal</h1>
<p>Canon will buy   sensors from <b>Sony</b>&nbsp;for five years.</p>
<figure><img src="a.jpg" alt="canon sony deal photo 3"><figcaption>Photo: Canon</figcaption></figure>
<p>The deal is worth &pound;1.2 million.<br>It starts in May.</p>
<footer>All rights reserved</footer></body></html>`;

describe('htmlToText', () => {
  it('keeps visible text only: no scripts, styles, navigation, captions, alt text or footers', () => {
    const { mapped, title } = htmlToText(page);
    expect(mapped.text).toBe(
      'Canon & Sony sign a deal\n\nCanon will buy sensors from Sony for five years.\n\nThe deal is worth £1.2 million.\nIt starts in May.',
    );
    expect(title).toBe('Canon & Sony sign a deal');
  });

  it('maps every visible character back to the HTML it came from', () => {
    const { mapped } = htmlToText(page);
    for (let i = 0; i < mapped.text.length; i++) {
      if (mapped.synthetic[i]) continue;
      const ch = mapped.text[i]!;
      const at = mapped.origin[i]!;
      if (ch === '&') expect(page.slice(at, at + 5)).toBe('&amp;');
      else if (ch === '£') expect(page.slice(at, at + 7)).toBe('&pound;');
      else if (ch === ' ') expect(page[at]).toMatch(/\s|&/);
      else expect(page[at]).toBe(ch);
    }
  });
});
