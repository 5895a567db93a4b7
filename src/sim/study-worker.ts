// A worker thread of the study: plays the jobs it is sent (a run of seeds, each played by every entry), one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { internStrings } from '../scenario/intern.js';
import type { Scenario } from '../scenario/schema.js';
import { gameSeed, summaryOf, type GameSummary } from './batch.js';
import { playGame } from './play.js';
import { seatingOf } from './study.js';

/**
 * What a worker is started with: the scenario the study loaded (a copy: the worker does not read and check the file
 * again, which took the longest part of its start), the seed of every series and the study's entries.
 */
export interface StudySetup {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly entries: readonly string[];
}

/** Games `from` (inclusive) to `to` (exclusive) of every entry's seeded series. */
export interface StudyJob {
  readonly from: number;
  readonly to: number;
}

/** From the study to a worker: a job to play, or that there are no more. */
export type StudyOrder = { readonly kind: 'job'; readonly job: StudyJob } | { readonly kind: 'stop' };

/**
 * From a worker to the study: that it is ready for a job, a job's games (one list per entry, in the setup's order, each
 * in seed order), or why it cannot play.
 */
export type StudyMessage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'games'; readonly job: StudyJob; readonly games: GameSummary[][] }
  | { readonly kind: 'error'; readonly message: string };

const setup = workerData as StudySetup;
const port = parentPort!;
const post = (m: StudyMessage) => port.postMessage(m);
try {
  // The copy's texts are new: interned as parseScenario's are, the games run as fast as on the study's own scenario.
  const scn = internStrings(setup.scenario);
  const seatings = setup.entries.map(seatingOf);
  port.on('message', (o: StudyOrder) => {
    if (o.kind === 'stop') {
      port.close();
      return;
    }
    const { from, to } = o.job;
    try {
      const games = seatings.map((): GameSummary[] => []);
      // Seed after seed, every entry on each: the doctrines' code stays warm together, which ran a worker's share
      // of the study 7-13% faster than a run of one entry's games after another's (MONUSCO, 60-100 games x 18
      // doctrines in one thread, 7 alternating rounds). The seeds are runBatch's (sim/batch.ts): the serial study's.
      for (let i = from; i < to; i++) {
        const gs = gameSeed(setup.seed, i);
        for (let e = 0; e < seatings.length; e++) games[e]!.push(summaryOf(playGame(scn, gs, seatings[e]!), gs));
      }
      post({ kind: 'games', job: o.job, games });
    } catch (e) {
      post({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  });
  post({ kind: 'ready' });
} catch (e) {
  post({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
}
