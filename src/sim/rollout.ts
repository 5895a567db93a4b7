// Rollouts for search and comparison: from a state, play N games on to a horizon with given doctrines, fast.
//
// For doctrine authors. A searching doctrine tries a candidate with `step()`, then asks how the game
// goes on from there:
//
//   const r = rollouts(scn, after, { seats: seatAll(DOCTRINES.report), games: 16, horizon: after.turn + 2, seed });
//   const value = r.meanScore;           // the mean of `score` over the rollouts
//
// Each rollout replays nothing: it starts from the state it is given (states share everything an
// action does not touch, so starting from one is free) and plays through the one bot driver with
// stateless draws keyed on `seed` and the rollout's number, so the same call gives the same answer.
// Deep-freezing is off while rollouts run (they never hand their states to anyone), and the
// outcome of an unfinished rollout is scored as the game stands (scoreOf), with nothing kept but
// the numbers asked for. A doctrine sees only its view: build `from` with `stateFromView` when the
// true state is not yours to read.
import type { Scenario } from '../scenario/schema.js';
import { isFreezing, setFreezing } from '../engine/freeze.js';
import { newGame, scoreOf, type ChairView, type GameState } from '../engine/index.js';
import { hashText } from '../engine/replay.js';
import { seedRng, seedWorld } from '../engine/rng.js';
import { shallowCopy } from '../engine/tape.js';
import { playGame, type Seating } from './play.js';

export interface RolloutOptions {
  readonly seats: Seating;
  /** How many rollouts. */
  readonly games: number;
  /** Play until this turn is over (default: to the end of the game). */
  readonly horizon?: number;
  /** Seeds the rollouts' draws (and the games' own chance, for rollouts from a new game). */
  readonly seed: number;
  /** Called after each rollout, for progress bars. */
  readonly onGame?: (done: number, total: number) => void;
}

export interface RolloutResult {
  /** Each rollout's score: the outcome's when the game ended, else the score of the state reached. */
  readonly scores: readonly number[];
  readonly meanScore: number;
  /** How many rollouts ended in success (an unfinished rollout counts as not). */
  readonly wins: number;
}

/** A rollout's own seed: spread out from the caller's seed and its number. */
export function rolloutSeed(seed: number, i: number): number {
  return parseInt(hashText(`rollout:${seed}:${i}`).slice(0, 8), 16) >>> 0;
}

/**
 * Plays `games` rollouts from `from` (a state of the game; pass `null` for new games, each with its
 * own seed) and returns their scores. The state given is never changed.
 */
export function rollouts(scn: Scenario, from: GameState | null, o: RolloutOptions): RolloutResult {
  const scores: number[] = [];
  let wins = 0;
  const wasFreezing = isFreezing();
  setFreezing(false);
  try {
    for (let i = 0; i < o.games; i++) {
      const seed = rolloutSeed(o.seed, i);
      // From a given state, each rollout gets its own chance and draws: the future is not known.
      const start = from === null ? newGame(scn, seed) : reseeded(from, seed);
      const end = playGame(scn, seed, o.seats, start, o.horizon);
      const score = end.outcome?.score ?? scoreOf(end, scn).score;
      scores.push(score);
      if (end.outcome?.result === 'success') wins++;
      o.onGame?.(i + 1, o.games);
    }
  } finally {
    setFreezing(wasFreezing);
  }
  return { scores, meanScore: scores.length === 0 ? 0 : scores.reduce((a, b) => a + b, 0) / scores.length, wins };
}

/**
 * The state with the world's chance drawn afresh from `seed` (its key, or for a game of format 2 its generator). A
 * copy on the state's own log and ledger (tape.ts `shallowCopy`), which the rollout appends to as any game does: a
 * spread would read them, making each an array once per rollout and closing them to appending, so that the rollout's
 * first step copied the whole ledger.
 */
function reseeded(from: GameState, seed: number): GameState {
  const d = shallowCopy(from);
  d.seed = seed;
  if (from.world === undefined) d.rng = seedRng(seed);
  else d.world = seedWorld(seed);
  return d as GameState;
}

/**
 * A state consistent with what a chair sees, for doctrines that search but may not read the truth:
 * the estimates stand in for the true numbers, and hidden plans are empty. Its seed is the view's
 * (given), so rollouts from it draw their own chance, not the real game's.
 */
export function stateFromView(scn: Scenario, view: ChairView, seed: number): GameState {
  const base = newGame(scn, seed);
  const value = <T extends { value: number }>(x: T) => x.value;
  return {
    ...base,
    turn: view.turn,
    phase: view.phase,
    indicators: Object.fromEntries(
      Object.entries(view.indicators).map(([k, v]) => [k, value(v)]),
    ) as GameState['indicators'],
    violence: Object.fromEntries(Object.entries(view.violence).map(([k, v]) => [k, value(v)])),
    actors: Object.fromEntries(
      Object.entries(view.actors).map(([k, a]) => [
        k,
        { stance: a.stance.value, strength: a.strength.value, engaged: base.actors[k]?.engaged ?? 0 },
      ]),
    ),
    units: view.units,
    deployments: view.deployments,
    mandate: view.mandate,
    strategy: view.strategy,
    fired: view.fired,
    pendingChoices: view.pendingChoices,
    warnings: view.warnings,
    plans: Object.fromEntries(
      Object.entries(view.plans).map(([c, p]) => [
        c,
        {
          items: p.items ?? [],
          committed: p.committed,
          confirmed: p.confirmed,
          revised: p.revised,
          note: p.note ?? '',
        },
      ]),
    ),
    conflicts: view.conflicts,
    agreement: view.agreement,
    outcome: view.outcome,
  };
}
