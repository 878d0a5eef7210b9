/**
 * Introspection on or off. Off, `__schema` and `__type` are refused by validation, and
 * validation errors stop suggesting field, argument and type names ("Did you mean …?"),
 * which would otherwise give the schema away one typo at a time.
 *
 * The switch is a validation rule added to every validation, not a mark set on each HTTP
 * request as it is parsed, so it holds on every way a request reaches execution (yoga's own
 * request handling and the direct path for JSON queries alike).
 */

import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export function useIntrospectionSwitch({ enabled = true }: { enabled?: boolean } = {}): Plugin {
  return {
    onPluginInit({ addPlugin }) {
      if (enabled) return;
      addPlugin({
        onValidate({ addValidationRule }) {
          addValidationRule(NoSchemaIntrospectionCustomRule);
        },
      });
      addPlugin(blockFieldSuggestionsPlugin({ mask: '' }));
    },
  };
}
