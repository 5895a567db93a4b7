// Pure helpers over the game's record (scenario, seed, log, ledger) for the debrief screens. No DOM.
import {
  newGame,
  step,
  trackKey,
  type Action,
  type GameKeys,
  type GameState,
  type LedgerEntry,
} from '../../engine/index.js';
import type { Chair, IndicatorId, Scenario } from '../../scenario/schema.js';

/** One step of the replay viewer: the game as it stood after month `turn` resolved (0: before the first month). */
export interface Frame {
  readonly turn: number;
  readonly state: GameState;
}

/**
 * Replays the log and keeps the state at the end of each month: frame 0 is the game once the mandate
 * is adopted (or the state before the first resolution), frame n the state right after month n resolved.
 */
export function framesOf(scn: Scenario, seed: number, log: readonly Action[], keys?: GameKeys): Frame[] {
  let s = newGame(scn, seed, keys);
  const frames: Frame[] = [];
  let zero: GameState = s;
  for (const a of log) {
    const before = s;
    const r = step(s, a, scn);
    if (!r.ok) break;
    s = r.state;
    if (before.turn === 0) zero = s;
    const resolved = before.turn >= 1 && (s.turn !== before.turn || (s.phase === 'over' && before.phase !== 'over'));
    if (resolved) frames.push({ turn: before.turn, state: s });
  }
  return [{ turn: 0, state: zero }, ...frames];
}

/** The game as it stood when month `turn` reached `phase`, replayed from the log (null: never reached). */
export function stateAt(
  scn: Scenario,
  seed: number,
  log: readonly Action[],
  turn: number,
  phase: GameState['phase'],
  keys?: GameKeys,
): GameState | null {
  let s = newGame(scn, seed, keys);
  for (const a of log) {
    if (s.turn === turn && s.phase === phase) return s;
    const r = step(s, a, scn);
    if (!r.ok) return null;
    s = r.state;
  }
  return s.turn === turn && s.phase === phase ? s : null;
}

/** What followed a chair's plan in its month: the ledger entries its own actions caused, summed by track. */
export function followedFrom(
  ledger: readonly LedgerEntry[],
  turn: number,
  chair: Chair,
): { key: string; entry: LedgerEntry; delta: number }[] {
  const by = new Map<string, { key: string; entry: LedgerEntry; delta: number }>();
  for (const e of ledger) {
    if (e.turn !== turn || e.cause.kind !== 'action' || e.cause.chair !== chair) continue;
    const key = trackKey(e.track);
    const acc = by.get(key) ?? { key, entry: e, delta: 0 };
    acc.delta += e.delta;
    by.set(key, acc);
  }
  return [...by.values()]
    .filter((x) => x.delta !== 0)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.key < b.key ? -1 : 1));
}

/** The cohesion lost to conflicting plans in each month, from the ledger. */
export function conflictCostByTurn(ledger: readonly LedgerEntry[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const e of ledger) {
    if (
      e.cause.kind !== 'mechanic' ||
      (e.cause.mechanic !== 'plan-conflicts' && e.cause.mechanic !== 'envoy-coordination')
    )
      continue;
    if (e.track.kind !== 'indicator' || e.track.id !== 'cohesion') continue;
    out.set(e.turn, (out.get(e.turn) ?? 0) + e.delta);
  }
  return out;
}

/** The two games' changes in one month, side by side, by track: where a what-if parts from the original. */
export interface DiffRow {
  readonly key: string;
  readonly entry: LedgerEntry;
  readonly a: number;
  readonly b: number;
}

export function ledgerDiff(a: readonly LedgerEntry[], b: readonly LedgerEntry[], turn: number): DiffRow[] {
  const rows = new Map<string, { key: string; entry: LedgerEntry; a: number; b: number }>();
  const add = (e: LedgerEntry, side: 'a' | 'b') => {
    if (e.turn !== turn) return;
    const key = trackKey(e.track);
    const row = rows.get(key) ?? { key, entry: e, a: 0, b: 0 };
    row[side] += e.delta;
    rows.set(key, row);
  };
  for (const e of a) add(e, 'a');
  for (const e of b) add(e, 'b');
  return [...rows.values()]
    .filter((r) => r.a !== r.b)
    .sort((x, y) => Math.abs(y.b - y.a) - Math.abs(x.b - x.a) || (x.key < y.key ? -1 : 1));
}

/** Round axis ticks covering [min, max]. */
export function ticks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const stepSize = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((x) => x >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(min / stepSize) * stepSize; v <= max + 1e-9; v += stepSize)
    out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

/** A line chart's geometry: points in a w×h box with padding, y from the indicator's range. */
export function chartPoints(
  values: readonly number[],
  box: { w: number; h: number; pad: number },
  range: { min: number; max: number },
): { x: number; y: number }[] {
  const n = Math.max(1, values.length - 1);
  const span = range.max - range.min || 1;
  return values.map((v, i) => ({
    x: Math.round((box.pad + (i / n) * (box.w - 2 * box.pad)) * 100) / 100,
    y: Math.round((box.h - box.pad - ((v - range.min) / span) * (box.h - 2 * box.pad)) * 100) / 100,
  }));
}

/** Where a score sits among the doctrines' mean scores: how many doctrines it beats. */
export function rankAmong(score: number, means: readonly number[]): { above: number; of: number } {
  return { above: means.filter((m) => score > m).length, of: means.length };
}

export type { IndicatorId };
