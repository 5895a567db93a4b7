// The ledger: the only way a number in the state changes, so every change has a recorded cause.
import { CORE_INDICATORS, type IndicatorId } from '../scenario/constants.js';
import type { Scenario } from '../scenario/schema.js';
import { collectorOf } from './tape.js';
import type { Cause, DraftState, GameState, LedgerEntry, Track } from './types.js';

/**
 * Each indicator's track, one object per indicator: the ledger's entries are never written, so the entries that
 * name an indicator share it rather than each keeping a copy for the game (scenario-index.ts's `trackOf` for the rest).
 */
export const INDICATOR: Readonly<Record<IndicatorId, Track>> = Object.fromEntries(
  CORE_INDICATORS.map((id) => [id, { kind: 'indicator', id }] as const),
) as Record<IndicatorId, Track>;

export function trackKey(t: Track): string {
  return t.kind === 'implementation' ? 'implementation' : `${t.kind}:${t.id}`;
}

/** The least value of a number (no array made: `change` runs for every entry of the ledger). */
function lowest(scn: Scenario, t: Track): number {
  return t.kind === 'indicator' ? scn.indicators[t.id].min : t.kind === 'stance' ? -100 : 0;
}

function highest(scn: Scenario, t: Track): number {
  return t.kind === 'indicator' ? scn.indicators[t.id].max : 100;
}

/** A number's value in a state, or in the records of one that hold the numbers. */
export function readTrack(
  s: Pick<GameState | DraftState, 'indicators' | 'violence' | 'actors' | 'agreement'>,
  t: Track,
): number {
  switch (t.kind) {
    case 'indicator':
      return s.indicators[t.id];
    case 'violence':
      return s.violence[t.id] ?? 0;
    case 'stance':
      return s.actors[t.id]?.stance ?? 0;
    case 'strength':
      return s.actors[t.id]?.strength ?? 0;
    case 'implementation':
      return s.agreement.progress;
  }
}

function writeTrack(d: DraftState, t: Track, v: number): void {
  switch (t.kind) {
    case 'indicator':
      d.indicators[t.id] = v;
      return;
    case 'violence':
      d.violence[t.id] = v;
      return;
    case 'stance':
    case 'strength': {
      const a = d.actors[t.id];
      if (a) a[t.kind] = v;
      return;
    }
    case 'implementation':
      d.agreement.progress = v;
      return;
  }
}

/** The entries made so far by the step `d` is the draft of (tape.ts), or its ledger itself outside a step. */
export function stepEntries(d: DraftState): readonly LedgerEntry[] {
  return collectorOf(d) ?? d.ledger;
}

/**
 * A ledger entry as `change` makes it. A constructor, not a literal: the entries live for the game, so V8 pretenured the
 * literal's site (each entry made in the old generation, slower to make and a write barrier for each field); made by
 * `new` they start young. The fields are the literal's, in its order: an entry's JSON, its hash and saves are the same.
 */
class Entry implements LedgerEntry {
  readonly turn: number;
  readonly track: Track;
  readonly delta: number;
  readonly cause: Cause;
  readonly lessons: readonly string[];
  constructor(turn: number, track: Track, delta: number, cause: Cause, lessons: readonly string[]) {
    this.turn = turn;
    this.track = track;
    this.delta = delta;
    this.cause = cause;
    this.lessons = lessons;
  }
}

/**
 * Changes one number by `delta` (rounded to a whole number), keeps it within its bounds and records
 * the change actually made. Returns that change. A change of zero is not recorded.
 */
export function change(
  d: DraftState,
  scn: Scenario,
  track: Track,
  delta: number,
  cause: Cause,
  lessons: readonly string[],
): number {
  const step = Math.round(delta);
  if (step === 0 || !Number.isFinite(step)) return 0;
  const before = readTrack(d, track);
  const after = Math.min(highest(scn, track), Math.max(lowest(scn, track), before + step));
  const applied = after - before;
  if (applied === 0) return 0;
  writeTrack(d, track, after);
  // The lessons are shared, not copied: every list passed here is the scenario's or the rule's own, never written.
  const entry = new Entry(d.turn, track, applied, cause, lessons);
  const sink = collectorOf(d);
  if (sink) sink.push(entry);
  else d.ledger.push(entry as never);
  return applied;
}

/** The entries behind one number, oldest first. */
export function historyOf(ledger: readonly LedgerEntry[], track: Track): LedgerEntry[] {
  const key = trackKey(track);
  return ledger.filter((e) => trackKey(e.track) === key);
}

/** The net change of one number over the game, from the ledger alone. */
export function netChange(ledger: readonly LedgerEntry[], track: Track): number {
  return historyOf(ledger, track).reduce((sum, e) => sum + e.delta, 0);
}

/** A number's value at the end of each turn, from its start value and the ledger alone. */
export function seriesOf(ledger: readonly LedgerEntry[], track: Track, initial: number, turns: number): number[] {
  const byTurn = new Array<number>(turns + 1).fill(0);
  for (const e of historyOf(ledger, track)) if (e.turn <= turns) byTurn[e.turn] = (byTurn[e.turn] ?? 0) + e.delta;
  const out: number[] = [];
  let v = initial;
  for (let t = 0; t <= turns; t++) {
    v += byTurn[t] ?? 0;
    out.push(v);
  }
  return out;
}
