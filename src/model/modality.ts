/**
 * How an article states a claim, and how the claim came to be recorded.
 */

export const MODALITIES = ['ASSERTED', 'REPORTED', 'QUOTED', 'SPECULATED', 'ANNOUNCED'] as const;
/**
 * ASSERTED: the article states it in its own voice. REPORTED: credited to someone else
 * ("according to Engadget"). QUOTED: a person's own words. SPECULATED: hedged ("would",
 * "probably", "expected"). ANNOUNCED: a stated plan.
 */
export type Modality = (typeof MODALITIES)[number];

export const METHODS = ['CURATED', 'EXTRACTED'] as const;
/** CURATED: written by a person in data/; EXTRACTED: found by the ingestion pipeline. */
export type Method = (typeof METHODS)[number];
