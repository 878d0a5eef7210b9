/**
 * Makers: MANUFACTURED_BY from the ways articles say who makes a thing, besides launches.
 *
 * "Xiaomi's 12S Ultra", "Sony's own E-mount lenses", "the company's E-Lenses" (the company
 * under discussion), "M-mount lenses from none other than Leica", "the Galaxy NX was made by
 * Samsung", "The first Xiaomi phone ... would be the 12 Ultra", "the Chinese company ...
 * manufactured ten devices", and a product named with its maker's name ("the Huawei Xs 2"),
 * taken once per article when nothing else in it says who made the product.
 */

import type { Entity } from '../../model/entity.ts';
import { mentionOf, type SentenceView } from '../sentence-view.ts';
import type { ClaimDraft, ExtractContext, Extractor } from './draft.ts';
import { anchorOf, ent, list, mentionsIn, productSubject, words } from './patterns.ts';

const POSSESSIVE = new RegExp(String.raw`(?:${ent('C')}|\b(?<ref>the company|the firm|the brand|the group))['’]s\s+(?:own\s+|new\s+|latest\s+|upcoming\s+|recently\s+|unveiled\s+|[\p{L}-]+\s+){0,3}?(?:[\p{L}-]+,\s+(?:the\s+)?)?(${list('P')})`, 'iu');
/** "Canon is expected to refresh its EOS R5": "its" is the company the sentence named before it. */
const ITS = new RegExp(String.raw`\b(?:its|their)\s+(?:own\s+|new\s+|latest\s+|upcoming\s+|best-selling\s+|flagship\s+|first\s+|next\s+|recently\s+|unveiled\s+|current\s+){0,3}(${list('P')})`, 'iu');
const FROM = new RegExp(String.raw`${ent('P')}\s+(?:[\p{L}/.-]+\s+){0,2}?(?:lens(?:es)?\s+|phones?\s+|cameras?\s+)?from\s+(?:none other than\s+|the\s+|a\s+)?${words(0, 3)}${ent('C')}`, 'iu');
const BY = new RegExp(String.raw`(${list('P')})\s+(?:is|was|are|were|will be|has been|have been)\s+(?:[\p{L}]+\s+)?(?:made|built|manufactured|produced|developed|designed|marketed|sold)\s+by\s+${ent('C')}`, 'iu');
const COPULA = new RegExp(String.raw`${ent('C')}\s+(?:phone|smartphone|handset|flagship|device|camera|laptop|tablet)\b[^.;]{0,60}?\b(?:is|was|would be|will be|could be|might be)\s+(?:the\s+)?${ent('P')}`, 'iu');
const PRODUCED = new RegExp(String.raw`(?:${ent('C')}|\bthe\s+(?<ref>(?:[\p{L}-]+\s+)?(?:company|firm|group|brand|maker|manufacturer)))\s+(?:[^.;⟦]{0,50}?\s+)?(?:produced|manufactured|made|built|assembled)\s+(?:only\s+|just\s+)?(?:\d[\d,]*|ten|two|three|four|five|six|seven|eight|nine|a few|several|some|a handful of)\s+`, 'iu');

/** A headline about "This Xiaomi Smartphone" before the article names the phone. */
const HEADLINE_PRODUCT = new RegExp(String.raw`\b(?:this|the|a|an|new)\s+${ent('C')}\s+(?:smartphone|phone|handset|camera|laptop|tablet)\b`, 'iu');

function focusCompany(view: SentenceView, context: ExtractContext): string | null {
  return context.discourse.focusCompany(view.index) ?? context.discourse.mainCompany;
}

/** "the company" refers to the last company named, in this sentence or before it. */
function companyBefore(view: SentenceView, at: number, context: ExtractContext): string | null {
  const named = mentionsIn(view, view.masked.slice(0, at)).filter((m) => m.kind === 'Company').at(-1);
  return named?.entityId ?? focusCompany(view, context);
}

