// The facilitator's page (#facilitator=TOKEN): every session of the workshop, and the console of one.
// Forms are built once per opened session and never re-rendered, so a view arriving mid-typing closes no list and moves no caret;
// only the live parts (lobby, status, clock, true state) are painted again.
import { SessionClient, sessionUrl } from '../../net/client.js';
import type { ServerMessage, SessionSummary } from '../../net/protocol.js';
import { CHAIRS, CORE_INDICATORS, type Chair } from '../../scenario/constants.js';
import { BOT_DOCTRINES } from '../../store/store.js';
import { actorName, causeText, chairName, doctrineName, planItemText, regionName, trackName } from '../describe.js';
import { h } from '../dom.js';
import { loc, signed, t } from '../i18n/index.js';
import { bundledScenarios } from '../scenarios.js';
import { clock, errText, indName, keepFields, scenarioOf } from './common.js';
import { customInjectForm } from './custom-inject.js';
import { compareLink, comparisonView, fetchCompareKey } from './compare.js';
import { lengthForm, monthsField } from './length-form.js';
import { packLinks } from './pack-link.js';
import { teamRow } from '../../net/compare.js';
import { showConnection } from './connection.js';
import { clocksForm, eventForm, indicatorForm, showClocks, type Send } from './facilitator-forms.js';
import { sessionFromRecord, sessionFromState, showDebrief } from './ending.js';
import { roomDashboard } from './dashboard.js';

type Lobby = Extract<ServerMessage, { type: 'lobby' }>;
type Timer = Extract<ServerMessage, { type: 'timer' }>;

/** The projector's address for a session: the join link's server, `?projector=CODE`. */
export function projectorLink(s: Pick<SessionSummary, 'code' | 'link'>): string | null {
  if (!s.code) return null;
  const u = new URL(s.link ?? location.href);
  u.search = `?projector=${s.code}`;
  u.hash = '';
  return u.href;
}

/** A refusal in words, with the server's own detail when it has one (a shape error names the field). */
function refusalText(e: unknown): string {
  const text = errText(e);
  const detail = e instanceof Error ? e.message.replace(/^[\w/-]+: /, '') : '';
  return detail && detail !== text ? `${text} (${detail})` : text;
}

/** Where the tab keeps the facilitator's secret once it has left the address bar (a reload still opens the console). */
const TOKEN_KEY = 'mandate.facilitator';

/**
 * The secret from the link (#facilitator=TOKEN), or the one this tab kept. It leaves the address bar at once, so it is
 * not in the history, a bookmark, a shared screen or a photo of it; the tab keeps it for reloads (sessionStorage).
 */
