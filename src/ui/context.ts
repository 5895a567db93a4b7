// What every panel is given: the scenario, the viewing chair's fog-filtered view, what it may do, and a way to do it.
// Built from the solo game's store (the engine decides what is legal) or from a session's view over the wire (the server does).
import type { StoreApi } from 'zustand/vanilla';
import {
  canonicalJson,
  checkAllowed,
  MAX_PLAN_ITEMS,
  planCost,
  targetsOf,
  viewFor,
  type ChairView,
  type GameState,
} from '../engine/index.js';
import { capacityOf, indexOf } from '../engine/scenario-index.js';
import type { Card, Chair, Scenario } from '../scenario/schema.js';
import type { GameStore, Session } from '../store/store.js';
import type { Action } from './types.js';

/** Why something was refused: an engine rejection code, a server code, or 'generic'; the UI translates it. */
export interface Refusal {
  readonly code: string;
}

export interface PanelContext {
  readonly scn: Scenario;
  readonly viewer: Chair;
  /** What the viewing chair sees; the true state is never shown to a chair. */
  readonly view: ChairView;
  readonly isHuman: (c: Chair) => boolean;
  /** Asks for an action; the answer arrives as a new view or as `rejection`. */
  readonly dispatch: (a: Action) => void;
  /** The last action refused, shown in the phase panel. */
  readonly rejection: Refusal | null;
  /** Why the viewer may not take `a` now, or null when it may. */
  readonly whyNot: (a: Action) => Refusal | null;
  /** The targets a card offers now, in the scenario's order. */
  readonly targets: (card: Card) => readonly string[];
}

/** The solo game: the engine, on the true state this browser holds, decides. */
export function makeContext(store: StoreApi<GameStore>, session: Session, viewer: Chair): PanelContext {
  const game = session.game;
  const scn = session.scenario;
  return {
    scn,
    viewer,
    view: viewFor(game, scn, viewer),
    isHuman: (c) => session.humanChairs.includes(c),
    dispatch: (a) => void store.getState().dispatch(a),
    rejection: store.getState().rejection,
    whyNot: (a) => checkAllowed(game, a, scn),
    targets: (card) => targetsOf(game, scn, card),
  };
}

export interface ViewSource {
  readonly scn: Scenario;
  readonly chair: Chair;
  readonly view: ChairView;
  /** The server's list of what this chair may do now: the authority. */
  readonly legal: readonly Action[];
  /** Chairs a person holds (the lobby's); the viewer always is one. */
  readonly humans: readonly Chair[];
  readonly dispatch: (a: Action) => void;
  readonly rejection: Refusal | null;
}

/**
 * A session's chair: the server's `legal` list decides what is offered. The mandate (adopt, review) is
 * listed as sample choices, not every subset, and a commit without its note; so for those the list says
 * whether the step is open, and the server checks the details.
 */
export function contextFromView(src: ViewSource): PanelContext {
  const { scn, chair, view, legal } = src;
  const allowed = new Set(legal.map(legalKey));
  return {
    scn,
    viewer: chair,
    view,
    isHuman: (c) => c === chair || src.humans.includes(c),
    dispatch: src.dispatch,
    rejection: src.rejection,
    whyNot: (a) => (allowed.has(legalKey(a)) ? null : reasonFromView(scn, view, a)),
    targets: (card) =>
      legal.flatMap((a) =>
        a.type === 'plan/add' && a.item.kind === 'card' && a.item.card === card.id && a.item.target !== undefined
          ? [a.item.target]
          : [],
      ),
  };
}

/** Equal keys: the same step as far as the legal list can tell. */
export function legalKey(a: Action): string {
  switch (a.type) {
    case 'mandate/adopt':
    case 'mandate/review':
    case 'plan/commit':
      return `${a.type}:${a.chair}`;
    default:
      return canonicalJson(a);
  }
}

/** The reason an action is not on the server's list, as far as the view can tell; 'generic' when it cannot. */
export function reasonFromView(scn: Scenario, view: ChairView, a: Action): Refusal {
  if (view.phase === 'over') return { code: 'game/over' };
  if (a.type === 'sitrep/close' && view.pendingChoices.length > 0) return { code: 'event/choices-pending' };
  if (a.type !== 'plan/add') return { code: 'generic' };
  const items = view.plans[a.chair]?.items ?? [];
  if (items.length >= MAX_PLAN_ITEMS) return { code: 'plan/too-long' };
  if (a.item.kind === 'card') {
    const { card: id } = a.item;
    const card = indexOf(scn).cards.get(id);
    if (card?.task && !view.mandate.includes(card.task)) return { code: 'card/task-not-mandated' };
    if (items.some((it) => it.kind === 'card' && it.card === id)) return { code: 'card/already-planned' };
  }
  if (planCost(scn, [...items, a.item]) > capacityOf(scn, a.chair)) return { code: 'card/capacity' };
  return { code: 'generic' };
}

/** The human chairs with something to do now, in the scenario's chair order. */
export function actingChairs(s: GameState, scn: Scenario, humans: readonly Chair[]): Chair[] {
  const idx = indexOf(scn);
  const mine = idx.chairs.filter((c) => humans.includes(c));
  switch (s.phase) {
    case 'over':
      return [];
    case 'setup':
    case 'strategy':
      return mine.filter((c) => c === 'srsg');
    case 'sitrep': {
      const deciders = s.pendingChoices
        .map((e) => idx.events.get(e)?.decider ?? 'srsg')
        .filter((c) => humans.includes(c));
      if (deciders.length > 0) return [...new Set(deciders)];
      return mine.filter((c) => c === 'srsg');
    }
    case 'planning':
      return mine.filter((c) => !s.plans[c]?.committed);
    case 'coordination':
      return mine.filter((c) => !s.plans[c]?.confirmed);
  }
}
