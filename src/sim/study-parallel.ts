// The study spread over worker threads: the games are cut into jobs that whichever worker is free plays, and put back
// in seed order, so the rows equal the serial run's (study.ts runStudy) whatever the threads and the order of the jobs.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../scenario/schema.js';
import type { GameSummary } from './batch.js';
import { DOCTRINES } from './doctrines/index.js';
import { rowOfGames, STUDY_DOCTRINES, type StudyRow } from './study.js';
import type { StudyJob, StudyMessage, StudyOrder, StudySetup } from './study-worker.js';

/** The doctrines a study plays by default in CI and the bench: every built-in one except those that search. */
export function studyDoctrines(): string[] {
  return Object.keys(DOCTRINES).filter((n) => !DOCTRINES[n]!.searches);
}

/**
 * The study's jobs: runs of seeds, each played by every entry (study-worker.ts). A job is small enough that the
 * threads share the work evenly and the last job is short (two seeds of every entry: about 36 games of the 18
 * built-in doctrines), and large enough that its messages cost nothing beside its games.
 */
export function studyJobs(entries: readonly string[], games: number, threads: number): StudyJob[] {
  const per = Math.max(
    1,
    Math.min(Math.ceil(36 / Math.max(1, entries.length)), Math.ceil(games / (4 * Math.max(1, threads)))),
  );
  const jobs: StudyJob[] = [];
  for (let from = 0; from < games; from += per) jobs.push({ from, to: Math.min(games, from + per) });
  return jobs;
}

let workerCode: Promise<string> | undefined;

/**
 * The worker's code: study-worker.ts and everything it imports, bundled by esbuild into one script, once a process.
 * A worker that loaded the TypeScript sources through tsx's loader (a round trip to the loader thread and a transform
 * per module) spent 0.9-1.1 s of CPU before it was ready, a bundle 0.3 s (MONUSCO, loaded machine, 2 alternating
 * rounds), and a 200-game study took 16% less CPU in all (3 alternating rounds); the bundling takes 0.2-0.8 s of wall
 * time (quiet to loaded machine), mostly in esbuild's own process.
 */
function studyWorkerCode(): Promise<string> {
  workerCode ??= import('esbuild').then(async ({ build }) => {
    const out = await build({
      entryPoints: [fileURLToPath(new URL('./study-worker.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      logLevel: 'silent',
    });
    return out.outputFiles[0]!.text;
  });
  return workerCode;
}

export async function runStudyParallel(
  scenario: Scenario,
  games: number,
  seed: number,
  onProgress?: (done: number, total: number) => void,
  threads = availableParallelism(),
  names: readonly string[] = STUDY_DOCTRINES,
): Promise<StudyRow[]> {
  const jobs = studyJobs(names, games, threads);
  const n = Math.max(1, Math.min(threads, jobs.length));
  const series = new Map(names.map((name) => [name, new Array<GameSummary>(games)]));
  const total = names.length * games;
  let done = 0;
  let next = 0;
  const setup: StudySetup = { scenario, seed, entries: names };
  const code = await studyWorkerCode();
  await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<void>((resolve, reject) => {
          const w = new Worker(code, { eval: true, workerData: setup });
          const order = (o: StudyOrder) => w.postMessage(o);
          // A ready worker gets two jobs, then one more as it sends each job's games: the next job already waits in
          // its queue when it finishes one, so it never idles for a message's round trip. It stops with none owed.
          let owed = 0;
          const more = () => {
            if (next < jobs.length) {
              owed++;
              order({ kind: 'job', job: jobs[next++]! });
            } else if (owed === 0) order({ kind: 'stop' });
          };
          w.on('message', (m: StudyMessage) => {
            if (m.kind === 'error') {
              reject(new Error(m.message));
              void w.terminate();
              return;
            }
            if (m.kind === 'ready') more();
            else {
              owed--;
              names.forEach((name, e) => {
                const out = series.get(name)!;
                m.games[e]!.forEach((g, k) => (out[m.job.from + k] = g));
              });
              for (let k = names.length * (m.job.to - m.job.from); k > 0; k--) {
                done++;
                onProgress?.(done, total);
              }
            }
            more();
          });
          w.on('error', reject);
          w.on('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`a study worker stopped with code ${code}`)),
          );
        }),
    ),
  );
  if (done !== total) throw new Error(`${done} of the study's ${total} games were played`);
  return names.map((name) => rowOfGames(name, series.get(name)!));
}
