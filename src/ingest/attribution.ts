/**
 * Attribution: whom the article credits for a sentence.
 *
 * "according to Engadget", "according to \"Engadget\"", "as Engadget reported", "Engadget
 * reported", "reported by", "told Reuters", "Huawei has announced that ...", and an article's
 * "Source: GizmoChina" line, which credits the whole article. A credit carries on to the rest of
 * its paragraph, since reporters keep relaying one source's account until they say otherwise.
 */

import type { Discourse } from './discourse.ts';
import { mentionOf, type SentenceView } from './sentence-view.ts';

export interface Attribution {
  /** Entity credited, or null. */
  attributedTo: string | null;
  /** The sentence relays someone else's account (REPORTED) rather than the article's own. */
  reported: boolean;
  /** The credit is an announcement by the subject itself ("Huawei has announced that"). */
  announcement: boolean;
}

const NONE: Attribution = { attributedTo: null, reported: false, announcement: false };

const SOURCE_PATTERNS = [
  /\baccording to\s+(?:the\s+)?["“]?⟦([MCH])(\d+)⟧/i,
  /\bas\s+["“]?⟦([MCH])(\d+)⟧["”]?\s+(?:first\s+|previously\s+|has\s+|had\s+)?(?:reported|reports|noted|revealed|wrote|pointed out|said)\b/i,
  /⟦([MH])(\d+)⟧["”]?\s+(?:first\s+|previously\s+|has\s+|had\s+)?(?:reported|reports|revealed|wrote)\b/,
  /\b(?:reported by|per|via|told|in an interview with|cited by)\s+(?:the\s+)?["“]?⟦([MCH])(\d+)⟧/i,
  /^(?:source|sources|via)\s*:\s*⟦([MC])(\d+)⟧/i,
  /⟦([MCH])(\d+)⟧\s+(?:reported|reports|said|says)\s*\.?$/,
];

const ANNOUNCER = /⟦([CH])(\d+)⟧(?:['’]s\s+(?:brand|company|firm))?\s+(?:has\s+|had\s+|have\s+)?(?:recently\s+|officially\s+|now\s+|also\s+)?(?:announced|confirmed|revealed|stated|said|says|announces|confirms)\s+(?:that\b|on\b|in\b|it\b)/i;
const PERSONS_BRAND = /⟦H(\d+)⟧['’]s\s+(?:brand|company|firm)\s+(?:has\s+|had\s+)?(?:recently\s+|officially\s+)?(?:announced|confirmed|revealed)/i;

/** Attribution stated in one sentence itself, or null when it states none. */
export function sentenceAttribution(view: SentenceView, discourse: Discourse): Attribution | null {
  for (const pattern of SOURCE_PATTERNS) {
    const m = pattern.exec(view.masked);
    const mention = m ? mentionOf(view, m[2]) : null;
    if (mention) return { attributedTo: mention.entityId, reported: true, announcement: false };
  }
  const brand = PERSONS_BRAND.exec(view.masked);
  if (brand && discourse.mainCompany) return { attributedTo: discourse.mainCompany, reported: false, announcement: true };
  const announcer = ANNOUNCER.exec(view.masked);
  const who = announcer ? mentionOf(view, announcer[2]) : null;
  if (who) return { attributedTo: who.entityId, reported: true, announcement: true };
  return null;
}

/** The "Source: X" credit line of an article, if it has one. */
export function articleSource(views: readonly SentenceView[]): string | null {
  for (const view of views) {
    const m = /^(?:source|sources|via)\s*:\s*⟦[MC](\d+)⟧\s*$/i.exec(view.masked);
    const mention = m ? mentionOf(view, m[1]) : null;
    if (mention) return mention.entityId;
  }
  return null;
}

/** Attribution for every sentence: its own, else its paragraph's so far, else the article's source. */
export function attributeSentences(views: readonly SentenceView[], discourse: Discourse): Attribution[] {
  const source = articleSource(views);
  const fallback: Attribution = source ? { attributedTo: source, reported: true, announcement: false } : NONE;
  const result: Attribution[] = [];
  let carried: Attribution | null = null;
  let paragraph = -1;
  for (const view of views) {
    if (view.paragraph !== paragraph) {
      carried = null;
      paragraph = view.paragraph;
    }
    const own = sentenceAttribution(view, discourse);
    if (own && !own.announcement) carried = own;
    result.push(own ?? carried ?? fallback);
  }
  return result;
}
