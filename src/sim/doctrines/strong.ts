// `strong`: the best view-only play built so far, and the lesson-breakers made from it.
// `strong` is the report's planner (heuristic.ts) with numbers found by a search over training
// seeds (scripts/tune-strong.ts). Each breaker is the same planner, the same numbers, with one
// lesson's preference turned around: it deprioritises what the lesson asks for (by
// `tuning.neglect`), the way a capable team that does not believe in the lesson would, instead of
// banning it.
import { makeDoctrine, REPORT, type Style } from './heuristic.js';
import { STRONG_TUNING } from './strong-tuning.js';

export const STRONG: Style = { ...REPORT, name: 'strong', breaking: 'deprioritise', tuning: STRONG_TUNING };

/** The lesson each breaker turns around, as the one Style field it changes. */
export const BREAKS: Readonly<Record<string, { lesson: string; style: Partial<Style> }>> = {
  'strong-military-first': { lesson: 'L-primacy', style: { military: 'first' } },
  'strong-balkanized': { lesson: 'L-cohesion', style: { coordinate: false } },
  'strong-christmas-tree': { lesson: 'L-mandate', style: { mandate: 'all', refocus: false } },
  'strong-no-analysis': { lesson: 'L-analysis', style: { analysis: false } },
  'strong-host-state-embrace': { lesson: 'L-hoststate', style: { hostState: 'embrace' } },
  'strong-no-outreach': { lesson: 'L-population', style: { outreach: false } },
  'strong-no-regional': { lesson: 'L-regional', style: { regional: false } },
};

export function breakerStyle(name: string): Style {
  const b = BREAKS[name];
  if (!b) throw new Error(`no breaker '${name}'`);
  return { ...STRONG, ...b.style, name };
}

export const strong = makeDoctrine(STRONG);
export const STRONG_BREAKERS = Object.fromEntries(Object.keys(BREAKS).map((n) => [n, makeDoctrine(breakerStyle(n))]));
