// What changed on the map between two frames (violence, units' moves, armed groups' strength), and the easing of its animation. Pure.
import type { MapView } from './source.js';

export type MapChange =
  | { readonly kind: 'violence'; readonly region: string; readonly from: number; readonly to: number }
  | { readonly kind: 'move'; readonly unit: string; readonly from: string; readonly to: string }
  | { readonly kind: 'arrive'; readonly unit: string; readonly to: string }
  | { readonly kind: 'leave'; readonly unit: string; readonly from: string }
  | { readonly kind: 'strength'; readonly actor: string; readonly from: number; readonly to: number };

/** How long a turn's changes take to play out on the map. */
export const ANIMATION_MS = 1300;

/**
 * The changes from `before` to `after`, as the map shows them: the numbers as seen (estimates included),
 * in the order the views list regions, units and actors. Strengths count only where both views have them,
 * and only for `actors` when given (the map shows armed groups' strength, not every actor's).
 */
export function diffViews(before: MapView, after: MapView, actors?: ReadonlySet<string>): MapChange[] {
  const out: MapChange[] = [];
  for (const [region, v] of Object.entries(after.violence)) {
    const was = before.violence[region];
    if (was && was.value !== v.value) out.push({ kind: 'violence', region, from: was.value, to: v.value });
  }
  for (const [unit, u] of Object.entries(after.units)) {
    const was = before.units[unit];
    if (!was) out.push({ kind: 'arrive', unit, to: u.region });
    else if (was.region !== u.region) out.push({ kind: 'move', unit, from: was.region, to: u.region });
  }
  for (const [unit, u] of Object.entries(before.units)) {
    if (!(unit in after.units)) out.push({ kind: 'leave', unit, from: u.region });
  }
  for (const [actor, a] of Object.entries(after.actors ?? {})) {
    if (actors && !actors.has(actor)) continue;
    const was = before.actors?.[actor];
    if (was && was.strength.value !== a.strength.value)
      out.push({ kind: 'strength', actor, from: was.strength.value, to: a.strength.value });
  }
  return out;
}

/** Whether the map moved on to a new month (or to the game's end) between two views. */
export function monthChanged(before: MapView, after: MapView): boolean {
  return before.turn !== after.turn || (after.phase === 'over' && before.phase !== 'over');
}

/** Slow in, slow out: motion that starts and settles gently. */
export function easeInOut(p: number): number {
  const x = clamp01(p);
  return x < 0.5 ? 4 * x * x * x : 1 - (-2 * x + 2) ** 3 / 2;
}

/** How far an animation that began at `start` has come at `now`, from 0 to 1. */
export function progressAt(start: number, now: number, duration = ANIMATION_MS): number {
  return duration <= 0 ? 1 : clamp01((now - start) / duration);
}

/** The whole number shown between `from` and `to` at eased progress `e`, as a counter would show it. */
export function countAt(from: number, to: number, e: number): number {
  return Math.round(from + (to - from) * clamp01(e));
}

/** A flash that rises and falls `times` times over the animation, ending dark (0). */
export function flashAt(p: number, times = 2): number {
  const x = clamp01(p);
  return x >= 1 ? 0 : Math.sin(Math.PI * times * x) ** 2;
}

/** "▲ +6", "▼ −4": the direction as a shape as well as a sign, so it never rests on colour. */
export function changeMark(from: number, to: number): string {
  const d = to - from;
  return `${d > 0 ? '▲' : '▼'} ${d > 0 ? '+' : '−'}${Math.abs(d)}`;
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 1;
}
