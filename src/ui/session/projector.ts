// The projector's page (?projector=CODE): the screen on the wall. The map, month and phase, the clock, the public indicators,
// who has committed and confirmed, the events, the outcome, then the debrief. Never a plan's content or an estimate: the server sends none.
import { SessionClient, sessionUrl } from '../../net/client.js';
import type { ProjectorView, ServerMessage, SessionStatus } from '../../net/protocol.js';
import { CHAIRS, CORE_INDICATORS, DIMENSIONS, type Chair } from '../../scenario/constants.js';
import type { Scenario } from '../../scenario/schema.js';
import { lazyMap } from '../lazy-map.js';
import { mapMotion } from '../scenes/motion.js';
import { manualSource } from '../scenes/source.js';
import { chairName, eventTitle, monthOf, strategyName } from '../describe.js';
import { h } from '../dom.js';
import { t } from '../i18n/index.js';
import { clock, errText, indName, scenarioOf } from './common.js';
import { debriefFromRecord } from './ending.js';
import { showConnection } from './connection.js';
import { noticeCards } from './cards.js';
import { discussionPanel } from './discussion.js';

const SEAT_KEY = 'mandate.projector';
type Lobby = Extract<ServerMessage, { type: 'lobby' }>;

function planState(p: ProjectorView['plans'][Chair]): { key: 'confirmed' | 'committed' | 'open'; mark: string } {
  if (p?.confirmed) return { key: 'confirmed', mark: '✔✔' };
  if (p?.committed) return { key: 'committed', mark: '✔' };
  return { key: 'open', mark: '…' };
}

