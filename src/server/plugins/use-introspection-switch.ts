/**
 * Introspection on or off. Off, `__schema` and `__type` are refused by validation, and
 * validation errors stop suggesting field, argument and type names ("Did you mean …?"),
 * which would otherwise give the schema away one typo at a time.
 */

import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { Plugin } from 'graphql-yoga';

export function useIntrospectionSwitch({ enabled = true }: { enabled?: boolean } = {}): Plugin {
  return {
    onPluginInit({ addPlugin }) {
      if (enabled) return;
      addPlugin(useDisableIntrospection() as Plugin);
      addPlugin(blockFieldSuggestionsPlugin({ mask: '' }));
    },
  };
}
