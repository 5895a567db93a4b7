// The solo game's side of the one table: the zustand store (the engine on the true state this browser holds) feeds it.
import type { StoreApi } from 'zustand/vanilla';
import type { GameStore } from '../store/store.js';
import { makeContext } from './context.js';
import { chairName } from './describe.js';
import { t, type Lang } from './i18n/index.js';
import { baselineView } from './scenes/baseline.js';
import { mapChanges } from './scenes/changes-text.js';
import { storeSource } from './scenes/source.js';
import { createTable, humanChairs, type Table } from './table.js';

export interface TableHandlers {
  onQuit(): void;
  onExport(): void;
  onLang(l: Lang): void;
  /** Opens the debrief (mid-game: the record so far). */
  onDebrief?(): void;
}

export interface SoloTable {
  readonly root: HTMLElement;
  /** Draws the store's game at the next frame. */
  render(): void;
  /** Draws now (before moving the focus into the table). */
  flush(): void;
  redrawMap(): void;
  destroy(): void;
}

export function createSoloTable(store: StoreApi<GameStore>, handlers: TableHandlers): SoloTable {
  const table: Table = createTable({ source: storeSource(store), onLang: handlers.onLang });
  const render = () => {
    const st = store.getState();
    const session = st.session;
    if (!session) return;
    const ctx = makeContext(store, session, st.viewer);
    const before = baselineView(session.scenario, session.game, st.viewer);
    table.update({
      ctx,
      changes: before ? mapChanges(session.scenario, before, ctx.view) : null,
      header: {
        seats: { chairs: humanChairs(ctx), pick: (c) => store.getState().setViewer(c) },
        seatLine: `${t('table.seat')}: ${chairName(ctx.viewer)}`,
        clock: null,
        onDebrief: handlers.onDebrief,
        onExport: handlers.onExport,
        onQuit: handlers.onQuit,
      },
      banners: [],
      busy: false,
      side: { onQuit: handlers.onQuit, ...(handlers.onDebrief ? { onDebrief: handlers.onDebrief } : {}) },
    });
  };
  return {
    root: table.root,
    render,
    flush: () => {
      render();
      table.flush();
    },
    redrawMap: table.redrawMap,
    destroy: table.destroy,
  };
}
