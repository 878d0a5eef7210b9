/**
 * The kind of an unknown name, read from its shape and the words around it.
 *
 * "Kenichiro Yoshida, chief executive of" is a Person; "chipmaker TSMC" and "Acme Inc" are
 * Companies; "the Pixel 9 phone" and anything with a model number is a Product; "according to
 * Nikkei Asia" and "The Verge reported" are Publications. Each cue adds weight to one kind; the
 * heaviest kind wins and its weight is the candidate's confidence. No cue, no candidate: a
 * capitalised word alone says too little.
 */

import type { EntityKind } from '../model/entity.ts';
import type { ProperNoun } from './proper-nouns.ts';
import { wordClass } from './word-classes.ts';

export interface KindGuess {
  kind: EntityKind;
  confidence: number;
}

interface Cue {
  kind: EntityKind;
  weight: number;
  test: (name: ProperNoun, left: string, right: string) => boolean;
}

const ROLE = String.raw`(?:CEO|chief executive(?: officer)?|chief [a-z]+ officer|chief|founder|co-founder|president|vice[- ]president|chairman|chairwoman|chair|analyst|spokesperson|spokesman|spokeswoman|director|head of [a-z ]+|executive|engineer|manager|researcher|boss|tipster|leaker|reporter|journalist|correspondent|editor|writer|blogger|designer)`;
const ORG_NOUN = String.raw`(?:company|firm|maker|manufacturer|supplier|startup|start-up|chipmaker|carmaker|automaker|phone maker|brand|giant|conglomerate|group|retailer|vendor|foundry|rival|partner|subsidiary|outfit|house|marque)`;
const PRODUCT_NOUN = String.raw`(?:phone|phones|smartphone|handset|camera|cameras|lens|lenses|chip|chips|chipset|processor|processors|sensor|tablet|laptop|watch|headset|headphones|console|earbuds|foldable|flagship|series|model|device|devices|app|drone|car|lineup|line-up|mirrorless camera)`;
const SAYS = String.raw`(?:said|says|told|added|explained|noted|believes|thinks|wrote|argued|stated|commented|insisted|admitted|warned|recalled)`;
const COMPANY_SUFFIX = /\b(?:Inc|Corp|Corporation|Ltd|Limited|LLC|GmbH|AG|plc|Co|Group|Holdings|Technologies|Technology|Electronics|Semiconductor|Semiconductors|Labs|Systems|Motors|Optics|Imaging|Industries|Mobile|Devices|Research|Analytics|Consulting|Capital|Ventures|Partners)\.?$/;
const OUTLET_WORD = /\b(?:News|Times|Journal|Post|Daily|Herald|Review|Insider|Wire|Week|Verge|Register|Telegraph|Guardian|Gazette|Tribune|Magazine|Asia|Today|Report|Chronicle|Monitor|Observer)$/;

const ROLE_BEFORE = new RegExp(String.raw`\b${ROLE}\s+(?:of\s+\S+\s+)?$`, 'i');
const ROLE_AFTER = new RegExp(String.raw`^,\s+(?:the\s+|its\s+|an?\s+|[\p{Lu}][\p{L}]+['’]s\s+)?(?:[a-z-]+\s+)?${ROLE}\b`, 'iu');
/** "Tessera president Lin Wei-Ting": a name, a role, then a person's name is the person's organisation. */
const ROLE_THEN_NAME = new RegExp(String.raw`^\s+(?:[a-z-]+\s+)?${ROLE}\s+\p{Lu}`, 'u');
const SAYS_AFTER = new RegExp(String.raw`^,?\s+${SAYS}\b`);
const SAYS_BEFORE = new RegExp(String.raw`\b${SAYS}\s+$`);
const ORG_APPOSITION = new RegExp(String.raw`^,?\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}${ORG_NOUN}\b`, 'iu');
const ORG_BEFORE = new RegExp(String.raw`\b${ORG_NOUN}\s+$`, 'i');
const PRODUCT_AFTER = new RegExp(String.raw`^\s+${PRODUCT_NOUN}\b`, 'i');

