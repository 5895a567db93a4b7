// Sitrep: a new turn opens; events whose triggers hold fire, and analysis may see next turn's coming.
import { lastTurn } from '../length.js';
import type { Event, Scenario } from '../../scenario/schema.js';
import type { Reader } from '../conditions.js';
import { applyReady, type EffectContext } from '../effects.js';
import { chances } from '../rng.js';
import { indexOf, readyEffects, type EventRun, type Ready } from '../scenario-index.js';
import { councilRenewal } from '../mechanics/council.js';
import type { DraftState, EngineEvent, FiredEvent, GameState, Plan } from '../types.js';

export const EMPTY_PLAN: Plan = { items: [], committed: false, revised: false, confirmed: false, note: '' };

/**
 * The last turn in which each event has fired, so that eligibility does not scan the list once per event. The list only
 * grows, in turn order (an entry may be replaced by one with the same event and turn), and each step that may change it
 * works on a copy: the index is kept under the list's last entry with the list's length, which every copy of it shares.
 */
const firedIndexes = new WeakMap<FiredEvent, FiredIndex>();

/** An index of the fired list: the last turn of each event in the list's first `length` entries. */
interface FiredIndex {
  /** -1 once `extendFired` has taken the index over for a longer list: the lists it was made for index theirs again. */
  length: number;
  readonly last: Map<string, number>;
}

/** The index of a list (none for an empty list). */
function firedIndex(fired: readonly FiredEvent[]): FiredIndex | undefined {
  const last = fired[fired.length - 1];
  if (!last) return undefined;
  let ix = firedIndexes.get(last);
  if (!ix || ix.length !== fired.length) {
    const turns = new Map<string, number>();
    for (const f of fired) turns.set(f.event, Math.max(f.turn, turns.get(f.event) ?? -Infinity));
    firedIndexes.set(last, (ix = { length: fired.length, last: turns }));
  }
  return ix;
}

function firedTurns(fired: readonly FiredEvent[]): ReadonlyMap<string, number> {
  return firedIndex(fired)?.last ?? NO_TURNS;
}

/**
 * Keeps under `fired`'s last entry the index of the list made from `ix` (the index of its first `from` entries) and
 * the entries pushed since, so that the warnings that follow the firing do not index the whole list again. The index
 * is taken over, not copied (a game moving forward asks no earlier list again; one that does indexes it anew).
 */
function extendFired(fired: readonly FiredEvent[], from: number, ix: FiredIndex | undefined): void {
  const last = fired[fired.length - 1];
  if (!last || fired.length === from) return;
  let next: Map<string, number>;
  if (ix) {
    next = ix.last;
    ix.length = -1;
  } else next = new Map();
  for (let i = from; i < fired.length; i++) {
    const f = fired[i]!;
    next.set(f.event, Math.max(f.turn, next.get(f.event) ?? -Infinity));
  }
  firedIndexes.set(last, { length: fired.length, last: next });
}

const NO_TURNS: ReadonlyMap<string, number> = new Map();

/**
 * Whether event `e` may fire in `turn` by its window and the turns it fired in, its `when` aside; `fired` is
 * `firedTurns` of the state's list (taken once for a pass over the events: an event's eligibility reads only its own
 * turns, which firing the others does not change). `turn` is never before the last turn of the list (the month
 * opening, or the next), so a repeatable event fired in `turn` is one whose last turn is `turn`.
 */
function open(e: EventRun, turn: number, fired: ReadonlyMap<string, number>): boolean {
  if (turn < e.from || turn > e.to) return false;
  const last = fired.get(e.id);
  if (last === undefined) return true;
  return e.repeat && last !== turn;
}

/**
 * L-analysis: events that could fire next month if nothing changes (a risk, not a certainty), seen when analysis
 * reaches their `warnAt`. With `read` (a chair's knowledge: knowledge.ts) the numbers are the ones the chair may
 * know, so a warning tells it nothing its view does not; without, the true ones (the state's record).
 */
