export { KnowledgeGraph, normaliseName, validAt, type ApplyMeta, type Change, type NodeKind, type RelatedEntity } from './knowledge-graph.ts';
export { claimText, formatValue } from './claim-text.ts';
export { usdOf } from './claim-value.ts';
export { conflictGroups, conflictKind, conflictsOf, type Conflict, type ConflictGroup, type ConflictKind } from './conflicts.ts';
export { corroboration, timeline, type Corroboration, type IndependentSource } from './corroboration.ts';
export { GraphError, NotFoundGraphError, UsageGraphError } from './errors.ts';
export type { ClaimFilter, ClaimRank, ClaimRecord, ClaimRole, Retraction } from './records.ts';
export { SearchIndex, MAX_QUERY_LENGTH, type SearchHit, type SearchHitKind, type SearchMatch, type SearchField } from './search-index.ts';
export { TRAVERSAL_LIMITS, neighborhood, shortestPaths, type Hop, type Neighborhood, type PathsResult } from './traversal.ts';
