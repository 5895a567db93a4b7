// Coordination: plans are revealed and the places where chairs work against each other are flagged.
import type { Card, Chair, Scenario } from '../../scenario/schema.js';
import { indexOf } from '../scenario-index.js';
import type { Conflict, GameState } from '../types.js';

interface Played {
  chair: Chair;
  card: Card;
  target: string | undefined;
}

export function playedCards(s: GameState, scn: Scenario): Played[] {
  const idx = indexOf(scn);
  const out: Played[] = [];
  for (const chair of idx.chairs) {
    for (const it of s.plans[chair]?.items ?? []) {
      const card = it.kind === 'card' ? idx.cards.get(it.card) : undefined;
      if (card && it.kind === 'card') out.push({ chair, card, target: it.target });
    }
  }
  return out;
}

const has = (p: Played, ...tags: string[]) => tags.some((t) => p.card.tags.includes(t as never));

/**
 * L-cohesion, L-primacy, L-leadership: conflicts between the chairs' revealed plans.
 * - offensive-vs-talks: force against an actor another chair is negotiating with, when the
 *   strategy does not name that actor's track (under a common strategy the same pair is leverage).
 * - opposed-strategy: one chair works the strategy's track while another courts a party outside it.
 * - uncoordinated-mediation: SRSG and Envoy both negotiate and neither takes a coordination step.
 */
export function detectConflicts(s: GameState, scn: Scenario): Conflict[] {
  const idx = indexOf(scn);
  const played = playedCards(s, scn);
  const track = new Set(s.strategy ? (idx.strategies.get(s.strategy)?.track ?? []) : []);
  const out: Conflict[] = [];
  const seen = new Set<string>();
  const add = (c: Conflict) => {
    const key = `${c.kind}:${c.subject}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(c);
    }
  };
  for (const force of played.filter((p) => has(p, 'offensive', 'pressure') && p.card.target === 'actor')) {
    for (const talk of played.filter((p) => has(p, 'talks') && p.target === force.target && p.chair !== force.chair)) {
      if (force.target !== undefined && !track.has(force.target)) {
        add({ kind: 'offensive-vs-talks', chairs: [force.chair, talk.chair], subject: force.target });
      }
    }
  }
  if (track.size > 0) {
    const political = played.filter(
      (p) => has(p, 'talks') && p.target !== undefined && idx.actors.get(p.target)?.party,
    );
    const onTrack = political.filter((p) => track.has(p.target!));
    const offTrack = political.filter((p) => !track.has(p.target!));
    for (const off of offTrack) {
      const other = onTrack.find((p) => p.chair !== off.chair);
      if (other) add({ kind: 'opposed-strategy', chairs: [other.chair, off.chair], subject: off.target! });
    }
  }
  const talks = (c: Chair) => played.some((p) => p.chair === c && has(p, 'talks'));
  const coordinated = played.some((p) => (p.chair === 'srsg' || p.chair === 'envoy') && has(p, 'coordination'));
  // content #19: where the SRSG held the UN's seat in the mediation (scenario data), there is no split to punish.
  if (scn.mediationSeat !== 'srsg' && talks('srsg') && talks('envoy') && !coordinated) {
    add({ kind: 'uncoordinated-mediation', chairs: ['srsg', 'envoy'], subject: s.strategy ?? 'none' });
  }
  return out;
}
