/**
 * IngestError: the one error the ingestion pipeline throws for input it will not read.
 *
 * Callers branch on `code`, never on the wording; the message says what was wrong and what is
 * accepted. A rejected article changes nothing: the pipeline throws before producing facts.
 */

export const INGEST_ERROR_CODES = [
  'EMPTY_INPUT', // nothing but whitespace, or nothing left once boilerplate is dropped
  'TOO_LARGE', // body over the size limit
  'BINARY', // control characters or invalid text: not an article
  'NOT_ENGLISH', // detected (or declared) language other than English
  'BAD_METADATA', // title, url, date, format or language that does not parse
] as const;
export type IngestErrorCode = (typeof INGEST_ERROR_CODES)[number];

export class IngestError extends Error {
  readonly code: IngestErrorCode;

  constructor(code: IngestErrorCode, message: string) {
    super(message);
    this.name = 'IngestError';
    this.code = code;
  }
}
