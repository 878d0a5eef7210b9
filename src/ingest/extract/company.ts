/**
 * Companies: COUNTRY, INCEPTION, PRODUCES, MARKET_RANK, OUTSELLS and PARENT_ORGANIZATION.
 *
 * Nationality comes from a demonym next to a company noun: "the premium German manufacturer
 * Leica", "Xiaomi, the Chinese phone maker", and, with no name beside it, "the German marque"
 * or "the Chinese company": then the company is the one named earlier whose registry
 * description shares the nationality (or, for a new name, the company named just before).
 */

import { DEMONYMS } from '../nationality.ts';
import { ORDINAL_SOURCE, parseOrdinal } from '../numbers.ts';
import { mentionOf, toMaskedIndex, type SentenceView } from '../sentence-view.ts';
import type { ClaimDraft, ExtractContext, Extractor } from './draft.ts';
import { anchorOf, companySubject, ent, list, mentionsIn, words } from './patterns.ts';

const DEMONYM = `(${Object.keys(DEMONYMS).sort((a, b) => b.length - a.length).join('|')})`;
const ANY_DEMONYM = new RegExp(String.raw`\b${DEMONYM}\b`);
const ORG_NOUN = String.raw`(?:company|companies|firm|maker|manufacturer|brand|giant|group|house|marque|vendor|conglomerate|corporation|outfit|startup|start-up|chipmaker|carmaker|supplier|retailer|foundry|specialist|developer)`;

const NAMED_AFTER = new RegExp(String.raw`(?:\b(?:[Tt]he|[Aa]n?)\s+${words(0, 2)})?\b${DEMONYM}\s+${words(0, 2)}${ORG_NOUN}\s+${ent('C')}`, 'u');
const NAMED_BEFORE = new RegExp(String.raw`${ent('C')},\s+(?:a|an|the)\s+${words(0, 2)}${DEMONYM}\s+${words(0, 2)}${ORG_NOUN}\b`, 'u');
const UNNAMED = new RegExp(String.raw`\b[Tt]he\s+${words(0, 2)}${DEMONYM}\s+(?:${words(0, 2)}${ORG_NOUN}\b|(?=(?:have|has|are|is|were|was|will|had)\b))`, 'u');

const FOUNDED = /\b(?:founded|founding|established|incorporated|set up|started|inception)\b/i;
const SPECIALISES = String.raw`(?:specialized|specialised|specializes|specialises|specialize|specialise|specializing|specialising)\s+in`;
const PRODUCES = new RegExp(String.raw`(?:${ent('C')},?\s+(?:(?:which|who)\s+[^,.;⟦]{0,60}?\s+(?:and\s+)?)?(?:has\s+|have\s+|also\s+|had\s+|mainly\s+|mostly\s+|long\s+|is\s+|are\s+|best\s+)*(?:${SPECIALISES}|makes|produces|manufactures|builds|known for(?:\s+its|\s+their)?)|\b(?:they|it|the company|the firm)\s+(?:has\s+|have\s+|also\s+|had\s+|mainly\s+|mostly\s+)*${SPECIALISES})\s+(?<what>[^.;]+)`, 'iu');
const NOT_AN_ITEM = /^(?:it|its|them|him|her|us|sense|up|way|use|the|a|an|this|that|their|our|more|less|sure|money|headlines|news)\b/i;
const RANK = new RegExp(String.raw`\b(?:the\s+)?(?:(?<region>world|global|\p{Lu}\p{L}+)['’]s?\s+)?(?:(?<ord>${ORDINAL_SOURCE})[- ](?:largest|biggest)|(?<top>largest|biggest)|No\.\s?(?<no>\d+))\s+(?:[\p{L}-]+\s+){0,2}?(?:manufacturer|maker|vendor|brand|seller|company|player|supplier)\b`, 'iu');
const OUTSELLS = new RegExp(String.raw`\bonly\s+(${list('C')})\s+(?:selling|sold|sell|shipping|shipped)\s+more\b|\b(?:after|behind|trailing)\s+(?:only\s+)?(${list('C')})`, 'iu');
const ASPIRATION = /\b(?:wants?|aims?|hopes?|plans?|expects?|intends?|seeks?|goal is|ambition is|bid)\s+(?:to\s+)?(?:be(?:come)?\s+)?[^.;]{0,12}$/i;
const PARENT = new RegExp(String.raw`${ent('C')}\s*,?\s+(?:a|an|the)\s+${words(0, 2)}(?:sub-?brand|subsidiary|brand|unit|division|spin-off)\s+(?:of|owned by|from|belonging to)\s+${ent('C')}|${ent('C')}['’]s\s+(?:sub-?brand|subsidiary|brand|unit|division)\s+${ent('C')}`, 'iu');
const OWNS = new RegExp(String.raw`${ent('C')},?\s+(?:which\s+|that\s+)?(?:also\s+)?(?:owns|acquired|bought|controls)\s+(?:the\s+)?${words(0, 2)}(?:brand\s+|subsidiary\s+|company\s+)?${ent('C')}`, 'iu');

