// Assessment: end conditions, the score on the scenario's weighted dimensions, and the epilogue.
import { DIMENSIONS, type Dimension } from '../../scenario/constants.js';
import type { Scenario } from '../../scenario/schema.js';
import { holds } from '../conditions.js';
import { lastTurn, thresholdOf } from '../length.js';
import { protection } from '../mechanics/politics.js';
import { indexOf } from '../scenario-index.js';
import type { DraftState, EngineEvent, GameState, Outcome } from '../types.js';
import { beginTurn } from './sitrep.js';

/** Each dimension on 0–100, higher is better. */
/** The indicators the score reads as they stand (`dimensionsOf`); the others weigh through mechanics. */
export const SCORED_INDICATORS: readonly string[] = [
  'process',
  'credibility',
  'consent',
  'impartiality',
  'trust',
  'cohesion',
  'casualties',
];

export function dimensionsOf(s: GameState | DraftState, scn: Scenario): Record<Dimension, number> {
  const i = s.indicators;
  return {
    process: i.process,
    protection: protection(s, scn),
    credibility: i.credibility,
    consent: Math.round((i.consent + i.impartiality) / 2),
    trust: i.trust,
    cohesion: i.cohesion,
    casualties: 100 - i.casualties,
  };
}

export function scoreOf(
  s: GameState | DraftState,
  scn: Scenario,
): { score: number; dimensions: Record<Dimension, number> } {
  const dims = dimensionsOf(s, scn);
  let total = 0;
  let weights = 0;
  for (const k of DIMENSIONS) {
    total += scn.scoring.weights[k] * dims[k];
    weights += scn.scoring.weights[k];
  }
  return { score: weights === 0 ? 0 : Math.round((total / weights) * 10) / 10, dimensions: dims };
}

/**
 * The final score: the mean of the monthly assessments blended with the state at the end
 * (`accrual`), so a mission is judged on the whole of its tenure and greed in the last months
 * does not pay. L-mandate, report ¶2: the Council reviews the mission regularly, not once.
 */
export function finalScore(s: GameState | DraftState, scn: Scenario): number {
  const end = scoreOf(s, scn).score;
  const months = s.assessed ?? [];
  if (months.length === 0) return end;
  const mean = months.reduce((a, b) => a + b, 0) / months.length;
  const a = scn.mechanics.accrual;
  return Math.round((a * mean + (1 - a) * end) * 10) / 10;
}

export function outcomeOf(s: GameState | DraftState, scn: Scenario, end: Scenario['end'][number] | null): Outcome {
  const { dimensions } = scoreOf(s, scn);
  const score = finalScore(s, scn);
  const result = end ? end.outcome : score >= thresholdOf(s, scn) ? 'success' : 'failure';
  const epilogue =
    scn.epilogues.find((e) => score >= e.minScore && score <= e.maxScore && (e.when === undefined || holds(e.when, s)))
      ?.id ?? scn.epilogues[scn.epilogues.length - 1]!.id;
  return { result, end: end?.id ?? null, score, dimensions, epilogue };
}

export function assess(d: DraftState, scn: Scenario, out: EngineEvent[]): void {
  (d.assessed ??= []).push(scoreOf(d, scn).score);
  const ends = indexOf(scn).endTests;
  let end: Scenario['end'][number] | null = null;
  for (let i = 0; i < ends.length && end === null; i++) if (ends[i]!(d)) end = scn.end[i]!;
  if (end || d.turn >= lastTurn(d, scn)) {
    d.phase = 'over';
    d.outcome = outcomeOf(d, scn, end) as never;
    out.push({ type: 'game-over', outcome: d.outcome as Outcome });
    return;
  }
  d.turn += 1;
  beginTurn(d, scn, out);
}
