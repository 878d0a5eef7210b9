/**
 * Query cost: how much work a query may make the server do, counted from the document before
 * anything runs. Every object a query can return costs one point, scalars cost nothing, and a
 * list multiplies the cost of its selection by how many items it may hold (GitHub's approach:
 * a connection asking for `first: 50` counts its nodes fifty times). What a field may return is
 * the schema's business, so sizes and extra costs come from a rule passed in the options.
 *
 * Abstract types cost as much as their most expensive member. Each selection set is costed
 * once per (type, scope), so fragments spread many times do not make the count itself slow.
 * A field reached through several fragments counts each time, although execution merges it
 * (only a fragment spread twice in one selection counts once): the count may be high for
 * such documents, never low.
 */

import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isAbstractType,
  isLeafType,
  isListType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type InlineFragmentNode,
  type FragmentSpreadNode,
  type SelectionSetNode,
} from 'graphql';

/** Values a field hands down to the fields below it, such as a connection's page size. */
export type CostScope = Readonly<Record<string, number>>;

export interface FieldCostInput {
  /** `Type.field`, always on an object type (interfaces are costed per implementation). */
  coordinate: string;
  parentType: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
  /** Arguments with defaults applied and variables substituted. */
  args: Record<string, unknown>;
  scope: CostScope;
}

export interface FieldCost {
  /** Cost of one resolved value; defaults to `objectCost` for objects and `leafCost` for scalars. */
  own?: number;
  /** Most items a list field may return; defaults to `defaultListSize`. Ignored on non-lists unless set. */
  size?: number;
  /** Values for the fields below this one. */
  scope?: Record<string, number>;
}

export type FieldCostRule = (input: FieldCostInput) => FieldCost | undefined;

export interface QueryCostOptions {
  /** The operation to cost when the document holds several. */
  operationName?: string | null;
  /** Schema knowledge: sizes of lists and the cost of expensive fields. */
  fieldCost?: FieldCostRule;
  /** Assumed size of a list no rule sizes. */
  defaultListSize?: number;
  objectCost?: number;
  leafCost?: number;
}

/**
 * The cost of running `document` (its named or only operation) with `variables`. A document
 * with no operation to run costs 0: it cannot run. Introspection fields cost 0: their size is
 * bounded by the schema.
 */
export function queryCost(
  document: DocumentNode,
  schema: GraphQLSchema,
  variables: Readonly<Record<string, unknown>> | null | undefined = {},
  options: QueryCostOptions = {},
): number {
  const { fieldCost, defaultListSize = 10, objectCost = 1, leafCost = 0 } = options;
  const operation = getOperationAST(document, options.operationName ?? undefined);
  if (!operation) return 0;
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return 0;

  // Coerce variables as execution will; if they do not coerce, execution refuses the request
  // anyway, and the cost is counted with argument defaults.
  const coercion = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 });
  const values: Record<string, unknown> = coercion.coerced ?? {};

  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const memo = new Map<SelectionSetNode, Map<string, number>>();
  const expanding = new Set<string>();

  const included = (node: FieldNode | InlineFragmentNode | FragmentSpreadNode): boolean => {
    if (!node.directives?.length) return true;
    try {
      if (getDirectiveValues(GraphQLSkipDirective, node, values)?.['if'] === true) return false;
      if (getDirectiveValues(GraphQLIncludeDirective, node, values)?.['if'] === false) return false;
    } catch {
      // An invalid condition fails validation or execution; count the selection.
    }
    return true;
  };

  const applies = (condition: string | undefined, type: GraphQLObjectType): boolean => {
    if (condition === undefined || condition === type.name) return true;
    const conditionType = schema.getType(condition);
    return conditionType !== undefined && isAbstractType(conditionType) && schema.isSubType(conditionType, type);
  };

  const selectionSetCost = (selectionSet: SelectionSetNode, type: GraphQLNamedType, scope: CostScope): number => {
    if (isAbstractType(type)) {
      let most = 0;
      for (const member of schema.getPossibleTypes(type)) most = Math.max(most, selectionSetCost(selectionSet, member, scope));
      return most;
    }
    if (!isObjectType(type)) return 0;
    const key = `${type.name}${JSON.stringify(scope)}`;
    let byKey = memo.get(selectionSet);
    const known = byKey?.get(key);
    if (known !== undefined) return known;

    let total = 0;
    // Execution merges a fragment spread twice in one selection; so does the count.
    const spreadHere = new Set<string>();
    for (const selection of selectionSet.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        total += fieldCostOf(selection, type, scope);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value, type)) total += selectionSetCost(selection.selectionSet, type, scope);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // A fragment that spreads itself is refused by validation; here it simply adds nothing.
        if (!fragment || expanding.has(name) || spreadHere.has(name) || !applies(fragment.typeCondition.name.value, type)) continue;
        spreadHere.add(name);
        expanding.add(name);
        total += selectionSetCost(fragment.selectionSet, type, scope);
        expanding.delete(name);
      }
    }
    if (!byKey) memo.set(selectionSet, (byKey = new Map()));
    byKey.set(key, total);
    return total;
  };

  const fieldCostOf = (node: FieldNode, parentType: GraphQLObjectType, scope: CostScope): number => {
    const name = node.name.value;
    if (name === '__typename' || name === '__schema' || name === '__type') return 0;
    const field = parentType.getFields()[name];
    if (!field) return 0;
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(field, node, values);
    } catch {
      args = {};
    }
    const rule = fieldCost?.({ coordinate: `${parentType.name}.${name}`, parentType, field, args, scope }) ?? {};
    const namedType = getNamedType(field.type);
    const own = rule.own ?? (isLeafType(namedType) ? leafCost : objectCost);
    const size = rule.size ?? (isListType(getNullableType(field.type)) ? defaultListSize : 1);
    const childScope = rule.scope ? { ...scope, ...rule.scope } : scope;
    const children = node.selectionSet ? selectionSetCost(node.selectionSet, namedType, childScope) : 0;
    return size * (own + children);
  };

  return Math.ceil(selectionSetCost(operation.selectionSet, rootType, {}));
}
