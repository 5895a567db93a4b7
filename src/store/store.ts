// The game store: a zustand vanilla store around the engine. `dispatch` is the only way the game changes.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Chair, Scenario } from '../scenario/schema.js';
import { step, type Action, type EngineEvent, type GameState, type Rejection } from '../engine/index.js';
import { DOCTRINES } from '../sim/doctrines/index.js';
import { nextBotActions } from './bots.js';

/** A game being played in this browser tab. */
export interface Session {
  /** Local id of the game, used as its autosave key. */
  readonly id: string;
  readonly scenario: Scenario;
  readonly game: GameState;
  /** The chairs a person holds; bots hold the others. */
  readonly humanChairs: readonly Chair[];
  /** The doctrine (by name, from sim/doctrines) for every bot chair. */
  readonly botDoctrine: string;
}

export interface GameStore {
  readonly session: Session | null;
  /** Engine events of the last dispatch, including the bots' replies. */
  readonly lastEvents: readonly EngineEvent[];
  readonly rejection: Rejection | null;
  /** The chair whose hand and view are on screen (for a person holding several chairs). */
  readonly viewer: Chair;
  start(session: Session): void;
  dispatch(action: Action): boolean;
  setViewer(chair: Chair): void;
  clearRejection(): void;
  quit(): void;
}

export const BOT_DOCTRINES: readonly string[] = Object.keys(DOCTRINES);
const MAX_BOT_STEPS = 2000;

/** Lets the bots act until they wait on a person. Pure apart from calling the doctrines. */
export function runBots(session: Session, events: EngineEvent[]): GameState {
  const doctrine = DOCTRINES[session.botDoctrine] ?? DOCTRINES['report']!;
  let s = session.game;
  for (let guard = 0; guard < MAX_BOT_STEPS; guard++) {
    const batch = nextBotActions(s, session.scenario, { humans: session.humanChairs, doctrine });
    if (!batch) break;
    const before = s;
    for (const a of batch) {
      const r = step(s, a, session.scenario);
      if (r.ok) {
        s = r.state;
        events.push(...r.events);
      }
    }
    if (s === before) break; // a bot that can do nothing legal must not loop
  }
  return s;
}

function firstHumanChair(session: Session): Chair {
  return session.humanChairs[0] ?? 'srsg';
}

export function createGameStore(): StoreApi<GameStore> {
  return createStore<GameStore>()((set, get) => ({
    session: null,
    lastEvents: [],
    rejection: null,
    viewer: 'srsg',
    start(session) {
      const events: EngineEvent[] = [];
      const game = runBots(session, events);
      set({ session: { ...session, game }, lastEvents: events, rejection: null, viewer: firstHumanChair(session) });
    },
    dispatch(action) {
      const session = get().session;
      if (!session) return false;
      const r = step(session.game, action, session.scenario);
      if (!r.ok) {
        set({ rejection: r.rejection });
        return false;
      }
      const events: EngineEvent[] = [...r.events];
      const game = runBots({ ...session, game: r.state }, events);
      set({ session: { ...session, game }, lastEvents: events, rejection: null });
      return true;
    },
    setViewer(chair) {
      set({ viewer: chair });
    },
    clearRejection() {
      set({ rejection: null });
    },
    quit() {
      set({ session: null, lastEvents: [], rejection: null });
    },
  }));
}
