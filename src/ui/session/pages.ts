// Group-session pages: the facilitator's (#facilitator=TOKEN) and a player's (?join=CODE), over src/net/client.ts.
// Everything on screen comes from the server's messages; text goes in as textContent only.
import { scoreOf, type Action } from '../../engine/index.js';
import { RequestError, SessionClient, sessionUrl } from '../../net/client.js';
import type { SessionSummary, ViewBody } from '../../net/protocol.js';
import { CHAIRS, CORE_INDICATORS, DIMENSIONS, type Chair, type IndicatorId, type Scenario } from '../../scenario/schema.js';
import { chairName, eventTitle, planItemText, rejectionText, seenText, strategyName, taskName, trackName } from '../describe.js';
import { h } from '../dom.js';
import { loc, t } from '../i18n/index.js';
import { bundledScenarios } from '../scenarios.js';

const SEAT_KEY = 'mandate.seat';

function scenarioOf(id: string): Scenario | undefined {
  return bundledScenarios().find((e) => e.scenario.id === id)?.scenario;
}

function errText(e: unknown): string {
  if (e instanceof RequestError) return rejectionText(e.code);
  return e instanceof Error ? e.message : String(e);
}

function clock(ms: number | null): string {
  if (ms === null) return t('session.noClock');
  const s = Math.ceil(ms / 1000);
  return t('session.timeLeft', { time: `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}` });
}

function indName(scn: Scenario | undefined, k: IndicatorId): string {
  return scn ? trackName(scn, { kind: 'indicator', id: k }) : k;
}

