/**
 * The store: the append-only fact log the graph is projected from, its implementations, its
 * fact schema and its JSON Lines exchange format.
 */

export * from './errors.ts';
export type * from './fact-log.ts';
export * from './fact-schema.ts';
export { JsonlError, formatLine, readJsonl, writeJsonl } from './jsonl.ts';
export { MemoryFactLog } from './memory-fact-log.ts';
export { SqliteFactLog, type OpenSqliteFactLogOptions } from './sqlite-fact-log.ts';
