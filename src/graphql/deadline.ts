/**
 * An operation's deadline as its context carries it: set by the server's time budget
 * (src/server/plugins/use-time-budget.ts), which checks it before each resolver, and read here
 * by resolvers that wait on one-time set-up that should not count against it.
 */

export const DEADLINE = Symbol('claimgraph.deadline');

export interface Deadline {
  at: number;
  budgetMs: number;
  now: () => number;
}

export type WithDeadline = { [DEADLINE]?: Deadline };

/**
 * Awaits `work` without counting the time it takes against the operation's budget: for one-time
 * set-up a resolver waits on, such as the ingestion pipeline's modules loading on the first
 * write after a start (about a second), which says nothing about what the operation asks for.
 */
export async function outsideBudget<T>(context: object, work: Promise<T>): Promise<T> {
  const deadline = (context as WithDeadline)[DEADLINE];
  const started = deadline?.now();
  try {
    return await work;
  } finally {
    if (deadline && started !== undefined) deadline.at += deadline.now() - started;
  }
}
