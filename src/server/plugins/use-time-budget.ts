/**
 * A time budget for each operation: once it has run for `budgetMs`, every resolver still to
 * be called fails at once instead of doing its work, and the answer carries one error,
 * `extensions: { code: 'TIME_BUDGET_EXCEEDED', budgetMs }`.
 *
 * The graph is synchronous, so the deadline is checked where the executor hands control back:
 * before each resolver that does work (fields that only read their parent's property are not
 * checked). One resolver is never cut short, but each is bounded by the traversal
 * caps, so an operation ends within its budget plus one resolver.
 */

import { GraphQLError, isIntrospectionType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { DEADLINE, type WithDeadline } from '../../graphql/deadline.ts';

const CHECKED = Symbol('claimgraph.deadlineChecked');

export const TIME_BUDGET_EXCEEDED = 'TIME_BUDGET_EXCEEDED';

function assertInBudget(context: WithDeadline | undefined): void {
  const deadline = context?.[DEADLINE];
  if (deadline && deadline.now() > deadline.at) {
    throw new GraphQLError(`The operation ran past its time budget of ${deadline.budgetMs} ms and was stopped. Ask for less, or split the query.`, {
      extensions: { code: TIME_BUDGET_EXCEEDED, budgetMs: deadline.budgetMs },
    });
  }
}

/**
 * Puts the deadline check in front of every resolver of the schema that does work, once per
 * schema whatever the number of servers sharing it: each server only sets the deadline in its
 * own contexts. Fields that only read a property of their parent (no resolver of their own)
 * are left alone: they do no work worth a clock read, and compiled execution reads them
 * directly. The check is a plain call in front of the resolver rather than @envelop/on-resolve's
 * hook, which allocates a hook object and promise-aware callbacks for every field resolved.
 */
function checkDeadlines(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || !isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve as (GraphQLFieldResolver<unknown, WithDeadline> & { [CHECKED]?: true }) | undefined;
      if (!resolve || resolve[CHECKED] || resolve.name === 'defaultFieldResolver') continue;
      const checked = (root: unknown, args: Record<string, unknown>, context: WithDeadline, info: Parameters<typeof resolve>[3]) => {
        assertInBudget(context);
        return resolve(root, args, context, info);
      };
      field.resolve = Object.assign(checked, { [CHECKED]: true as const });
    }
  }
}

export interface TimeBudgetOptions {
  budgetMs?: number;
  /** The clock, in milliseconds. */
  now?: () => number;
}

/** One server's time budget: each operation's deadline, set in its context as it starts. */
export class TimeBudget {
  readonly budgetMs: number;
  readonly #now: () => number;

  constructor({ budgetMs = 1000, now = () => performance.now() }: TimeBudgetOptions = {}) {
    this.budgetMs = budgetMs;
    this.#now = now;
  }

  /** Starts the clock on the operation run with `context`. */
  start(context: object): void {
    (context as WithDeadline)[DEADLINE] = { at: this.#now() + this.budgetMs, budgetMs: this.budgetMs, now: this.#now };
  }
}

export function useTimeBudget(budget: TimeBudget | TimeBudgetOptions = {}): Plugin {
  const timeBudget = budget instanceof TimeBudget ? budget : new TimeBudget(budget);
  return {
    onSchemaChange({ schema }) {
      checkDeadlines(schema as GraphQLSchema);
    },
    onExecute({ args }) {
      timeBudget.start(args.contextValue as object);
      return {
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result) || !result.errors) return;
          // Every resolver refused after the deadline reported the same thing: keep the first.
          let kept = false;
          const errors = result.errors.filter((error) => {
            if (error.extensions?.['code'] !== TIME_BUDGET_EXCEEDED) return true;
            if (kept) return false;
            return (kept = true);
          });
          if (errors.length !== result.errors.length) setResult({ ...result, errors });
        },
      };
    },
  };
}