/** Re-renders `box` keeping what was typed in its fields and which field had focus (views arrive while people type). */
function keepFields(box: HTMLElement, paint: () => void): void {
  const values = new Map<string, string>();
  for (const el of box.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[id], select[id]')) values.set(el.id, el.value);
  const focused = document.activeElement instanceof HTMLElement && box.contains(document.activeElement) ? document.activeElement.id : '';
  paint();
  for (const [id, v] of values) {
    const el = box.querySelector<HTMLInputElement | HTMLSelectElement>(`#${CSS.escape(id)}`);
    if (el) el.value = v;
  }
  if (focused) box.querySelector<HTMLElement>(`#${CSS.escape(focused)}`)?.focus();
}

// ---- the facilitator -----------------------------------------------------------------------

export function facilitatorPage(root: HTMLElement, token: string): void {
  const client = new SessionClient({ url: sessionUrl(location), token });
  let current: SessionSummary | null = null;
  let qr = '';
  let message = '';
  const status = h('p', { role: 'status', class: 'muted' });
  const body = h('div');
  root.replaceChildren(h('main', { id: 'main', class: 'session-page', tabindex: -1 }, h('h1', {}, t('session.facHeading')), status, body));

  const run = (p: Promise<unknown>) => {
    p.then(() => (message = ''), (e: unknown) => (message = errText(e))).finally(render);
  };

  function render(): void {
    keepFields(body, paint);
  }

  /** The teams side by side for the plenary: each watched session's true score and dimensions. */
  function comparison(): HTMLElement {
    const rows = client.sessions.flatMap((x) => {
      const v = client.views.get(x.session);
      const scn = scenarioOf(x.scenario);
      if (v?.role !== 'facilitator' || !scn) return [];
      const st = v.state;
      const { score, dimensions } = st.outcome ? { score: st.outcome.score, dimensions: st.outcome.dimensions } : scoreOf(st, scn);
      return [{ team: x.team, turn: st.turn, over: st.phase === 'over', result: st.outcome?.result ?? null, score, dimensions }];
    });
    return h(
      'section',
      { class: 'panel', 'aria-labelledby': 'fac-compare' },
      h('h2', { id: 'fac-compare' }, t('session.compare')),
      h('button', { type: 'button', onclick: () => { for (const x of client.sessions) client.watch(x.session); render(); } }, t('session.compareButton')),
      rows.length === 0
        ? ''
        : h(
            'table',
            { 'data-testid': 'fac-comparison' },
            h('thead', {}, h('tr', {}, [t('session.team'), t('session.month'), t('session.scoreCol'), ...DIMENSIONS.map((d) => t(`dim.${d}`))].map((c) => h('th', { scope: 'col' }, c)))),
            h(
              'tbody',
              {},
              rows.map((r) =>
                h(
                  'tr',
                  {},
                  h('th', { scope: 'row' }, r.team),
                  h('td', {}, r.over ? t(r.result === 'success' ? 'over.success' : 'over.failure') : String(r.turn)),
                  h('td', { class: 'num' }, String(r.score)),
                  ...DIMENSIONS.map((d) => h('td', { class: 'num' }, String((r.dimensions as Record<string, number>)[d] ?? ''))),
                ),
              ),
            ),
          ),
    );
  }

  function paint(): void {
    status.textContent = message;
    if (!current) {
      const scen = h('select', { id: 'fac-scenario' }, bundledScenarios().map((e) => h('option', { value: e.scenario.id }, loc(e.scenario.title))));
      const team = h('input', { id: 'fac-team', type: 'text', value: t('session.defaultTeam') });
      const seed = h('input', { id: 'fac-seed', type: 'number', min: 0, value: '1' });
      body.replaceChildren(
        h(
          'form',
          {
            class: 'panel',
            onsubmit: (e: Event) => {
              e.preventDefault();
              run(
                client.createSession({ scenario: scen.value, team: team.value, seed: Number(seed.value) || 0 }).then((r) => {
                  current = r.session;
                  qr = r.qr;
                }),
              );
            },
          },
          h('h2', {}, t('session.create')),
          h('div', { class: 'field' }, h('label', { for: 'fac-scenario' }, t('title.scenario')), scen),
          h('div', { class: 'field' }, h('label', { for: 'fac-team' }, t('session.team')), team),
          h('div', { class: 'field' }, h('label', { for: 'fac-seed' }, t('title.seed')), seed),
          h('button', { type: 'submit', class: 'primary' }, t('session.createButton')),
        ),
        client.sessions.length === 0 ? '' : comparison(),
        client.sessions.length === 0
          ? ''
          : h(
              'section',
              { class: 'panel', 'aria-labelledby': 'fac-open' },
              h('h2', { id: 'fac-open' }, t('session.openHeading')),
              h(
                'ul',
                {},
                client.sessions.map((x) =>
                  h('li', {}, h('button', { type: 'button', onclick: () => { current = x; client.watch(x.session); render(); } }, t('session.openSession', { team: x.team, code: x.code ?? '—', turn: x.turn }))),
                ),
              ),
            ),
      );
      return;
    }
    const sid = current.session;
    const scn = scenarioOf(current.scenario);
    const view = client.views.get(sid);
    const truth = view?.role === 'facilitator' ? view : null;
    const lobby = client.lobby?.session === sid ? client.lobby : null;
    const st = truth?.status ?? lobby?.status;
    const seats = h(
      'ul',
      { 'aria-label': t('session.lobby') },
      CHAIRS.filter((c) => !scn || scn.chairs[c] !== undefined).map((c) => {
        const s = lobby?.seats[c];
        return h('li', {}, `${chairName(c)}: ${s ? t(s.by === 'human' ? 'session.seatHuman' : 'session.seatBot', { name: s.name }) : t('session.seatFree')}`);
      }),
    );
    const controls = h('div', { class: 'button-row' });
    controls.append(h('button', { type: 'button', onclick: () => { current = null; run(client.listSessions()); } }, t('session.allTeams')));
    if (!st?.started) controls.append(h('button', { type: 'button', class: 'primary', onclick: () => run(client.command(sid, { do: 'start' })) }, t('session.start')));
    else if (st.paused) controls.append(h('button', { type: 'button', class: 'primary', onclick: () => run(client.command(sid, { do: 'resume' })) }, t('session.resume')));
    else controls.append(h('button', { type: 'button', onclick: () => run(client.command(sid, { do: 'pause' })) }, t('session.pause')));

    const timerSec = h('input', { id: 'fac-timer', type: 'number', min: 1, max: 7200, value: '300' });
    const timerForm = h(
      'form',
      { class: 'inline', onsubmit: (e: Event) => { e.preventDefault(); const n = Number(timerSec.value); run(client.command(sid, { do: 'set-timer', seconds: { planning: n > 0 ? n : null, coordination: n > 0 ? n : null } })); } },
      h('label', { for: 'fac-timer' }, t('session.timerSeconds')),
      timerSec,
      h('button', { type: 'submit' }, t('session.setTimer')),
    );
    const evSel = h('select', { id: 'fac-event' }, (scn?.events ?? []).map((e) => h('option', { value: e.id }, scn ? eventTitle(scn, e.id) : e.id)));
    const evReason = h('input', { id: 'fac-event-reason', type: 'text', required: true });
    const injectForm = h(
      'form',
      { class: 'panel', onsubmit: (e: Event) => { e.preventDefault(); run(client.command(sid, { do: 'inject', event: evSel.value, reason: evReason.value })); } },
      h('h2', {}, t('session.inject')),
      h('div', { class: 'field' }, h('label', { for: 'fac-event' }, t('session.event')), evSel),
      h('div', { class: 'field' }, h('label', { for: 'fac-event-reason' }, t('session.reason')), evReason),
      h('button', { type: 'submit' }, t('session.injectButton')),
    );
    const indSel = h('select', { id: 'fac-ind' }, CORE_INDICATORS.map((k) => h('option', { value: k }, indName(scn, k))));
    const indBy = h('input', { id: 'fac-ind-by', type: 'number', min: -50, max: 50, value: '-5' });
    const indReason = h('input', { id: 'fac-ind-reason', type: 'text', required: true });
    const adjustForm = h(
      'form',
      { class: 'panel', onsubmit: (e: Event) => { e.preventDefault(); run(client.command(sid, { do: 'adjust-indicator', indicator: indSel.value as IndicatorId, by: Number(indBy.value), reason: indReason.value })); } },
      h('h2', {}, t('session.adjust')),
      h('div', { class: 'field' }, h('label', { for: 'fac-ind' }, t('session.indicator')), indSel),
      h('div', { class: 'field' }, h('label', { for: 'fac-ind-by' }, t('session.by')), indBy),
      h('div', { class: 'field' }, h('label', { for: 'fac-ind-reason' }, t('session.reason')), indReason),
      h('button', { type: 'submit' }, t('session.adjustButton')),
    );
    const ctlReason = h('input', { id: 'fac-ctl-reason', type: 'text', required: true });
    const withReason = (cmd: 'undo-last-resolution' | 'end-game') => () => {
      if (!ctlReason.reportValidity()) return;
      run(client.command(sid, { do: cmd, reason: ctlReason.value }));
    };
    const sessionForm = h(
      'form',
      { class: 'panel', onsubmit: (e: Event) => e.preventDefault() },
      h('h2', {}, t('session.control')),
      h('div', { class: 'field' }, h('label', { for: 'fac-ctl-reason' }, t('session.reason')), ctlReason),
      h(
        'div',
        { class: 'button-row' },
        h('button', { type: 'button', disabled: !st?.started || st.ended, onclick: withReason('undo-last-resolution') }, t('session.undo')),
        h('button', { type: 'button', disabled: !st?.started || st.ended, onclick: withReason('end-game') }, t('session.end')),
      ),
    );
    const truthBox = h('section', { class: 'panel', 'aria-labelledby': 'fac-truth' }, h('h2', { id: 'fac-truth' }, t('session.truth')));
    if (truth) {
      const s = truth.state;
      truthBox.append(
        h('p', {}, t('session.turnPhase', { turn: s.turn, phase: t(`phase.${s.phase}`) })),
        h('ul', {}, CORE_INDICATORS.map((k) => h('li', {}, `${indName(scn, k)}: ${s.indicators[k]}`))),
        h('ul', { 'aria-label': t('session.plans') }, Object.entries(s.plans).map(([c, p]) => h('li', {}, `${chairName(c as Chair)}: ${p.items.map((it) => (scn ? planItemText(scn, it) : it.kind)).join('; ') || t('plan.empty')}${p.confirmed ? ` (${t('coord.status.confirmed')})` : p.committed ? ` (${t('coord.status.committed')})` : ''}`))),
        h('p', { class: 'small muted' }, t('session.hash', { hash: truth.hash })),
      );
      if (s.outcome) truthBox.append(h('p', { 'data-testid': 'fac-outcome' }, t('session.outcome', { score: s.outcome.score, result: t(s.outcome.result === 'success' ? 'over.success' : 'over.failure') })));
    }
    body.replaceChildren(
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'fac-join' },
        h('h2', { id: 'fac-join' }, t('session.joinHeading', { team: current.team })),
        h('p', {}, t('session.code', { code: current.code ?? '—' })),
        current.link ? h('p', {}, h('a', { href: current.link }, current.link)) : null,
        current.code || qr ? h('img', { src: current.code ? `/qr/${current.code}.svg` : qr, alt: t('session.qr', { code: current.code ?? '' }), width: 180, height: 180 }) : null,
      ),
      h('section', { class: 'panel', 'aria-labelledby': 'fac-lobby' }, h('h2', { id: 'fac-lobby' }, t('session.lobby')), seats),
      h('p', { 'data-testid': 'fac-status' }, st?.ended ? t('session.ended') : st?.paused ? t('session.paused') : st?.started ? t('session.running') : t('session.waiting'), ' — ', clock(client.timeLeft())),
      controls,
      timerForm,
      injectForm,
      adjustForm,
      sessionForm,
      truthBox,
    );
  }

  for (const type of ['view', 'lobby', 'timer', 'paused', 'resumed', 'ended'] as const) client.on(type, () => render());
  client.connect().then(
    () => run(client.listSessions()),
    (e: unknown) => {
      message = errText(e);
      render();
    },
  );
  window.setInterval(() => {
    if (current && client.timer?.deadline) render();
  }, 1000);
}

