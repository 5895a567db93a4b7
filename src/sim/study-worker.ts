// A worker thread of the study: plays the jobs it is sent (a run of seeded games of one study entry), one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { internStrings } from '../scenario/intern.js';
import type { Scenario } from '../scenario/schema.js';
import { gameSeed, summaryOf, type GameSummary, type SeriesJob } from './batch.js';
import { playGame, type Seating } from './play.js';
import { seatingOf } from './study.js';

/**
 * What a worker is started with: the scenario the study loaded (a copy: the worker does not read and check the file
 * again, which took the longest part of its start) and the seed of every series.
 */
export interface StudySetup {
  readonly scenario: Scenario;
  readonly seed: number;
}

/** Games `from` (inclusive) to `to` (exclusive) of one study entry's seeded series (batch.ts `cutJobs`). */
export type StudyJob = SeriesJob;

/** From the study to a worker: a job to play, or that there are no more. */
export type StudyOrder = { readonly kind: 'job'; readonly job: StudyJob } | { readonly kind: 'stop' };

/** From a worker to the study: that it is ready for a job, a job's games in seed order, or why it cannot play. */
export type StudyMessage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'games'; readonly job: StudyJob; readonly games: GameSummary[] }
  | { readonly kind: 'error'; readonly message: string };

const setup = workerData as StudySetup;
const port = parentPort!;
const post = (m: StudyMessage) => port.postMessage(m);
// The copy's texts are new: interned as parseScenario's are, the games run as fast as on the study's own scenario.
const scn = internStrings(setup.scenario);
// A worker plays many jobs of each entry: its seating is made once.
const seatings = new Map<string, Seating>();
port.on('message', (o: StudyOrder) => {
  if (o.kind === 'stop') {
    port.close();
    return;
  }
  const { entry, from, to } = o.job;
  try {
    let seats = seatings.get(entry);
    if (!seats) seatings.set(entry, (seats = seatingOf(entry)));
    const games: GameSummary[] = [];
    // The series' seeds are runBatch's (sim/batch.ts), so the games are those of the serial study.
    for (let i = from; i < to; i++) {
      const gs = gameSeed(setup.seed, i);
      games.push(summaryOf(playGame(scn, gs, seats), gs));
    }
    post({ kind: 'games', job: o.job, games });
  } catch (e) {
    post({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
  }
});
post({ kind: 'ready' });
