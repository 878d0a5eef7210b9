/**
 * Resolve: every mention gets an entity ID, registered or new.
 *
 * Registry mentions keep their entity (exact alias, normalised spelling or fuzzy match, with
 * falling confidence). The remaining names become candidate entities, `Kind:slug` like the
 * registry's, one per distinct name: their confidence is the best of their mentions', a little
 * higher for each further mention. A candidate whose ID the registry already holds is that
 * registered entity.
 */

import type { Entity, EntityKind } from '../model/entity.ts';
import { makeId, slugify } from '../model/ids.ts';
import type { FoundMention, MentionMethod } from './mentions.ts';

export interface ResolvedMention {
  /** Offsets in the normalised text. */
  start: number;
  end: number;
  text: string;
  entityId: string;
  kind: EntityKind;
  method: MentionMethod;
  confidence: number;
  sentence: number;
}

export interface Candidate {
  entity: Entity;
  confidence: number;
  /** How many times the article names it. */
  mentions: number;
  /** The registered product this one is a variant of, if any. */
  variantOf: string | null;
}

export interface Resolution {
  mentions: ResolvedMention[];
  candidates: Candidate[];
  /** Registry entities the article mentions, in order of first mention. */
  mentioned: Entity[];
  /** Looks up a registry entity or a candidate by ID. */
  entity: (id: string) => Entity | undefined;
}

export function resolveMentions(found: readonly FoundMention[], registry: readonly Entity[]): Resolution {
  const byId = new Map(registry.map((e) => [e.id, e]));
  const candidates = new Map<string, Candidate>();
  const mentioned = new Map<string, Entity>();
  const mentions: ResolvedMention[] = [];
  for (const m of found) {
    let entity = m.entity;
    if (!entity) {
      const id = makeId(m.kind, slugify(m.name));
      entity = byId.get(id) ?? null;
      if (!entity) {
        const known = candidates.get(id);
        if (known) {
          known.mentions++;
          known.confidence = Math.max(known.confidence, m.confidence);
          if (m.text !== known.entity.name && !known.entity.aliases.includes(m.text)) known.entity.aliases.push(m.text);
        } else {
          candidates.set(id, {
            entity: {
              id,
              kind: m.kind,
              name: m.name,
              aliases: m.text !== m.name ? [m.text] : [],
              description: m.extends ? `A variant of the ${m.extends.name}.` : null,
            },
            confidence: m.confidence,
            mentions: 1,
            variantOf: m.extends?.id ?? null,
          });
        }
        mentions.push({ start: m.start, end: m.end, text: m.text, entityId: id, kind: m.kind, method: m.method, confidence: m.confidence, sentence: m.sentence });
        continue;
      }
    }
    if (!mentioned.has(entity.id)) mentioned.set(entity.id, entity);
    mentions.push({ start: m.start, end: m.end, text: m.text, entityId: entity.id, kind: entity.kind, method: m.method, confidence: m.confidence, sentence: m.sentence });
  }
  for (const c of candidates.values()) c.confidence = Math.min(0.95, Math.round((c.confidence + 0.05 * (c.mentions - 1)) * 100) / 100);
  const entity = (id: string): Entity | undefined => byId.get(id) ?? candidates.get(id)?.entity;
  return { mentions, candidates: [...candidates.values()], mentioned: [...mentioned.values()], entity };
}
