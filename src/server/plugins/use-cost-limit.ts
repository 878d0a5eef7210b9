/**
 * Refuses a query whose cost (see limits/query-cost.ts) is over the limit before it runs, with
 * `extensions: { code: 'QUERY_TOO_COSTLY', cost, limit }`, and tells every answered query what
 * it cost in `extensions.cost`.
 */

import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { Memo } from '../../memo.ts';
import { claimgraphCostOptions, queryCost, type QueryCostOptions } from '../limits/index.ts';
import { recordOf } from './request-record.ts';

export interface CostLimitOptions {
  maxCost?: number;
  costOptions?: Omit<QueryCostOptions, 'operationName'>;
  /** Add `extensions.cost: { requested, limit }` to answered queries. */
  exposeCost?: boolean;
}

/** Costs already counted, per parsed document (yoga's parse cache hands back the same one). */
const MEMO_PER_DOCUMENT = 1_000;

export function useCostLimit({ maxCost = 50_000, costOptions = claimgraphCostOptions, exposeCost = true }: CostLimitOptions = {}): Plugin {
  const memo = new WeakMap<DocumentNode, Memo<string, number>>();
  const costOf = (args: { document: DocumentNode; schema: GraphQLSchema; variableValues?: Record<string, unknown> | null; operationName?: string | null }) => {
    let known = memo.get(args.document);
    if (!known) memo.set(args.document, (known = new Memo(MEMO_PER_DOCUMENT)));
    return known.get(`${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}`, () =>
      queryCost(args.document, args.schema, args.variableValues, { ...costOptions, operationName: args.operationName }));
  };
  return {
    // A subscription is costed once, as one answer: each event it sends costs the same.
    onSubscribe({ args, setResultAndStopExecution }) {
      const cost = costOf(args);
      if (cost > maxCost) setResultAndStopExecution({ errors: [tooCostly(cost, maxCost)] });
    },
    onExecute({ args, setResultAndStopExecution }) {
      const cost = costOf(args);
      const request = (args.contextValue as { request?: Request }).request;
      if (request) recordOf(request).cost = cost;
      if (cost > maxCost) {
        setResultAndStopExecution({ errors: [tooCostly(cost, maxCost)] });
        return;
      }
      if (!exposeCost) return;
      return {
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result)) return;
          setResult({ ...result, extensions: { ...result.extensions, cost: { requested: cost, limit: maxCost } } });
        },
      };
    },
  };
}

function tooCostly(cost: number, limit: number): GraphQLError {
  return new GraphQLError(
    `Query cost ${cost} is over the limit of ${limit}. Ask for fewer items (first, last, nodeCap, maxHops, depth) or split the query.`,
    { extensions: { code: 'QUERY_TOO_COSTLY', cost, limit, http: { status: 400, spec: true } } },
  );
}
