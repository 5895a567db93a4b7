// Wear: the same result sought again by another card wears thin too (extends the repetition mechanic).
import type { Card, Scenario } from '../../scenario/schema.js';
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

/** An aim of a card that wear can touch: a scored indicator, and the chair's other cards (not unworn) that raise it. */
export interface Aim {
  readonly id: string;
  readonly others: readonly Card[];
}

/**
 * A card's aims that wear can touch (none for an unworn card), each with the cards that wear it: worked out once per
 * card by the caller (resolution keeps them with the card's play), as every play of the card reads them.
 */
export function wearOf(scn: Scenario, card: Card): readonly Aim[] {
  if (unworn(card)) return [];
  const mine: readonly Card[] = indexOf(scn).cardsByChair.get(card.chair) ?? [];
  return aims(card).map((id) => ({ id, others: mine.filter((c) => c !== card && !unworn(c) && aims(c).includes(id)) }));
}

/**
 * Wear, L-leadership ¶9 and L-population ¶15: a chair that seeks the same result month after month by
 * rotating between cards (a convoy escort, then a casualty evacuation, then demining, each a point off
 * casualties; training the host state's police, then a gesture of due diligence, for consent and
 * impartiality together) gets what a repeated card gets: an indicator this chair raised with another
 * card last month keeps half of this card's gain on it, two months ago three quarters. Only earlier
 * months count (two steps in one month are one effort); talks and implementation are exempt, as for
 * repetition, and so are the practices (coordination, analysis, outreach, the region), which the report asks
 * for every month. Only indicators the score reads as they stand are worn. Returns the factor per indicator, only where
 * it is below 1, for a card whose aims are `aims` (`wearOf`). Goes beyond the report, which does not price gestures: it
 * closes the rotation that the per-card repetition rule left open.
 */
export function wearFactors(s: GameState, aims: readonly Aim[]): Readonly<Record<string, number>> | undefined {
  let out: Record<string, number> | undefined;
  for (let i = 0; i < aims.length; i++) {
    const aim = aims[i]!;
    let last = -Infinity;
    for (const c of aim.others) {
      const t = s.played[c.id];
      if (t !== undefined && t < s.turn && t > last) last = t;
    }
    const f = repeatShare(s.turn - last);
    if (f < 1) (out ??= {})[aim.id] = f;
  }
  return out;
}
