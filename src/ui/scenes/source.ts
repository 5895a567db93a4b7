// What a map draws from: a scenario and a view, from the solo game's store, a session's view over the wire, or a replay.
import type { StoreApi } from 'zustand/vanilla';
import { viewFor, type ChairView } from '../../engine/index.js';
import type { Scenario } from '../../scenario/schema.js';
import type { GameStore } from '../../store/store.js';
import { baselineView } from './baseline.js';

/** The parts of a view the map reads; a projector's view has no armed groups' strengths. */
export type MapView = Pick<ChairView, 'turn' | 'phase' | 'violence' | 'units'> & {
  readonly actors?: ChairView['actors'];
};

export interface MapFrame {
  readonly scenario: Scenario;
  readonly view: MapView;
  /** What the same viewer saw before this month's changes, when the source knows; the map marks the differences. */
  readonly before?: MapView | undefined;
  /** Who is looking: a new viewer's view is shown at once, not animated as a change. */
  readonly viewer?: string | undefined;
}

export interface MapSource {
  /** What to draw now, or null when there is nothing to draw. */
  current(): MapFrame | null;
  /** Calls `listener` whenever what to draw may have changed; returns the way to stop. */
  subscribe(listener: () => void): () => void;
}

/** The solo game's (or a replay's) store: the viewing chair's fog-filtered view of the game it holds. */
export function storeSource(store: StoreApi<GameStore>): MapSource {
  return {
    current: () => {
      const { session, viewer } = store.getState();
      if (!session) return null;
      const { scenario, game } = session;
      return {
        scenario,
        view: viewFor(game, scenario, viewer),
        before: baselineView(scenario, game, viewer) ?? undefined,
        viewer,
      };
    },
    subscribe: (listener) =>
      store.subscribe((s, prev) => {
        if (s.session?.game !== prev.session?.game || s.viewer !== prev.viewer) listener();
      }),
  };
}

/** A source fed by hand (a session page sets each new view as it arrives). */
export function manualSource(): MapSource & { set(frame: MapFrame | null): void } {
  let frame: MapFrame | null = null;
  const listeners = new Set<() => void>();
  return {
    current: () => frame,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    set: (f) => {
      frame = f;
      for (const l of [...listeners]) l();
    },
  };
}
