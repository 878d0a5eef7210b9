/**
 * Compiled execution (graphql-jit): each operation is compiled into a function the first time
 * it is asked for and run from then on as that function, instead of being interpreted by
 * graphql-js on every request.
 *
 * Compiled per operation, not per document: a document may hold several operations and each
 * request names the one to run, so a cache keyed by the document alone would run whichever
 * operation was asked for first (a query asked for by name could run the document's mutation).
 * A document graphql-jit cannot compile is left to graphql-js, which answers it with its own
 * errors. An operation the direct path already ran (see direct-execution.ts) is answered with
 * the result it ran to.
 */

import { makeExecute, makeSubscribe } from '@envelop/core';
import type { DocumentNode, ExecutionResult, GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';

/** The compiled operations of each document, for one schema. */
export class CompiledOperations {
  readonly #bySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, CompiledQuery | null>>>();
  readonly #ran = new WeakMap<object, ExecutionResult>();

  /** The operation compiled, or null when graphql-jit cannot compile it. */
  of(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): CompiledQuery | null {
    let documents = this.#bySchema.get(schema);
    if (!documents) this.#bySchema.set(schema, (documents = new WeakMap()));
    let operations = documents.get(document);
    if (!operations) documents.set(document, (operations = new Map()));
    const name = operationName ?? '';
    let compiled = operations.get(name);
    if (compiled === undefined) {
      const result = compileQuery(schema, document, operationName ?? undefined);
      compiled = isCompiledQuery(result) ? result : null;
      operations.set(name, compiled);
    }
    return compiled;
  }

  /**
   * The operation about to be executed in this context has already run, with this result (see
   * direct-execution.ts): executing it answers with that result instead of running it again.
   */
  ran(context: object, result: ExecutionResult): void {
    this.#ran.set(context, result);
  }

  /** The result already run for this context, handed out once; undefined when there is none. */
  takeRan(context: unknown): ExecutionResult | undefined {
    if (typeof context !== 'object' || context === null) return undefined;
    const result = this.#ran.get(context);
    this.#ran.delete(context);
    return result;
  }
}

interface OperationArgs {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  rootValue?: unknown;
  contextValue?: unknown;
  variableValues?: Record<string, unknown> | null;
}

export function useCompiledExecution(compiled: CompiledOperations): Plugin {
  const execute = makeExecute((args: OperationArgs) =>
    compiled.takeRan(args.contextValue) ??
    compiled.of(args.schema, args.document, args.operationName)!.query(args.rootValue, args.contextValue, args.variableValues));
  const subscribe = makeSubscribe((args: OperationArgs) => {
    const operation = compiled.of(args.schema, args.document, args.operationName)!;
    return (operation.subscribe ?? operation.query)(args.rootValue, args.contextValue, args.variableValues);
  });
  return {
    onExecute({ args, setExecuteFn }) {
      if (compiled.of(args.schema, args.document, args.operationName)) setExecuteFn(execute);
    },
    onSubscribe({ args, setSubscribeFn }) {
      if (compiled.of(args.schema, args.document, args.operationName)) setSubscribeFn(subscribe as never);
    },
  };
}
