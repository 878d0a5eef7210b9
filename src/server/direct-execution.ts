/**
 * Runs one query as the server's execute hooks run it when its answer has no errors, without
 * the hook machinery around them: the variables checked by graphql-js (use-variable-check.ts),
 * the cost counted, noted and told (use-cost-limit.ts), the operation noted on the request's
 * record (use-request-log.ts), the time budget started (use-time-budget.ts), and the operation
 * run compiled (use-compiled-execution.ts). Each step is the plugin's own code; only the order
 * is kept here, the order the server lists the plugins in.
 *
 * Whatever those hooks would answer with errors, this hands back for the full pipeline to
 * answer: an operation graphql-jit cannot compile, wrong variables, a cost over the limit, and
 * a result that carries errors, which the pipeline masks, logs and formats. Such a result is
 * handed over with it (`resume`), so the pipeline answers with it rather than running the query
 * a second time: a query that ran out of its time budget takes one budget, not two.
 */

import type { DocumentNode, ExecutionResult, GraphQLSchema } from 'graphql';
import { OperationMemo } from './operation-memo.ts';
import type { CompiledOperations } from './plugins/use-compiled-execution.ts';
import { COSTS_PER_DOCUMENT, type CostLimit } from './plugins/use-cost-limit.ts';
import type { RequestRecord } from './plugins/request-record.ts';
import { noteOperation } from './plugins/use-request-log.ts';
import type { TimeBudget } from './plugins/use-time-budget.ts';
import { variableErrors } from './plugins/use-variable-check.ts';

export interface ExecutionParts {
  compiled: CompiledOperations;
  costLimit: CostLimit;
  budget: TimeBudget;
}

export interface QueryArgs {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  contextValue: object;
  variableValues?: Record<string, unknown> | null;
}

/**
 * What the direct path did with a query: answered it, or handed it back for the full pipeline,
 * with the result it ran to when it did run (one with errors).
 */
export type DirectOutcome = { answer: ExecutionResult } | { handedBack: ExecutionResult | null };

const NOT_RUN: DirectOutcome = { handedBack: null };

export class DirectExecution {
  readonly #parts: ExecutionParts;
  /**
   * Per document and (operation, variables): the cost when the variables are right, null when
   * they are not; as many as the cost limit keeps costs for. The cost is kept here only, not in
   * the cost limit's memo too.
   */
  readonly #judged = new OperationMemo<number | null>(COSTS_PER_DOCUMENT);

  constructor(parts: ExecutionParts) {
    this.#parts = parts;
  }

  /** The query's answer, or the query handed back for the full pipeline (see above). */
  async run(args: QueryArgs, record: RequestRecord): Promise<DirectOutcome> {
    const { compiled, costLimit, budget } = this.#parts;
    const operation = compiled.of(args.schema, args.document, args.operationName);
    if (!operation) return NOT_RUN;
    const cost = this.#judge(args);
    if (cost === null) return NOT_RUN;
    record.cost = cost;
    if (!costLimit.allows(cost)) return NOT_RUN;
    noteOperation(record, args.document, args.operationName);
    budget.start(args.contextValue);
    const result = await operation.query(undefined, args.contextValue, args.variableValues);
    return result.errors ? { handedBack: result } : { answer: costLimit.told(result, cost) };
  }

  /**
   * Readies the full pipeline's context for a query handed back: when it ran here, executing it
   * there answers with the result it ran to instead of running it again.
   */
  resume(contextValue: object, outcome: { handedBack: ExecutionResult | null }): void {
    if (outcome.handedBack) this.#parts.compiled.ran(contextValue, outcome.handedBack);
  }

  /** The operation's cost with these variables, or null when graphql-js refuses the variables. */
  #judge(args: QueryArgs): number | null {
    return this.#judged.get(args, () =>
      variableErrors(args.schema, args.document, args.operationName, args.variableValues) ? null : this.#parts.costLimit.count(args));
  }
}
