/**
 * Checks a request's variables against its operation before the compiled executor runs it.
 * graphql-jit (use-compiled-execution.ts) coerces variables itself and reports a bad one as an
 * ordinary execution error; graphql-js's own check here turns it back into the request error
 * the GraphQL-over-HTTP spec asks for (400, nothing executed), with graphql-js's wording.
 */

import { GraphQLError, getOperationAST } from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
import type { Plugin } from 'graphql-yoga';

export function useVariableCheck(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation?.variableDefinitions?.length) return;
      const { errors } = getVariableValues(args.schema, operation.variableDefinitions, (args.variableValues ?? {}) as Record<string, unknown>, { maxErrors: 10 });
      if (!errors) return;
      setResultAndStopExecution({
        errors: errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'BAD_USER_INPUT', http: { status: 400, spec: true } } })),
      });
    },
  };
}
