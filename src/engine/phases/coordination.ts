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

/**
 * The cards played this turn as three parallel columns, refilled by each `detectConflicts` (the engine is synchronous
 * and does not call itself back): every commit that completes the plans detects, and a list of records made each time
 * was most of what coordination allocated.
 */
const chairs: Chair[] = [];
const cards: Card[] = [];
const targets: (string | undefined)[] = [];

/** Fills the columns with `s`'s played cards, in `playedCards`' order, and returns how many there are. */
function fillPlayed(s: GameState, scn: Scenario): number {
  const idx = indexOf(scn);
  let n = 0;
  for (const chair of idx.chairs) {
    const items = s.plans[chair]?.items;
    if (!items) continue;
    for (let i = 0; i < items.length; i++) {
      const it = items[i]!;
      if (it.kind !== 'card') continue;
      const card = idx.cards.get(it.card);
      if (!card) continue;
      chairs[n] = chair;
      cards[n] = card;
      targets[n] = it.target;
      n++;
    }
  }
  return n;
}

const has = (card: Card, tag: string) => card.tags.includes(tag as never);

/** Adds `c` unless a conflict of its kind and subject is flagged already (the first one found stands). */
function add(out: Conflict[], c: Conflict): void {
  for (const o of out) if (o.kind === c.kind && o.subject === c.subject) return;
  out.push(c);
}

/** The flagged list when nothing is: shared (a state's conflicts are read, never written). */
const NO_CONFLICTS: readonly Conflict[] = Object.freeze([]);

/**
 * L-cohesion, L-primacy, L-leadership: conflicts between the chairs' revealed plans.
 * - offensive-vs-talks: force against an actor another chair is negotiating with, when the
 *   strategy does not name that actor's track (under a common strategy the same pair is leverage).
 * - opposed-strategy: one chair works the strategy's track while another courts a party outside it.
 * - uncoordinated-mediation: SRSG and Envoy both negotiate and neither takes a coordination step.
 */
export function detectConflicts(s: GameState, scn: Scenario): Conflict[] {
  const idx = indexOf(scn);
  const n = fillPlayed(s, scn);
  const track: readonly string[] = (s.strategy ? idx.strategies.get(s.strategy)?.track : undefined) ?? [];
  let out: Conflict[] | undefined;
  for (let f = 0; f < n; f++) {
    const force = cards[f]!;
    const subject = targets[f];
    if (force.target !== 'actor' || !(has(force, 'offensive') || has(force, 'pressure'))) continue;
    if (subject === undefined || track.includes(subject)) continue;
    for (let t = 0; t < n; t++)
      if (targets[t] === subject && chairs[t] !== chairs[f] && has(cards[t]!, 'talks'))
        add((out ??= []), { kind: 'offensive-vs-talks', chairs: [chairs[f]!, chairs[t]!], subject });
  }
  if (track.length > 0) {
    // Talks with a party off the strategy's track, against the first talks on it by another chair.
    for (let o = 0; o < n; o++) {
      const subject = targets[o];
      if (!politicalTalks(idx.actors, o) || track.includes(subject!)) continue;
      for (let p = 0; p < n; p++) {
        if (!politicalTalks(idx.actors, p) || !track.includes(targets[p]!) || chairs[p] === chairs[o]) continue;
        add((out ??= []), { kind: 'opposed-strategy', chairs: [chairs[p]!, chairs[o]!], subject: subject! });
        break;
      }
    }
  }
  // content #19: where the SRSG held the UN's seat in the mediation (scenario data), there is no split to punish.
  if (scn.mediationSeat !== 'srsg') {
    let srsgTalks = false;
    let envoyTalks = false;
    let coordinated = false;
    for (let i = 0; i < n; i++) {
      const c = chairs[i];
      if (c !== 'srsg' && c !== 'envoy') continue;
      if (has(cards[i]!, 'coordination')) coordinated = true;
      if (has(cards[i]!, 'talks')) {
        if (c === 'srsg') srsgTalks = true;
        else envoyTalks = true;
      }
    }
    if (srsgTalks && envoyTalks && !coordinated)
      add((out ??= []), { kind: 'uncoordinated-mediation', chairs: ['srsg', 'envoy'], subject: s.strategy ?? 'none' });
  }
  // The columns keep no card past the call (a scenario's cards would outlive it otherwise).
  cards.length = chairs.length = targets.length = 0;
  return out ?? (NO_CONFLICTS as Conflict[]);
}

/** Whether played card `i` holds talks with a party (an actor the scenario makes a party to the process). */
function politicalTalks(actors: ReturnType<typeof indexOf>['actors'], i: number): boolean {
  const t = targets[i];
  return t !== undefined && has(cards[i]!, 'talks') && actors.get(t)?.party === true;
}
