// The lessons study in a web worker: every doctrine over seeded games of the scenario, with progress.
import { runStudy, type StudyRow } from '../../sim/study.js';
import type { Scenario } from '../../scenario/schema.js';

export interface StudyRequest {
  readonly scenario: Scenario;
  readonly games: number;
  readonly seed: number;
}

export type StudyMessage =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly rows: StudyRow[] }
  | { readonly type: 'error'; readonly message: string };

const scope = self as unknown as { postMessage(m: StudyMessage): void; onmessage: ((e: MessageEvent<StudyRequest>) => void) | null };

scope.onmessage = (e) => {
  const { scenario, games, seed } = e.data;
  try {
    let last = 0;
    const rows = runStudy(scenario, games, seed, (done, total) => {
      // a message per few percent is enough for the progress bar
      if (done === total || done - last >= Math.max(1, Math.floor(total / 50))) {
        last = done;
        scope.postMessage({ type: 'progress', done, total });
      }
    });
    scope.postMessage({ type: 'done', rows });
  } catch (err) {
    scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
