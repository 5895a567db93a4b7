// step: the only path by which the game state changes. A refused action leaves the state untouched.
// What each action does is apply.ts; a game played forward in place (replay, bots, rollouts) is working.ts.
import type { Scenario } from '../scenario/schema.js';
import { checkAllowed } from './legal.js';
import { isSecret, seedSecret } from './hash.js';
import { startingOffsets } from './knowledge.js';
import { tracksOf } from './tracks.js';
import { seedRng, seedWorld } from './rng.js';
import { isAction } from './action-shape.js';
import { deepFreeze, isFreezing } from './freeze.js';
import { appendTapes, UNSEEDED } from './tape.js';
import { apply, draftFor } from './apply.js';
import {
  STATE_FORMAT,
  type Action,
  type DraftState,
  type GameKeys,
  type EngineEvent,
  type GameState,
  type Rejection,
  type StepResult,
} from './types.js';

/**
 * A new game of a scenario, waiting for the SRSG to adopt the mandate. `keys.secret` keys the fog (fog.ts) and
 * `keys.world` the world's chance and true starting values (rng.ts, knowledge.ts): a game that people play gets them
 * made with crypto randomness (`secretFromBytes`; a facilitated room shares one world key per seed). A string is the
 * secret alone, with the world derived from the seed; without keys both are derived from the seed, which is right
 * for simulations and tests but lets anyone who knows the seed see through the fog. `world: null` makes a game of
 * format 2 (before keyed draws), for saves and sessions from then.
 */
export function newGame(scn: Scenario, seed: number, keys?: string | GameKeys): GameState {
  const s = seed >>> 0;
  const secret = typeof keys === 'string' ? keys : (keys?.secret ?? seedSecret(s));
  const world = typeof keys === 'object' ? keys.world : seedWorld(s);
  if (!isSecret(secret)) throw new Error('a game secret is 32 hex digits');
  if (world !== null && !isSecret(world)) throw new Error('a world key is 32 hex digits');
  const offsets = world === null ? null : startingOffsets(scn, world);
  // A number starts where the scenario publishes it (rounded), moved by its offset, both read by its place in the
  // scenario's table (tracks.ts): no fog key is made or looked up for each number of each game.
  const tr = tracksOf(scn);
  const at = (place: number) => tr.published[place]! + (offsets?.atPlace(place) ?? 0);
  const state: DraftState = {
    format: world === null ? 2 : STATE_FORMAT,
    scenario: { id: scn.id, version: scn.version },
    // Set just after: the field then takes a seed of any size without changing its kind (tape.ts UNSEEDED).
    seed: UNSEEDED,
    secret,
    ...(world === null ? { rng: seedRng(s) } : { world }),
    turn: 0,
    phase: 'setup',
    indicators: Object.fromEntries(
      Object.keys(scn.indicators).map((k) => [k, at(tr.indicator.get(k)!)]),
    ) as GameState['indicators'],
    violence: Object.fromEntries(scn.regions.map((r, i) => [r.id, at(tr.violenceAt + i)])),
    actors: Object.fromEntries(
      scn.actors.map((a, i) => [
        a.id,
        { stance: at(tr.actorsAt + 2 * i), strength: at(tr.actorsAt + 2 * i + 1), engaged: 0 },
      ]),
    ),
    units: Object.fromEntries(scn.units.map((u) => [u.id, { region: u.region }])),
    // Contingents already on their way: `requested` is their arrival, so no month of waiting is counted against anyone.
    deployments: Object.entries(scn.reinforcements).flatMap(([id, r]) =>
      r.underway === undefined ? [] : [{ reinforcement: id, requested: r.underway, arrives: r.underway }],
    ),
    mandate: [],
    reviewed: false,
    strategy: null,
    flags: [],
    fired: [],
    pendingChoices: [],
    warnings: [],
    plans: {},
    conflicts: [],
    played: {},
    agreement: { status: 'none', progress: 0, signed: 0 },
    consultedUntil: 0,
    ledger: [],
    log: [],
    outcome: null,
  };
  state.seed = s;
  return state as GameState;
}

/** The keys a game was made with: what `newGame` and `replay` need to make it again. */
export function keysOf(s: GameState): GameKeys {
  return { secret: s.secret, world: s.world ?? null };
}

export function step(s: GameState, a: Action, scn: Scenario): StepResult {
  if (!isAction(a)) return { ok: false, rejection: MALFORMED };
  const rejection = checkAllowed(s, a, scn);
  if (rejection) return { ok: false, rejection };
  const events: EngineEvent[] = [];
  // Copy on write: the draft shares every branch the action cannot touch with `s`; `s` is never written.
  const d = draftFor(s, a, scn);
  // The ledger and the log only grow: the draft collects this step's entries (tape.ts), appended with `a` after.
  apply(d, a, scn, events);
  appendTapes(d, a);
  const state = d as GameState;
  if (isFreezing()) freezeState(state);
  return { ok: true, state, events };
}

// One refusal for every malformed action, so frozen: no caller can change what the next one reads.
export const MALFORMED: Rejection = Object.freeze({ code: 'action/malformed', message: 'not an action of this game' });

/**
 * Freezes a new state and everything new under it (under tests and in development: freeze.ts). The log and the
 * ledger are frozen as they are made into arrays, and their new action and entries by `appendTapes`.
 */
export function freezeState(state: GameState): void {
  Object.freeze(state);
  for (const k of Object.keys(state))
    if (k !== 'log' && k !== 'ledger') deepFreeze((state as unknown as Record<string, unknown>)[k]);
}
