// The engine's public surface: pure, deterministic rules with no DOM, clock or global randomness.
export * from './types.js';
export { newGame, step, keysOf } from './step.js';
export { seedWorld } from './rng.js';
export { checkAllowed, legalActions } from './legal.js';
export { planCost, itemCost, targetsOf, eligibleUnits } from './eligibility.js';
export {
  viewFor,
  boardFor,
  facilitatorView,
  fogSpread,
  type ViewOptions,
  type ChairView,
  type ChairBoard,
  type Seen,
  type SeenActor,
  type SeenPlan,
  type SeenEntry,
} from './view.js';
export { secretFromBytes, seedSecret, isSecret } from './hash.js';
export { seenOf, knownTo } from './knowledge.js';
export { replay, hashState, hashScenario, canonicalJson } from './replay.js';
export { makeSave, restoreSave, type SaveFile, type SaveError } from './save.js';
// parseSave (zod) is imported from './save-parse.js' where needed, so the browser's first chunk does without zod.
export { historyOf, netChange, seriesOf, trackKey, readTrack } from './ledger.js';
export { scoreOf, dimensionsOf } from './phases/assessment.js';
export { lastTurn, thresholdFor, thresholdOf, monthsPlayed } from './length.js';
export { protection } from './mechanics/politics.js';
export { indexOf } from './scenario-index.js';
export { explain, byLesson, causeKey, type Explanation, type Contribution } from './explain.js';