function takeToken(fromLink: string): string {
  let token = fromLink;
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    /* storage refused: the page works until it is reloaded */
  }
  if (/[#&]facilitator=/.test(location.hash))
    history.replaceState(history.state, '', `${location.pathname}${location.search}#facilitator`);
  return token;
}

export function facilitatorPage(root: HTMLElement, linkToken: string): void {
  const token = takeToken(linkToken);
  if (!token) {
    root.replaceChildren(
      h(
        'main',
        { id: 'main', class: 'session-page fac-page', tabindex: -1 },
        h('h1', {}, t('session.facHeading')),
        h('p', { role: 'alert', class: 'rejection' }, t('ws.noToken')),
      ),
    );
    return;
  }
  const client = new SessionClient({ url: sessionUrl(location), token });
  // A facilitator watches several sessions: lobbies and clocks are kept per session (the client keeps the latest of each).
  const lobbies = new Map<string, Lobby>();
  const timers = new Map<string, Timer>();
  let current: SessionSummary | null = null;
  let desk: Desk | null = null;
  let qr = '';
  let message = '';
  /** Where the focus goes after the next paint, when what had it is gone (a session opened or created). */
  let focusNext = '';
  const status = h('p', { role: 'status', class: 'muted' });
  // The server's alarms (someone guessing join codes): the latest one, until the page is reloaded.
  const alarm = h('p', { role: 'alert', class: 'rejection', id: 'fac-alarm', 'data-testid': 'fac-alarm' });
  alarm.hidden = true;
  const body = h('div');
  root.replaceChildren(
    h(
      'main',
      { id: 'main', class: 'session-page fac-page', tabindex: -1 },
      h('h1', {}, t('session.facHeading')),
      alarm,
      status,
      body,
    ),
  );

  const run = (p: Promise<unknown>, done = '') => {
    p.then(
      () => (message = done),
      (e: unknown) => (message = refusalText(e)),
    ).finally(render);
  };

  // stands still while the server cannot be reached
  const timeLeft = (sid: string): number | null => client.timeLeftOf(timers.get(sid));

  // ---- all teams ------------------------------------------------------------------------------

  const listDyn = h('div', { class: 'fac-stack' });
  const dash = roomDashboard(client, run, (x) => openSession(x));
  const listScreen = h('div', { class: 'fac-stack' }, dash.root, createForm(), listDyn);

  function createForm(): HTMLElement {
    const scen = h(
      'select',
      { id: 'fac-scenario' },
      bundledScenarios().map((e) => h('option', { value: e.id }, loc(e.summary.title))),
    );
    // several names, separated by commas, make a session each at once (the room's teams in one entry)
    const team = h('input', {
      id: 'fac-team',
      type: 'text',
      value: t('session.defaultTeam'),
      maxlength: 400,
      'aria-describedby': 'fac-team-hint',
    });
    const seed = h('input', {
      id: 'fac-seed',
      type: 'number',
      min: 0,
      value: '1',
      'aria-describedby': 'fac-seed-hint',
    });
    const doctrine = h(
      'select',
      { id: 'fac-doctrine' },
      BOT_DOCTRINES.map((d) => h('option', { value: d }, doctrineName(d))),
    );
    doctrine.value = 'report';
    const months = monthsField();
    return h(
      'form',
      {
        class: 'panel',
        onsubmit: (e: Event) => {
          e.preventDefault();
          const names = team.value
            .split(',')
            .map((x) => x.trim())
            .filter((x) => x !== '');
          const make = (name: string) =>
            client.createSession({
              scenario: scen.value,
              team: name,
              seed: Number(seed.value) || 0,
              doctrine: doctrine.value,
              ...(months.months() !== null ? { months: months.months()! } : {}),
            });
          // one team: its console (code, QR, projector link); several: they line up on the dashboard, in order
          if (names.length <= 1)
            run(
              make(names[0] ?? team.value).then((r) => {
                current = r.session;
                qr = r.qr;
                focusNext = '#fac-join';
              }),
            );
          else
            run(
              names.reduce<Promise<unknown>>((p, name) => p.then(() => make(name)), Promise.resolve()),
              t('ws.createdTeams', { n: names.length, names: names.join(', ') }),
            );
        },
      },
      h('h2', {}, t('session.create')),
      h('div', { class: 'field' }, h('label', { for: 'fac-scenario' }, t('title.scenario')), scen),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'fac-team' }, t('session.team')),
        team,
        h('p', { id: 'fac-team-hint', class: 'hint' }, t('ws.teamHint')),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'fac-seed' }, t('title.seed')),
        seed,
        h('p', { id: 'fac-seed-hint', class: 'hint' }, t('ws.seedHint')),
      ),
      h('div', { class: 'field' }, h('label', { for: 'fac-doctrine' }, t('ws.botDoctrine')), doctrine),
      months.root,
      h('button', { type: 'submit', class: 'primary' }, t('session.createButton')),
    );
  }

  /** The comparison key for the wall's page, asked for once (the facilitator's secret stays on this page). */
  let wallKey: string | null = null;
  void fetchCompareKey(token).then((k) => {
    wallKey = k;
    render();
  });

  /** The teams side by side for the plenary: how far each got, its decisions, its outcome; exports; the wall's link. */
  function comparison(): HTMLElement {
    const rows = client.sessions.flatMap((x) => {
      const v = client.views.get(x.session);
      const scn = scenarioOf(x.scenario);
      if (v?.role !== 'facilitator' || !scn) return [];
      return [teamRow({ session: x.session, team: x.team, seed: x.seed, status: v.status }, v.state, scn, true)];
    });
    const wall = wallKey
      ? compareLink(
          wallKey,
          rows.map((r) => r.session),
        )
      : null;
    return h(
      'section',
      { class: 'panel', 'aria-labelledby': 'fac-compare' },
      h('h2', { id: 'fac-compare' }, t('session.compare')),
      h(
        'button',
        {
          type: 'button',
          id: 'fac-compare-all',
          onclick: () => {
            for (const x of client.sessions) client.watch(x.session);
            render();
          },
        },
        t('session.compareButton'),
      ),
      rows.length === 0 ? '' : comparisonView(rows, { id: 'fac-comparison' }),
      wall && rows.length > 0
        ? h(
            'p',
            { class: 'small' },
            t('cmp.wallLink'),
            ' ',
            h('a', { href: wall, target: '_blank', rel: 'noopener', 'data-testid': 'fac-wall-compare' }, wall),
          )
        : '',
      packLinks(client.sessions, client.plans),
    );
  }

  function paintList(): void {
    listDyn.replaceChildren(
      client.sessions.length === 0 ? '' : comparison(),
      client.sessions.length === 0
        ? ''
        : h(
            'section',
            { class: 'panel', 'aria-labelledby': 'fac-open' },
            h('h2', { id: 'fac-open' }, t('session.openHeading')),
            h(
              'ul',
              { class: 'fac-sessions' },
              client.sessions.map((x) => {
                const pl = projectorLink(x);
                return h(
                  'li',
                  {},
                  h(
                    'button',
                    { type: 'button', id: `fac-open-${x.session}`, onclick: () => openSession(x) },
                    t('session.openSession', { team: x.team, code: x.code ?? '—', turn: x.turn }),
                  ),
                  ' ',
                  h(
                    'span',
                    { class: 'small muted' },
                    t(
                      x.status.ended
                        ? 'ws.st.ended'
                        : x.status.paused
                          ? 'ws.st.paused'
                          : x.status.started
                            ? 'ws.st.running'
                            : 'ws.st.waiting',
                    ),
                    ' · ',
                    t(`phase.${x.phase}`),
                  ),
                  pl
                    ? h(
                        'span',
                        { class: 'small' },
                        ' · ',
                        h('a', { href: pl, target: '_blank', rel: 'noopener' }, t('ws.projectorFor', { team: x.team })),
                      )
                    : null,
                );
              }),
            ),
          ),
    );
  }

  function openSession(x: SessionSummary): void {
    current = x;
    qr = '';
    focusNext = '#fac-join';
    client.watch(x.session);
    render();
  }

  function statusText(st: { started: boolean; paused: boolean; ended: boolean } | undefined): string {
    return st?.ended
      ? t('session.ended')
      : st?.paused
        ? t('session.paused')
        : st?.started
          ? t('session.running')
          : t('session.waiting');
  }

  // ---- one session's console ------------------------------------------------------------------

  interface Desk {
    readonly session: string;
    readonly root: HTMLElement;
    update(): void;
    tick(): void;
  }

  function deskOf(s0: SessionSummary): Desk {
    const sid = s0.session;
    const scn = scenarioOf(s0.scenario);
    const chairs = CHAIRS.filter((c) => !scn || scn.chairs[c] !== undefined);
    let releasing: Chair | null = null;
    let askStart = false;
    let joinKey = '';

    const joinBox = h('section', { class: 'panel fac-join', 'aria-labelledby': 'fac-join' });
    const lobbyBox = h('section', { class: 'panel', 'aria-labelledby': 'fac-lobby' });
    const stateBox = h('div', { class: 'panel fac-state' });
    const truthBox = h('section', { class: 'panel', 'aria-labelledby': 'fac-truth' });
    const clockEl = h('span', { 'data-testid': 'fac-clock', class: 'fac-clock' });

    const info = () => {
      const lobby = lobbies.get(sid);
      const view = client.views.get(sid);
      const truth = view?.role === 'facilitator' ? view : null;
      return { lobby, truth, st: truth?.status ?? lobby?.status ?? current?.status };
    };

    // -- forms, built once --
    const send: Send = (cmd, done = '') => {
      const p = client.command(sid, cmd);
      run(p, done);
      return p;
    };
    const clockForm = clocksForm(send);
    const injectForm = eventForm(send, scn);
    const customForm = scn
      ? customInjectForm(scn, (c) => client.command(sid, { do: 'custom-inject', ...c }), refusalText).root
      : null;
    const adjustForm = indicatorForm(send, scn);
    const lengthBox = scn ? lengthForm(scn, send, () => info().truth?.state ?? null) : null;
    const ctlReason = h('input', { id: 'fac-ctl-reason', type: 'text', required: true, maxlength: 280 });
    // undo and end take effect only once confirmed
    const confirmBox = h('div');
    const withReason = (cmd: 'undo-last-resolution' | 'end-game') => () => {
      if (!ctlReason.reportValidity()) return;
      const yes = h(
        'button',
        {
          type: 'button',
          class: 'danger',
          onclick: () => {
            confirmBox.replaceChildren();
            run(client.command(sid, { do: cmd, reason: ctlReason.value }).then(() => (ctlReason.value = '')));
          },
        },
        t('ws.confirmYes'),
      );
      confirmBox.replaceChildren(
        h(
          'div',
          { class: 'confirm', role: 'group', 'aria-labelledby': 'fac-ctl-q' },
          h('p', { id: 'fac-ctl-q' }, t(cmd === 'end-game' ? 'ws.confirmEnd' : 'ws.confirmUndo')),
          h(
            'div',
            { class: 'button-row' },
            yes,
            h('button', { type: 'button', onclick: () => confirmBox.replaceChildren() }, t('dash.cancel')),
          ),
        ),
      );
      yes.focus();
    };
    const undoBtn = h('button', { type: 'button', onclick: withReason('undo-last-resolution') }, t('session.undo'));
    const endBtn = h('button', { type: 'button', class: 'danger', onclick: withReason('end-game') }, t('session.end'));
    const sessionForm = h(
      'form',
      { class: 'panel', onsubmit: (e: Event) => e.preventDefault() },
      h('h2', {}, t('session.control')),
      h('div', { class: 'field' }, h('label', { for: 'fac-ctl-reason' }, t('session.reason')), ctlReason),
      h('div', { class: 'button-row' }, undoBtn, endBtn),
      confirmBox,
    );

    // -- live parts --
    function paintJoin(): void {
      const s = current ?? s0;
      // the lobby knows first when a code has expired (null once the session has ended)
      const lobby = lobbies.get(sid);
      const code = lobby ? lobby.code : s.code;
      const pl = projectorLink({ code, link: s.link });
      // painted only when it changes: the QR image is not fetched again with every view
      const key = JSON.stringify([code, s.link, s.team, qr]);
      if (key === joinKey) return;
      joinKey = key;
      joinBox.replaceChildren(
        h('h2', { id: 'fac-join', tabindex: -1 }, t('session.joinHeading', { team: s.team })),
        h('p', { class: 'fac-code' }, t('session.code', { code: code ?? '—' })),
        code && s.link ? h('p', {}, h('a', { href: s.link }, s.link)) : '',
        code || qr
          ? h('img', {
              src: code ? `/qr/${code}.svg` : qr,
              alt: t('session.qr', { code: code ?? '' }),
              width: 180,
              height: 180,
            })
          : '',
        pl
          ? h(
              'p',
              {},
              h('strong', {}, t('ws.projectorLink')),
              ' ',
              h('a', { href: pl, target: '_blank', rel: 'noopener', 'data-testid': 'fac-projector-link' }, pl),
            )
          : '',
        pl ? h('p', { class: 'hint' }, t('ws.projectorHint')) : '',
        h(
          'p',
          { class: 'small muted' },
          t('ws.sessionFacts', {
            scenario: scn ? loc(scn.title) : s.scenario,
            seed: s.seed,
            doctrine: doctrineName(s.doctrine),
          }),
        ),
      );
    }

    function seatRow(c: Chair): HTMLElement {
      const { lobby, st } = info();
      const s = lobby?.seats[c];
      const human = s?.by === 'human';
      const who = !s
        ? t('session.seatFree')
        : human
          ? t('session.seatHuman', { name: s.name })
          : st?.started
            ? t('session.seatBot', { name: doctrineName(s.name) })
            : t('ws.seatOpen', { doctrine: doctrineName(s.name) });
      const li = h(
        'li',
        { class: human ? 'seat human' : 'seat bot' },
        h('span', { class: 'seat-who' }, `${chairName(c)}: ${who}`),
      );
      if (!human) return li;
      li.append(
        ' ',
        h('span', { class: s.connected ? 'conn on' : 'conn off' }, t(s.connected ? 'ws.connected' : 'ws.disconnected')),
      );
      if (releasing !== c) {
        li.append(
          ' ',
          h(
            'button',
            {
              type: 'button',
              class: 'small-btn',
              id: `fac-free-${c}`,
              disabled: st?.ended,
              onclick: () => {
                releasing = c;
                paintLobby();
                root.querySelector<HTMLElement>(`#fac-free-yes-${c}`)?.focus();
              },
            },
            t('ws.free', { chair: chairName(c) }),
          ),
        );
        return li;
      }
      li.append(
        h(
          'div',
          { class: 'confirm', role: 'group', 'aria-labelledby': `fac-free-q-${c}` },
          h('p', { id: `fac-free-q-${c}` }, t('ws.freeQuestion', { chair: chairName(c), name: s.name })),
          h(
            'div',
            { class: 'button-row' },
            h(
              'button',
              {
                type: 'button',
                class: 'primary',
                id: `fac-free-yes-${c}`,
                onclick: () => {
                  releasing = null;
                  run(client.command(sid, { do: 'release-chair', chair: c }), t('ws.freed', { chair: chairName(c) }));
                },
              },
              t('ws.freeYes'),
            ),
            h(
              'button',
              {
                type: 'button',
                id: `fac-free-no-${c}`,
                onclick: () => {
                  releasing = null;
                  paintLobby();
                  root.querySelector<HTMLElement>(`#fac-free-${c}`)?.focus();
                },
              },
              t('ws.freeNo', { name: s.name }),
            ),
          ),
        ),
      );
      return li;
    }

    function paintLobby(): void {
      const { lobby } = info();
      keepFields(lobbyBox, () =>
        lobbyBox.replaceChildren(
          h('h2', { id: 'fac-lobby' }, t('session.lobby')),
          h('ul', { 'aria-label': t('session.lobby'), class: 'fac-seats' }, chairs.map(seatRow)),
          h('p', { class: 'small muted' }, t('ws.projectors', { n: lobby?.projectors ?? 0 })),
        ),
      );
    }

    function paintState(): void {
      const { st, truth } = info();
      const ph = truth
        ? t('session.turnPhase', { turn: truth.state.turn, phase: t(`phase.${truth.state.phase}`) })
        : '';
      const buttons: HTMLElement[] = [
        h(
          'button',
          {
            type: 'button',
            id: 'fac-all',
            onclick: () => {
              current = null;
              focusNext = '#fac-compare-all, #fac-scenario';
              run(client.listSessions());
            },
          },
          t('session.allTeams'),
        ),
      ];
      if (!st?.started)
        buttons.push(
          h(
            'button',
            {
              type: 'button',
              id: 'fac-start',
              class: 'primary',
              onclick: () => {
                // nobody seated: asked first whether the bots wait for people or play on
                const seated = Object.values(lobbies.get(sid)?.seats ?? {}).some((x) => x?.by === 'human');
                if (seated) run(client.command(sid, { do: 'start' }));
                else {
                  askStart = true;
                  paintState();
                }
              },
            },
            t('session.start'),
          ),
        );
      else if (st.ended)
        buttons.push(
          h(
            'span',
            { class: 'muted' },
            st.endReason ? t('ws.endedBecause', { reason: st.endReason }) : t('session.ended'),
          ),
        );
      else if (st.paused)
        buttons.push(
          h(
            'button',
            {
              type: 'button',
              id: 'fac-resume',
              class: 'primary',
              onclick: () => run(client.command(sid, { do: 'resume' })),
            },
            t('session.resume'),
          ),
        );
      else
        buttons.push(
          h(
            'button',
            { type: 'button', id: 'fac-pause', onclick: () => run(client.command(sid, { do: 'pause' })) },
            t('session.pause'),
          ),
        );
      if (!st?.started && askStart)
        buttons.push(
          h(
            'div',
            { class: 'confirm', role: 'group', 'aria-labelledby': 'fac-start-q' },
            h('p', { id: 'fac-start-q' }, t('dash.startEmpty', { teams: (current ?? s0).team })),
            h(
              'div',
              { class: 'button-row' },
              h(
                'button',
                {
                  type: 'button',
                  class: 'primary',
                  onclick: () => ((askStart = false), run(client.command(sid, { do: 'start' }))),
                },
                t('dash.startWait'),
              ),
              h(
                'button',
                {
                  type: 'button',
                  onclick: () => ((askStart = false), run(client.command(sid, { do: 'start', autoplay: true }))),
                },
                t('dash.startAuto'),
              ),
              h('button', { type: 'button', onclick: () => ((askStart = false), paintState()) }, t('dash.cancel')),
            ),
          ),
        );
      keepFields(stateBox, () =>
        stateBox.replaceChildren(
          h(
            'p',
            { 'data-testid': 'fac-status', class: `fac-status${st?.paused ? ' is-paused' : ''}` },
            h('strong', {}, statusText(st)),
            ph ? ` — ${ph}` : '',
            ' — ',
            clockEl,
          ),
          h('div', { class: 'button-row' }, buttons),
        ),
      );
      undoBtn.disabled = !st?.started;
      endBtn.disabled = !st?.started || !!st.ended;
      tick();
    }

    function paintTruth(): void {
      const { truth, lobby } = info();
      truthBox.replaceChildren(h('h2', { id: 'fac-truth' }, t('session.truth')));
      if (!truth) {
        truthBox.append(h('p', { class: 'muted' }, t('ws.noTruth')));
        return;
      }
      const s = truth.state;
      const mine = s.ledger
        .filter((e) => e.cause.kind === 'facilitator')
        .slice(-8)
        .reverse();
      const ended = s.phase === 'over' || truth.status.ended;
      const record = client.records.get(sid);
      truthBox.append(
        h('p', {}, t('session.turnPhase', { turn: s.turn, phase: t(`phase.${s.phase}`) })),
        s.outcome
          ? h(
              'p',
              { 'data-testid': 'fac-outcome', class: 'fac-outcome' },
              t('session.outcome', {
                score: s.outcome.score,
                result: t(s.outcome.result === 'success' ? 'over.success' : 'over.failure'),
              }),
            )
          : '',
        ended && scn
          ? h(
              'div',
              { class: 'button-row' },
              h(
                'button',
                {
                  type: 'button',
                  class: 'primary',
                  id: 'fac-debrief',
                  onclick: async () => {
                    const seating = { seats: lobby?.seats, doctrine: (current ?? s0).doctrine };
                    // the server's record is the game as it ended; without it, the true state held here is the same game
                    const r = record ? await sessionFromRecord(sid, record, seating) : null;
                    if (r && !r.ok) message = t('ws.recordFailed', { detail: r.detail });
                    const session = r?.ok ? r.session : sessionFromState(sid, scn, s, seating);
                    void showDebrief(root, session, () => {
                      render();
                      root.querySelector<HTMLElement>('#fac-debrief')?.focus();
                    });
                  },
                },
                t('ws.openDebrief'),
              ),
            )
          : '',
        h(
          'div',
          { class: 'fac-truth-grid' },
          h(
            'div',
            {},
            h('h3', {}, t('ind.heading')),
            h(
              'ul',
              { 'aria-label': t('ind.heading') },
              CORE_INDICATORS.map((k) => h('li', {}, `${indName(scn, k)}: ${s.indicators[k]}`)),
            ),
          ),
          scn
            ? h(
                'div',
                {},
                h('h3', {}, t('ws.violence')),
                h(
                  'ul',
                  { 'aria-label': t('ws.violence') },
                  scn.regions.map((r) => h('li', {}, `${regionName(scn, r.id)}: ${s.violence[r.id] ?? '—'}`)),
                ),
                scn.actors.length > 0 ? h('h3', {}, t('ws.actors')) : '',
                scn.actors.length > 0
                  ? h(
                      'ul',
                      { 'aria-label': t('ws.actors') },
                      scn.actors.map((a) =>
                        h(
                          'li',
                          {},
                          t('ws.actorRow', {
                            name: actorName(scn, a.id),
                            stance: s.actors[a.id]?.stance ?? '—',
                            strength: s.actors[a.id]?.strength ?? '—',
                          }),
                        ),
                      ),
                    )
                  : '',
                h('p', { class: 'small' }, t('ws.flags', { flags: s.flags.length > 0 ? s.flags.join(', ') : '—' })),
              )
            : '',
        ),
        h('h3', {}, t('session.plans')),
        h(
          'ul',
          { 'aria-label': t('session.plans') },
          Object.entries(s.plans).map(([c, p]) =>
            h(
              'li',
              {},
              `${chairName(c as Chair)}: ${p.items.map((it) => (scn ? planItemText(scn, it) : it.kind)).join('; ') || t('plan.empty')}${p.confirmed ? ` (${t('coord.status.confirmed')})` : p.committed ? ` (${t('coord.status.committed')})` : ''}`,
            ),
          ),
        ),
        h('h3', {}, t('ws.yourChanges')),
        mine.length === 0
          ? h('p', { class: 'muted' }, t('ws.noChanges'))
          : h(
              'ul',
              { 'aria-label': t('ws.yourChanges'), 'data-testid': 'fac-ledger' },
              mine.map((e) =>
                h(
                  'li',
                  {},
                  t('ws.ledgerRow', {
                    turn: e.turn,
                    track: scn ? trackName(scn, e.track) : e.track.kind,
                    delta: signed(e.delta),
                    cause: scn ? causeText(scn, e.cause) : '',
                  }),
                ),
              ),
            ),
        h('p', { class: 'small muted' }, t('session.hash', { hash: truth.hash, n: truth.hashAt })),
      );
    }

    function tick(): void {
      clockEl.textContent = clock(timeLeft(sid));
    }

    const root = h(
      'div',
      { class: 'fac-desk' },
      h('div', { class: 'fac-live' }, joinBox, stateBox, lobbyBox, truthBox),
      h(
        'div',
        { class: 'fac-tools' },
        clockForm,
        injectForm,
        customForm,
        adjustForm,
        lengthBox?.root ?? null,
        sessionForm,
      ),
    );
    return {
      session: sid,
      root,
      update: () => {
        showClocks(clockForm, client.desks.get(sid)?.timers ?? {});
        paintJoin();
        paintState();
        paintLobby();
        keepFields(truthBox, paintTruth);
        lengthBox?.update();
      },
      tick,
    };
  }

  // ---- rendering ------------------------------------------------------------------------------

  function render(): void {
    status.textContent = message;
    if (!current) {
      desk = null;
      if (body.firstChild !== listScreen) body.replaceChildren(listScreen);
      dash.paint();
      keepFields(listDyn, paintList);
    } else {
      if (desk?.session !== current.session) {
        desk = deskOf(current);
        body.replaceChildren(desk.root);
      }
      desk.update();
    }
    if (focusNext) root.querySelector<HTMLElement>(focusNext)?.focus();
    focusNext = '';
  }

  client.on('lobby', (m) => lobbies.set(m.session, m));
  client.on('timer', (m) => timers.set(m.session, m));
  client.on('alarm', (m) => {
    const time = new Date(m.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    alarm.textContent = t('ws.alarmGuessing', { time, attempts: String(m.attempts), address: m.address });
    alarm.hidden = false;
  });
  client.on('sessions', (m) => {
    if (current) current = m.sessions.find((x) => x.session === current?.session) ?? current;
  });
  for (const type of [
    'view',
    'lobby',
    'timer',
    'paused',
    'resumed',
    'ended',
    'record',
    'reopened',
    'sessions',
    'plans',
    'desk',
  ] as const)
    client.on(type, () => render());
  showConnection(client);
  // While the server cannot be reached (a reload during an outage) the console waits for it.
  client.connectPersistently().then(
    () => run(client.listSessions()),
    (e: unknown) => {
      message = errText(e);
      render();
    },
  );
  // The clock counts down between messages; only its text changes.
  window.setInterval(() => (current ? desk?.tick() : dash.tick()), 1000);
}
