// Wear: the same result sought again by another card wears thin too (extends the repetition mechanic).
import type { Card, Chair, Scenario } from '../../scenario/schema.js';
import { SCORED_INDICATORS } from '../phases/assessment.js';
import { indexOf } from '../scenario-index.js';
import type { GameState } from '../types.js';
import { repeatShare, sustained } from './modifiers.js';

/** The practices the report asks of every chair every few months (the practice mechanics): never worn. */
const PRACTICES: readonly string[] = ['coordination', 'analysis', 'outreach', 'regional'];

/** A card's favourable effects on scored indicators, by id (casualties fall). */
function aims(card: Card): string[] {
  const out: string[] = [];
  for (const e of card.effects) {
    if (e.do !== 'indicator' || !SCORED_INDICATORS.includes(e.id)) continue;
    const good = e.id === 'casualties' ? e.by < 0 : e.by > 0;
    if (good && !out.includes(e.id)) out.push(e.id);
  }
  return out;
}

/** Whether wear leaves a card alone: sustained work, and the practices (kept up by their own mechanics). */
function unworn(card: Card): boolean {
  return sustained(card) || card.tags.some((t) => PRACTICES.includes(t));
}

/** Each card's aims that wear can touch (none for an unworn card), worked out once per card: every play reads them. */
const worn = new WeakMap<Card, readonly string[]>();
function wornAims(card: Card): readonly string[] {
  let ids = worn.get(card);
  if (!ids) worn.set(card, (ids = unworn(card) ? [] : aims(card)));
  return ids;
}

/** Per scenario: each chair's cards (not sustained) by the indicator they raise. */
const byAim = new WeakMap<Scenario, ReadonlyMap<Chair, ReadonlyMap<string, readonly Card[]>>>();
function cardsByAim(scn: Scenario): ReadonlyMap<Chair, ReadonlyMap<string, readonly Card[]>> {
  let m = byAim.get(scn);
  if (m) return m;
  const built = new Map<Chair, Map<string, Card[]>>();
  for (const [chairId, cards] of indexOf(scn).cardsByChair) {
    const chair = new Map<string, Card[]>();
    built.set(chairId, chair);
    for (const c of cards) if (!unworn(c)) for (const id of aims(c)) chair.set(id, [...(chair.get(id) ?? []), c]);
  }
  byAim.set(scn, (m = built));
  return m;
}

/**
 * Wear, L-leadership ¶9 and L-population ¶15: a chair that seeks the same result month after month by
 * rotating between cards (a convoy escort, then a casualty evacuation, then demining, each a point off
 * casualties; training the host state's police, then a gesture of due diligence, for consent and
 * impartiality together) gets what a repeated card gets: an indicator this chair raised with another
 * card last month keeps half of this card's gain on it, two months ago three quarters. Only earlier
 * months count (two steps in one month are one effort); talks and implementation are exempt, as for
 * repetition, and so are the practices (coordination, analysis, outreach, the region), which the report asks
 * for every month. Only indicators the score reads as they stand are worn. Returns the factor per indicator, only where it is below 1. Goes beyond the report,
 * which does not price gestures: it closes the rotation that the per-card repetition rule left open.
 */
export function wearFactors(s: GameState, scn: Scenario, card: Card): Readonly<Record<string, number>> | undefined {
  const ids = wornAims(card);
  if (ids.length === 0) return undefined;
  const mine = cardsByAim(scn).get(card.chair);
  let out: Record<string, number> | undefined;
  for (const id of ids) {
    let last = -Infinity;
    for (const c of mine?.get(id) ?? []) {
      const t = c === card ? undefined : s.played[c.id];
      if (t !== undefined && t < s.turn && t > last) last = t;
    }
    const f = repeatShare(s.turn - last);
    if (f < 1) (out ??= {})[id] = f;
  }
  return out;
}
