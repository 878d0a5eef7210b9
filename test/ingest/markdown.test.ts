import { describe, expect, it } from 'vitest';
import { markdownToText } from '../../src/ingest/markdown.ts';

describe('markdownToText', () => {
  const md = [
    '---',
    'title: Ignored here',
    '---',
    '# Nikon and *Sony* renew their deal',
    '',
    '![nikon sony deal 2](https://example.com/a.jpg)',
    '',
    'Nikon **will** keep buying sensors, [Reuters](https://reuters.com/x) reported.',
    '',
    '> "We are pleased," said Mr. Tanaka.',
    '',
    '- Price: `¥300,000`',
  ].join('\n');

  it('removes markup, images and front matter, keeping link text', () => {
    expect(markdownToText(md).text).toBe(
      'Nikon and Sony renew their deal\n\n\n\nNikon will keep buying sensors, Reuters reported.\n\n"We are pleased," said Mr. Tanaka.\n\nPrice: ¥300,000',
    );
  });

  it('maps each visible character to the same character of the Markdown', () => {
    const m = markdownToText(md);
    for (let i = 0; i < m.text.length; i++) expect(md[m.origin[i]!]).toBe(m.text[i]);
  });

  it('leaves underscores inside words and lone asterisks alone', () => {
    expect(markdownToText('The file_name is 5 * 3 long.').text).toBe('The file_name is 5 * 3 long.');
  });
});
