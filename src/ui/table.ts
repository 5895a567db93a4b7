// The table: header, the Phaser map (loaded lazily) beside its text twin, and the DOM panels for the phase.
import type { StoreApi } from 'zustand/vanilla';
import { indexOf } from '../engine/scenario-index.js';
import type { GameStore } from '../store/store.js';
import { makeContext, type PanelContext } from './context.js';
import { chairName, monthOf, strategyName, taskName } from './describe.js';
import { h } from './dom.js';
import { loc, t, type Lang } from './i18n/index.js';
import { coordinationPanel } from './panels/coordination.js';
import { gameOverPanel } from './panels/gameover.js';
import { handPanel } from './panels/hand.js';
import { indicatorsPanel } from './panels/indicators.js';
import { mandatePanel } from './panels/mandate.js';
import { guidePanel } from './panels/guide.js';
import { mountMap, type MountedMap } from './scenes/mount.js';
import { storeSource } from './scenes/source.js';
import { phasePanel } from './panels/phase.js';
import { reportPanel } from './panels/report.js';
import { sitrepPanel } from './panels/sitrep.js';
import { strategyPanel } from './panels/strategy.js';
import { theatrePanel } from './panels/theatre.js';
import { languageSwitch } from './panels/title.js';

export interface TableHandlers {
  onQuit(): void;
  onExport(): void;
  onLang(l: Lang): void;
  /** Opens the debrief (mid-game: the record so far). */
  onDebrief?(): void;
}

export interface Table {
  readonly root: HTMLElement;
  /** Re-renders the panels from the store; keeps the map. */
  render(): void;
  /** Redraws the map's labels (after a language switch); game changes redraw it by themselves. */
  redrawMap(): void;
  destroy(): void;
}

export function createTable(store: StoreApi<GameStore>, handlers: TableHandlers): Table {
  const header = h('header', { class: 'table-header' });
  const mapBox = h('div', { class: 'map-canvas', id: 'map', role: 'img', 'aria-label': t('table.map'), 'aria-describedby': 'theatre-heading' }, h('p', { class: 'muted' }, t('table.mapLoading')));
  const legend = h('p', { class: 'legend small' });
  const theatre = h('div');
  const side = h('div', { class: 'side' });
  const root = h(
    'div',
    { class: 'table-screen' },
    header,
    h('main', { id: 'main', class: 'table-main', tabindex: -1 }, h('div', { class: 'board' }, mapBox, legend, theatre), side),
  );
  let map: MountedMap | null = null;
  let destroyed = false;

  void (async () => {
    try {
      // Phaser is split out of the first load by this dynamic import.
      const Phaser = await import('phaser');
      const { createMapScene } = await import('./scenes/map-scene.js');
      if (destroyed) return;
      mapBox.replaceChildren();
      let ready = false;
      const MapScene = createMapScene(Phaser, {
        source: storeSource(store),
        onReady: () => {
          if (ready) return;
          ready = true;
          mapBox.dataset['ready'] = 'true';
          performance.mark('table-ready');
        },
      });
      map = mountMap(Phaser, mapBox, MapScene);
    } catch (e) {
      console.warn('map unavailable', e);
      mapBox.replaceChildren(h('p', { class: 'muted' }, t('table.mapFailed')));
      performance.mark('table-ready');
    }
  })();

  const render = () => {
    const st = store.getState();
    const session = st.session;
    if (!session) return;
    const ctx = makeContext(store, session, st.viewer);
    renderHeader(ctx, header, handlers);
    mapBox.setAttribute('aria-label', t('table.map'));
    legend.textContent = t('map.legend');
    theatre.replaceChildren(theatrePanel(ctx));
    side.replaceChildren(...sidePanels(ctx, handlers, render));
  };

  return {
    root,
    render,
    redrawMap: () => map?.redraw(),
    destroy: () => {
      destroyed = true;
      map?.destroy();
    },
  };
}

function sidePanels(ctx: PanelContext, handlers: TableHandlers, rerender: () => void): HTMLElement[] {
  const s = ctx.game;
  const out: HTMLElement[] = [];
  if (s.phase === 'over') {
    out.push(gameOverPanel(ctx, handlers.onQuit, handlers.onDebrief));
    const guide = guidePanel(ctx, rerender);
    if (guide) out.push(guide);
    out.push(reportPanel(ctx), indicatorsPanel(ctx));
    return out;
  }
  out.push(phasePanel(ctx));
  const guide = guidePanel(ctx, rerender);
  if (guide) out.push(guide);
  const plan = s.plans[ctx.viewer];
  switch (s.phase) {
    case 'setup':
      out.push(mandatePanel(ctx));
      break;
    case 'sitrep':
      out.push(sitrepPanel(ctx));
      break;
    case 'strategy':
      out.push(strategyPanel(ctx), sitrepPanel(ctx));
      break;
    case 'planning':
      if (ctx.isHuman(ctx.viewer) && !plan?.committed) out.push(handPanel(ctx));
      out.push(sitrepPanel(ctx));
      break;
    case 'coordination':
      if (ctx.isHuman(ctx.viewer) && plan && !plan.committed) out.push(handPanel(ctx));
      out.push(coordinationPanel(ctx));
      break;
  }
  out.push(indicatorsPanel(ctx), reportPanel(ctx));
  return out;
}

function renderHeader(ctx: PanelContext, header: HTMLElement, handlers: TableHandlers): void {
  const { scn, game: s } = ctx;
  const humans = indexOf(scn).chairs.filter((c) => ctx.isHuman(c));
  const seats =
    humans.length > 1
      ? h(
          'div',
          { class: 'seats', role: 'group', 'aria-label': t('table.seatLabel') },
          humans.map((c) =>
            h('button', { type: 'button', class: 'seat', 'data-key': `seat-${c}`, 'aria-pressed': c === ctx.viewer ? 'true' : 'false', onclick: () => ctx.store.getState().setViewer(c) }, chairName(c)),
          ),
        )
      : h('p', { class: 'seat-single' }, `${t('table.seat')}: ${chairName(ctx.viewer)}`);
  const status = [
    s.strategy ? t('table.strategyNow', { name: strategyName(scn, s.strategy) }) : t('table.strategyNone'),
    s.mandate.length > 0 ? t('table.mandateNow', { tasks: s.mandate.map((x) => taskName(scn, x)).join(', ') }) : null,
    t(`table.agreement.${s.agreement.status}`, { progress: s.agreement.progress }),
  ].filter((x): x is string => x !== null);
  header.replaceChildren(
    h(
      'div',
      { class: 'header-title' },
      h('h1', {}, loc(scn.title)),
      h('p', { class: 'month', 'data-testid': 'month' }, s.turn === 0 ? t('table.headingSetup') : `${t('table.heading', { turn: s.turn, turns: scn.turns })} — ${monthOf(scn, s.turn)}`),
    ),
    seats,
    h('ul', { class: 'status small' }, status.map((x) => h('li', {}, x))),
    h(
      'div',
      { class: 'header-tools' },
      languageSwitch(handlers.onLang),
      handlers.onDebrief ? h('button', { type: 'button', 'data-key': 'debrief', onclick: () => handlers.onDebrief?.() }, s.phase === 'over' ? t('debrief.heading') : t('debrief.openSoFar')) : null,
      h('button', { type: 'button', 'data-key': 'export', onclick: handlers.onExport }, t('table.export')),
      h('button', { type: 'button', 'data-key': 'quit', onclick: handlers.onQuit }, t('table.quit')),
    ),
  );
}
