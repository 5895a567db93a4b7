// The debrief's data, built only from the game's own record: the log (replayed) and the ledger.
import { CORE_INDICATORS, DIMENSIONS, type Chair, type Dimension, type IndicatorId } from '../scenario/constants.js';
import type { Scenario } from '../scenario/schema.js';
import type { Lesson, LessonCatalogue } from '../scenario/lessons.js';
import { explain, type Contribution } from '../engine/explain.js';
import { seriesOf } from '../engine/ledger.js';
import { keysOf, newGame, step } from '../engine/step.js';
import { dimensionsOf, scoreOf } from '../engine/phases/assessment.js';
import { protectionWeights } from '../engine/mechanics/politics.js';
import { indexOf } from '../engine/scenario-index.js';
import { thresholdOf } from '../engine/length.js';
import type { Action, GameKeys, GameState, LedgerEntry, PlanItem, Track } from '../engine/types.js';
import { chairContributions, type ChairContribution } from './chairs.js';

export interface TurnRecord {
  readonly turn: number;
  readonly strategy: string | null;
  readonly events: readonly { readonly event: string; readonly choice: string | null }[];
  readonly mandateChanges: readonly { readonly drop: readonly string[]; readonly add: readonly string[] }[];
  /** Each chair's plan as it was resolved, with its one line of why. */
  readonly plans: Readonly<Partial<Record<Chair, { readonly items: readonly PlanItem[]; readonly note: string }>>>;
  readonly conflicts: readonly { readonly kind: string; readonly chairs: readonly Chair[]; readonly subject: string }[];
  /** Net change of each indicator in this turn. */
  readonly moves: Readonly<Partial<Record<IndicatorId, number>>>;
}

export interface Driver {
  readonly lesson: string | null;
  /** On the dimension's own 0–100 scale (one decimal): what this lesson's causes moved the dimension by. */
  readonly delta: number;
  readonly causes: readonly Contribution[];
}

export interface DimensionReport {
  readonly dimension: Dimension;
  readonly value: number;
  readonly weight: number;
  readonly tracks: readonly Track[];
  /** The largest causes over the game, grouped by lesson (null: causes with no lesson). */
  readonly drivers: readonly Driver[];
}

export interface Debrief {
  readonly scenario: string;
  readonly seed: number;
  readonly turns: number;
  readonly over: boolean;
  /** Null in a limited record: the score is made of numbers the chairs can only estimate. */
  readonly score: number | null;
  readonly threshold: number;
  readonly result: 'success' | 'failure' | null;
  readonly epilogue: string | null;
  readonly dimensions: readonly DimensionReport[];
  /** Each indicator at the end of setup (index 0) and of every turn (a limited record: exact ones only). */
  readonly series: Readonly<Partial<Record<IndicatorId, readonly number[]>>>;
  /** True for a mid-game record shown to players: only what the mission knows exactly. */
  readonly limited: boolean;
  readonly timeline: readonly TurnRecord[];
  /** What the conflicts between chairs' plans cost in cohesion, in all. */
  readonly conflictCost: number;
  readonly lessons: readonly Lesson[];
  /** Each chair's own contribution (its actions only; null in a limited record). */
  readonly chairs: Readonly<Record<Chair, ChairContribution>> | null;
}

const DIMENSION_TRACKS = (scn: Scenario): Record<Dimension, Track[]> => ({
  process: [{ kind: 'indicator', id: 'process' }],
  protection: scn.regions.map((r) => ({ kind: 'violence', id: r.id }) as const),
  credibility: [{ kind: 'indicator', id: 'credibility' }],
  consent: [
    { kind: 'indicator', id: 'consent' },
    { kind: 'indicator', id: 'impartiality' },
  ],
  trust: [{ kind: 'indicator', id: 'trust' }],
  cohesion: [{ kind: 'indicator', id: 'cohesion' }],
  casualties: [{ kind: 'indicator', id: 'casualties' }],
});

/** Replays the log and records, turn by turn, what each chair decided and what happened. */
export function timelineOf(
  scn: Scenario,
  seed: number,
  log: readonly Action[],
  keys?: string | GameKeys,
): TurnRecord[] {
  const out: TurnRecord[] = [];
  let s = newGame(scn, seed, keys);
  let reviews: { drop: readonly string[]; add: readonly string[] }[] = [];
  for (const a of log) {
    const before = s;
    const r = step(s, a, scn);
    if (!r.ok) break;
    s = r.state;
    if (a.type === 'mandate/review') reviews.push({ drop: a.drop, add: a.add });
    const resolved = before.turn >= 1 && (s.turn !== before.turn || (s.phase === 'over' && before.phase !== 'over'));
    if (!resolved) continue;
    const turnEntries = s.ledger.filter((e) => e.turn === before.turn);
    out.push({
      turn: before.turn,
      strategy: before.strategy,
      events: before.fired.filter((f) => f.turn === before.turn).map((f) => ({ event: f.event, choice: f.choice })),
      mandateChanges: reviews,
      plans: Object.fromEntries(
        indexOf(scn).chairs.map((c) => [c, { items: before.plans[c]?.items ?? [], note: before.plans[c]?.note ?? '' }]),
      ),
      conflicts: before.conflicts,
      moves: Object.fromEntries(
        CORE_INDICATORS.map((k) => [
          k,
          turnEntries.filter((e) => e.track.kind === 'indicator' && e.track.id === k).reduce((x, e) => x + e.delta, 0),
        ]).filter(([, v]) => v !== 0),
      ),
    });
    reviews = [];
  }
  return out;
}

