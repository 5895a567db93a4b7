// What every panel is given: the session, the viewing chair's fog-filtered view, and dispatch.
import type { StoreApi } from 'zustand/vanilla';
import { viewFor, type ChairView, type GameState } from '../engine/index.js';
import { indexOf } from '../engine/scenario-index.js';
import type { Chair, Scenario } from '../scenario/schema.js';
import type { GameStore, Session } from '../store/store.js';
import type { Action } from './types.js';

export interface PanelContext {
  readonly store: StoreApi<GameStore>;
  readonly session: Session;
  readonly scn: Scenario;
  readonly game: GameState;
  readonly viewer: Chair;
  /** What the viewing chair sees; the true state is never shown to a chair. */
  readonly view: ChairView;
  readonly isHuman: (c: Chair) => boolean;
  readonly dispatch: (a: Action) => boolean;
}

export function makeContext(store: StoreApi<GameStore>, session: Session, viewer: Chair): PanelContext {
  return {
    store,
    session,
    scn: session.scenario,
    game: session.game,
    viewer,
    view: viewFor(session.game, session.scenario, viewer),
    isHuman: (c) => session.humanChairs.includes(c),
    dispatch: (a) => store.getState().dispatch(a),
  };
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
      const deciders = s.pendingChoices.map((e) => idx.events.get(e)?.decider ?? 'srsg').filter((c) => humans.includes(c));
      if (deciders.length > 0) return [...new Set(deciders)];
      return mine.filter((c) => c === 'srsg');
    }
    case 'planning':
      return mine.filter((c) => !s.plans[c]?.committed);
    case 'coordination':
      return mine.filter((c) => !s.plans[c]?.confirmed);
  }
}
