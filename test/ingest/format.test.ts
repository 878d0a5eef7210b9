import { describe, expect, it } from 'vitest';
import { formatFromFileName, sniffFormat } from '../../src/ingest/format.ts';
import { seed } from './seeds.ts';

describe('sniffFormat', () => {
  it('reads the seed articles as plain text', () => {
    for (let k = 0; k < 5; k++) expect(sniffFormat(seed(k))).toBe('text');
  });
  it('recognises HTML by its tags and Markdown by its headings and links', () => {
    expect(sniffFormat('<p>Sony said</p><p>more</p>')).toBe('html');
    expect(sniffFormat('# Title\n\nText')).toBe('markdown');
    expect(sniffFormat('As [Reuters](https://reuters.com) said.')).toBe('markdown');
    expect(sniffFormat('Prices rose 3 < 4 > 2 today.')).toBe('text');
  });
  it('takes a hint from the file name', () => {
    expect(formatFromFileName('a/b.HTML')).toBe('html');
    expect(formatFromFileName('post.md')).toBe('markdown');
    expect(formatFromFileName('post.txt')).toBe('text');
    expect(formatFromFileName('post')).toBeNull();
  });
});
