// Applies a scenario's declarative effects, scaled by the mechanics' modifiers, through the ledger.
import type { Effect, Scenario } from '../scenario/schema.js';
import type { MechanicId } from '../scenario/lessons.js';
import { change } from './ledger.js';
import {
  indexOf,
  mechanicCause,
  readyEffects,
  trackOf,
  type IdTrack,
  type Ready,
  type ScenarioIndex,
} from './scenario-index.js';
import type { Cause, DraftState, Track } from './types.js';

/** A factor a mechanic puts on the favourable part of an action's effects (cohesion, focus, leverage, …). */
export interface Modifier {
  readonly factor: number;
  readonly mechanic: MechanicId;
  readonly lessons: readonly string[];
  /** The mechanic's cause (`mechanicCause`), as each share it adds is ledgered. */
  readonly cause: Cause;
}

export interface EffectContext {
  readonly cause: Cause;
  readonly lessons: readonly string[];
  readonly target?: string | undefined;
  readonly modifiers?: readonly Modifier[];
  /** Diminishing returns: the share of the favourable base an action keeps when repeated (1: all). */
  readonly repeat?: number;
  /** Wear (mechanics/wear.ts): the share of the favourable base kept on each indicator another card raised lately. */
  readonly wear?: Readonly<Record<string, number>> | undefined;
}

/** Whether a change in this direction is good for the mission; neutral tracks are never scaled. */
export function favourable(d: DraftState, t: Track, delta: number): boolean {
  switch (t.kind) {
    case 'indicator':
      if (t.id === 'closeness') return false;
      return t.id === 'expectations' || t.id === 'casualties' ? delta < 0 : delta > 0;
    case 'violence':
      return delta < 0;
    case 'stance':
      return delta > 0;
    case 'strength':
      return delta < 0 && (d.actors[t.id]?.stance ?? 0) < 0;
    case 'implementation':
      return delta > 0;
  }
}

/**
 * Applies `base` to a track, then each modifier's share as its own ledger entry, so the debrief can
 * say how much each mechanic added or took away. The shares telescope: the total is round(base × Π factors).
 */
export function applyScaled(d: DraftState, scn: Scenario, track: Track, full: number, ctx: EffectContext): void {
  scaled(d, scn, indexOf(scn), track, full, ctx);
}

function scaled(
  d: DraftState,
  scn: Scenario,
  idx: ScenarioIndex,
  track: Track,
  full: number,
  ctx: EffectContext,
): void {
  const applied = change(d, scn, track, full, ctx.cause, ctx.lessons);
  let base = full;
  const worn = track.kind === 'indicator' ? ctx.wear?.[track.id] : undefined;
  const repeat = worn === undefined ? ctx.repeat : Math.min(worn, ctx.repeat ?? 1);
  if (repeat !== undefined && repeat < 1 && favourable(d, track, full)) {
    // Repetition: what a repeated action no longer achieves, rounded toward nothing, ledgered as
    // such; only what was actually gained can be taken back (a number at its bound loses nothing).
    base = Math.trunc(full * repeat);
    if (Math.abs(applied) > Math.abs(base))
      change(d, scn, track, base - applied, mechanicCause(idx, 'repetition'), LEADERSHIP);
  }
  const mods = ctx.modifiers;
  if (mods === undefined || mods.length === 0 || base === 0 || !favourable(d, track, base)) return;
  let product = 1;
  for (const m of mods) {
    const before = Math.round(base * product);
    product *= m.factor;
    const share = Math.round(base * product) - before;
    if (share !== 0) change(d, scn, track, share, m.cause, m.lessons);
  }
}

const LEADERSHIP: readonly string[] = ['L-leadership'];

/** Applies effects as they come (a choice's, a facilitator's): made ready each time (`readyEffects`). */
export function applyEffects(d: DraftState, scn: Scenario, effects: readonly Effect[], ctx: EffectContext): void {
  if (effects.length === 0) return;
  applyReady(d, scn, readyEffects(indexOf(scn), effects), ctx);
}

/**
 * Applies effects made ready once (a card's, a rule's, an event's: scenario-index.ts `Ready`). The tracks are the
 * scenario's shared ones (`trackOf`): the ledger's entries keep them for the game.
 */
export function applyReady(d: DraftState, scn: Scenario, effects: readonly Ready[], ctx: EffectContext): void {
  if (effects.length === 0) return;
  const idx = indexOf(scn);
  for (let i = 0; i < effects.length; i++) {
    const r = effects[i]!;
    switch (r.kind) {
      case 'indicator':
        scaled(d, scn, idx, r.track!, r.by, ctx);
        break;
      case 'violence': {
        const t = r.track ?? targetTrack(idx, 'violence', ctx);
        if (t !== undefined && t.id in d.violence) scaled(d, scn, idx, t, r.by, ctx);
        break;
      }
      case 'stance':
      case 'strength': {
        const t = r.track ?? targetTrack(idx, r.kind, ctx);
        if (t !== undefined && t.id in d.actors) scaled(d, scn, idx, t, r.by, ctx);
        break;
      }
      case 'other':
        applyOther(d, scn, r.effect, ctx);
        break;
    }
  }
}

const IMPLEMENTATION: Track = { kind: 'implementation' };

/** The track of the number `$target` names: the action's chosen target's (none without a target). */
function targetTrack(idx: ScenarioIndex, kind: IdTrack['kind'], ctx: EffectContext): IdTrack | undefined {
  return ctx.target === undefined ? undefined : trackOf(idx, kind, ctx.target);
}

/** Applies an effect that changes no number by id (`Ready`'s `other`). */
function applyOther(d: DraftState, scn: Scenario, e: Effect, ctx: EffectContext): void {
  switch (e.do) {
    case 'flag':
      if (!d.flags.includes(e.set)) d.flags.push(e.set);
      return;
    case 'unflag':
      d.flags = d.flags.filter((f) => f !== e.flag);
      return;
    case 'sign-agreement':
      // L-agreement: signing is a beginning; it opens an implementation track that can stall.
      if (d.agreement.status === 'none') d.agreement = { status: 'signed', progress: 0, signed: d.turn };
      return;
    case 'implement':
      if (d.agreement.status === 'signed') scaled(d, scn, indexOf(scn), IMPLEMENTATION, e.by, ctx);
      return;
    case 'request-unit': {
      const r = scn.reinforcements[e.unit];
      // Asked for already, or arrived (as asked, or as what contributors offered instead: mechanics/council.ts).
      if (r === undefined || r.unit.id in d.units) return;
      for (const x of d.deployments) if (x.reinforcement === e.unit) return;
      for (const id in d.units) if (d.units[id]!.reinforcement === e.unit) return;
      d.deployments.push({ reinforcement: e.unit, requested: d.turn, arrives: d.turn + r.leadTime });
      return;
    }
    case 'expedite':
      // L-nimble: emergency field support halves what remains of every pending deployment.
      for (const x of d.deployments) x.arrives = d.turn + Math.ceil((x.arrives - d.turn) / 2);
      return;
    case 'consult-contributors':
      d.consultedUntil = d.turn + scn.mechanics.consultTurns;
      return;
  }
}
