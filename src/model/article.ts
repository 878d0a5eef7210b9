/**
 * Articles: the source texts every claim is traced back to.
 *
 * The body is kept exactly as published; evidence offsets index into it with
 * `body.slice(start, end)`, counted in UTF-16 code units as JavaScript strings are.
 */

export const DATE_PRECISIONS = ['CENTURY', 'DECADE', 'YEAR', 'MONTH', 'DAY'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export interface PublishedDate {
  /** ISO 8601 prefix matching the precision: `2022`, `2022-07`, `2022-07-04`. */
  value: string;
  precision: DatePrecision;
  /** True when the date was inferred from the text rather than printed with it. */
  estimated: boolean;
}

/** Problems a reader should know about before trusting an article's wording. */
export const QUALITY_ISSUES = [
  'MACHINE_SPUN', // synonym-swapped text ("agelong concern" for "long-standing relationship")
  'REPEATED_HEADLINE', // the headline or standfirst appears twice in the body
  'ADVERTISING', // promotions, affiliate notices, newsletter sign-ups
  'IMAGE_CAPTIONS', // caption, alt-text or credit lines mixed into the body
  'MACHINE_TRANSLATED', // wording that betrays translation ("Xiaomi e Leica")
] as const;
export type QualityIssue = (typeof QUALITY_ISSUES)[number];

export interface Article {
  id: string;
  title: string;
  /** Publication entity ID of the outlet that published the article, when the text shows it. */
  publisher: string | null;
  url: string | null;
  published: PublishedDate | null;
  language: string;
  /** Name of the file the article was read from, when it came from one. */
  sourceFile: string | null;
  body: string;
  /** sha256 of the body, hex; the same text twice is the same article. */
  contentHash: string;
  quality: QualityIssue[];
}
