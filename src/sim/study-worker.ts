// A worker thread of the study: plays every doctrine it is given over the same seeds.
import { parentPort, workerData } from 'node:worker_threads';
import { loadScenario } from '../scenario/load-node.js';
import { runBatch, summarise } from './batch.js';
import { doctrineByName } from './doctrines/index.js';
import { seatAll } from './play.js';
import type { StudyRow } from './study.js';

export interface StudyJob {
  readonly scenario: string;
  readonly doctrines: readonly string[];
  readonly games: number;
  readonly seed: number;
}

export type StudyMessage = { readonly kind: 'progress' } | { readonly kind: 'row'; readonly row: StudyRow } | { readonly kind: 'error'; readonly message: string };

const job = workerData as StudyJob;
const post = (m: StudyMessage) => parentPort!.postMessage(m);
const loaded = loadScenario(job.scenario);
if (!loaded.ok) post({ kind: 'error', message: `${job.scenario} does not load` });
else {
  for (const name of job.doctrines) {
    const doctrine = doctrineByName(name);
    if (!doctrine) {
      post({ kind: 'error', message: `no doctrine '${name}'` });
      break;
    }
    const b = runBatch(loaded.value, seatAll(doctrine), job.games, job.seed, () => post({ kind: 'progress' }));
    const s = summarise(loaded.value, b);
    post({ kind: 'row', row: { name, meanScore: s.meanScore, ci95: s.ci95, winRate: s.winRate, dimensions: s.dimensions } });
  }
}
