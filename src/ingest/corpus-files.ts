/**
 * The files an ingested article becomes in a corpus directory: data/articles/<stem>.md (front
 * matter and the body, as the curated articles are written) and data/extracted/<stem>.yaml
 * (the claims in the curation format, with each claim's confidence and the new candidate
 * entities). Pure text building; the CLI writes them.
 */

import { stringify } from 'yaml';
import type { Entity } from '../model/entity.ts';
import { articleStem } from './article-id.ts';
import type { IngestResult } from './ingest-article.ts';

export interface CorpusFiles {
  stem: string;
  /** Relative to the corpus directory. */
  articlePath: string;
  articleText: string;
  extractedPath: string;
  extractedText: string;
}

/**
 * Which appearance of `quote` in `body` starts at `start` (1-based), or null when the quote
 * appears only once: the loader wants `occurrence` exactly when a quote is ambiguous.
 */
function occurrence(body: string, quote: string, start: number): number | null {
  let n = 0;
  let which = 0;
  for (let at = body.indexOf(quote); at >= 0; at = body.indexOf(quote, at + 1)) {
    n++;
    if (at === start) which = n;
  }
  return n > 1 ? which : null;
}

export function corpusFiles(result: IngestResult, registry: readonly Entity[]): CorpusFiles {
  const { article } = result;
  const stem = articleStem(article.id);
  // The loader accepts only registered publishers; a new outlet is listed among the candidates instead.
  const publisher = article.publisher && registry.some((e) => e.id === article.publisher) ? article.publisher : null;
  const front = {
    title: article.title,
    publisher,
    url: article.url,
    published: article.published,
    language: article.language,
    sourceFile: article.sourceFile,
    quality: article.quality,
  };
  const articleText = `---\n${stringify(front, { lineWidth: 0 })}---\n${article.body}`;

  const claims = result.claims.map(({ claim, evidence }) => ({
    subject: claim.subject,
    predicate: claim.predicate,
    ...(claim.object ? { object: claim.object } : { value: claim.value }),
    ...(Object.keys(claim.qualifiers).length ? { qualifiers: claim.qualifiers } : {}),
    ...(claim.negated ? { negated: true } : {}),
    quote: evidence.quote,
    ...((n) => (n === null ? {} : { occurrence: n }))(occurrence(article.body, evidence.quote, evidence.start)),
    modality: evidence.modality,
    ...(evidence.attributedTo ? { attributedTo: evidence.attributedTo } : {}),
    confidence: evidence.confidence,
  }));
  const entities = result.candidates.map((c) => ({ ...c.entity, confidence: c.confidence }));
  const header =
    `# Claims extracted by \`claimgraph ingest\` from articles/${stem}.md, in the format of\n` +
    `# data/curation/*.yaml, with each claim's confidence. \`entities\` lists the new candidate\n` +
    `# entities the claims refer to, which the registry does not yet hold.\n\n`;
  const extractedText = header + stringify({ article: article.id, entities, claims }, { lineWidth: 0 });
  return { stem, articlePath: `articles/${stem}.md`, articleText, extractedPath: `extracted/${stem}.yaml`, extractedText };
}
