// The replay viewer: step through a finished or saved game month by month, map and panels as they were, from the log.
import { timelineOf, type TurnRecord } from '../../debrief/debrief.js';
import { indexOf } from '../../engine/scenario-index.js';
import { keysOf } from '../../engine/step.js';
import type { Chair } from '../../scenario/schema.js';
import { lazyMap } from '../lazy-map.js';
import { storeSource } from '../scenes/source.js';
import { createGameStore, type Session } from '../../store/store.js';
import { makeContext } from '../context.js';
import { chairName, eventTitle, monthOf, planItemText, strategyName } from '../describe.js';
import { announce, h } from '../dom.js';
import { loc, t } from '../i18n/index.js';
import { indicatorsPanel } from '../panels/indicators.js';
import { reportPanel } from '../panels/report.js';
import { theatrePanel } from '../panels/theatre.js';
import { sessionFromSaveText } from '../save-restore.js';
import { newGameId } from '../saves.js';
import type { ScenarioEntry } from '../scenarios.js';
import { framesOf, type Frame } from './record.js';
import { patch } from '../vdom.js';

function monthSummary(session: Session, rec: TurnRecord | undefined): HTMLElement {
  const scn = session.scenario;
  if (!rec) return h('p', { class: 'muted' }, t('replay.beforeFirst'));
  return h(
    'div',
    { class: 'replay-month' },
    rec.strategy ? h('p', {}, t('table.strategyNow', { name: strategyName(scn, rec.strategy) })) : null,
    rec.events.length
      ? h('p', {}, t('debrief.events', { events: rec.events.map((e) => eventTitle(scn, e.event)).join(', ') }))
      : null,
    h(
      'ul',
      {},
      Object.entries(rec.plans).map(([c, p]) =>
        h(
          'li',
          {},
          h('strong', {}, chairName(c as Chair)),
          ': ',
          p.items.length ? p.items.map((x) => planItemText(scn, x)).join('; ') : t('debrief.nothing'),
          p.note ? ` — “${p.note}”` : '',
        ),
      ),
    ),
  );
}

export function replayViewer(
  initial: Session,
  scenarios: readonly ScenarioEntry[],
): { root: HTMLElement; destroy: () => void } {
  const store = createGameStore();
  let session = initial;
  let frames: Frame[] = [];
  let timeline: TurnRecord[] = [];
  let at = 0;
  let viewer: Chair = 'srsg';

  const status = h('p', { class: 'replay-status', 'aria-live': 'polite', 'data-testid': 'replay-status' });
  const source = h('p', { class: 'muted small', 'data-testid': 'replay-source' });
  const mapBox = h(
    'div',
    { class: 'map-canvas replay-map', role: 'img', 'aria-label': t('replay.map') },
    h('p', { class: 'muted' }, t('table.mapLoading')),
  );
  const panels = h('div', { class: 'replay-panels' });
  // the indicators and the month review are described (preact) panels, patched into a box of their own
  const described = h('div', { class: 'replay-described' });
  const seenBy = h('select', { id: 'replay-viewer', 'data-key': 'replay-viewer' });
  const btn = (key: string, label: string, go: () => number) =>
    h('button', { type: 'button', 'data-key': key, onclick: () => show(go(), true) }, label);
  const first = btn('rp-first', t('replay.first'), () => 0);
  const back = btn('rp-back', t('replay.back'), () => at - 1);
  const fwd = btn('rp-forward', t('replay.forward'), () => at + 1);
  const last = btn('rp-last', t('replay.last'), () => frames.length - 1);
  const fileInput = h('input', {
    type: 'file',
    id: 'replay-file',
    accept: '.json,application/json',
    'data-key': 'replay-file',
  });
  const fileError = h('p', { role: 'alert', class: 'error' });

  function show(i: number, speak: boolean): void {
    at = Math.max(0, Math.min(frames.length - 1, i));
    const frame = frames[at];
    if (!frame) return;
    const scn = session.scenario;
    const live: Session = { ...session, game: frame.state };
    store.setState({ session: live, viewer });
    const ctx = makeContext(store, live, viewer);
    const label =
      frame.turn === 0
        ? t('replay.frameStart')
        : t('replay.frame', { turn: frame.turn, turns: frames.length - 1, date: monthOf(scn, frame.turn) });
    status.textContent = label;
    status.dataset['turn'] = String(frame.turn);
    root.dataset['turn'] = String(frame.turn);
    panels.replaceChildren(
      monthSummary(
        live,
        timeline.find((x) => x.turn === frame.turn),
      ),
      theatrePanel(ctx),
      described,
    );
    patch(described, [indicatorsPanel(ctx), reportPanel(ctx)]);
    first.disabled = back.disabled = at === 0;
    fwd.disabled = last.disabled = at === frames.length - 1;
    if (speak) announce(label);
    // keep the focus on a usable control when the one pressed is disabled at an end
    if (document.activeElement instanceof HTMLButtonElement && document.activeElement.disabled)
      (at === 0 ? fwd : back).focus();
  }

  function load(s: Session): void {
    session = s;
    frames = framesOf(s.scenario, s.game.seed, s.game.log, keysOf(s.game));
    timeline = timelineOf(s.scenario, s.game.seed, s.game.log, keysOf(s.game));
    const chairs = indexOf(s.scenario).chairs;
    if (!chairs.includes(viewer)) viewer = chairs[0] ?? 'srsg';
    seenBy.replaceChildren(...chairs.map((c) => h('option', { value: c, selected: c === viewer }, chairName(c))));
    source.textContent = t('replay.source', {
      scenario: loc(s.scenario.title),
      seed: s.game.seed,
      actions: s.game.log.length,
    });
    show(frames.length - 1, false);
  }

  seenBy.addEventListener('change', () => {
    viewer = seenBy.value as Chair;
    show(at, false);
  });
  fileInput.addEventListener('change', () => {
    const f = fileInput.files?.[0];
    if (!f) return;
    void f.text().then(async (text) => {
      const r = await sessionFromSaveText(text, scenarios, newGameId(), { facilitator: true });
      if (!r.ok) {
        // a scenario that could not be downloaded is no fault of the file: its detail is the whole message
        fileError.textContent =
          r.error.code === 'scenario-unavailable' ? r.error.detail : t('replay.loadFailed', { reason: r.error.detail });
        return;
      }
      fileError.textContent = '';
      load(r.session);
      announce(t('replay.loaded'));
    });
  });

  const root = h(
    'section',
    { class: 'replay', 'aria-labelledby': 'replay-heading' },
    h('h2', { id: 'replay-heading' }, t('replay.heading')),
    source,
    h(
      'div',
      { class: 'replay-load no-print' },
      h('label', { for: 'replay-file' }, t('replay.load')),
      ' ',
      fileInput,
      fileError,
    ),
    h(
      'div',
      { class: 'replay-controls no-print', role: 'group', 'aria-label': t('replay.controls') },
      first,
      back,
      fwd,
      last,
      h('label', { for: 'replay-viewer' }, t('replay.seenBy')),
      seenBy,
    ),
    status,
    h('div', { class: 'replay-body' }, mapBox, panels),
  );
  root.addEventListener('keydown', (e) => {
    if (e.target instanceof HTMLSelectElement || e.target instanceof HTMLInputElement) return;
    if (e.key === 'PageUp') show(at - 1, true);
    else if (e.key === 'PageDown') show(at + 1, true);
    else return;
    e.preventDefault();
  });
  load(initial);
  const map = lazyMap(mapBox, { source: storeSource(store) });
  return { root, destroy: map.destroy };
}

export type { Frame };
