/**
 * Boilerplate: paragraphs of a page that are not the article.
 *
 * Each rule names one kind of clutter scraped pages carry: advertising (affiliate notices,
 * newsletter sign-ups, coupons), comment and share widgets, embed placeholders ("YouTube
 * player"), and image captions, credits and alt text ("xiaomi leica official collaboration 12
 * ultra 4"). The rules look at one paragraph at a time; `normalise.ts` adds the rules that need
 * the whole page (repeated headlines, promotional blocks at the end).
 */

export type BoilerplateKind = 'ADVERTISING' | 'WIDGET' | 'EMBED' | 'CAPTION';

const ADVERTISING = [
  /\baffiliate (?:links?|commission|partners?)\b/i,
  /\bmay (?:earn|receive) (?:a )?(?:small )?commission\b/i,
  /\b(?:sign up|subscribe)\b.*\b(?:newsletter|updates|inbox|mailing list)\b/i,
  /\bnewsletter\b/i,
  /\benter your e-?mail\b/i,
  /\bwelcome gift\b/i,
  /\blimited[- ]time (?:discounts?|offers?|deals?)\b/i,
  /\bexclusive (?:offers?|deals?|discounts?)\b/i,
  /\bcoupons?\b/i,
  /\bweekly flyer\b/i,
  /\bsponsored (?:content|post)\b/i,
  /^(?:advertisement|sponsored|ad)$/i,
  /\bbuy (?:it )?now\b/i,
  /\bshop (?:now|the deal)\b/i,
];

const WIDGET = [
  /^leave a (?:comment|reply)\b/i,
  /^\d*\s*comments?$/i,
  /\bpopular now\b/i,
  /^(?:trending|most read|recommended|related(?: articles| posts| stories| news)?|read (?:more|next|also)|see also)\b.{0,40}$/i,
  /^learn more(?: here)?\.?$/i,
  /^(?:click|tap) here\b/i,
  /^(?:share|tweet|pin it|e-?mail|print|follow us)(?: (?:this|on)\b.*)?$/i,
  /\ball rights reserved\b/i,
  /^©/,
  /\bcookies?\b.*\b(?:accept|consent|policy)\b/i,
  /^(?:previous|next) (?:article|post|story)\b/i,
];

const EMBED = [/^(?:youtube|vimeo|video|audio|podcast) player$/i, /^(?:embedded|embed) (?:video|content|tweet)\b/i];

const CREDIT = /^(?:image|photo|picture|video|illustration|header image|featured image|cover image)s?\s*(?:credits?|source|courtesy|via|by)?\s*:/i;
const CREDIT_SHORT = /^(?:credits?|photo credits?|image credits?)\s*:/i;

/** Starts with a pictograph or dingbat, as promotional call-outs do. */
const PROMO_ICON = /^[\u2190-\u2bff\u{1f000}-\u{1faff}]/u;

/**
 * Alt text and file-name captions: one short line, starting lower case, with no sentence
 * punctuation, mostly lower-case words, often ending with a picture number.
 */
function looksLikeAltText(text: string): boolean {
  if (!/^[a-z]/.test(text) || /[.!?:;,"“”)]$/.test(text)) return false;
  const words = text.split(/\s+/);
  if (words.length < 2 || words.length > 16) return false;
  const lower = words.filter((w) => /^[a-z0-9][a-z0-9-]*$/.test(w)).length;
  return lower / words.length >= 0.6;
}

/** The kind of clutter a paragraph is, or null when it reads as article text. */
export function boilerplateKind(text: string): BoilerplateKind | null {
  if (text.length > 300) return null;
  if (EMBED.some((re) => re.test(text))) return 'EMBED';
  if ((CREDIT.test(text) || CREDIT_SHORT.test(text)) && text.length <= 100) return 'CAPTION';
  if (looksLikeAltText(text)) return 'CAPTION';
  if (ADVERTISING.some((re) => re.test(text))) return 'ADVERTISING';
  if (WIDGET.some((re) => re.test(text))) return 'WIDGET';
  if (PROMO_ICON.test(text) && text.length < 200) return 'ADVERTISING';
  return null;
}

/** A credit line for the article as a whole ("Source: GizmoChina", "Via: Engadget"): always kept. */
export function isSourceLine(text: string): boolean {
  return /^(?:source|sources|via|h\/t|hat tip)\s*:\s*\S/i.test(text) && text.length < 120;
}

/** A heading-like line: short and without sentence punctuation at its end. */
export function isHeadingLike(text: string): boolean {
  return text.length <= 200 && !/[.!?;,"”]$/.test(text);
}
