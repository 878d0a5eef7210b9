/**
 * The corpus: curated articles, entities, claims and exchange rates read from data/.
 */

export { loadCorpus, loadRates, type Corpus } from './load-corpus.ts';
export { CorpusError, type CorpusProblem } from './corpus-error.ts';
export { findMentions, type FoundMention } from './find-mentions.ts';
export { findQuote, closestPassage, type QuoteMatch } from './find-quote.ts';
export { CurationEntrySchema, type CurationEntry } from './curation.ts';
