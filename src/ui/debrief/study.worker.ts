// The lessons study in a web worker: every doctrine over seeded games of the scenario, with progress.
import { setFreezing } from '../../engine/freeze.js';
import { runStudy, type StudyRow } from '../../sim/study.js';
import type { Scenario } from '../../scenario/schema.js';

export interface StudyRequest {
  readonly scenario: Scenario;
  readonly games: number;
  readonly seed: number;
  /** The doctrines this worker plays (a share of them, when several workers split the study); all by default. */
  readonly doctrines?: readonly string[];
}

export type StudyMessage =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly rows: StudyRow[] }
  | { readonly type: 'error'; readonly message: string };

const scope = self as unknown as {
  postMessage(m: StudyMessage): void;
  onmessage: ((e: MessageEvent<StudyRequest>) => void) | null;
};

// The fast path of rollouts (sim/rollout.ts): the worker's states never leave it, so they need no freezing.
setFreezing(false);

scope.onmessage = (e) => {
  const { scenario, games, seed, doctrines } = e.data;
  try {
    let last = 0;
    const rows = runStudy(
      scenario,
      games,
      seed,
      (done, total) => {
        // a message per few percent is enough for the progress bar
        if (done === total || done - last >= Math.max(1, Math.floor(total / 50))) {
          last = done;
          scope.postMessage({ type: 'progress', done, total });
        }
      },
      doctrines,
    );
    scope.postMessage({ type: 'done', rows });
  } catch (err) {
    scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
