export { queryCost, type CostScope, type FieldCost, type FieldCostInput, type FieldCostRule, type QueryCostOptions } from './query-cost.ts';
export { COST_MODEL, claimgraphCostOptions, claimgraphFieldCost } from './claimgraph-costs.ts';
