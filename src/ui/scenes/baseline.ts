// The game as it stood before this month's changes, replayed from the log: what the map's change markers and the text twin compare with.
import { keysOf, newGame, step, viewFor, type Action, type ChairView, type GameState } from '../../engine/index.js';
import type { Chair, Scenario } from '../../scenario/schema.js';

/** How far the last replay got, so the next call steps only the actions added since (a game's log only grows). */
interface Cursor {
  readonly scn: Scenario;
  readonly seed: number;
  readonly log: readonly Action[];
  readonly state: GameState;
  readonly before: GameState | null;
}
let cursor: Cursor | null = null;
const views = new WeakMap<GameState, Map<Chair, ChairView>>();

/**
 * The state just before the latest step that began a month or ended the game (null before any):
 * after month n resolves, the state the players last saw of month n. Replays the log, once per new action.
 */
export function monthBaseline(scn: Scenario, game: GameState): GameState | null {
  const log = game.log;
  let c = cursor;
  const last = c ? c.log.length - 1 : -1;
  // a different game, or a log that is not a continuation of the last one (a replay stepping back): start over
  if (
    !c ||
    c.scn !== scn ||
    c.seed !== game.seed ||
    c.state.secret !== game.secret ||
    c.state.world !== game.world ||
    c.log.length > log.length ||
    (last >= 0 && c.log[last] !== log[last])
  ) {
    c = { scn, seed: game.seed, log: [], state: newGame(scn, game.seed, keysOf(game)), before: null };
  }
  let s = c.state;
  let before = c.before;
  for (let i = c.log.length; i < log.length; i++) {
    const r = step(s, log[i]!, scn);
    if (!r.ok) return null; // a log that does not replay has no baseline to offer
    if (r.state.turn !== s.turn || (r.state.phase === 'over' && s.phase !== 'over')) before = s;
    s = r.state;
  }
  cursor = { scn, seed: game.seed, log, state: s, before };
  return before;
}

/** What `viewer` saw of the game before this month's changes. */
export function baselineView(scn: Scenario, game: GameState, viewer: Chair): ChairView | null {
  const before = monthBaseline(scn, game);
  if (!before) return null;
  let byChair = views.get(before);
  if (!byChair) views.set(before, (byChair = new Map()));
  let v = byChair.get(viewer);
  if (!v) byChair.set(viewer, (v = viewFor(before, scn, viewer)));
  return v;
}
