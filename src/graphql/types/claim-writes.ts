/**
 * Writing claims: `addClaim` records a curated statement with its evidence, found verbatim in
 * a named article; `retractClaim` deprecates one with a reason. Both need the write scope.
 */

import { claimProblems, makeClaim, type Evidence, type Fact, type Qualifiers, type Value } from '../../model/index.ts';
import type { DateValue } from '../../model/index.ts';
import { builder } from '../builder.ts';
import { badInput, notFound } from '../errors.ts';
import { decodeGlobalId } from '../global-id.ts';
import { ClaimRef, EvidenceRef } from '../refs.ts';
import { WRITE_LIMITS, authorise, checkLength } from '../writes.ts';
import { DatePrecisionEnum, ModalityEnum, PredicateEnum } from './enums.ts';

const MoneyInput = builder.inputType('MoneyInput', {
  fields: (t) => ({
    amount: t.float(),
    currency: t.string({ description: 'ISO 4217 code: USD, EUR, CNY…' }),
    approximate: t.boolean({ required: false, defaultValue: false }),
  }),
});

const QuantityInput = builder.inputType('QuantityInput', {
  fields: (t) => ({
    amount: t.float(),
    unit: t.string({ required: false }),
    approximate: t.boolean({ required: false, defaultValue: false }),
  }),
});

const DateInput = builder.inputType('DateInput', {
  fields: (t) => ({
    value: t.string({ description: 'YYYY, YYYY-MM or YYYY-MM-DD, matching the precision.' }),
    precision: t.field({ type: DatePrecisionEnum }),
  }),
});

const ValueInput = builder.inputType('ValueInput', {
  description: 'Exactly one typed value.',
  isOneOf: true,
  fields: (t) => ({
    money: t.field({ type: MoneyInput, required: false }),
    quantity: t.field({ type: QuantityInput, required: false }),
    date: t.field({ type: DateInput, required: false }),
    text: t.string({ required: false }),
    flag: t.boolean({ required: false }),
  }),
});

const QualifiersInput = builder.inputType('QualifiersInput', {
  fields: (t) => ({
    startTime: t.field({ type: DateInput, required: false }),
    endTime: t.field({ type: DateInput, required: false }),
    pointInTime: t.field({ type: DateInput, required: false }),
    region: t.string({ required: false }),
  }),
});

type ValueArg = typeof ValueInput.$inferInput;
type DateArg = typeof DateInput.$inferInput;

function toDate(input: DateArg): DateValue {
  return { type: 'Date', value: input.value, precision: input.precision };
}

function toValue(input: ValueArg): Value {
  if (input.money) return { type: 'Money', amount: input.money.amount, currency: input.money.currency, approximate: input.money.approximate ?? false };
  if (input.quantity) return { type: 'Quantity', amount: input.quantity.amount, unit: input.quantity.unit ?? null, approximate: input.quantity.approximate ?? false };
  if (input.date) return toDate(input.date);
  if (input.text != null) return { type: 'Text', text: checkLength(input.text, WRITE_LIMITS.text, 'input.value.text') };
  if (input.flag != null) return { type: 'Flag', flag: input.flag };
  throw badInput('input.value must give exactly one of money, quantity, date, text or flag.', 'input.value');
}

/** Where `quote` stands in `body`: its `occurrence`-th appearance, which must be unambiguous. */
function locate(body: string, quote: string, occurrence: number | null | undefined): number {
  const starts: number[] = [];
  for (let at = body.indexOf(quote); at >= 0; at = body.indexOf(quote, at + 1)) starts.push(at);
  if (starts.length === 0) {
    throw badInput('input.quote is not in the article: quote the body verbatim, including punctuation and spacing.', 'input.quote');
  }
  if (occurrence == null) {
    if (starts.length > 1) {
      throw badInput(`input.quote appears ${starts.length} times in the article: pass input.occurrence (1 to ${starts.length}).`, 'input.occurrence');
    }
    return starts[0]!;
  }
  if (occurrence < 1 || occurrence > starts.length) {
    throw badInput(`input.occurrence must be between 1 and ${starts.length}, got ${occurrence}.`, 'input.occurrence');
  }
  return starts[occurrence - 1]!;
}

