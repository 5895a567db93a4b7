// A session chair's side of the one table (../table.ts): the server's view of the chair and its legal actions feed it.
import './player.css';
import type { Action, ChairView } from '../../engine/index.js';
import type { ViewBody } from '../../net/protocol.js';
import type { Chair, Scenario } from '../../scenario/schema.js';
import { contextFromView, type Refusal } from '../context.js';
import { chairName, rejectionText } from '../describe.js';
import { announce } from '../dom.js';
import { t, type Lang } from '../i18n/index.js';
import { diffViews } from '../scenes/changes.js';
import { manualSource } from '../scenes/source.js';
import { createTable } from '../table.js';

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
  const source = manualSource();
  const table = createTable({ source, onLang: handlers.onLang, className: 'player-table' });
  let shown: ChairView | null = null;
  // the chair's last view of the month before, for the map to mark what the month changed
  let before: ChairView | undefined;
  let moment: string | null = null;
  let lastRejection: Refusal | null = null;

  function update(st: PlayerTableState): void {
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
    }
    // a refusal is shown in the phase panel and said aloud
    if (st.rejection && st.rejection !== lastRejection) announce(rejectionText(st.rejection.code));
    lastRejection = st.rejection;
    const ctx = contextFromView({
      scn: st.scn,
      chair: st.body.chair,
      view: v,
      legal: st.body.legal,
      humans: st.humans,
      dispatch: handlers.dispatch,
      rejection: st.rejection,
    });
    const seat = `${t('table.seat')}: ${chairName(st.body.chair)}`;
    table.update({
      ctx,
      changes: before ? diffViews(before, v) : null,
      header: {
        seats: null,
        seatLine: st.team ? `${seat} · ${t('player.team', { team: st.team })}` : seat,
        clock: st.clock,
        onDebrief: st.debriefReady ? handlers.onDebrief : undefined,
      },
      banners: sessionBanners(st),
      busy: st.sending,
      side: st.debriefReady ? { onDebrief: handlers.onDebrief } : {},
    });
    if (first) {
      table.flush();
      table.root.querySelector<HTMLElement>('#phase-heading, #over-heading')?.focus({ preventScroll: true });
    }
  }

  return {
    root: table.root,
    update,
    redrawMap: table.redrawMap,
    destroy: table.destroy,
  };
}

/** The session's state above the panels: paused, not started, ended, and the page's own notice. */
function sessionBanners(st: PlayerTableState): { text: string; alert: boolean }[] {
  const { status } = st.body;
  const out: { text: string; alert: boolean }[] = [];
  if (status.paused) out.push({ text: t('session.pausedBanner'), alert: true });
  if (!status.started) out.push({ text: t('session.notStarted'), alert: false });
  if (status.ended)
    out.push({
      text: status.endReason ? t('ws.endedBecause', { reason: status.endReason }) : t('session.ended'),
      alert: true,
    });
  if (st.notice) out.push({ text: st.notice, alert: false });
  return out;
}
