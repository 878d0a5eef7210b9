/**
 * Limits on the shape of a GraphQL document, checked while it is parsed and validated, before
 * any cost is counted or resolver runs: length in characters, tokens, depth, aliases and
 * directives. Each refusal is a GraphQL error with its own code and the limit:
 *
 *   QUERY_TOO_LONG, QUERY_TOO_MANY_TOKENS   while parsing
 *   QUERY_TOO_DEEP, QUERY_TOO_MANY_ALIASES, QUERY_TOO_MANY_DIRECTIVES   while validating
 *
 * The counting is GraphQL Armor's; this file only sets the limits and shapes the errors.
 */

import { characterLimitPlugin } from '@escape.tech/graphql-armor-character-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface QueryLimitsOptions {
  maxLength?: number;
  maxTokens?: number;
  maxDepth?: number;
  maxAliases?: number;
  maxDirectives?: number;
}

export function useQueryLimits({
  maxLength = 15_000,
  maxTokens = 2_000,
  maxDepth = 12,
  maxAliases = 20,
  maxDirectives = 20,
}: QueryLimitsOptions = {}): Plugin {
  return {
    onPluginInit({ addPlugin }) {
      // The token limit replaces the parser and the length check wraps whatever parser it finds,
      // so this order keeps both, and the cheap length check runs first.
      addPlugin(maxTokensPlugin({ n: maxTokens, propagateOnRejection: false, onReject: [whileParsing('QUERY_TOO_MANY_TOKENS', maxTokens)] }));
      addPlugin(characterLimitPlugin({ maxLength, propagateOnRejection: false, onReject: [whileParsing('QUERY_TOO_LONG', maxLength)] }));
      // Depth counts fields only: a fragment spread adds no level of its own.
      addPlugin(maxDepthPlugin({ n: maxDepth, flattenFragments: true, propagateOnRejection: false, onReject: [whileValidating('QUERY_TOO_DEEP', maxDepth)] }));
      addPlugin(maxAliasesPlugin({ n: maxAliases, propagateOnRejection: false, onReject: [whileValidating('QUERY_TOO_MANY_ALIASES', maxAliases)] }));
      addPlugin(maxDirectivesPlugin({ n: maxDirectives, propagateOnRejection: false, onReject: [whileValidating('QUERY_TOO_MANY_DIRECTIVES', maxDirectives)] }));
    },
  };
}

/** Armor's own messages say what was found ("Token limit of 2000 exceeded."), minus its "Syntax Error" prefix. */
function limitError(code: string, limit: number, armorError: GraphQLError): GraphQLError {
  const message = armorError.message.replace(/^Syntax Error: /, '');
  return new GraphQLError(message, { extensions: { code, limit, http: { status: 400, spec: true } } });
}

function whileParsing(code: string, limit: number) {
  return (_context: ValidationContext | null, error: GraphQLError): never => {
    throw limitError(code, limit, error);
  };
}

function whileValidating(code: string, limit: number) {
  return (context: ValidationContext | null, error: GraphQLError): void => {
    if (!context) throw limitError(code, limit, error);
    context.reportError(limitError(code, limit, error));
  };
}
