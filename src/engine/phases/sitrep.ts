// Sitrep: a new turn opens; events whose triggers hold fire, and analysis may see next turn's coming.
import { lastTurn } from '../length.js';
import type { Event, Scenario } from '../../scenario/schema.js';
import { holds } from '../conditions.js';
import { applyEffects } from '../effects.js';
import type { RngState } from '../rng.js';
import { chance } from '../rng.js';
import { indexOf } from '../scenario-index.js';
import type { DraftState, EngineEvent, GameState, Plan } from '../types.js';

export const EMPTY_PLAN: Plan = { items: [], committed: false, revised: false, confirmed: false, note: '' };

function eligible(e: Event, s: GameState | DraftState, turn: number): boolean {
  const span = e.window;
  if (span && (turn < span.from || turn > span.to)) return false;
  if (!e.repeat && s.fired.some((f) => f.event === e.id)) return false;
  if (e.repeat && s.fired.some((f) => f.event === e.id && f.turn === turn)) return false;
  return e.when === undefined || holds(e.when, s);
}

/** Opens turn `d.turn`: clears last turn's plans, fires events, looks ahead. */
export function beginTurn(d: DraftState, scn: Scenario, out: EngineEvent[]): void {
  const idx = indexOf(scn);
  d.phase = 'sitrep';
  d.strategy = null;
  d.reviewed = false;
  d.conflicts = [];
  d.pendingChoices = [];
  d.plans = Object.fromEntries(idx.chairs.map((c) => [c, { ...EMPTY_PLAN, items: [] }]));
  for (const e of scn.events) {
    if (!eligible(e, d, d.turn)) continue;
    if (!chance(d.rng as RngState, e.chance)) continue;
    d.fired.push({ event: e.id, turn: d.turn, choice: null });
    applyEffects(d, scn, e.effects, { cause: { kind: 'event', event: e.id }, lessons: e.lessons });
    if (e.choices.length > 0) d.pendingChoices.push(e.id);
    out.push({ type: 'event-fired', event: e.id });
  }
  // L-analysis: good analysis sees trouble a turn ahead, while something can still be done.
  // Warned: events that could fire next turn if nothing changes (a risk, not a certainty).
  d.warnings = scn.events
    .filter((e) => e.warnAt !== undefined && d.indicators.analysis >= e.warnAt && d.turn < lastTurn(d, scn))
    .filter((e) => eligible(e, d, d.turn + 1))
    .map((e) => e.id);
  out.push({ type: 'phase', phase: 'sitrep', turn: d.turn });
}

/** Applies the chosen branch of a fired event. */
export function chooseEventOption(d: DraftState, scn: Scenario, eventId: string, choiceId: string): void {
  const ev = indexOf(scn).events.get(eventId);
  const choice = ev?.choices.find((c) => c.id === choiceId);
  if (!ev || !choice) return;
  d.pendingChoices = d.pendingChoices.filter((e) => e !== eventId);
  const fired = [...d.fired].reverse().find((f) => f.event === eventId && f.turn === d.turn);
  if (fired) fired.choice = choiceId;
  applyEffects(d, scn, choice.effects, {
    cause: { kind: 'event', event: eventId, choice: choiceId },
    lessons: [...new Set([...ev.lessons, ...choice.lessons])],
  });
}
