// The table: header, the Phaser map (loaded lazily) beside its text twin, and the DOM panels for the phase.
import type { StoreApi } from 'zustand/vanilla';
import { indexOf } from '../engine/scenario-index.js';
import type { Chair } from '../scenario/schema.js';
import type { GameStore } from '../store/store.js';
import { makeContext, type PanelContext } from './context.js';
import { chairName, regionName } from './describe.js';
import { h } from './dom.js';
import { loc, t, type Lang } from './i18n/index.js';
import { lazyMap } from './lazy-map.js';
import type { MountedMap } from './scenes/mount.js';
import { storeSource } from './scenes/source.js';
import { baselineView } from './scenes/baseline.js';
import { mapChanges } from './scenes/changes-text.js';
import { mapMotion, motionToggle } from './scenes/motion.js';
import { createPicker } from './scenes/pick.js';
import { cueState, cuesFor, play, soundToggle, type CueState } from './sound.js';
import { monthLine, sidePanels, statusLines } from './panels/side.js';
import { theatrePanel } from './panels/theatre.js';
import { languageSwitch } from './panels/title.js';
import { glossaryButton } from './glossary.js';

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
  const motion = mapMotion();
  const root = h(
    'div',
    { class: 'table-screen' },
    header,
    h('main', { id: 'main', class: 'table-main', tabindex: -1 }, h('div', { class: 'board' }, motion.frame(mapBox), legend, theatre), side),
  );
  // a click on a region fills the target the hand has armed; the armed select's regions are ringed on the map
  const picker = createPicker(side, () => map.redraw());
  let cues: CueState | null = null;

  // Phaser is split out of the first load: lazyMap imports it when the table opens.
  const map: MountedMap = lazyMap(
    mapBox,
    {
      source: storeSource(store),
      motion: motion.motion,
      pickable: picker.pickable,
      onRegion: (id) => {
        const scn = store.getState().session?.scenario;
        if (scn) picker.pick(id, regionName(scn, id));
      },
    },
    () => performance.mark('table-ready'),
  );

  const render = () => {
    const st = store.getState();
    const session = st.session;
    if (!session) return;
    const ctx = makeContext(store, session, st.viewer);
    renderHeader(ctx, header, handlers, (c) => store.getState().setViewer(c));
    mapBox.setAttribute('aria-label', t('table.map'));
    legend.textContent = `${t('map.legend')} ${t('mapchange.legend')}`;
    const before = baselineView(session.scenario, session.game, st.viewer);
    theatre.replaceChildren(theatrePanel(ctx, before ? mapChanges(session.scenario, before, ctx.view) : null));
    side.replaceChildren(...sidePanels(ctx, handlers, render));
    picker.sync();
    const now = cueState(ctx.view);
    play(cuesFor(cues, now));
    cues = now;
  };

  return {
    root,
    render,
    redrawMap: () => map.redraw(),
    destroy: () => {
      map.destroy();
      motion.destroy();
      picker.destroy();
    },
  };
}

function renderHeader(ctx: PanelContext, header: HTMLElement, handlers: TableHandlers, setViewer: (c: Chair) => void): void {
  const { scn, view: s } = ctx;
  const humans = indexOf(scn).chairs.filter((c) => ctx.isHuman(c));
  const seats =
    humans.length > 1
      ? h(
          'div',
          { class: 'seats', role: 'group', 'aria-label': t('table.seatLabel') },
          humans.map((c) =>
            h('button', { type: 'button', class: 'seat', 'data-key': `seat-${c}`, 'aria-pressed': c === ctx.viewer ? 'true' : 'false', onclick: () => setViewer(c) }, chairName(c)),
          ),
        )
      : h('p', { class: 'seat-single' }, `${t('table.seat')}: ${chairName(ctx.viewer)}`);
  const status = statusLines(ctx);
  header.replaceChildren(
    h(
      'div',
      { class: 'header-title' },
      h('h1', {}, loc(scn.title)),
      h('p', { class: 'month', 'data-testid': 'month' }, monthLine(ctx)),
    ),
    seats,
    h('ul', { class: 'status small' }, status.map((x) => h('li', {}, x))),
    h(
      'div',
      { class: 'header-tools' },
      languageSwitch(handlers.onLang),
      glossaryButton(scn),
      soundToggle(),
      motionToggle(),
      handlers.onDebrief ? h('button', { type: 'button', 'data-key': 'debrief', onclick: () => handlers.onDebrief?.() }, s.phase === 'over' ? t('debrief.heading') : t('debrief.openSoFar')) : null,
      h('button', { type: 'button', 'data-key': 'export', onclick: handlers.onExport }, t('table.export')),
      h('button', { type: 'button', 'data-key': 'quit', onclick: handlers.onQuit }, t('table.quit')),
    ),
  );
}