/** The company an unnamed "the German marque" refers to. */
export function companyByDemonym(view: SentenceView, at: number, demonym: string, context: ExtractContext): string | null {
  const { discourse } = context;
  const named = [...mentionsIn(view, view.masked.slice(0, at)).filter((m) => m.kind === 'Company').map((m) => m.entityId).reverse(), ...discourse.companiesBefore(view.index)];
  const described = named.find((id) => discourse.entity(id)?.description?.includes(demonym));
  if (described) return described;
  // New names have no description to check: the company the article is about, else the one named last.
  const focus = discourse.focusCompany(view.index);
  const nearest = mentionsIn(view, view.masked.slice(0, at)).filter((m) => m.kind === 'Company').at(-1)?.entityId ?? focus ?? named[0];
  return nearest && !discourse.entity(nearest)?.description ? nearest : null;
}

function splitItems(what: string): string[] {
  const clause = what.split(/,\s+(?=(?:will|would|is|was|has|have|had|but|which|who|while|and\s+(?:is|was|will|has))\b)/i)[0]!;
  const cut = clause.split(/\s+(?:since|for|from|in order|because|due to|with|which|that|while|until|over|to)\s+/i)[0]!;
  const such = /\bsuch as\s+(.+)$/i.exec(cut);
  const items = (such ? such[1]! : cut).split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s+as well as\s+/);
  return items
    .map((s) => s.replace(/^(?:other\s+|various\s+|all\s+kinds\s+of\s+|types\s+of\s+)/i, '').trim())
    .filter((s) => /^[\p{L}][\p{L}\s-]*$/u.test(s) && s.split(/\s+/).length <= 4 && !NOT_AN_ITEM.test(s));
}

