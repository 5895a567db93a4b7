// A player's page (?join=CODE): join, claim a chair, play from the server's view of that chair.
import type { Action } from '../../engine/index.js';
import { SessionClient, sessionUrl } from '../../net/client.js';
import type { ViewBody } from '../../net/protocol.js';
import { CHAIRS, CORE_INDICATORS, type Chair, type Scenario } from '../../scenario/schema.js';
import { chairName, eventTitle, planItemText, seenText, strategyName, taskName } from '../describe.js';
import { h } from '../dom.js';
import { t } from '../i18n/index.js';
import { clock, errText, indName, keepFields, scenarioOf } from './common.js';

const SEAT_KEY = 'mandate.seat';

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