builder.relayMutationField(
  'addClaim',
  {
    inputFields: (t) => ({
      subject: t.id({ description: 'Entity ID.' }),
      predicate: t.field({ type: PredicateEnum }),
      object: t.id({ required: false, description: 'Entity ID, for predicates that link two entities.' }),
      value: t.field({ type: ValueInput, required: false, description: 'For predicates that carry a value.' }),
      qualifiers: t.field({ type: QualifiersInput, required: false }),
      negated: t.boolean({ required: false, defaultValue: false }),
      article: t.id({ description: 'Article whose body states the claim.' }),
      quote: t.string({ description: `The words that state it, verbatim from the body (at most ${WRITE_LIMITS.quote} characters).` }),
      occurrence: t.int({ required: false, description: 'Which appearance of the quote, when it appears more than once (1-based).' }),
      modality: t.field({ required: false, type: ModalityEnum, defaultValue: 'ASSERTED' }),
      attributedTo: t.id({ required: false, description: 'Entity the article credits for the claim.' }),
    }),
  },
  {
    description: 'Records a curated claim and the passage that states it; the quote must be found verbatim in the article.',
    resolve: async (_root, { input }, context) => {
      const { writer, principal } = authorise(context, 'write', 'addClaim');
      const { graph } = context;
      checkLength(input.quote, WRITE_LIMITS.quote, 'input.quote');
      const articleId = String(input.article);
      if (decodeGlobalId(articleId).typename !== 'Article') throw badInput('input.article must be an Article ID.', 'input.article');
      const qualifiers: Qualifiers = {};
      if (input.qualifiers?.startTime) qualifiers.startTime = toDate(input.qualifiers.startTime);
      if (input.qualifiers?.endTime) qualifiers.endTime = toDate(input.qualifiers.endTime);
      if (input.qualifiers?.pointInTime) qualifiers.pointInTime = toDate(input.qualifiers.pointInTime);
      if (input.qualifiers?.region) qualifiers.region = checkLength(input.qualifiers.region, WRITE_LIMITS.alias, 'input.qualifiers.region');
      const parts = {
        subject: graph.resolve(String(input.subject)),
        predicate: input.predicate,
        object: input.object != null ? graph.resolve(String(input.object)) : null,
        value: input.value ? toValue(input.value) : null,
        qualifiers,
        negated: input.negated ?? false,
      };
      const { result } = await writer.write(principal.actor, (current) => {
        const article = current.article(articleId);
        if (!article) throw notFound('article', articleId);
        const problems = claimProblems(parts, (id) => current.entity(id));
        if (problems.length > 0) throw badInput(`The claim is not valid: ${problems.join('; ')}.`, 'input');
        const attributedTo = input.attributedTo != null ? String(input.attributedTo) : null;
        if (attributedTo && !current.entity(attributedTo)) throw notFound('entity', attributedTo);
        const start = locate(article.body, input.quote, input.occurrence);
        const claim = makeClaim(parts);
        const evidence: Evidence = {
          claimId: claim.id,
          articleId,
          quote: input.quote,
          start,
          end: start + input.quote.length,
          modality: input.modality ?? 'ASSERTED',
          attributedTo: attributedTo ? current.resolve(attributedTo) : null,
          method: 'CURATED',
          confidence: 1,
        };
        const known = current.claim(claim.id)?.evidence.some((e) => e.articleId === articleId && e.start === start && e.end === evidence.end);
        const facts: Fact[] = known ? [] : [{ type: 'ClaimStated', claim, evidence }];
        return { facts, result: { claimId: claim.id, evidence, created: !known } };
      });
      return result;
    },
  },
  {
    outputFields: (t) => ({
      claim: t.field({ type: ClaimRef, resolve: (r, _args, { graph }) => graph.claim(r.claimId)! }),
      evidence: t.field({ type: EvidenceRef, resolve: (r) => r.evidence }),
      created: t.boolean({ description: 'False when this passage was already recorded for the claim: nothing was written.', resolve: (r) => r.created }),
    }),
  },
);

builder.relayMutationField(
  'retractClaim',
  {
    inputFields: (t) => ({
      id: t.id({ description: 'Claim ID.' }),
      reason: t.string({ description: `Why (at most ${WRITE_LIMITS.reason} characters).` }),
    }),
  },
  {
    description: 'Deprecates a claim: it stays, with its rank DEPRECATED and the reason, and default queries leave it out.',
    resolve: async (_root, { input }, context) => {
      const { writer, principal } = authorise(context, 'write', 'retractClaim');
      const id = String(input.id);
      if (decodeGlobalId(id).typename !== 'Claim') throw badInput('input.id must be a Claim ID.', 'input.id');
      const reason = checkLength(input.reason, WRITE_LIMITS.reason, 'input.reason');
      const { result } = await writer.write(principal.actor, (graph) => {
        const claim = graph.claim(id);
        if (!claim) throw notFound('claim', id);
        if (claim.retraction) return { facts: [], result: { claimId: claim.statement.id, retracted: false } };
        return { facts: [{ type: 'ClaimRetracted', claimId: claim.statement.id, reason }], result: { claimId: claim.statement.id, retracted: true } };
      });
      return result;
    },
  },
  {
    outputFields: (t) => ({
      claim: t.field({ type: ClaimRef, resolve: (r, _args, { graph }) => graph.claim(r.claimId)! }),
      retracted: t.boolean({ description: 'False when the claim was already retracted: nothing was written.', resolve: (r) => r.retracted }),
    }),
  },
);
