// What if: branch a game at a turn, change one decision, let the doctrines play on, compare.
import type { Chair, Scenario } from '../scenario/schema.js';
import { keysOf, newGame, step } from '../engine/step.js';
import { trackKey } from '../engine/ledger.js';
import type { Action, GameKeys, GameState, PlanItem } from '../engine/types.js';
import { playGame, type Seating } from '../sim/play.js';
import { replayingSeats, type ReplayLog } from './replay-chairs.js';

/** The one decision changed at the branch: a chair's plan for that turn, or the turn's strategy. */
export type Change =
  | { readonly kind: 'plan'; readonly chair: Chair; readonly items: readonly PlanItem[] }
  | { readonly kind: 'strategy'; readonly strategy: string };

export interface Branch {
  readonly original: GameState;
  readonly branch: GameState;
  /** The first turn whose ledger differs between the two games (null: identical). */
  readonly partsAt: number | null;
  /** The human chairs' later decisions: how many were taken again as they were, and where the bots decided. */
  readonly replay: ReplayLog;
}

export type BranchResult =
  { readonly ok: true; readonly value: Branch } | { readonly ok: false; readonly message: string };

/** The log up to the point where turn `turn` waits for its strategy (change: strategy) or its plans. */
function prefixTo(
  scn: Scenario,
  seed: number,
  keys: GameKeys,
  log: readonly Action[],
  turn: number,
  phase: 'strategy' | 'planning',
): { state: GameState; used: number } | null {
  let s = newGame(scn, seed, keys);
  for (let i = 0; i < log.length; i++) {
    if (s.turn === turn && s.phase === phase) return { state: s, used: i };
    const r = step(s, log[i]!, scn);
    if (!r.ok) return null;
    s = r.state;
  }
  return s.turn === turn && s.phase === phase ? { state: s, used: log.length } : null;
}

/**
 * Branches `original` at `turn` with `change`; after it, every later decision of the `humans` chairs is taken again
 * as it was, and the bots (`seats`) decide for the other chairs and where an old decision no longer applies.
 */
export function branchAt(
  scn: Scenario,
  original: GameState,
  turn: number,
  change: Change,
  seats: Seating,
  humans: readonly Chair[] = [],
): BranchResult {
  const phase = change.kind === 'strategy' ? 'strategy' : 'planning';
  const at = prefixTo(scn, original.seed, keysOf(original), original.log, turn, phase);
  if (!at) return { ok: false, message: `turn ${turn} was not reached in this game` };
  let s = at.state;
  const act = (a: Action): string | null => {
    const r = step(s, a, scn);
    if (!r.ok) return r.rejection.message;
    s = r.state;
    return null;
  };
  if (change.kind === 'strategy') {
    const why = act({ type: 'strategy/set', chair: 'srsg', strategy: change.strategy });
    if (why) return { ok: false, message: why };
  } else {
    for (const item of change.items) {
      const why = act({ type: 'plan/add', chair: change.chair, item });
      if (why) return { ok: false, message: why };
    }
    const why = act({ type: 'plan/commit', chair: change.chair });
    if (why) return { ok: false, message: why };
  }
  const replay: ReplayLog = { replayed: 0, fallbacks: [] };
  const bot = seats.srsg ?? Object.values(seats)[0];
  const replaying = bot ? replayingSeats(scn, original, humans, bot, replay) : {};
  const branch = playGame(scn, original.seed, { ...seats, ...replaying }, s);
  return { ok: true, value: { original, branch, partsAt: partingTurn(original, branch), replay } };
}

/** The first turn at which the two ledgers record something different. */
export function partingTurn(a: GameState, b: GameState): number | null {
  const n = Math.min(a.ledger.length, b.ledger.length);
  for (let i = 0; i < n; i++) {
    const x = a.ledger[i]!;
    const y = b.ledger[i]!;
    if (
      x.turn !== y.turn ||
      x.delta !== y.delta ||
      trackKey(x.track) !== trackKey(y.track) ||
      JSON.stringify(x.cause) !== JSON.stringify(y.cause)
    ) {
      return Math.min(x.turn, y.turn);
    }
  }
  if (a.ledger.length !== b.ledger.length) return (a.ledger[n] ?? b.ledger[n])!.turn;
  return null;
}
