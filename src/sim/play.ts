// Plays a whole game with a doctrine in every chair, by the same rules as step() plays any player's action.
import type { Chair, Scenario } from '../scenario/schema.js';
import { newGame, type GameState } from '../engine/index.js';
import { Working } from '../engine/working.js';
import { indexOf } from '../engine/scenario-index.js';
import type { Doctrine } from './doctrine.js';
import { botRandom, decide, nextChair, situationOf } from './driver.js';

export type Seating = Readonly<Partial<Record<Chair, Doctrine>>>;

/** One doctrine in every chair. */
export function seatAll(d: Doctrine): Seating {
  return { srsg: d, envoy: d, police: d, force: d };
}

const MAX_STEPS = 20000;

/** Every chair is a bot's. */
const everyone = (): boolean => true;

export class PlayError extends Error {}

/**
 * Drives a game from `state` (a new game by default) to its end, or to `untilTurn`, through the one
 * bot driver (driver.ts). Deterministic: the doctrines' draws are keyed on the game's seed (driver.ts `botRandom`).
 */
export function playGame(
  scn: Scenario,
  seed: number,
  seats: Seating,
  from?: GameState,
  untilTurn?: number,
  /** Called once as each turn's planning opens, for tools that study the content (never changes the game). */
  onPlanning?: (s: GameState) => void,
): GameState {
  // Played in place (engine/working.ts `Working`): a state is sealed only when a doctrine decides on it, or at the end.
  const game = new Working(scn, from ?? newGame(scn, seed));
  const chairs = indexOf(scn).chairs;
  const doctrineOf = (c: Chair): Doctrine => {
    const d = seats[c] ?? seats.srsg;
    if (!d) throw new PlayError(`no doctrine for the ${c} chair`);
    return d;
  };
  let guard = 0;
  while (game.phase !== 'over' && !(untilTurn !== undefined && game.turn > untilTurn)) {
    const s = game.state();
    if (++guard > MAX_STEPS) throw new PlayError(`no end after ${MAX_STEPS} steps (phase ${s.phase}, turn ${s.turn})`);
    if (
      onPlanning &&
      s.phase === 'planning' &&
      chairs.every((c) => !s.plans[c]?.committed && (s.plans[c]?.items.length ?? 0) === 0)
    )
      onPlanning(s);
    const chair = nextChair(s, scn, everyone);
    if (chair === null) throw new PlayError(`nobody can act (phase ${s.phase}, turn ${s.turn})`);
    const before = game.steps;
    // The driver's actions are typed, so well formed (`Working` checks their shape only under tests).
    for (const a of decide(situationOf(s, scn, chair, botRandom(s, chair)), doctrineOf(chair)) ?? []) game.play(a);
    if (game.steps === before) throw new PlayError(`the ${chair} chair cannot act (phase ${s.phase}, turn ${s.turn})`);
  }
  return game.state();
}
