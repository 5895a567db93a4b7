// A player's page (?join=CODE): join, claim a chair, then play at the solo game's table made from the server's view of that chair;
// at the end, the debrief from the game's record. Everything comes from the server's messages; the true state never reaches this page.
import type { Action, SaveFile } from '../../engine/index.js';
import { RequestError, SessionClient, sessionUrl } from '../../net/client.js';
import { CHAIRS, type Chair } from '../../scenario/constants.js';
import type { Refusal } from '../context.js';
import { chairName } from '../describe.js';
import { h } from '../dom.js';
import { setLang, t, type Lang } from '../i18n/index.js';
import { clock, errText, keepFields, scenarioOf } from './common.js';
import { showConnection } from './connection.js';
import { sessionFromRecord, showDebrief } from './ending.js';
import { createPlayerTable, type PlayerTable } from './player-table.js';

const SEAT_KEY = 'mandate.seat';

function storedSeat(code: string): string | null {
  try {
    return sessionStorage.getItem(`${SEAT_KEY}.${code}`);
  } catch {
    return null;
  }
}

function storeSeat(code: string, token: string | null): void {
  try {
    if (token === null) sessionStorage.removeItem(`${SEAT_KEY}.${code}`);
    else sessionStorage.setItem(`${SEAT_KEY}.${code}`, token);
  } catch {
    /* not kept: a reload joins again */
  }
}

export function playerPage(root: HTMLElement, code: string): void {
  const saved = storedSeat(code);
  const client = new SessionClient({
    url: sessionUrl(location),
    ...(saved ? { token: saved } : {}),
    onToken: (tok) => storeSeat(code, tok),
  });
  // the lobby's screens (join, claim)
  let message = '';
  let scenarioId: string | null = null;
  let busy = false;
  // the table
  let table: PlayerTable | null = null;
  let sending = false;
  let rejection: Refusal | null = null;
  let notice = '';
  // the end: the game's record, and the debrief made from it
  let record: SaveFile | null = null;
  let opened = false;
  let inDebrief = false;

  const status = h('p', { role: 'status', class: 'muted' });
  const body = h('div');
  const lobbyScreen = h(
    'main',
    { id: 'main', class: 'session-page', tabindex: -1 },
    h('h1', {}, t('session.playerHeading')),
    status,
    body,
  );
  root.replaceChildren(lobbyScreen);

  const run = (p: Promise<unknown>) => {
    busy = true;
    render();
    p.then(
      () => (message = ''),
      (e: unknown) => (message = errText(e)),
    ).finally(() => {
      busy = false;
      render();
    });
  };

  /** One intent at a time: a second press while the first is on its way is dropped, not sent twice. */
  const act = (a: Action) => {
    if (sending) return;
    sending = true;
    rejection = null;
    render();
    client
      .act(a)
      .then(
        () => (rejection = null),
        (e: unknown) => (rejection = { code: e instanceof RequestError ? e.code : 'generic' }),
      )
      .finally(() => {
        sending = false;
        render();
      });
  };

  const humans = (): Chair[] => CHAIRS.filter((c) => client.lobby?.seats[c]?.by === 'human');

  function render(): void {
    if (inDebrief) return;
    const v = client.view;
    const scn = scenarioId ? scenarioOf(scenarioId) : undefined;
    if (client.role === 'chair' && v?.role === 'chair' && scn) {
      if (!table) {
        table = createPlayerTable({ dispatch: act, onDebrief: () => void openDebrief(), onLang: switchLang });
        root.replaceChildren(table.root);
      }
      table.update({
        scn,
        body: v,
        team: client.lobby?.team ?? null,
        humans: humans(),
        clock: clock(client.timeLeft()),
        rejection,
        sending,
        notice: noticeText(v.view.phase === 'over'),
        debriefReady: record !== null,
      });
      return;
    }
    if (table) {
      // freed from the chair by the facilitator: back to the lobby
      table.destroy();
      table = null;
      if (client.role === 'member') message = t('player.freed');
    }
    if (root.firstChild !== lobbyScreen) root.replaceChildren(lobbyScreen);
    keepFields(body, paintLobby);
  }

  function noticeText(over: boolean): string {
    if (notice) return notice;
    return over && record === null ? t('player.debriefSoon') : '';
  }

  function paintLobby(): void {
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
              return h(
                'li',
                {},
                h(
                  'button',
                  { type: 'button', disabled: taken || busy, onclick: () => run(client.claimChair(c)) },
                  t('session.claimChair', { chair: chairName(c) }),
                ),
                taken ? ` ${t('session.seatHuman', { name: s.name })}` : '',
              );
            }),
          ),
        ),
      );
      return;
    }
    body.replaceChildren(
      h('p', {}, scenarioId && !scn ? t('player.noScenario', { id: scenarioId }) : t('session.waiting')),
    );
  }

  // The debrief (loaded on demand) takes the screen; the table waits, detached, to come back as it was.
  async function openDebrief(): Promise<void> {
    const lobby = client.lobby;
    if (!record || inDebrief) return;
    // held while the record is replayed, so a second press or message does not open it twice
    inDebrief = true;
    // the bots' doctrine is what the lobby names for a bot's chair
    const doctrine = Object.values(lobby?.seats ?? {}).find((x) => x?.by === 'bot')?.name ?? 'report';
    const r = await sessionFromRecord(client.session ?? code, record, { seats: lobby?.seats, doctrine });
    if (!r.ok) {
      inDebrief = false;
      notice = t('player.recordFailed', { reason: r.detail });
      render();
      return;
    }
    void showDebrief(root, r.session, () => {
      inDebrief = false;
      render();
      root.querySelector<HTMLElement>('[data-key="debrief"], #over-heading, #phase-heading')?.focus();
    });
  }

  function switchLang(l: Lang): void {
    setLang(l);
    table?.redrawMap();
    render();
  }

  client.on('record', (m) => {
    if (client.session !== null && m.session !== client.session) return;
    record = m.save;
    notice = '';
    // the first record opens the debrief on every screen; one sent again (a reconnection) leaves the player where they are
    if (!opened && client.role === 'chair') {
      opened = true;
      void openDebrief();
    } else render();
  });
  client.on('reopened', () => {
    // the facilitator undid the end: the record no longer stands, and the game goes on at the table
    record = null;
    opened = false;
  });
  client.on('resumed', () => {
    if (rejection?.code === 'session/paused') rejection = null;
  });
  client.on('lobby', (l) => (scenarioId ??= l.scenario));
  for (const type of [
    'view',
    'lobby',
    'timer',
    'paused',
    'resumed',
    'ended',
    'reopened',
    'seated',
    'joined',
    'error',
  ] as const)
    client.on(type, () => render());
  const unwatch = showConnection(client);
  // While the server cannot be reached (a reload during an outage) the page waits for it, seat token and all.
  client.connectPersistently().then(
    () => render(),
    (e: unknown) => {
      // A stale seat token: forget it and join afresh.
      storeSeat(code, null);
      message = errText(e);
      if (saved) {
        window.clearInterval(ticker);
        unwatch();
        playerPage(root, code);
        return;
      }
      render();
    },
  );
  const ticker = window.setInterval(() => {
    if (client.timer?.deadline && client.connection === 'online') {
      const c = root.querySelector('[data-testid="clock"]');
      if (c) c.textContent = clock(client.timeLeft());
    }
  }, 1000);
}
