// One step of a random local search over the planner's numbers: shared by scripts/tune-strong.ts
// (the search that gives `strong` its numbers) and scripts/adversary.ts (the best lesson-breakers).
import type { Tuning } from './heuristic.js';

export interface StepSpread {
  /** Log-normal spread of a multiplied number. */
  readonly factor: number;
  /** Spread of `moveArea` (kept within 0–1). */
  readonly area: number;
  /** Spread added to `spoilerForce` (which may change sign). */
  readonly add: number;
}

/** 1–3 of the numbers (every field but `neglect`, which keeps a lesson broken), each moved at random. */
export function perturbTuning(t: Tuning, next: () => number, spread: StepSpread): Tuning {
  const gauss = () => Math.sqrt(-2 * Math.log(Math.max(1e-9, next()))) * Math.cos(2 * Math.PI * next());
  const flat: Record<string, number> = Object.fromEntries(
    Object.entries(t.weights).map(([k, v]) => [`w.${k}`, v as number]),
  );
  for (const [k, v] of Object.entries(t)) if (typeof v === 'number' && k !== 'neglect') flat[k] = v;
  const keys = Object.keys(flat);
  const n = 1 + Math.floor(next() * 3);
  for (let j = 0; j < n; j++) {
    const k = keys[Math.floor(next() * keys.length)]!;
    const v = flat[k]!;
    const moved =
      k === 'moveArea'
        ? Math.min(1, Math.max(0, v + gauss() * spread.area))
        : k === 'spoilerForce'
          ? v + gauss() * spread.add
          : v * Math.exp(gauss() * spread.factor);
    flat[k] = Math.round(moved * 100) / 100;
  }
  const weights = Object.fromEntries(
    Object.entries(flat)
      .filter(([k]) => k.startsWith('w.'))
      .map(([k, v]) => [k.slice(2), v]),
  );
  const rest = Object.fromEntries(Object.entries(flat).filter(([k]) => !k.startsWith('w.')));
  return { ...t, ...rest, weights } as Tuning;
}