const CUES: Cue[] = [
  // People
  { kind: 'Person', weight: 0.45, test: (_, left) => ROLE_BEFORE.test(left) },
  { kind: 'Person', weight: 0.45, test: (_, __, right) => ROLE_AFTER.test(right) },
  { kind: 'Person', weight: 0.35, test: (n, __, right) => n.tokens.length >= 2 && SAYS_AFTER.test(right) },
  { kind: 'Person', weight: 0.25, test: (n, left) => n.tokens.length >= 1 && SAYS_BEFORE.test(left) },
  { kind: 'Person', weight: 0.3, test: (_, left) => /\b(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+$/.test(left) },
  { kind: 'Person', weight: 0.5, test: (n, left, right) => n.tokens.length >= 2 && /^\s*By\s+$/.test(left) && /^\s*$/.test(right) },
  { kind: 'Person', weight: 0.45, test: (n) => n.tokens.length >= 2 && !n.hasModelNumber && wordClass(n.tokens[0]!.text) === 'FirstName' },
  { kind: 'Person', weight: 0.2, test: (n) => n.tokens.length >= 2 && !n.hasModelNumber && wordClass(n.tokens[n.tokens.length - 1]!.text) === 'LastName' },
  // Companies
  { kind: 'Company', weight: 0.5, test: (n) => COMPANY_SUFFIX.test(n.text) },
  { kind: 'Company', weight: 0.5, test: (_, __, right) => ROLE_THEN_NAME.test(right) },
  { kind: 'Company', weight: 0.4, test: (_, left) => /\b(?:has\s+|had\s+)?(?:run|runs|ran|heads|headed|leads|led|founded|co-founded|joined|left|chairs|chaired)\s+$/.test(left) },
  { kind: 'Person', weight: 0.4, test: (n, __, right) => n.tokens.length >= 2 && /^,?\s+(?:has\s+|had\s+|who\s+)?(?:run|runs|ran|heads|headed|leads|led|founded|co-founded|chairs|chaired)\s/.test(right) },
  { kind: 'Company', weight: 0.45, test: (_, __, right) => ORG_APPOSITION.test(right) },
  { kind: 'Company', weight: 0.4, test: (_, left) => ORG_BEFORE.test(left) },
  { kind: 'Company', weight: 0.35, test: (_, __, right) => /^['’]s\s+(?:CEO|chief|shares|stock|board|founder|president|revenue|profit|sales|smartphones?|phones?|cameras?|chips?|factory|factories|plant|lineup)\b/i.test(right) },
  { kind: 'Company', weight: 0.4, test: (_, __, right) => /^\s+(?:has\s+|have\s+|had\s+|will\s+|would\s+|is\s+set\s+to\s+|plans\s+to\s+)?(?:unveiled|unveil|launched|launch|released|release|partnered|acquired|acquire|ships|shipped|ship|makes|make|made|sells|sell|sold|supplies|supply|supplied|manufactures|manufacture|manufactured|produces|produce|produced|builds|build|built|teamed up)\b/.test(right) },
  { kind: 'Company', weight: 0.4, test: (_, left) => /\b(?:supply|supplies|supplied|supplying|sell|sells|sold|ship|ships|shipped|license|licenses|licensed)\s+(?:[\p{L}-]+\s+){0,3}to\s+$/iu.test(left) },
  { kind: 'Company', weight: 0.3, test: (_, left) => /\b(?:shares (?:of|in)|deal with|partnership with|agreement with|contract with|partnered with|supplier to|teamed up with|collaboration with|acquired|bought)\s+$/i.test(left) },
  { kind: 'Company', weight: 0.3, test: (n) => n.tokens.length === 1 && /^[A-Z]{2,6}$/.test(n.text) },
  { kind: 'Company', weight: 0.4, test: (_, left) => /\bpartners?\s+(?:was|is|were|are|has been|had been)\s+$/i.test(left) },
  { kind: 'Company', weight: 0.45, test: (_, left) => /\b(?:sells?|sold|selling|available|stocked)\s+(?:only\s+)?(?:through|at|via|in stores such as)\s+$/i.test(left) },
  { kind: 'Company', weight: 0.25, test: (_, left) => /\b(?:analyst|researcher|engineer|director|manager|executive)\s+(?:at|with|for)\s+$/i.test(left) },
  { kind: 'Company', weight: 0.3, test: (_, __, right) => /^,?\s+(?:which|who)\s+(?:was\s+)?(?:founded|also owns|owns|makes|employs)\b/i.test(right) },
  { kind: 'Company', weight: 0.3, test: (n) => n.tokens.length === 1 && wordClass(n.text) === 'Organization' },
  // Products
  { kind: 'Product', weight: 0.5, test: (n) => n.hasModelNumber && /\p{L}/u.test(n.text) },
  // "the Pixel 9 phone" names a product; "a Lumetra phone", "three Orbis phones" name its maker.
  { kind: 'Product', weight: 0.4, test: (n, __, right) => (n.hasModelNumber || n.tokens.length >= 2) && PRODUCT_AFTER.test(right) },
  { kind: 'Company', weight: 0.35, test: (n, __, right) => !n.hasModelNumber && n.tokens.length === 1 && PRODUCT_AFTER.test(right) },
  { kind: 'Company', weight: 0.35, test: (_, __, right) => /^(?:['’]s)?\s+(?:has\s+|had\s+)?(?:paid|pays|hired|hires|employs|declined to comment|confirmed|reported|posted)\b/.test(right) },
  { kind: 'Product', weight: 0.5, test: (_, left) => new RegExp(String.raw`\b${PRODUCT_NOUN}s?,\s+(?:the|a|an)\s+$`, 'i').test(left) },
  { kind: 'Product', weight: 0.5, test: (n) => /-mount$/i.test(n.text) },
  { kind: 'Product', weight: 0.3, test: (_, left) => /\b(?:launched|unveiled|released|introduced|debuted|shipped|showed off|unveils|launches|releases)\s+(?:the\s+|its\s+|a\s+new\s+|their\s+)?$/i.test(left) },
  // Publications
  { kind: 'Publication', weight: 0.5, test: (_, left) => /\baccording to\s+(?:the\s+)?$/i.test(left) },
  { kind: 'Publication', weight: 0.5, test: (_, left, right) => /\bas\s+$/i.test(left) && /^\s+(?:first\s+)?(?:reported|reports|noted|revealed)\b/.test(right) },
  { kind: 'Publication', weight: 0.45, test: (_, __, right) => /^\s+(?:first\s+)?(?:reported|reports)\b/.test(right) },
  { kind: 'Publication', weight: 0.5, test: (_, left) => /\b(?:reported by|told|via|source:|sources:|report(?:ed)? in|interview with|speaking to|in an interview with|cited by|wrote in)\s+(?:the\s+)?$/i.test(left) },
  { kind: 'Publication', weight: 0.4, test: (n) => n.tokens.length >= 2 && OUTLET_WORD.test(n.text) },
];

export function guessKind(name: ProperNoun, sentenceText: string, sentenceStart: number): KindGuess | null {
  const left = sentenceText.slice(Math.max(0, name.start - sentenceStart - 60), name.start - sentenceStart);
  const right = sentenceText.slice(name.end - sentenceStart, name.end - sentenceStart + 60);
  const weights = new Map<EntityKind, number>();
  for (const cue of CUES) {
    if (cue.test(name, left, right)) weights.set(cue.kind, (weights.get(cue.kind) ?? 0) + cue.weight);
  }
  let best: KindGuess | null = null;
  for (const [kind, weight] of weights) {
    if (!best || weight > best.confidence) best = { kind, confidence: weight };
  }
  if (!best) return null;
  // A person's name said to "report" is still a person; a model number is never a person.
  if (best.kind === 'Person' && name.hasModelNumber) return null;
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  const margin = best.confidence - (total - best.confidence);
  const confidence = Math.min(0.95, 0.4 + best.confidence * 0.6 + Math.max(0, margin) * 0.2);
  return { kind: best.kind, confidence: Math.round(confidence * 100) / 100 };
}