export function warned(s: GameState | DraftState, scn: Scenario, read?: Reader): string[] {
  const analysis = read ? read.indicator('analysis') : s.indicators.analysis;
  const out: string[] = [];
  if (s.turn >= lastTurn(s, scn)) return out;
  const fired = firedTurns(s.fired);
  const events = indexOf(scn).eventRuns;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (!e.warns || analysis < e.warnAt || !open(e, s.turn + 1, fired)) continue;
    if (e.when(s, read)) out.push(e.id);
  }
  return out;
}

/** Opens turn `d.turn`: clears last turn's plans, fires events, looks ahead. */
export function beginTurn(d: DraftState, scn: Scenario, out: EngineEvent[]): void {
  const idx = indexOf(scn);
  d.phase = 'sitrep';
  d.strategy = null;
  d.reviewed = false;
  d.conflicts = [];
  d.pendingChoices = [];
  const plans: DraftState['plans'] = {};
  // EMPTY_PLAN as a literal in its order (the same JSON), not a spread of it: a clone per chair each month.
  for (const c of idx.chairs) plans[c] = { items: [], committed: false, revised: false, confirmed: false, note: '' };
  d.plans = plans;
  const ix = firedIndex(d.fired);
  const fired = ix?.last ?? NO_TURNS;
  const before = d.fired.length;
  const events = idx.eventRuns;
  const chance = chances(d, 'event');
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (!open(e, d.turn, fired) || !e.when(d)) continue;
    if (!chance(e.chance, e.id)) continue;
    d.fired.push({ event: e.id, turn: d.turn, choice: null });
    applyReady(d, scn, e.effects, e.context);
    if (e.event.choices.length > 0) d.pendingChoices.push(e.id);
    out.push({ type: 'event-fired', event: e.id });
  }
  extendFired(d.fired, before, ix);
  councilRenewal(d, scn);
  // L-analysis: good analysis sees trouble a turn ahead, while something can still be done. The state keeps the
  // list on the true numbers; what a chair is shown is judged on its knowledge (view.ts).
  d.warnings = warned(d, scn);
  out.push({ type: 'phase', phase: 'sitrep', turn: d.turn });
}

/** Applies the chosen branch of a fired event. */
export function chooseEventOption(d: DraftState, scn: Scenario, eventId: string, choiceId: string): void {
  const ev = indexOf(scn).events.get(eventId);
  const choice = ev?.choices.find((c) => c.id === choiceId);
  if (!ev || !choice) return;
  d.pendingChoices = d.pendingChoices.filter((e) => e !== eventId);
  // The fired list is shared element by element with the state before: the entry is replaced, not written.
  let at = d.fired.length - 1;
  while (at >= 0 && (d.fired[at]!.event !== eventId || d.fired[at]!.turn !== d.turn)) at--;
  if (at >= 0) {
    const entry = d.fired[at]!;
    // A literal in the fired entries' own order (beginTurn's), not a spread: the entries keep one shape.
    d.fired[at] = { event: entry.event, turn: entry.turn, choice: choiceId };
    // The same event and turn: the list's index, kept under its last entry, holds for the replacement too.
    const ix = firedIndexes.get(entry);
    if (ix && at === d.fired.length - 1) firedIndexes.set(d.fired[at]!, ix);
  }
  const run = choiceRun(scn, ev, choice);
  applyReady(d, scn, run.effects, run.context);
}

/** A choice as it applies: its effects made ready, and its cause and lessons (with its event's, without repeats). */
interface ChoiceRun {
  readonly effects: readonly Ready[];
  readonly context: EffectContext;
}

/** Each choice's run, made once per choice: every entry it makes keeps the cause and the lessons. */
const choiceRuns = new WeakMap<object, ChoiceRun>();
function choiceRun(scn: Scenario, ev: Event, choice: Event['choices'][number]): ChoiceRun {
  let run = choiceRuns.get(choice);
  if (!run) {
    run = {
      effects: readyEffects(indexOf(scn), choice.effects),
      context: {
        cause: { kind: 'event', event: ev.id, choice: choice.id },
        lessons: [...new Set([...ev.lessons, ...choice.lessons])],
      },
    };
    choiceRuns.set(choice, run);
  }
  return run;
}
