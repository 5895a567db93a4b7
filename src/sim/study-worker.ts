// A worker thread of the study: plays every doctrine it is given over the same seeds.
import { parentPort, workerData } from 'node:worker_threads';
import { loadScenario } from '../scenario/load-node.js';
import { studyRow, type StudyRow } from './study.js';

export interface StudyJob {
  readonly scenario: string;
  /** Study entries: a doctrine name, or `chair=doctrine` beside `strong`. */
  readonly doctrines: readonly string[];
  readonly games: number;
  readonly seed: number;
}

export type StudyMessage =
  | { readonly kind: 'progress' }
  | { readonly kind: 'row'; readonly row: StudyRow }
  | { readonly kind: 'error'; readonly message: string };

const job = workerData as StudyJob;
const post = (m: StudyMessage) => parentPort!.postMessage(m);
const loaded = loadScenario(job.scenario);
if (!loaded.ok) post({ kind: 'error', message: `${job.scenario} does not load` });
else {
  for (const name of job.doctrines)
    post({ kind: 'row', row: studyRow(loaded.value, name, job.games, job.seed, () => post({ kind: 'progress' })) });
}