export function projectorPage(root: HTMLElement, code: string): void {
  const key = `${SEAT_KEY}.${code.toUpperCase()}`;
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(key);
  } catch {
    saved = null;
  }
  const client = new SessionClient({
    url: sessionUrl(location),
    ...(saved ? { token: saved } : {}),
    onToken: (tok) => {
      try {
        localStorage.setItem(key, tok);
      } catch {
        /* not kept: a reload joins again */
      }
    },
  });
  let lobby: Lobby | null = null;
  let debriefShown = false;
  let problem = '';
  const source = manualSource();

  const title = h('h1', { class: 'pj-team' }, t('ws.projectorHeading'));
  const month = h('p', { class: 'pj-month', 'data-testid': 'pj-month' });
  const clockEl = h('p', { class: 'pj-clock', 'data-testid': 'pj-clock', 'aria-live': 'off' });
  const joinHint = h('p', { class: 'pj-joinhint' });
  const banner = h('div', { class: 'pj-banners' });
  // the room sees each month's changes play on the map, as a player does at the table
  const motion = mapMotion();
  const mapBox = h(
    'div',
    { class: 'pj-map map-canvas', role: 'img', 'aria-label': t('table.map'), 'data-testid': 'pj-map' },
    h('p', { class: 'muted' }, t('table.mapLoading')),
  );
  const side = h('div', { class: 'pj-side' });
  const lower = h('div', { class: 'pj-lower' });
  const main = h(
    'main',
    { id: 'main', class: 'pj-main', tabindex: -1 },
    h('div', { class: 'pj-board' }, motion.frame(mapBox), h('p', { class: 'legend small' }, t('map.legend'))),
    side,
  );
  // the lobby (before the start) and the outcome (at the end) go above the map, where the room looks
  const screen = h(
    'div',
    { class: 'projector' },
    h('header', { class: 'pj-header' }, h('div', {}, title, month), joinHint, clockEl),
    banner,
    lower,
    main,
  );
  // injects and the facilitator's messages, as on every player's screen
  const cards = noticeCards(client, () => (lobby ? scenarioOf(lobby.scenario) : undefined));
  root.replaceChildren(cards, screen);
  // the map lives as long as the page (it keeps running behind the debrief)
  lazyMap(mapBox, { source, motion: motion.motion });

  const scenario = (): Scenario | undefined => (lobby ? scenarioOf(lobby.scenario) : undefined);

  function openDebrief(): void {
    const scn = scenario();
    const record = client.record;
    if (!record || !scn || !lobby) return;
    // tried once by itself; the outcome's button tries again
    debriefShown = true;
    void debriefFromRecord(
      root,
      lobby.session,
      record,
      { seats: lobby.seats },
      {
        fail: (detail) => {
          problem = t('ws.pjRecordFailed', { detail });
          render();
        },
        back: () => {
          render();
          root.querySelector<HTMLElement>('#pj-debrief')?.focus();
        },
      },
    );
  }

  function banners(st: SessionStatus | undefined): HTMLElement[] {
    const out: HTMLElement[] = [];
    if (problem) out.push(h('p', { class: 'pj-banner error', role: 'alert' }, problem));
    if (st?.paused)
      out.push(
        h(
          'p',
          { class: 'pj-banner paused', role: 'alert' },
          st.discussion !== undefined ? t('ws.pjDiscussionBanner') : t('ws.pjPaused'),
        ),
      );
    if (st && !st.started) out.push(h('p', { class: 'pj-banner' }, t('session.notStarted')));
    if (st?.ended)
      out.push(
        h(
          'p',
          { class: 'pj-banner', role: 'status' },
          st.endReason ? t('ws.endedBecause', { reason: st.endReason }) : t('session.ended'),
        ),
      );
    return out;
  }

  /** Before the start: the code and QR as large as the wall allows, and who sits where. */
  function lobbyPanel(scn: Scenario | undefined): HTMLElement | null {
    if (!lobby || !lobby.code) return null;
    const link = `${location.origin}${location.pathname}?join=${lobby.code}`;
    const chairs = CHAIRS.filter((c) => !scn || scn.chairs[c] !== undefined);
    return h(
      'section',
      { class: 'pj-lobby', 'aria-labelledby': 'pj-lobby-heading' },
      h('h2', { id: 'pj-lobby-heading' }, t('ws.pjJoin')),
      h(
        'div',
        { class: 'pj-lobby-grid' },
        h(
          'div',
          { class: 'pj-lobby-text' },
          h(
            'p',
            { class: 'pj-code' },
            h('span', { class: 'pj-code-label' }, t('ws.title.code')),
            ' ',
            h('span', { class: 'pj-code-value' }, lobby.code),
          ),
          h('p', { class: 'pj-link' }, link),
          h(
            'ul',
            { class: 'pj-seats', 'aria-label': t('session.lobby') },
            chairs.map((c) => {
              const s = lobby?.seats[c];
              return h(
                'li',
                { class: s?.by === 'human' ? 'taken' : '' },
                `${chairName(c)}: ${s?.by === 'human' ? s.name : t('session.seatFree')}`,
              );
            }),
          ),
        ),
        h('img', {
          src: `/qr/${lobby.code}.svg`,
          alt: t('session.qr', { code: lobby.code }),
          class: 'pj-qr',
          width: 320,
          height: 320,
        }),
      ),
    );
  }

  function sidePanels(scn: Scenario | undefined, v: ProjectorView): HTMLElement[] {
    const shown = CORE_INDICATORS.filter((k) => v.indicators[k] !== undefined);
    const chairs = CHAIRS.filter((c) => v.plans[c] !== undefined);
    const planning = v.phase === 'planning' || v.phase === 'coordination';
    const recent = [...v.fired].reverse().slice(0, 6);
    return [
      h(
        'section',
        { class: 'pj-panel', 'aria-labelledby': 'pj-ind' },
        h('h2', { id: 'pj-ind' }, t('ws.pjIndicators')),
        shown.length === 0
          ? h('p', { class: 'muted' }, t('ws.pjNoIndicators'))
          : h(
              'ul',
              { class: 'pj-indicators' },
              shown.map((k) => h('li', {}, h('span', {}, indName(scn, k)), h('strong', {}, String(v.indicators[k])))),
            ),
      ),
      h(
        'section',
        { class: 'pj-panel', 'aria-labelledby': 'pj-chairs' },
        h('h2', { id: 'pj-chairs' }, t('ws.pjPlans')),
        h(
          'ul',
          { class: 'pj-plans', 'data-testid': 'pj-plans' },
          chairs.map((c) => {
            const s = planState(v.plans[c]);
            // outside planning and coordination there is no plan to wait for
            return h(
              'li',
              { class: `plan-${s.key}` },
              h('span', {}, chairName(c)),
              planning
                ? h('span', {}, h('span', { 'aria-hidden': 'true' }, `${s.mark} `), t(`ws.plan.${s.key}`))
                : h('span', { class: 'muted' }, '—'),
            );
          }),
        ),
        v.strategy && scn ? h('p', {}, t('table.strategyNow', { name: strategyName(scn, v.strategy) })) : null,
      ),
      h(
        'section',
        { class: 'pj-panel', 'aria-labelledby': 'pj-events' },
        h('h2', { id: 'pj-events' }, t('session.events')),
        recent.length === 0
          ? h('p', { class: 'muted' }, t('session.noEvents'))
          : h(
              'ul',
              { class: 'pj-events' },
              recent.map((f) =>
                h(
                  'li',
                  { class: f.turn === v.turn ? 'now' : '' },
                  t('session.firedRow', { turn: f.turn, title: scn ? eventTitle(scn, f.event) : f.event }),
                ),
              ),
            ),
      ),
    ];
  }

  function outcomePanel(v: ProjectorView): HTMLElement | null {
    const o = v.outcome;
    if (!o) return null;
    return h(
      'section',
      { class: 'pj-outcome', 'aria-labelledby': 'pj-outcome-heading' },
      h(
        'h2',
        { id: 'pj-outcome-heading' },
        t(o.result === 'success' ? 'over.success' : 'over.failure'),
        ' — ',
        t('ws.pjScore', { score: o.score }),
      ),
      h(
        'ul',
        { class: 'pj-dims' },
        DIMENSIONS.map((d) =>
          h('li', {}, h('span', {}, t(`dim.${d}`)), h('strong', {}, String(o.dimensions[d] ?? '—'))),
        ),
      ),
      client.record
        ? h(
            'button',
            { type: 'button', class: 'primary big', id: 'pj-debrief', onclick: openDebrief },
            t('ws.openDebrief'),
          )
        : h('p', { class: 'muted' }, t('ws.pjWaitRecord')),
    );
  }

  function render(): void {
    const scn = scenario();
    const v = client.view?.role === 'projector' ? client.view : null;
    const st = v?.status ?? lobby?.status;
    if (lobby) {
      title.textContent = lobby.team;
      document.title = `${lobby.team} — ${t('app.title')}`;
    }
    joinHint.textContent = lobby?.code && st?.started ? t('ws.pjJoinSmall', { code: lobby.code }) : '';
    banner.replaceChildren(...banners(st));
    if (!v) {
      month.textContent = client.role === 'projector' ? '' : t('ws.pjConnecting');
      lower.replaceChildren(lobbyPanel(scn) ?? '');
      main.hidden = lower.childElementCount > 0;
      side.replaceChildren();
      tick();
      return;
    }
    const pv = v.view;
    const phase = t(`phase.${pv.phase}`);
    // month 0 is the mandate, before the first month
    month.textContent = !scn
      ? t('session.turnPhase', { turn: pv.turn, phase })
      : pv.turn === 0
        ? t('ws.pjBefore', { date: monthOf(scn, 1), phase })
        : t('ws.pjMonth', { turn: pv.turn, date: monthOf(scn, pv.turn), phase });
    if (scn) source.set({ scenario: scn, view: pv });
    side.replaceChildren(...sidePanels(scn, pv));
    const lobbyBox = st?.started ? null : lobbyPanel(scn);
    const talk = st?.discussion !== undefined && scn ? discussionPanel(scn, pv, st.discussion) : null;
    lower.replaceChildren(outcomePanel(pv) ?? talk ?? lobbyBox ?? '');
    // before the start the join code has the whole wall; the map (already drawn) comes with the start
    main.hidden = lobbyBox !== null;
    tick();
  }

  function tick(): void {
    const v = client.view;
    const left = v?.status.started && !v.status.ended ? client.timeLeft() : null;
    // no clock, nothing on the wall: "no clock" in large letters would only distract
    clockEl.textContent = left === null ? '' : clock(left);
    clockEl.classList.toggle('low', left !== null && left < 60_000);
  }

  async function take(): Promise<void> {
    if (client.role !== 'projector') {
      await client.join(code, t('ws.projectorName'));
      await client.claimChair('projector');
    }
    problem = '';
    render();
  }

  // When the game is over the debrief takes the wall, once (it needs the record and the lobby); its close button comes back here.
  const debriefOnce = () => {
    if (client.record && lobby && !debriefShown) openDebrief();
  };
  client.on('lobby', (m) => {
    lobby = m;
    debriefOnce();
  });
  client.on('record', debriefOnce);
  // the facilitator undid after the end: the game goes on, and the next end opens the debrief again
  client.on('reopened', () => (debriefShown = false));
  for (const type of ['view', 'lobby', 'timer', 'paused', 'resumed', 'ended', 'seated', 'record', 'reopened'] as const)
    client.on(type, () => render());
  const unwatch = showConnection(client);
  // While the server cannot be reached (a reload during an outage) the wall waits for it.
  client
    .connectPersistently()
    .then(take)
    .catch((e: unknown) => {
      // a stale seat token (the session was deleted, the database replaced): forget it and join afresh
      if (saved) {
        try {
          localStorage.removeItem(key);
        } catch {
          /* nothing kept */
        }
        client.close();
        unwatch();
        projectorPage(root, code);
        return;
      }
      problem = t('ws.pjFailed', { why: errText(e) });
      render();
    });
  render();
  window.setInterval(tick, 1000);
}
