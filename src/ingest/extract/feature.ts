/**
 * Parts and ratings: HAS_FEATURE and IP_RATING.
 *
 * Features are taken where the wording is unambiguous: a protective part ("protected by a
 * sapphire glass cover"), a large camera ("a gigantic rear camera module", "the cameras of this
 * phone are anticipated to be large"), stored as "large camera" whatever the adjective, and
 * named parts a product has or adds ("adds a titanium frame and a larger 5,500 mAh battery",
 * "a 50MP telephoto lens", "shoots 8K video"). Ratings: "IP68", "IPX8", and the garbled "IPX/68".
 */

import { toMaskedIndex } from '../sentence-view.ts';
import type { ClaimDraft, Extractor } from './draft.ts';
import { productSubject } from './patterns.ts';

const PROTECTED = /\b(?:protected|covered|shielded)\s+by\s+(?:a|an|the)\s+((?:[\p{L}-]+\s+){0,3}?(?:cover|glass|case|coating|shell|lid|cap|frame))\b/iu;
const LARGE_CAMERA = /\b(?:large|big|huge|gigantic|enormous|massive|giant)\s+(?:[\p{L}/-]+\s+){0,4}?camera(?:s|\/lens)?\b|\bcameras?\s+(?:of\s+[^,.;]{0,30}?\s+)?(?:are|is|will be|would be|to be|be)\s+(?:[\p{L}]+\s+){0,3}?(?:large|big|huge|enormous|massive)\b/iu;
/** Parts and capabilities a product "has", "adds", "gets", "comes with" or is "with". */
const PART = String.raw`(?:battery|display|screen|touchscreen|frame|hinge|card slot|speakers?|stylus|keyboard|fingerprint reader|(?:periscope|telephoto|ultra-wide|macro|selfie) (?:camera|lens)|\d+K video|satellite messaging|(?:wireless|fast) charging|headphone jack|USB-C port)`;
const HAS_PART = new RegExp(
  String.raw`\b(?:adds?|gets?|has|have|had|features?|featuring|comes? with|sports?|boasts?|packs?|offers?|includes?|gains?|shoots?|with|and)\s+(?:an?\s+|the\s+|its\s+)?((?:(?!(?:the|a|an|of|to|for|in|on|by|said|says)\s)[a-z\d.,/-]+\s+){0,4}?${PART})\b(?!\s+(?:maker|makers|company|firm|brand|manufacturer|life)\b)`,
  'gu',
);
const NOT_PART_WORD = /^(?:an?|the|its|their|new|also|larger|bigger|smaller|thinner|brighter|faster|better|improved|upgraded|same|\d+)$/i;

const IP = /\bIP\s?(?:X\/|\/)?([0-6X])\s?([0-9])\b/;

export const extractFeatures: Extractor = (view, context) => {
  const drafts: ClaimDraft[] = [];
  const subjectAt = (at: number) => productSubject(view, toMaskedIndex(view, at), context);
  const protectedBy = PROTECTED.exec(view.text);
  if (protectedBy) {
    const subject = subjectAt(protectedBy.index);
    const part = protectedBy[1]!.toLowerCase().replace(/^(?:thin|tough|strong|special|new)\s+/, '');
    if (subject) drafts.push({ subject: subject.id, predicate: 'HAS_FEATURE', value: { type: 'Text', text: part }, confidence: 0.7 * subject.weight, anchor: [protectedBy.index, protectedBy.index + protectedBy[0].length] });
  }
  const large = LARGE_CAMERA.exec(view.text);
  if (large && !/\bsensor\b/i.test(large[0])) {
    const subject = subjectAt(large.index);
    if (subject) drafts.push({ subject: subject.id, predicate: 'HAS_FEATURE', value: { type: 'Text', text: 'large camera' }, confidence: 0.6 * subject.weight, anchor: [large.index, large.index + large[0].length] });
  }
  for (const m of view.text.matchAll(HAS_PART)) {
    const words = m[1]!.split(/\s+/);
    while (words.length > 1 && NOT_PART_WORD.test(words[0]!)) words.shift();
    const part = words.join(' ').replace(/,$/, '');
    const subject = subjectAt(m.index);
    if (subject && !drafts.some((d) => d.predicate === 'HAS_FEATURE' && d.value?.type === 'Text' && d.value.text === part)) {
      drafts.push({ subject: subject.id, predicate: 'HAS_FEATURE', value: { type: 'Text', text: part }, confidence: 0.6 * subject.weight, anchor: [m.index, m.index + m[0].length] });
    }
  }
  const ip = IP.exec(view.text);
  if (ip) {
    const subject = subjectAt(ip.index);
    if (subject) drafts.push({ subject: subject.id, predicate: 'IP_RATING', value: { type: 'Text', text: `IP${ip[1]}${ip[2]}` }, confidence: 0.85 * subject.weight, anchor: [ip.index, ip.index + ip[0].length] });
  }
  return drafts;
};