export const extractCompanyFacts: Extractor = (view, context) => {
  const drafts: ClaimDraft[] = [];
  const hasDemonym = ANY_DEMONYM.test(view.masked);
  const after = hasDemonym ? NAMED_AFTER.exec(view.masked) : null;
  const before = hasDemonym ? NAMED_BEFORE.exec(view.masked) : null;
  const named = after ? { m: after, demonym: after[1]!, company: mentionOf(view, after[2]) } : before ? { m: before, demonym: before[2]!, company: mentionOf(view, before[1]) } : null;
  if (named?.company) {
    drafts.push({ subject: named.company.entityId, predicate: 'COUNTRY', value: { type: 'Text', text: DEMONYMS[named.demonym]! }, confidence: 0.85, anchor: anchorOf(view, named.m) });
  }
  {
    const rest = named ? view.masked.slice(named.m.index + named.m[0].length) : view.masked;
    const offset = named ? named.m.index + named.m[0].length : 0;
    const found = hasDemonym ? UNNAMED.exec(rest) : null;
    const unnamed = found ? Object.assign(found, { index: found.index + offset }) : null;
    const id = unnamed ? companyByDemonym(view, unnamed.index, unnamed[1]!, context) : null;
    if (unnamed && id) drafts.push({ subject: id, predicate: 'COUNTRY', value: { type: 'Text', text: DEMONYMS[unnamed[1]!]! }, confidence: 0.65, anchor: anchorOf(view, unnamed) });
  }

  const founded = FOUNDED.exec(view.text);
  if (founded) {
    const date = view.dates.find((d) => d.start > founded.index && d.start - founded.index < 50);
    // "co-founded the company in 1998": the company is the one under discussion.
    const theCompany = /^\S*\s+the\s+(?:company|firm|brand|group)\b/i.test(view.text.slice(founded.index));
    const subject = theCompany
      ? (() => { const id = context.discourse.focusCompany(view.index) ?? context.discourse.mainCompany; return id ? { id, weight: 0.8 } : null; })()
      : companySubject(view, toMaskedIndex(view, founded.index), context);
    if (date && subject) drafts.push({ subject: subject.id, predicate: 'INCEPTION', value: date.date, confidence: 0.8 * subject.weight, anchor: [founded.index, date.end] });
  }

  const produces = PRODUCES.exec(view.masked);
  if (produces) {
    const company = mentionOf(view, produces[1]);
    const subject = company ? { id: company.entityId, weight: 1 } : companySubject(view, produces.index + produces[0].indexOf(' '), context);
    if (subject) {
      for (const item of splitItems(produces.groups!.what!)) {
        drafts.push({ subject: subject.id, predicate: 'PRODUCES', value: { type: 'Text', text: item.toLowerCase() }, confidence: 0.7 * subject.weight, anchor: anchorOf(view, produces) });
      }
    }
  }

  const rank = /largest|biggest|No\./.test(view.masked) ? RANK.exec(view.masked) : null;
  if (rank) {
    const g = rank.groups!;
    const amount = g.no ? Number(g.no) : g.ord ? parseOrdinal(g.ord) : 1;
    const subject = companySubject(view, rank.index, context);
    if (amount !== null && subject && !ASPIRATION.test(view.masked.slice(0, rank.index))) {
      const region = g.region ? (/^(?:world|global)$/i.test(g.region) ? 'World' : g.region) : undefined;
      drafts.push({ subject: subject.id, predicate: 'MARKET_RANK', value: { type: 'Quantity', amount, unit: null, approximate: false }, qualifiers: region ? { region } : {}, confidence: 0.75 * subject.weight, anchor: anchorOf(view, rank) });
      const outsell = OUTSELLS.exec(view.masked);
      if (outsell) {
        for (const rival of mentionsIn(view, (outsell[1] ?? outsell[2])!)) {
          if (rival.entityId !== subject.id) drafts.push({ subject: rival.entityId, predicate: 'OUTSELLS', object: subject.id, confidence: 0.65 * subject.weight, anchor: anchorOf(view, outsell) });
        }
      }
    }
  }

  const owns = OWNS.exec(view.masked);
  if (owns) {
    const owner = mentionOf(view, owns[1]);
    const brand = mentionOf(view, owns[2]);
    if (brand && owner && brand.entityId !== owner.entityId) drafts.push({ subject: brand.entityId, predicate: 'PARENT_ORGANIZATION', object: owner.entityId, confidence: 0.7, anchor: anchorOf(view, owns) });
  }
  const parent = PARENT.exec(view.masked);
  if (parent) {
    const brand = mentionOf(view, parent[1] ?? parent[4]);
    const owner = mentionOf(view, parent[2] ?? parent[3]);
    if (brand && owner && brand.entityId !== owner.entityId) drafts.push({ subject: brand.entityId, predicate: 'PARENT_ORGANIZATION', object: owner.entityId, confidence: 0.75, anchor: anchorOf(view, parent) });
  }
  return drafts;
};
