/**
 * Claim values as a union of typed objects: Money (with its US-dollar equivalent),
 * Quantity, DateValue, Text and Flag.
 */

import type { DateValue, Flag, Money, Quantity, Text } from '../../model/index.ts';
import { usdOf } from '../../graph/index.ts';
import { builder } from '../builder.ts';
import type { ClaimValue } from '../refs.ts';
import { DatePrecisionEnum } from './enums.ts';

type Of<V> = { value: V; claim: ClaimValue['claim'] };

const UsdRef = builder.objectRef<NonNullable<ReturnType<typeof usdOf>>>('UsdConversion').implement({
  description: 'A money figure in US dollars at a dated exchange rate.',
  fields: (t) => ({
    amount: t.exposeFloat('usd', { description: 'The figure in US dollars, to the cent.' }),
    usdPerUnit: t.exposeFloat('usdPerUnit', { description: 'Dollars per unit of the original currency.' }),
    rateMonth: t.exposeString('rateMonth', { description: 'Month of the rate used (YYYY-MM): when the figure was first published.' }),
    source: t.exposeString('source', { description: 'Where the rate comes from.' }),
  }),
});

const MoneyRef = builder.objectRef<Of<Money>>('Money').implement({
  fields: (t) => ({
    amount: t.float({ resolve: (m) => m.value.amount }),
    currency: t.string({ description: 'ISO 4217 code.', resolve: (m) => m.value.currency }),
    approximate: t.boolean({ description: 'The text hedged the figure ("around", "almost").', resolve: (m) => m.value.approximate }),
    usd: t.field({
      type: UsdRef,
      nullable: true,
      description: 'The figure in US dollars at the rate of the month it was first published; null for a currency without rates.',
      resolve: (m, _args, { graph }) => usdOf(graph, m.claim),
    }),
  }),
});

const QuantityRef = builder.objectRef<Of<Quantity>>('Quantity').implement({
  fields: (t) => ({
    amount: t.float({ resolve: (q) => q.value.amount }),
    unit: t.string({ nullable: true, resolve: (q) => q.value.unit }),
    approximate: t.boolean({ resolve: (q) => q.value.approximate }),
  }),
});

export const DateValueRef = builder.objectRef<Of<DateValue>>('DateValue').implement({
  fields: (t) => ({
    value: t.string({ description: 'ISO 8601 prefix matching the precision.', resolve: (d) => d.value.value }),
    precision: t.field({ type: DatePrecisionEnum, resolve: (d) => d.value.precision }),
  }),
});

const TextRef = builder.objectRef<Of<Text>>('Text').implement({
  fields: (t) => ({ text: t.string({ resolve: (v) => v.value.text }) }),
});

const FlagRef = builder.objectRef<Of<Flag>>('Flag').implement({
  fields: (t) => ({ flag: t.boolean({ resolve: (v) => v.value.flag }) }),
});

const REFS = { Money: MoneyRef, Quantity: QuantityRef, Date: DateValueRef, Text: TextRef, Flag: FlagRef };

export const ClaimValueUnion = builder.unionType('ClaimValue', {
  description: 'A typed value: what a claim states when it does not point at an entity.',
  types: [MoneyRef, QuantityRef, DateValueRef, TextRef, FlagRef],
  resolveType: (v: ClaimValue) => REFS[v.value.type],
});
