// The game's length: the scenario's months, or fewer when a session is set shorter (facilitator/length). The pass mark
// is the scenario's for that length: `scoring.lengths` gives thresholds for shorter games, interpolated between them.
import type { Scenario } from '../scenario/schema.js';
import type { DraftState, GameState } from './types.js';

/** The last month of this game: the month after whose assessment it is over. */
export function lastTurn(s: Pick<GameState, 'months'> | DraftState, scn: Scenario): number {
  return Math.min(scn.turns, s.months ?? scn.turns);
}

/**
 * The pass mark of a game that lasted `months` months: the scenario's threshold for that length. Between two lengths the
 * scenario names it is interpolated (rounded to a tenth); below the shortest it is the shortest's; at or past the
 * scenario's own length it is `scoring.threshold`.
 */
export function thresholdFor(scn: Scenario, months: number): number {
  const points = [...(scn.scoring.lengths ?? [])]
    .filter((p) => p.months < scn.turns)
    .sort((a, b) => a.months - b.months)
    .concat([{ months: scn.turns, threshold: scn.scoring.threshold }]);
  const first = points[0]!;
  if (months <= first.months) return first.threshold;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (months <= b.months) {
      const f = (months - a.months) / (b.months - a.months);
      return Math.round((a.threshold + f * (b.threshold - a.threshold)) * 10) / 10;
    }
  }
  return scn.scoring.threshold;
}

/** The months a game has been assessed on: its length as played so far (a game ended early counts what it completed). */
export function monthsPlayed(s: Pick<GameState, 'assessed'> | DraftState): number {
  return s.assessed?.length ?? 0;
}

/** The pass mark this game is (or would be, if it ended now) scored against. */
export function thresholdOf(s: GameState | DraftState, scn: Scenario): number {
  return thresholdFor(scn, monthsPlayed(s));
}
