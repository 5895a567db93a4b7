// The facilitator's page (#facilitator=TOKEN): every session of the workshop, and the console of one.
import { scoreOf } from '../../engine/index.js';
import { SessionClient, sessionUrl } from '../../net/client.js';
import type { SessionSummary } from '../../net/protocol.js';
import { CHAIRS, CORE_INDICATORS, DIMENSIONS, type Chair, type IndicatorId } from '../../scenario/schema.js';
import { chairName, eventTitle, planItemText } from '../describe.js';
import { h } from '../dom.js';
import { loc, t } from '../i18n/index.js';
import { bundledScenarios } from '../scenarios.js';
import { clock, errText, indName, keepFields, scenarioOf } from './common.js';

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
