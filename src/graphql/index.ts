export { schema } from './schema.ts';
export type { Context } from './builder.ts';
