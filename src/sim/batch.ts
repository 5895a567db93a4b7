// Many seeded games of one scenario: outcomes, and which content was fired, legal or played.
import type { Chair, Scenario } from '../scenario/schema.js';
import { hashText } from '../engine/replay.js';
import { legalActions, newGame, step, type GameState, type Outcome } from '../engine/index.js';
import { indexOf } from '../engine/scenario-index.js';
import { playGame, type Seating } from './play.js';

export interface GameSummary {
  readonly seed: number;
  readonly result: Outcome['result'];
  readonly score: number;
  readonly end: string | null;
  readonly epilogue: string;
  readonly turns: number;
  readonly dimensions: Outcome['dimensions'];
}

/** What a study keeps of a finished game played on seed `seed`. */
export function summaryOf(s: GameState, seed: number): GameSummary {
  const o = s.outcome!;
  return {
    seed,
    result: o.result,
    score: o.score,
    end: o.end,
    epilogue: o.epilogue,
    turns: s.turn,
    dimensions: o.dimensions,
  };
}

export interface BatchResult {
  readonly games: GameSummary[];
  readonly fired: ReadonlySet<string>;
  readonly played: ReadonlySet<string>;
  /** Cards that were legal for their chair at the start of some turn's planning (only when asked for). */
  readonly legal: ReadonlySet<string> | null;
}

/** The seed of game `i` of a batch: spread out, and the same for every doctrine. */
export function gameSeed(seed: number, i: number): number {
  return parseInt(hashText(`${seed}:${i}`).slice(0, 8), 16) >>> 0;
}

/** Games `from` (inclusive) to `to` (exclusive) of one entry's seeded series: a doctrine, or `chair=doctrine`. */
export interface SeriesJob {
  readonly entry: string;
  readonly from: number;
  readonly to: number;
}

/**
 * `games` seeded games of each entry, entry after entry in the order given, cut into jobs of at most `size` games:
 * the work of a study for whichever worker is free (the games are put back in seed order after).
 */
export function cutJobs(entries: readonly string[], games: number, size: number): SeriesJob[] {
  const jobs: SeriesJob[] = [];
  for (const entry of entries)
    for (let from = 0; from < games; from += size) jobs.push({ entry, from, to: Math.min(games, from + size) });
  return jobs;
}

export function runBatch(
  scn: Scenario,
  seats: Seating | ((game: number) => Seating),
  games: number,
  seed: number,
  onGame?: (i: number) => void,
  trackLegal = false,
  /** Games set shorter than the scenario (facilitator/length), as a workshop plays them. */
  months?: number,
): BatchResult {
  const out: GameSummary[] = [];
  const fired = new Set<string>();
  const played = new Set<string>();
  const legal = trackLegal ? new Set<string>() : null;
  const chairs = indexOf(scn).chairs;
  const observe = legal
    ? (st: GameState) => {
        for (const c of chairs)
          for (const a of legalActions(st, scn, c))
            if (a.type === 'plan/add' && a.item.kind === 'card') legal.add(a.item.card);
      }
    : undefined;
  for (let i = 0; i < games; i++) {
    const gs = gameSeed(seed, i);
    const from = months === undefined ? undefined : shortened(scn, gs, months);
    const s = playGame(scn, gs, typeof seats === 'function' ? seats(i) : seats, from, undefined, observe);
    out.push(summaryOf(s, gs));
    for (const f of s.fired) fired.add(f.event);
    for (const k of Object.keys(s.played)) played.add(k);
    onGame?.(i);
  }
  return { games: out, fired, played, legal };
}

/** A new game set to last `months` months. */
function shortened(scn: Scenario, seed: number, months: number): GameState {
  const r = step(newGame(scn, seed), { type: 'facilitator/length', months }, scn);
  if (!r.ok) throw new RangeError(r.rejection.message);
  return r.state;
}

export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Mean with a normal-approximation 95% confidence interval. */
export function ci95(xs: readonly number[]): [number, number] {
  const m = mean(xs);
  if (xs.length < 2) return [m, m];
  const v = xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
  const h = 1.96 * Math.sqrt(v / xs.length);
  return [m - h, m + h];
}

export const round1 = (x: number) => Math.round(x * 10) / 10;

/** What a batch's games say, whatever the scenario: the figures a study row keeps and the batch report opens with. */
export function gameStats(games: readonly GameSummary[]) {
  const scores = games.map((g) => g.score);
  const count = (f: (g: GameSummary) => string) =>
    Object.fromEntries(
      [...games.reduce((m, g) => m.set(f(g), (m.get(f(g)) ?? 0) + 1), new Map<string, number>())].sort(
        (x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1),
      ),
    );
  const dims = Object.keys(games[0]?.dimensions ?? {});
  return {
    meanScore: round1(mean(scores)),
    ci95: ci95(scores).map(round1) as [number, number],
    winRate: Math.round((1000 * games.filter((g) => g.result === 'success').length) / Math.max(1, games.length)) / 1000,
    minScore: round1(Math.min(...scores)),
    maxScore: round1(Math.max(...scores)),
    ends: count((g) => g.end ?? 'last-turn'),
    epilogues: count((g) => g.epilogue),
    dimensions: Object.fromEntries(dims.map((k) => [k, round1(mean(games.map((g) => g.dimensions[k] ?? 0)))])),
  };
}

export function summarise(scn: Scenario, b: BatchResult) {
  return {
    ...gameStats(b.games),
    neverFired: scn.events.map((e) => e.id).filter((id) => !b.fired.has(id)),
    neverPlayed: scn.actions.map((a) => a.id).filter((id) => !b.played.has(id)),
    ...(b.legal ? { neverLegal: scn.actions.map((a) => a.id).filter((id) => !b.legal!.has(id)) } : {}),
  };
}

export type Chairs = readonly Chair[];
