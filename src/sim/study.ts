// The lessons study: doctrines, and one chair's doctrine among `strong` bots, over the same seeded games.
import type { Chair, Scenario } from '../scenario/schema.js';
import { ci95, gameStats, mean, round1, runBatch, type GameSummary } from './batch.js';
import { DOCTRINES } from './doctrines/index.js';
import { BREAKS } from './doctrines/strong.js';
import { seatAll, type Seating } from './play.js';

export interface StudyRow {
  name: string;
  meanScore: number;
  ci95: [number, number];
  winRate: number;
  dimensions: Record<string, number>;
  /** Each game's score, in seed order: the same seeds for every row, for paired comparisons. */
  scores?: number[];
}

/** A row compared with the baseline on the same seeds. */
export interface PairedRow {
  name: string;
  /** Mean of (row − baseline) per seed, with its 95% interval. */
  diff: number;
  diffCi95: [number, number];
  /** Share of seeds on which the baseline scored higher. */
  baselineBeats: number;
}

/** The doctrines `npm run study` compares: `strong`, each breaker made from it, `report`, `passive`, `random`. */
export const STUDY_DOCTRINES: readonly string[] = ['strong', ...Object.keys(BREAKS), 'report', 'passive', 'random'];

/**
 * The chair study: one chair plays a breaker while `strong` plays the others. `chair=doctrine`.
 * Force Commander: force instead of politics; SRSG: Christmas-tree mandate, no analysis, embracing
 * the host state; Envoy: excluding neighbours, no outreach; any chair: not coordinating.
 */
export const CHAIR_STUDY: readonly string[] = [
  'force=strong-military-first',
  'srsg=strong-christmas-tree',
  'srsg=strong-no-analysis',
  'srsg=strong-host-state-embrace',
  'envoy=strong-no-regional',
  'envoy=strong-no-outreach',
  'srsg=strong-balkanized',
  'envoy=strong-balkanized',
  'police=strong-balkanized',
  'force=strong-balkanized',
];

/** The seating of a study entry: a doctrine name for every chair, or `chair=doctrine` beside `strong`. */
export function seatingOf(entry: string): Seating {
  const [chair, name] = entry.includes('=') ? (entry.split('=', 2) as [Chair, string]) : [null, entry];
  const d = DOCTRINES[name];
  if (!d) throw new Error(`no doctrine '${name}'`);
  return chair ? { ...seatAll(DOCTRINES['strong']!), [chair]: d } : seatAll(d);
}

export function studyRow(scn: Scenario, entry: string, games: number, seed: number, onGame?: () => void): StudyRow {
  return rowOf(scn, entry, runBatch(scn, seatingOf(entry), games, seed, onGame).games);
}

/** The row of a study entry from its games in seed order, wherever they were played (the browser's comparison). */
export function rowOf(_scn: Scenario, entry: string, games: GameSummary[]): StudyRow {
  return rowOfGames(entry, games);
}

/** The row of a study entry from its games in seed order: the games alone say it (the parallel study's threads). */
export function rowOfGames(entry: string, games: readonly GameSummary[]): StudyRow {
  // the row reads only the games: which content fired or was played is the batch's report, not the study's
  const s = gameStats(games);
  return {
    name: entry,
    meanScore: s.meanScore,
    ci95: s.ci95,
    winRate: s.winRate,
    dimensions: s.dimensions,
    scores: games.map((g) => g.score),
  };
}

export function runStudy(
  scn: Scenario,
  games: number,
  seed: number,
  onProgress?: (done: number, total: number) => void,
  entries: readonly string[] = STUDY_DOCTRINES,
): StudyRow[] {
  const total = entries.length * games;
  let done = 0;
  return entries.map((e) => studyRow(scn, e, games, seed, () => onProgress?.(++done, total)));
}

/** Each row against the baseline, seed by seed. */
export function paired(rows: readonly StudyRow[], baseline = 'strong'): PairedRow[] {
  const base = rows.find((r) => r.name === baseline)?.scores ?? [];
  return rows
    .filter((r) => r.name !== baseline && r.scores)
    .map((r) => {
      const d = r.scores!.map((x, i) => x - (base[i] ?? 0));
      const [lo, hi] = ci95(d);
      return {
        name: r.name,
        diff: round1(mean(d)),
        diffCi95: [round1(lo), round1(hi)],
        baselineBeats: Math.round((1000 * d.filter((x) => x < 0).length) / Math.max(1, d.length)) / 1000,
      };
    });
}