// ---- a player ------------------------------------------------------------------------------

function actionLabel(scn: Scenario | undefined, a: Action): string {
  switch (a.type) {
    case 'mandate/adopt':
      return t('session.act.adopt', { tasks: scn ? a.tasks.map((x) => taskName(scn, x)).join(', ') : a.tasks.join(', ') });
    case 'event/choose':
      return t('session.act.choose', { event: scn ? eventTitle(scn, a.event) : a.event, choice: a.choice });
    case 'sitrep/close':
      return t('sitrep.close');
    case 'strategy/set':
      return t('session.act.strategy', { name: scn ? strategyName(scn, a.strategy) : a.strategy });
    case 'plan/add':
      return t('session.act.add', { item: scn ? planItemText(scn, a.item) : a.item.kind });
    case 'plan/remove':
      return t('session.act.remove', { n: a.index + 1 });
    case 'plan/commit':
      return t('plan.commit');
    case 'plan/revise':
      return t('coord.revise');
    case 'plan/confirm':
      return t('coord.confirm');
    default:
      return a.type;
  }
}

export function playerPage(root: HTMLElement, code: string): void {
  let saved: string | null = null;
  try {
    saved = sessionStorage.getItem(`${SEAT_KEY}.${code}`);
  } catch {
    saved = null;
  }
  const client = new SessionClient({
    url: sessionUrl(location),
    ...(saved ? { token: saved } : {}),
    onToken: (tok) => {
      try {
        sessionStorage.setItem(`${SEAT_KEY}.${code}`, tok);
      } catch {
        /* not kept: a reload joins again */
      }
    },
  });
  let message = '';
  let scenarioId: string | null = null;
  let busy = false;
  const status = h('p', { role: 'status', class: 'muted' });
  const body = h('div');
  root.replaceChildren(h('main', { id: 'main', class: 'session-page', tabindex: -1 }, h('h1', {}, t('session.playerHeading')), status, body));

  const run = (p: Promise<unknown>) => {
    busy = true;
    render();
    p.then(() => (message = ''), (e: unknown) => (message = errText(e))).finally(() => {
      busy = false;
      render();
    });
  };

  function render(): void {
    keepFields(body, paint);
  }

  function paint(): void {
    status.textContent = message;
    if (client.role === null || client.role === 'anonymous') {
      const name = h('input', { id: 'join-name', type: 'text', required: true, maxlength: 40 });
      body.replaceChildren(
        h(
          'form',
          {
            class: 'panel',
            onsubmit: (e: Event) => {
              e.preventDefault();
              run(client.join(code, name.value).then((j) => (scenarioId = j.scenario)));
            },
          },
          h('p', {}, t('session.joinCode', { code })),
          h('div', { class: 'field' }, h('label', { for: 'join-name' }, t('session.yourName')), name),
          h('button', { type: 'submit', class: 'primary' }, t('session.join')),
        ),
      );
      return;
    }
    scenarioId ??= client.lobby?.scenario ?? null;
    const scn = scenarioId ? scenarioOf(scenarioId) : undefined;
    if (client.role === 'member') {
      const lobby = client.lobby;
      body.replaceChildren(
        h(
          'section',
          { class: 'panel', 'aria-labelledby': 'claim-heading' },
          h('h2', { id: 'claim-heading' }, t('session.claim')),
          h(
            'ul',
            {},
            CHAIRS.filter((c) => !scn || scn.chairs[c] !== undefined).map((c) => {
              const s = lobby?.seats[c];
              const taken = s?.by === 'human';
              return h('li', {}, h('button', { type: 'button', disabled: taken || busy, onclick: () => run(client.claimChair(c)) }, t('session.claimChair', { chair: chairName(c) })), taken ? ` ${t('session.seatHuman', { name: s.name })}` : '');
            }),
          ),
        ),
      );
      return;
    }
    const v: ViewBody | null = client.view;
    if (!v || v.role !== 'chair') {
      body.replaceChildren(h('p', {}, t('session.waiting')));
      return;
    }
    const cv = v.view;
    const paused = v.status.paused;
    const parts: (HTMLElement | null)[] = [];
    parts.push(h('p', { class: 'seat-single' }, `${t('table.seat')}: ${chairName(v.chair)}`));
    if (paused) parts.push(h('p', { class: 'banner paused', role: 'alert' }, t('session.pausedBanner')));
    if (!v.status.started) parts.push(h('p', { class: 'banner' }, t('session.notStarted')));
    if (v.status.ended) parts.push(h('p', { class: 'banner', role: 'alert' }, t('session.ended')));
    parts.push(h('h2', { id: 'phase-heading' }, t(`phase.${cv.phase}`)), h('p', { 'data-testid': 'month' }, t('session.turnPhase', { turn: cv.turn, phase: t(`phase.${cv.phase}`) })), h('p', { 'data-testid': 'clock' }, clock(client.timeLeft())));
    const actions = h('section', { class: 'panel', 'aria-labelledby': 'acts-heading' }, h('h2', { id: 'acts-heading' }, t('session.actions')));
    if (v.legal.length === 0) actions.append(h('p', { class: 'muted' }, t('session.nothingToDo')));
    else actions.append(h('ul', { class: 'legal' }, v.legal.map((a) => h('li', {}, h('button', { type: 'button', disabled: paused || busy, onclick: () => run(client.act(a)) }, actionLabel(scn, a))))));
    parts.push(actions);
    const mine = cv.plans[v.chair];
    parts.push(
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'myplan-heading' },
        h('h2', { id: 'myplan-heading' }, t('plan.heading', { chair: chairName(v.chair) })),
        mine?.items && mine.items.length > 0 ? h('ol', {}, mine.items.map((it) => h('li', {}, scn ? planItemText(scn, it) : it.kind))) : h('p', { class: 'muted' }, t('plan.empty')),
      ),
    );
    if (cv.phase === 'coordination' || cv.phase === 'over') {
      parts.push(
        h(
          'section',
          { class: 'panel', 'aria-labelledby': 'others-heading' },
          h('h2', { id: 'others-heading' }, t('coord.plans')),
          h('ul', {}, Object.entries(cv.plans).map(([c, p]) => h('li', {}, `${chairName(c as Chair)}: ${(p.items ?? []).map((it) => (scn ? planItemText(scn, it) : it.kind)).join('; ') || t('plan.empty')}`))),
        ),
      );
    }
    parts.push(
      h('section', { class: 'panel', 'aria-labelledby': 'events-heading' }, h('h2', { id: 'events-heading' }, t('session.events')), cv.fired.length === 0 ? h('p', { class: 'muted' }, t('session.noEvents')) : h('ul', {}, cv.fired.map((f) => h('li', {}, t('session.firedRow', { turn: f.turn, title: scn ? eventTitle(scn, f.event) : f.event }))))),
      h('section', { class: 'panel', 'aria-labelledby': 'pind-heading' }, h('h2', { id: 'pind-heading' }, t('ind.heading')), h('ul', {}, CORE_INDICATORS.map((k) => h('li', {}, `${indName(scn, k)}: ${seenText(cv.indicators[k])}`)))),
    );
    body.replaceChildren(...parts.filter((x): x is HTMLElement => x !== null));
  }

  for (const type of ['view', 'lobby', 'timer', 'paused', 'resumed', 'ended', 'seated', 'joined', 'error'] as const) client.on(type, () => render());
  client.connect().then(
    () => render(),
    (e: unknown) => {
      // A stale seat token: forget it and join afresh.
      try {
        sessionStorage.removeItem(`${SEAT_KEY}.${code}`);
      } catch {
        /* nothing kept */
      }
      message = errText(e);
      if (saved) {
        playerPage(root, code);
        return;
      }
      render();
    },
  );
  window.setInterval(() => {
    if (client.timer?.deadline) {
      const c = root.querySelector('[data-testid="clock"]');
      if (c) c.textContent = clock(client.timeLeft());
    }
  }, 1000);
}
