// The debrief's doctrine comparison cut into jobs: a few seeded games of one doctrine each, played by whichever worker
// is free, then put back in seed order. The rows are those of the single-thread study (sim/study.ts runStudy) on the
// same seed, whatever the number of workers and the order the jobs finish in.
import type { Scenario } from '../../scenario/schema.js';
import { cutJobs, gameSeed, summaryOf, type GameSummary, type SeriesJob } from '../../sim/batch.js';
import { playGame } from '../../sim/play.js';
import { rowOf, seatingOf, type StudyRow } from '../../sim/study.js';

/** Games `from` (inclusive) to `to` (exclusive) of one doctrine's seeded series (sim/batch.ts `cutJobs`). */
export type StudyJob = SeriesJob;

/**
 * The study's jobs, doctrine after doctrine in the study's order (the searching doctrines first, the cheap ones last, so
 * the last jobs are short and no worker waits long for another). Each job is small enough that `threads` workers
 * share the work evenly, and large enough that messages cost nothing beside the games.
 */
export function planJobs(doctrines: readonly string[], games: number, threads: number): StudyJob[] {
  return cutJobs(doctrines, games, Math.max(1, Math.min(5, Math.ceil(games / (2 * Math.max(1, threads))))));
}

/**
 * Plays one job: its games in order, game `job.from` first, each kept as runBatch keeps it (sim/batch.ts summaryOf); the
 * series' seeds are runBatch's, which itself always starts from the series' first game.
 */
export function playJob(scn: Scenario, seed: number, job: StudyJob): GameSummary[] {
  const seats = seatingOf(job.entry);
  const out: GameSummary[] = [];
  for (let i = job.from; i < job.to; i++) {
    const gs = gameSeed(seed, i);
    out.push(summaryOf(playGame(scn, gs, seats), gs));
  }
  return out;
}

/** Collects the games of every doctrine by their index in the series, as they arrive in any order. */
export class StudyResults {
  private readonly games = new Map<string, (GameSummary | undefined)[]>();
  private count = 0;

  constructor(
    private readonly doctrines: readonly string[],
    private readonly perDoctrine: number,
  ) {
    for (const d of doctrines) this.games.set(d, new Array<GameSummary | undefined>(perDoctrine));
  }

  get total(): number {
    return this.doctrines.length * this.perDoctrine;
  }

  get done(): number {
    return this.count;
  }

  /** The games of a job, game `job.from` first; a game that arrives twice counts once. */
  add(job: StudyJob, games: readonly GameSummary[]): void {
    const series = this.games.get(job.entry);
    const ok = series && Number.isInteger(job.from) && job.from >= 0 && job.from + games.length <= this.perDoctrine;
    if (!ok)
      throw new RangeError(
        `games ${job.from}–${job.from + games.length - 1} of '${job.entry}' are not part of this study`,
      );
    games.forEach((game, k) => {
      if (!series[job.from + k]) this.count++;
      series[job.from + k] = game;
    });
  }

  /** The study's rows, in the order of `doctrines`, once every game has arrived. */
  rows(scn: Scenario): StudyRow[] {
    if (this.count < this.total) throw new Error(`${this.count} of ${this.total} games have arrived`);
    return this.doctrines.map((name) => rowOf(scn, name, this.games.get(name) as GameSummary[]));
  }
}
