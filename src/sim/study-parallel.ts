// The study spread over worker threads, one share of the doctrines each; results equal the serial run.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DOCTRINES } from './doctrines/index.js';
import { STUDY_DOCTRINES, type StudyRow } from './study.js';
import type { StudyJob, StudyMessage } from './study-worker.js';

/** The doctrines a study plays by default in CI and the bench: every built-in one except those that search. */
export function studyDoctrines(): string[] {
  return Object.keys(DOCTRINES).filter((n) => !DOCTRINES[n]!.searches);
}

export async function runStudyParallel(
  scenario: string,
  games: number,
  seed: number,
  onProgress?: (done: number, total: number) => void,
  threads = availableParallelism(),
  names: readonly string[] = STUDY_DOCTRINES,
): Promise<StudyRow[]> {
  const n = Math.max(1, Math.min(threads, names.length));
  const shares = Array.from({ length: n }, (_, i) => names.filter((_, j) => j % n === i));
  const total = names.length * games;
  let done = 0;
  const rows = new Map<string, StudyRow>();
  await Promise.all(
    shares.map(
      (doctrines) =>
        new Promise<void>((resolve, reject) => {
          const job: StudyJob = { scenario, doctrines, games, seed };
          const w = new Worker(new URL('./study-worker-boot.mjs', import.meta.url), { workerData: job });
          w.on('message', (m: StudyMessage) => {
            if (m.kind === 'progress') onProgress?.(++done, total);
            else if (m.kind === 'row') rows.set(m.row.name, m.row);
            else reject(new Error(m.message));
          });
          w.on('error', reject);
          w.on('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`a study worker stopped with code ${code}`)),
          );
        }),
    ),
  );
  return names.map((name) => rows.get(name)!);
}
