/**
 * Checks a request's variables against its operation before the compiled executor runs it.
 * graphql-jit (use-compiled-execution.ts) coerces variables itself and reports a bad one as an
 * ordinary execution error; graphql-js's own check here turns it back into the request error
 * the GraphQL-over-HTTP spec asks for (400, nothing executed), with graphql-js's wording.
 */

import { GraphQLError, getOperationAST, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
import type { Plugin } from 'graphql-yoga';

/** What is wrong with the variables sent for an operation, as request errors; null when nothing is. */
export function variableErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): GraphQLError[] | null {
  const operation = getOperationAST(document, operationName);
  if (!operation?.variableDefinitions?.length) return null;
  const { errors } = getVariableValues(schema, operation.variableDefinitions, variables ?? {}, { maxErrors: 10 });
  if (!errors) return null;
  return errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'BAD_USER_INPUT', http: { status: 400, spec: true } } }));
}

export function useVariableCheck(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const errors = variableErrors(args.schema, args.document, args.operationName, args.variableValues as Record<string, unknown> | null | undefined);
      if (errors) setResultAndStopExecution({ errors });
    },
  };
}
