// One worker of the debrief's doctrine comparison: given the scenario once, it plays the jobs it is sent (a few
// seeded games of one doctrine each, study-jobs.ts) and reports every game as it ends.
import { setFreezing } from '../../engine/freeze.js';
import type { Scenario } from '../../scenario/schema.js';
import type { GameSummary } from '../../sim/batch.js';
import { playJob, type StudyJob } from './study-jobs.js';

export type StudyRequest =
  /** Sent once, when the worker starts: the scenario of every job that follows. */
  | { readonly type: 'scenario'; readonly scenario: Scenario }
  | { readonly type: 'job'; readonly seed: number; readonly job: StudyJob };

export type StudyMessage =
  | { readonly type: 'game'; readonly doctrine: string; readonly index: number; readonly game: GameSummary }
  | { readonly type: 'job-done' }
  | { readonly type: 'error'; readonly message: string };

const scope = self as unknown as {
  postMessage(m: StudyMessage): void;
  onmessage: ((e: MessageEvent<StudyRequest>) => void) | null;
};

// The fast path of rollouts (sim/rollout.ts): the worker's states never leave it, so they need no freezing.
setFreezing(false);

let scenario: Scenario | null = null;

scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'scenario') {
    scenario = m.scenario;
    return;
  }
  try {
    if (!scenario) throw new Error('no scenario was sent before the first job');
    const { doctrine } = m.job;
    playJob(scenario, m.seed, m.job, (index, game) => scope.postMessage({ type: 'game', doctrine, index, game }));
    scope.postMessage({ type: 'job-done' });
  } catch (err) {
    scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
