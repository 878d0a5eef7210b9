/**
 * Curation files (data/curation/<article stem>.yaml): the claims a person read in an article.
 *
 * A file names its article and lists entries; each entry is one evidence, a statement and the
 * words stating it:
 *
 *   article: Article:<stem>
 *   claims:
 *     - subject: Kind:slug            a registry entity
 *       predicate: NAME               from the vocabulary in src/model/predicate.ts
 *       object: Kind:slug             for predicates linking two entities, or else
 *       value: { type: ... }          for predicates carrying a value, one of
 *                                       { type: Money, amount, currency, approximate }
 *                                       { type: Quantity, amount, unit, approximate }
 *                                       { type: Date, value, precision }
 *                                       { type: Text, text }
 *                                       { type: Flag, flag }
 *       qualifiers: { startTime, endTime, pointInTime, region }     optional
 *       negated: true                 optional; the article denies the statement
 *       quote: "..."                  verbatim from the body; offsets are computed, never typed
 *       occurrence: 2                 optional, 1-based; required when the quote appears twice
 *       modality: ASSERTED | REPORTED | QUOTED | SPECULATED | ANNOUNCED
 *       attributedTo: Kind:slug       optional; whom the article credits
 *
 * `approximate` defaults to false and `unit` to none. Entries stating the same subject,
 * predicate, object or value, qualifiers and polarity are one claim with several evidences.
 * This file checks shapes only; src/corpus/curated-claim.ts checks meaning against the
 * registry, the vocabulary and the article.
 */

import { z } from 'zod';
import { DATE_PRECISIONS } from '../model/article.ts';
import { ENTITY_KINDS, type Entity } from '../model/entity.ts';
import { splitId } from '../model/ids.ts';
import { MODALITIES } from '../model/modality.ts';
import { WHOLE_FILE, type Report } from './corpus-error.ts';
import { dateText } from './front-matter.ts';
import { parseYaml } from './parse-yaml.ts';
import { EntityEntrySchema, entityIdProblem } from './registry.ts';
import { describeIssues } from './schema-issues.ts';

const DateValueSchema = z.strictObject({ type: z.literal('Date'), value: dateText, precision: z.enum(DATE_PRECISIONS) });

export const ValueSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('Money'), amount: z.number(), currency: z.string(), approximate: z.boolean().default(false) }),
  z.strictObject({
    type: z.literal('Quantity'),
    amount: z.number(),
    unit: z.string().trim().min(1).nullable().default(null),
    approximate: z.boolean().default(false),
  }),
  DateValueSchema,
  z.strictObject({ type: z.literal('Text'), text: z.string() }),
  z.strictObject({ type: z.literal('Flag'), flag: z.boolean() }),
]);

export const QualifiersSchema = z.strictObject({
  startTime: DateValueSchema.optional(),
  endTime: DateValueSchema.optional(),
  pointInTime: DateValueSchema.optional(),
  region: z.string().trim().min(1).optional(),
});

export const CurationEntrySchema = z.strictObject({
  subject: z.string(),
  predicate: z.string(),
  object: z.string().optional(),
  value: ValueSchema.optional(),
  qualifiers: QualifiersSchema.default({}),
  negated: z.boolean().default(false),
  quote: z.string().min(1),
  occurrence: z.int().min(1).optional(),
  modality: z.enum(MODALITIES),
  attributedTo: z.string().optional(),
  /** Extracted claims only: the extractor's confidence, 0 to 1. */
  confidence: z.number().min(0).max(1).optional(),
});
export type CurationEntry = z.infer<typeof CurationEntrySchema>;

const CurationFileSchema = z.strictObject({
  article: z.string().regex(/^Article:.+/, 'expected the article ID, "Article:<stem>" for data/articles/<stem>.md'),
  /** Extracted files only: candidate entities the registry lacks, which their claims refer to. */
  entities: z.array(z.unknown()).optional(),
  claims: z.array(z.unknown()),
});

/** A candidate entity in an extracted file: a registry entry, its kind and the extractor's confidence. */
const CandidateEntrySchema = EntityEntrySchema.extend({
  kind: z.enum(ENTITY_KINDS).optional(),
  confidence: z.number().min(0).max(1),
});

export interface CurationFile {
  articleId: string;
  /** Entries whose shape is sound, with their position in the file for problem reports. */
  entries: { entry: string; claim: CurationEntry }[];
  /** Candidate entities (extracted files), with their position in the file. */
  candidates: { entry: string; entity: Entity }[];
}

/** Reads one curation file; entries with malformed shapes are reported and left out. */
export function parseCuration(text: string, report: Report): CurationFile | null {
  const data = parseYaml(text, report);
  if (data === undefined) return null;
  const file = CurationFileSchema.safeParse(data ?? {});
  if (!file.success) {
    for (const line of describeIssues(file.error)) report(WHOLE_FILE, line);
    return null;
  }
  const candidates: CurationFile['candidates'] = [];
  (file.data.entities ?? []).forEach((raw, index) => {
    const entry = `entities[${index}]`;
    const parsed = CandidateEntrySchema.safeParse(raw);
    if (!parsed.success) {
      for (const line of describeIssues(parsed.error)) report(entry, line);
      return;
    }
    const { id, name, aliases, description, kind } = parsed.data;
    const problem = entityIdProblem(id);
    if (problem) return report(entry, problem);
    const prefix = splitId(id)!.kind as Entity['kind'];
    if (kind !== undefined && kind !== prefix) return report(entry, `kind ${kind} does not match the ID's prefix ${prefix}`);
    candidates.push({ entry, entity: { id, kind: prefix, name, aliases, description } });
  });
  const entries: CurationFile['entries'] = [];
  file.data.claims.forEach((raw, index) => {
    const entry = `claims[${index}]`;
    const parsed = CurationEntrySchema.safeParse(raw);
    if (parsed.success) entries.push({ entry, claim: parsed.data });
    else for (const line of describeIssues(parsed.error)) report(entry, line);
  });
  return { articleId: file.data.article, entries, candidates };
}
