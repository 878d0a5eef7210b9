/**
 * Fact schema: the runtime shape of every fact the log accepts.
 *
 * The model's `Fact` union is a compile-time promise; facts also arrive from outside (API
 * writes, imported logs, hand-written curation), so the store checks each one against this
 * schema before it is written. Objects are strict: an unknown key is refused rather than
 * silently dropped, since the log is the system of record. Beyond shape, the schema checks
 * what a single record can check on its own: closed vocabularies, dates matching their
 * precision, quotes as long as their offsets say. Cross-record rules (does the entity exist?)
 * belong to the graph.
 */

import { z } from 'zod';
import { DATE_PRECISIONS, QUALITY_ISSUES } from '../model/article.ts';
import { QUALIFIER_NAMES } from '../model/claim.ts';
import { ENTITY_KINDS } from '../model/entity.ts';
import { METHODS, MODALITIES } from '../model/modality.ts';
import { PREDICATE_NAMES } from '../model/predicate.ts';
import { dateProblem } from '../model/value.ts';

const id = z.string().min(1, 'expected a non-empty ID');
const offset = z.int().nonnegative();
const method = z.enum(METHODS);
const precision = z.enum(DATE_PRECISIONS);

/** Adds an issue on `value` when the date string does not match its precision. */
function checkDate(date: { value: string; precision: (typeof DATE_PRECISIONS)[number] }, ctx: z.RefinementCtx): void {
  const problem = dateProblem(date.value, date.precision);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['value'] });
}

/** Adds an issue when `text` is not as long as the span `start..end` it claims to quote. */
function checkSpan(span: { start: number; end: number }, text: string, field: string, ctx: z.RefinementCtx): void {
  if (span.end < span.start) {
    ctx.addIssue({ code: 'custom', message: `end ${span.end} is before start ${span.start}`, path: ['end'] });
  } else if (text.length !== span.end - span.start) {
    ctx.addIssue({
      code: 'custom',
      message: `${field} has ${text.length} characters but start..end spans ${span.end - span.start}`,
      path: [field],
    });
  }
}

const dateValueSchema = z
  .strictObject({ type: z.literal('Date'), value: z.string(), precision })
  .superRefine(checkDate);

const valueSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('Money'),
    amount: z.number().nonnegative(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code such as USD, EUR or CNY'),
    approximate: z.boolean(),
  }),
  z.strictObject({
    type: z.literal('Quantity'),
    amount: z.number(),
    unit: z.string().min(1).nullable(),
    approximate: z.boolean(),
  }),
  dateValueSchema,
  z.strictObject({ type: z.literal('Text'), text: z.string().trim().min(1, 'expected non-empty text') }),
  z.strictObject({ type: z.literal('Flag'), flag: z.boolean() }),
]);

const qualifiersSchema = z.strictObject({
  startTime: dateValueSchema.optional(),
  endTime: dateValueSchema.optional(),
  pointInTime: dateValueSchema.optional(),
  region: z.string().min(1).optional(),
} satisfies Record<(typeof QUALIFIER_NAMES)[number], z.ZodType>);

export const articleSchema = z.strictObject({
  id,
  title: z.string(),
  publisher: id.nullable(),
  url: z.string().nullable(),
  published: z
    .strictObject({ value: z.string(), precision, estimated: z.boolean() })
    .superRefine(checkDate)
    .nullable(),
  language: z.string().min(1),
  sourceFile: z.string().nullable(),
  body: z.string(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 digest: 64 lower-case hex digits'),
  quality: z.array(z.enum(QUALITY_ISSUES)),
});

export const entitySchema = z.strictObject({
  id,
  kind: z.enum(ENTITY_KINDS),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  description: z.string().nullable(),
});

export const mentionSchema = z
  .strictObject({ articleId: id, entityId: id, start: offset, end: offset, text: z.string(), method })
  .superRefine((mention, ctx) => checkSpan(mention, mention.text, 'text', ctx));

export const claimStatementSchema = z.strictObject({
  id,
  subject: id,
  predicate: z.enum(PREDICATE_NAMES),
  object: id.nullable(),
  value: valueSchema.nullable(),
  qualifiers: qualifiersSchema,
  negated: z.boolean(),
});

export const evidenceSchema = z
  .strictObject({
    claimId: id,
    articleId: id,
    quote: z.string(),
    start: offset,
    end: offset,
    modality: z.enum(MODALITIES),
    attributedTo: id.nullable(),
    method,
    confidence: z.number().min(0).max(1),
  })
  .superRefine((evidence, ctx) => checkSpan(evidence, evidence.quote, 'quote', ctx));

export const factSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ArticleAdded'), article: articleSchema }),
  z.strictObject({ type: z.literal('EntityAdded'), entity: entitySchema }),
  z.strictObject({ type: z.literal('AliasAdded'), entityId: id, alias: z.string().min(1) }),
  z.strictObject({ type: z.literal('MentionFound'), mention: mentionSchema }),
  z
    .strictObject({ type: z.literal('ClaimStated'), claim: claimStatementSchema, evidence: evidenceSchema })
    .superRefine((fact, ctx) => {
      if (fact.evidence.claimId !== fact.claim.id) {
        ctx.addIssue({
          code: 'custom',
          message: `evidence is for ${fact.evidence.claimId} but the claim is ${fact.claim.id}`,
          path: ['evidence', 'claimId'],
        });
      }
    }),
  z.strictObject({ type: z.literal('ClaimRetracted'), claimId: id, reason: z.string().min(1) }),
  z.strictObject({ type: z.literal('EntitiesMerged'), keep: id, merge: id }),
]);

/** An ISO 8601 UTC timestamp as `Date.prototype.toISOString` writes it. */
export const timestampSchema = z.iso.datetime({ message: 'expected an ISO 8601 UTC timestamp such as 2022-07-04T09:30:00.000Z' });

/** One line of an exported log; see `StoredFact`. */
export const storedFactSchema = z.strictObject({
  seq: z.int().positive().max(Number.MAX_SAFE_INTEGER),
  batch: z.int().positive().max(Number.MAX_SAFE_INTEGER),
  at: timestampSchema,
  actor: z.string().min(1, 'expected a non-empty actor'),
  fact: factSchema,
});

/** One line per issue, each led by the path to the offending field: `claim.predicate: …`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(record)'}: ${issue.message}`)
    .join('; ');
}