/**
 * How much one point of a track moves its dimension: a region's violence counts by its weight in
 * protection, consent and impartiality by half each (the dimension is their mean), the rest one for one.
 */
export function trackWeight(scn: Scenario, dimension: Dimension, track: Track): number {
  if (dimension === 'protection' && track.kind === 'violence') return protectionWeights(scn)[track.id] ?? 0;
  if (dimension === 'consent') return 0.5;
  return 1;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function drivers(
  ledger: readonly LedgerEntry[],
  tracks: readonly Track[],
  weight: (t: Track) => number,
  sign: 1 | -1,
  limit: number,
): Driver[] {
  const byLesson = new Map<string | null, Contribution[]>();
  for (const t of tracks) {
    const w = weight(t);
    for (const raw of explain(ledger, t).contributions) {
      const c = { ...raw, delta: raw.delta * w };
      const lesson = c.lessons[0] ?? null;
      const list = byLesson.get(lesson) ?? [];
      const same = list.find((x) => x.key === c.key);
      if (same) list[list.indexOf(same)] = { ...same, delta: same.delta + c.delta, entries: same.entries + c.entries };
      else list.push(c);
      byLesson.set(lesson, list);
    }
  }
  return [...byLesson.entries()]
    .map(([lesson, causes]) => {
      const sorted = causes
        .map((c) => ({ ...c, delta: c.delta * sign }))
        .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.key < b.key ? -1 : 1));
      const delta = round1(sorted.reduce((x, c) => x + c.delta, 0));
      return { lesson, delta, causes: sorted.slice(0, 5).map((c) => ({ ...c, delta: round1(c.delta) })) };
    })
    .filter((d) => d.delta !== 0)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || String(a.lesson).localeCompare(String(b.lesson)))
    .slice(0, limit);
}

/**
 * Everything the debrief shows. Works mid-game too (the record so far). Deltas are oriented so
 * that positive is good for the dimension (violence and casualties count negatively).
 * `limited`: a mid-game record for players keeps the fog — only numbers the mission observes
 * exactly (and their ledger entries) appear, and no score; the fog lifts when the game is over.
 */
export function buildDebrief(
  scn: Scenario,
  s: GameState,
  catalogue: LessonCatalogue | null,
  opts: { limited?: boolean } = {},
): Debrief {
  const limited = (opts.limited ?? false) && s.phase !== 'over';
  const exact = (t: Track) =>
    t.kind === 'implementation' || (t.kind === 'indicator' && scn.indicators[t.id].observed === 'exact');
  const ledger = limited ? s.ledger.filter((e) => exact(e.track)) : s.ledger;
  const start = newGame(scn, s.seed, keysOf(s));
  const turns = s.turn;
  const { score } = scoreOf(s, scn);
  const dims = dimensionsOf(s, scn);
  const tracks = DIMENSION_TRACKS(scn);
  const used = new Set(ledger.flatMap((e) => e.lessons));
  const shown = (d: Dimension) => !limited || tracks[d].every(exact);
  const indicators = CORE_INDICATORS.filter((k) => !limited || scn.indicators[k].observed === 'exact');
  const timeline = timelineOf(scn, s.seed, s.log, keysOf(s)).map((t) =>
    limited
      ? {
          ...t,
          moves: Object.fromEntries(
            Object.entries(t.moves).filter(([k]) => scn.indicators[k as IndicatorId].observed === 'exact'),
          ),
        }
      : t,
  );
  return {
    scenario: scn.id,
    seed: s.seed,
    turns,
    over: s.phase === 'over',
    score: limited ? null : (s.outcome?.score ?? score),
    threshold: thresholdOf(s, scn),
    result: s.outcome?.result ?? null,
    epilogue: s.outcome?.epilogue ?? null,
    dimensions: DIMENSIONS.filter(shown).map((d) => ({
      dimension: d,
      value: dims[d],
      weight: scn.scoring.weights[d],
      tracks: tracks[d],
      drivers: drivers(
        ledger,
        tracks[d],
        (t) => trackWeight(scn, d, t),
        d === 'protection' || d === 'casualties' ? -1 : 1,
        4,
      ),
    })),
    series: Object.fromEntries(
      indicators.map((k) => [k, seriesOf(ledger, { kind: 'indicator', id: k }, start.indicators[k], turns)]),
    ),
    limited,
    timeline,
    conflictCost: ledger
      .filter(
        (e) =>
          e.cause.kind === 'mechanic' &&
          (e.cause.mechanic === 'plan-conflicts' || e.cause.mechanic === 'envoy-coordination') &&
          e.track.kind === 'indicator' &&
          e.track.id === 'cohesion',
      )
      .reduce((x, e) => x + e.delta, 0),
    lessons: catalogue ? catalogue.lessons.filter((l) => used.has(l.id)) : [],
    chairs: limited ? null : chairContributions(scn, ledger),
  };
}
