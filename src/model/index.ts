export * from './article.ts';
export * from './claim.ts';
export * from './entity.ts';
export * from './fact.ts';
export * from './ids.ts';
export * from './modality.ts';
export * from './predicate.ts';
export * from './value.ts';
