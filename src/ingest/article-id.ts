/**
 * Article identity: the content hash, the article ID derived from it, and the check that an
 * article is not already in a corpus.
 *
 * The pipeline is pure and cannot know what a corpus holds, so the caller passes the content
 * hashes it knows; the CLI's --write and the API's ingest mutation both ask `alreadyIngested`.
 */

import { sha256Hex, slugify } from '../model/ids.ts';

export function contentHash(body: string): string {
  return sha256Hex(body);
}

/** `Article:<first words of the title>-<8 hex of the content hash>`: stable for the same text and title. */
export function articleId(title: string, hash: string): string {
  const words = slugify(title).split('-').filter(Boolean).slice(0, 6).join('-');
  return `Article:${words ? `${words}-` : ''}${hash.slice(0, 8)}`;
}

/** A file stem for the article: the ID without its kind. */
export function articleStem(id: string): string {
  return id.slice(id.indexOf(':') + 1);
}

export interface KnownArticle {
  id: string;
  contentHash: string;
}

/** The article already holding this text, or null when the text is new. */
export function alreadyIngested(hash: string, known: Iterable<KnownArticle>): KnownArticle | null {
  for (const article of known) if (article.contentHash === hash) return article;
  return null;
}
