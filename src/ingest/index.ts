/**
 * The ingestion pipeline's public face: read an article, get the facts it states.
 */

export { ingestArticle, type IngestOptions, type IngestResult, type IngestStats } from './ingest-article.ts';
export { IngestError, INGEST_ERROR_CODES, type IngestErrorCode } from './ingest-error.ts';
export { MAX_BODY_BYTES, type ArticleInput } from './input.ts';
export { INPUT_FORMATS, sniffFormat, formatFromFileName, type InputFormat } from './format.ts';
export { alreadyIngested, articleId, articleStem, contentHash, type KnownArticle } from './article-id.ts';
export { buildAliasIndex, type AliasIndex } from './alias-index.ts';
export type { Candidate } from './resolve.ts';
export type { ExtractedClaim } from './claims.ts';
export { findMoney, type MoneyMention } from './money.ts';
export { findDates, type DateMention } from './dates.ts';
