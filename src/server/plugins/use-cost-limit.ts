/**
 * Refuses a query whose cost (see limits/query-cost.ts) is over the limit before it runs, with
 * `extensions: { code: 'QUERY_TOO_COSTLY', cost, limit }`, and tells every answered query what
 * it cost in `extensions.cost`.
 */

import { GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { claimgraphCostOptions, queryCost, type QueryCostOptions } from '../limits/index.ts';
import { OperationMemo } from '../operation-memo.ts';
import { recordOf } from './request-record.ts';

export interface CostLimitOptions {
  maxCost?: number;
  costOptions?: Omit<QueryCostOptions, 'operationName'>;
  /** Add `extensions.cost: { requested, limit }` to answered queries. */
  exposeCost?: boolean;
}

export interface CostedOperation {
  document: DocumentNode;
  schema: GraphQLSchema;
  variableValues?: Record<string, unknown> | null;
  operationName?: string | null;
}

/** Costs already counted, per parsed document (yoga's parse cache hands back the same one). */
export const COSTS_PER_DOCUMENT = 1_000;

/** One server's cost limit: what an operation costs, whether that is allowed, and how the answer says so. */
export class CostLimit {
  readonly maxCost: number;
  readonly #costOptions: Omit<QueryCostOptions, 'operationName'>;
  readonly #exposeCost: boolean;
  readonly #costs = new OperationMemo<number>(COSTS_PER_DOCUMENT);

  constructor({ maxCost = 50_000, costOptions = claimgraphCostOptions, exposeCost = true }: CostLimitOptions = {}) {
    this.maxCost = maxCost;
    this.#costOptions = costOptions;
    this.#exposeCost = exposeCost;
  }

  /** What an operation costs with these variables, counted once and kept. */
  of(args: CostedOperation): number {
    return this.#costs.get(args, () => this.count(args));
  }

  /** What an operation costs with these variables, counted afresh: for a caller that keeps it itself. */
  count(args: CostedOperation): number {
    return queryCost(args.document, args.schema, args.variableValues, { ...this.#costOptions, operationName: args.operationName });
  }

  /** Whether an operation that costs `cost` may run. */
  allows(cost: number): boolean {
    return cost <= this.maxCost;
  }

  /** The error refusing an operation that costs `cost`, or null when it is within the limit. */
  refusal(cost: number): GraphQLError | null {
    if (this.allows(cost)) return null;
    return new GraphQLError(
      `Query cost ${cost} is over the limit of ${this.maxCost}. Ask for fewer items (first, last, nodeCap, maxHops, depth) or split the query.`,
      { extensions: { code: 'QUERY_TOO_COSTLY', cost, limit: this.maxCost, http: { status: 400, spec: true } } },
    );
  }

  /** An operation's result as answered: with what it cost, when costs are told. */
  told<T extends ExecutionResult>(result: T, cost: number): T {
    if (!this.#exposeCost) return result;
    return { ...result, extensions: { ...result.extensions, cost: { requested: cost, limit: this.maxCost } } };
  }
}

export function useCostLimit(costLimit: CostLimit | CostLimitOptions = {}): Plugin {
  const limit = costLimit instanceof CostLimit ? costLimit : new CostLimit(costLimit);
  return {
    // A subscription is costed once, as one answer: each event it sends costs the same.
    onSubscribe({ args, setResultAndStopExecution }) {
      const refused = limit.refusal(limit.of(args));
      if (refused) setResultAndStopExecution({ errors: [refused] });
    },
    onExecute({ args, setResultAndStopExecution }) {
      const cost = limit.of(args);
      const request = (args.contextValue as { request?: Request }).request;
      if (request) recordOf(request).cost = cost;
      const refused = limit.refusal(cost);
      if (refused) {
        setResultAndStopExecution({ errors: [refused] });
        return;
      }
      return {
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result)) return;
          const told = limit.told(result, cost);
          if (told !== result) setResult(told);
        },
      };
    },
  };
}
