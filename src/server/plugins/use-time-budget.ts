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

import { useOnResolve } from '@envelop/on-resolve';
import { GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin, type YogaInitialContext } from 'graphql-yoga';

const DEADLINE = Symbol('claimgraph.deadline');

interface Deadline {
  at: number;
  budgetMs: number;
  now: () => number;
}

type WithDeadline = { [DEADLINE]?: Deadline };

export const TIME_BUDGET_EXCEEDED = 'TIME_BUDGET_EXCEEDED';

// One wrapper around the shared schema's resolvers, whatever the number of servers: each
// server only sets the deadline in its own contexts.
// Fields that only read a property of their parent are left unwrapped: they do no work worth
// a clock read, and compiled execution reads them directly.
const checkDeadline = useOnResolve<YogaInitialContext>(
  ({ context }) => {
    const deadline = (context as WithDeadline | undefined)?.[DEADLINE];
    if (deadline && deadline.now() > deadline.at) {
      throw new GraphQLError(`The operation ran past its time budget of ${deadline.budgetMs} ms and was stopped. Ask for less, or split the query.`, {
        extensions: { code: TIME_BUDGET_EXCEEDED, budgetMs: deadline.budgetMs },
      });
    }
  },
  { skipIntrospection: true, skipDefaultResolvers: true },
);

export interface TimeBudgetOptions {
  budgetMs?: number;
  /** The clock, in milliseconds. */
  now?: () => number;
}

export function useTimeBudget({ budgetMs = 1000, now = () => performance.now() }: TimeBudgetOptions = {}): Plugin {
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(checkDeadline);
    },
    onExecute({ args }) {
      (args.contextValue as WithDeadline)[DEADLINE] = { at: now() + budgetMs, budgetMs, now };
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
