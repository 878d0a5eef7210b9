/**
 * SearchIndex: ranked full-text search over entity names and aliases, article titles and
 * bodies, and claim text.
 *
 * Built on MiniSearch (BM25+ scoring, prefix and fuzzy matching). Every hit says which of its
 * fields matched which query terms, and where in the text the first match sits, so a client
 * can show why something came back.
 */

import MiniSearch from 'minisearch';
import type { Article, Entity } from '../model/index.ts';

export type SearchHitKind = 'ENTITY' | 'ARTICLE' | 'CLAIM';
export type SearchField = 'NAME' | 'ALIAS' | 'TITLE' | 'BODY' | 'CLAIM_TEXT';

interface SearchDocument {
  id: string;
  kind: SearchHitKind;
  name?: string;
  aliases?: string;
  title?: string;
  body?: string;
  text?: string;
}

export interface SearchMatch {
  field: SearchField;
  terms: string[];
  /** Where the first matching term sits in the field's text. */
  start: number;
  end: number;
  /** The words around it, for display. */
  snippet: string;
}

export interface SearchHit {
  id: string;
  kind: SearchHitKind;
  score: number;
  matches: SearchMatch[];
}

const FIELD_NAMES: Record<string, SearchField> = {
  name: 'NAME',
  aliases: 'ALIAS',
  title: 'TITLE',
  body: 'BODY',
  text: 'CLAIM_TEXT',
};

/** Longest query the index will look at; longer input is cut, not refused. */
export const MAX_QUERY_LENGTH = 500;

export class SearchIndex {
  private readonly index = new MiniSearch<SearchDocument>({
    fields: ['name', 'aliases', 'title', 'body', 'text'],
    storeFields: [],
    processTerm: (term) => term.toLowerCase().replace(/[’']s$/, ''),
  });
  private readonly documents = new Map<string, SearchDocument>();

  addEntity(entity: Entity): void {
    this.put({ id: entity.id, kind: 'ENTITY', name: entity.name, aliases: entity.aliases.join(' | ') });
  }

  updateEntity(entity: Entity): void {
    this.addEntity(entity);
  }

  removeEntity(entity: Entity): void {
    this.remove(entity.id);
  }

  addArticle(article: Article): void {
    this.put({ id: article.id, kind: 'ARTICLE', title: article.title, body: article.body });
  }

  addClaim(id: string, text: string): void {
    this.put({ id, kind: 'CLAIM', text });
  }

  removeClaim(id: string): void {
    this.remove(id);
  }

  private put(document: SearchDocument): void {
    if (this.documents.has(document.id)) this.index.discard(document.id);
    this.documents.set(document.id, document);
    this.index.add(document);
  }

  private remove(id: string): void {
    if (!this.documents.has(id)) return;
    this.index.discard(id);
    this.documents.delete(id);
  }

  search(query: string, limit: number, kinds?: readonly SearchHitKind[]): SearchHit[] {
    const text = query.slice(0, MAX_QUERY_LENGTH);
    const results = this.index.search(text, {
      boost: { name: 4, aliases: 3, title: 2, text: 1.5, body: 1 },
      prefix: (term, index, terms) => index === terms.length - 1 && term.length >= 3,
      // Two edits from six letters up ("Lecia" finds Leica), one from four; none below.
      fuzzy: (term) => (term.length >= 4 ? 0.34 : false),
      combineWith: 'OR',
      filter: kinds ? (result) => kinds.includes(this.documents.get(String(result.id))!.kind) : undefined,
    });
    return results.slice(0, limit).map((result) => {
      const document = this.documents.get(String(result.id))!;
      const byField = new Map<string, string[]>();
      for (const [term, fields] of Object.entries(result.match)) {
        for (const field of fields) byField.set(field, [...(byField.get(field) ?? []), term]);
      }
      const matches = [...byField].map(([field, terms]) =>
        locate(FIELD_NAMES[field]!, terms, document[field as keyof SearchDocument] as string));
      return { id: document.id, kind: document.kind, score: result.score, matches };
    });
  }
}

function locate(field: SearchField, terms: string[], text: string): SearchMatch {
  const lower = text.toLowerCase();
  let start = -1;
  let term = '';
  for (const candidate of terms) {
    const at = lower.search(new RegExp(`(?<![\\p{L}\\p{N}])${escape(candidate)}`, 'u'));
    if (at >= 0 && (start < 0 || at < start)) {
      start = at;
      term = candidate;
    }
  }
  if (start < 0) return { field, terms, start: 0, end: 0, snippet: text.slice(0, 120) };
  const wordEnd = lower.slice(start).search(/[^\p{L}\p{N}]/u);
  const end = wordEnd < 0 ? text.length : start + Math.max(wordEnd, term.length);
  const from = Math.max(0, text.lastIndexOf(' ', Math.max(0, start - 60)) + 1);
  const toSpace = text.indexOf(' ', Math.min(text.length, end + 60));
  const to = toSpace < 0 ? text.length : toSpace;
  const snippet = `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ')}${to < text.length ? '…' : ''}`;
  return { field, terms, start, end, snippet };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
