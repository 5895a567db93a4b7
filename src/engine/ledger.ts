// The ledger: the only way a number in the state changes, so every change has a recorded cause.
import type { Scenario } from '../scenario/schema.js';
import type { Cause, DraftState, GameState, LedgerEntry, Track } from './types.js';

export function trackKey(t: Track): string {
  return t.kind === 'implementation' ? 'implementation' : `${t.kind}:${t.id}`;
}

function bounds(scn: Scenario, t: Track): [number, number] {
  switch (t.kind) {
    case 'indicator': {
      const ind = scn.indicators[t.id];
      return [ind.min, ind.max];
    }
    case 'stance':
      return [-100, 100];
    default:
      return [0, 100];
  }
}

export function readTrack(s: GameState | DraftState, t: Track): number {
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

/**
 * Where new entries go while `step` runs. The ledger only grows, so `step` collects the entries of
 * one action here and appends them after immer has finished, instead of drafting a long array.
 */
let sink: LedgerEntry[] | null = null;

/** Runs `fn`, collecting the ledger entries it makes; synchronous, so no other step can interleave. */
export function collectLedger<T>(fn: () => T): { result: T; entries: LedgerEntry[] } {
  const outer = sink;
  const entries: LedgerEntry[] = [];
  sink = entries;
  try {
    return { result: fn(), entries };
  } finally {
    sink = outer;
  }
}

/** The entries made so far by the step being run (null outside `collectLedger`). */
export function stepEntries(): readonly LedgerEntry[] | null {
  return sink;
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
  const [lo, hi] = bounds(scn, track);
  const before = readTrack(d, track);
  const after = Math.min(hi, Math.max(lo, before + step));
  const applied = after - before;
  if (applied === 0) return 0;
  writeTrack(d, track, after);
  const entry: LedgerEntry = { turn: d.turn, track, delta: applied, cause, lessons: [...lessons] };
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