export const extractMakers: Extractor = (view, context) => {
  const drafts: ClaimDraft[] = [];
  const add = (product: string, company: string, anchor: [number, number], confidence: number): void => {
    if (!drafts.some((d) => d.subject === product && d.object === company)) drafts.push({ subject: product, predicate: 'MANUFACTURED_BY', object: company, confidence, anchor });
  };
  const possessive = POSSESSIVE.exec(view.masked);
  if (possessive) {
    const company = possessive.groups!.ref ? companyBefore(view, possessive.index, context) : mentionOf(view, possessive[1])?.entityId ?? null;
    if (company) for (const p of mentionsIn(view, possessive[3]!)) add(p.entityId, company, anchorOf(view, possessive), possessive.groups!.ref ? 0.65 : 0.8);
  }
  const its = ITS.exec(view.masked);
  if (its) {
    const company = mentionsIn(view, view.masked.slice(0, its.index)).filter((m) => m.kind === 'Company').at(-1);
    if (company) for (const p of mentionsIn(view, its[1]!)) add(p.entityId, company.entityId, anchorOf(view, its), 0.7);
  }
  const from = FROM.exec(view.masked);
  if (from) {
    const product = mentionOf(view, from[1]);
    const company = mentionOf(view, from[2]);
    if (product && company) add(product.entityId, company.entityId, anchorOf(view, from), 0.7);
  }
  const by = BY.exec(view.masked);
  if (by) {
    const company = mentionOf(view, by[2]);
    if (company) for (const p of mentionsIn(view, by[1]!)) add(p.entityId, company.entityId, anchorOf(view, by), 0.85);
  }
  const copula = COPULA.exec(view.masked);
  if (copula) {
    const company = mentionOf(view, copula[1]);
    const product = mentionOf(view, copula[2]);
    if (company && product) add(product.entityId, company.entityId, anchorOf(view, copula), 0.7);
  }
  const produced = PRODUCED.exec(view.masked);
  if (produced) {
    const company = produced.groups!.ref ? companyBefore(view, produced.index, context) : mentionOf(view, produced[1])?.entityId ?? null;
    const product = productSubject(view, produced.index + produced[0].length, context, Math.min(view.masked.length, produced.index + produced[0].length + 60));
    if (company && product) add(product.id, company, anchorOf(view, produced), 0.7 * product.weight);
  }
  if (view.headline && !view.mentions.some((m) => m.kind === 'Product')) {
    const generic = HEADLINE_PRODUCT.exec(view.masked);
    const company = generic ? mentionOf(view, generic[1]) : null;
    const product = context.discourse.mainProduct;
    if (company && product) add(product, company.entityId, anchorOf(view, generic!), 0.6);
  }
  return drafts;
};

/**
 * A product whose name begins with its maker's name ("Huawei Xs 2", "Sony QX1") was made by that
 * maker. Taken at the product's first mention, for products the article gives no other maker.
 */
export function makersFromNames(
  views: readonly SentenceView[],
  companies: readonly Entity[],
  stated: ReadonlySet<string>,
): Map<number, ClaimDraft[]> {
  const found = new Map<number, ClaimDraft[]>();
  const done = new Set<string>();
  for (const view of views) {
    if (view.duplicate) continue;
    for (const m of view.mentions) {
      if (m.kind !== 'Product' || done.has(m.entityId)) continue;
      done.add(m.entityId);
      if (stated.has(m.entityId)) continue;
      const words = m.text.split(/\s+/);
      if (words.length < 2) continue;
      const maker = companies.find((c) => m.text.toLowerCase().startsWith(`${c.name.toLowerCase()} `));
      if (!maker) continue;
      const list = found.get(view.index) ?? [];
      list.push({ subject: m.entityId, predicate: 'MANUFACTURED_BY', object: maker.id, confidence: 0.6, anchor: [m.start - view.start, m.end - view.start] });
      found.set(view.index, list);
    }
  }
  return found;
}
