// One worker of the debrief's doctrine comparison: given the scenario once, it plays the jobs it is sent (a few
// seeded games of one doctrine each, study-jobs.ts) and answers each with its games: one message per job, so the
// page's main thread wakes a few hundred times in a study, not once per game.
import { setFreezing } from '../../engine/freeze.js';
import type { Scenario } from '../../scenario/schema.js';
import type { GameSummary } from '../../sim/batch.js';
import { playJob, type StudyJob } from './study-jobs.js';

export type StudyRequest =
  /** Sent once, when the worker starts: the scenario of every job that follows. */
  | { readonly type: 'scenario'; readonly scenario: Scenario }
  | { readonly type: 'job'; readonly seed: number; readonly job: StudyJob };

export type StudyMessage =
  /** The games of `job`, in its order (game `job.from` first). */
  | { readonly type: 'games'; readonly job: StudyJob; readonly games: GameSummary[] }
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
    scope.postMessage({ type: 'games', job: m.job, games: playJob(scenario, m.seed, m.job) });
  } catch (err) {
    scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
