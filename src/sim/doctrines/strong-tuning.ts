// The `strong` planner's numbers, found by scripts/tune-strong.ts on training seeds disjoint from
// the study's. Data only: regenerate with `npx tsx scripts/tune-strong.ts`.
import type { Tuning } from './heuristic.js';

export const STRONG_TUNING: Tuning = {
  weights: {
    process: 3,
    consent: 1,
    impartiality: 1.38,
    trust: 1.15,
    cohesion: 1.2,
    credibility: 1,
    regional: 1,
    analysis: 0.8,
    casualties: -2,
    expectations: -0.6,
  },
  violenceBase: 0.6,
  violencePop: 2,
  stance: 0.3,
  strength: 0.42,
  implement: 0.3,
  sign: 25,
  request: 3.27,
  consult: 3,
  coordination: 3,
  regional: 2,
  implementationBonus: 8,
  forceOnTrack: 4.87,
  forceOffTrack: 12,
  talksOnTrack: 3.05,
  talksOffTrack: 2,
  cost: 1.5,
  analysisCap: 75,
  closeness: 0.5,
  neglect: 8,
  moveArea: 0.5,
};
