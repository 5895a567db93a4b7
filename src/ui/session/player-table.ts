// A session chair's table: the solo game's layout, map and panels, made from the server's view of the chair and its legal actions.
import './player.css';
import type { Action, ChairView } from '../../engine/index.js';
import type { ViewBody } from '../../net/protocol.js';
import type { Chair, Scenario } from '../../scenario/schema.js';
import { contextFromView, type PanelContext, type Refusal } from '../context.js';
import { chairName, regionName } from '../describe.js';
import { announce, h } from '../dom.js';
import { loc, t, type Lang } from '../i18n/index.js';
import { lazyMap } from '../lazy-map.js';
import { monthLine, sidePanels, statusLines } from '../panels/side.js';
import { theatrePanel } from '../panels/theatre.js';
import { languageSwitch } from '../panels/title.js';
import { diffViews } from '../scenes/changes.js';
import { mapMotion, motionToggle } from '../scenes/motion.js';
import { createPicker } from '../scenes/pick.js';
import { manualSource } from '../scenes/source.js';
import { cueState, cuesFor, play, soundToggle, type CueState } from '../sound.js';
import { FieldMemory, keepFocus } from './keep.js';

export type ChairBody = Extract<ViewBody, { role: 'chair' }>;

/** Everything the table shows, as the page has it after the last message from the server. */
export interface PlayerTableState {
  readonly scn: Scenario;
  readonly body: ChairBody;
  readonly team: string | null;
  /** Chairs a person holds, from the lobby. */
  readonly humans: readonly Chair[];
  readonly clock: string;
  readonly rejection: Refusal | null;
  /** An action is on its way to the server. */
  readonly sending: boolean;
  /** A line for the player from the page (the record is on its way, or could not be read). */
  readonly notice: string;
  /** The game's record has arrived: the debrief can open. */
  readonly debriefReady: boolean;
}

export interface PlayerTableHandlers {
  dispatch(a: Action): void;
  onDebrief(): void;
  onLang(l: Lang): void;
}

export interface PlayerTable {
  readonly root: HTMLElement;
  update(state: PlayerTableState): void;
  /** Redraws the map's labels (after a language switch). */
  redrawMap(): void;
  destroy(): void;
}

export function createPlayerTable(handlers: PlayerTableHandlers): PlayerTable {
  const header = h('header', { class: 'table-header' });
  const mapBox = h('div', { class: 'map-canvas', id: 'map', role: 'img', 'aria-label': t('table.map'), 'aria-describedby': 'theatre-heading' }, h('p', { class: 'muted' }, t('table.mapLoading')));
  const legend = h('p', { class: 'legend small' });
  const theatre = h('div');
  const banners = h('div', { class: 'session-banners' });
  const panels = h('div', { class: 'side-panels' });
  const motion = mapMotion();
  const root = h(
    'div',
    { class: 'table-screen player-table' },
    header,
    h('main', { id: 'main', class: 'table-main', tabindex: -1 }, h('div', { class: 'board' }, motion.frame(mapBox), legend, theatre), h('div', { class: 'side' }, banners, panels)),
  );
  const memory = new FieldMemory(panels);
  const source = manualSource();
  // as on the solo table: a click on a region fills the target the hand has armed, and the map rings the choices
  const picker = createPicker(panels, () => map.redraw());
  const map = lazyMap(mapBox, {
    source,
    motion: motion.motion,
    pickable: picker.pickable,
    onRegion: (id) => {
      if (last) picker.pick(id, regionName(last.scn, id));
    },
  });
  let cues: CueState | null = null;
  let shown: ChairView | null = null;
  // the chair's last view of the month before, for the map to mark what the month changed
  let before: ChairView | undefined;
  let moment: string | null = null;
  let last: PlayerTableState | null = null;

  const paint = (st: PlayerTableState) => {
    const ctx = contextFromView({ scn: st.scn, chair: st.body.chair, view: st.body.view, legal: st.body.legal, humans: st.humans, dispatch: handlers.dispatch, rejection: st.rejection });
    paintHeader(header, ctx, st, handlers);
    mapBox.setAttribute('aria-label', t('table.map'));
    legend.textContent = `${t('map.legend')} ${t('mapchange.legend')}`;
    theatre.replaceChildren(theatrePanel(ctx, before ? diffViews(before, ctx.view) : null));
    banners.replaceChildren(...sessionBanners(st));
    panels.setAttribute('aria-busy', String(st.sending));
    panels.replaceChildren(...sidePanels(ctx, st.debriefReady ? { onDebrief: handlers.onDebrief } : {}, () => update(st)));
    memory.restore(panels);
    picker.sync();
  };

  function update(st: PlayerTableState): void {
    last = st;
    const v = st.body.view;
    if (v !== shown) {
      if (shown && (v.turn > shown.turn || (v.phase === 'over' && shown.phase !== 'over'))) before = shown;
      shown = v;
      source.set({ scenario: st.scn, view: v, before, viewer: st.body.chair });
    }
    const now = `${v.turn}:${v.phase}`;
    const first = moment === null;
    if (now !== moment) {
      if (!first) announce(t(`phase.${v.phase}`));
      moment = now;
      memory.clear();
    }
    keepFocus(root, () => paint(st));
    const heard = cueState(v);
    play(cuesFor(cues, heard));
    cues = heard;
    if (first) root.querySelector<HTMLElement>('#phase-heading, #over-heading')?.focus({ preventScroll: true });
  }

  return {
    root,
    update,
    redrawMap: () => {
      map.redraw();
      if (last) update(last);
    },
    destroy: () => {
      map.destroy();
      motion.destroy();
      picker.destroy();
    },
  };
}

function paintHeader(header: HTMLElement, ctx: PanelContext, st: PlayerTableState, handlers: PlayerTableHandlers): void {
  const seat = `${t('table.seat')}: ${chairName(ctx.viewer)}`;
  header.replaceChildren(
    h('div', { class: 'header-title' }, h('h1', {}, loc(ctx.scn.title)), h('p', { class: 'month', 'data-testid': 'month' }, monthLine(ctx))),
    h('p', { class: 'seat-single' }, st.team ? `${seat} · ${t('player.team', { team: st.team })}` : seat),
    h('ul', { class: 'status small' }, statusLines(ctx).map((x) => h('li', {}, x))),
    h(
      'div',
      { class: 'header-tools' },
      h('p', { class: 'clock', 'data-testid': 'clock' }, st.clock),
      languageSwitch(handlers.onLang),
      soundToggle(),
      motionToggle(),
      st.debriefReady ? h('button', { type: 'button', 'data-key': 'debrief', onclick: handlers.onDebrief }, t('debrief.heading')) : null,
    ),
  );
}

/** The session's state above the panels: paused, not started, ended, and the page's own notice. */
function sessionBanners(st: PlayerTableState): HTMLElement[] {
  const { status } = st.body;
  const out: HTMLElement[] = [];
  if (status.paused) out.push(h('p', { class: 'banner paused', role: 'alert' }, t('session.pausedBanner')));
  if (!status.started) out.push(h('p', { class: 'banner' }, t('session.notStarted')));
  if (status.ended) out.push(h('p', { class: 'banner', role: 'alert' }, status.endReason ? t('ws.endedBecause', { reason: status.endReason }) : t('session.ended')));
  if (st.notice) out.push(h('p', { class: 'banner', role: 'status' }, st.notice));
  return out;
}
