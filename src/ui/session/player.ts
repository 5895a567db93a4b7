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
import { briefingBox } from './briefing.js';
import { noticeCards } from './cards.js';

const SEAT_KEY = 'mandate.seat';

/** A seat kept on this device (not only this tab: phones discard tabs, QR apps open new ones). */
interface KeptSeat {
  readonly token: string;
  readonly name: string;
  readonly seat: string;
  readonly pin: string | null;
}

function storedSeat(code: string): KeptSeat | null {
  try {
    const v = JSON.parse(localStorage.getItem(`${SEAT_KEY}.${code}`) ?? 'null') as Partial<KeptSeat> | null;
    return v && typeof v.token === 'string' && typeof v.name === 'string' && typeof v.seat === 'string'
      ? { token: v.token, name: v.name, seat: v.seat, pin: typeof v.pin === 'string' ? v.pin : null }
      : null;
  } catch {
    return null;
  }
}

function storeSeat(code: string, seat: KeptSeat | null): void {
  try {
    if (seat === null) {
      localStorage.removeItem(`${SEAT_KEY}.${code}`);
      sessionStorage.removeItem(`${SEAT_KEY}.live.${code}`);
    } else {
      localStorage.setItem(`${SEAT_KEY}.${code}`, JSON.stringify(seat));
      // this tab sits in the chair: a reload of it goes straight back, a new tab asks first
      sessionStorage.setItem(`${SEAT_KEY}.live.${code}`, '1');
    }
  } catch {
    /* not kept: a reload joins again */
  }
}

function liveInTab(code: string): boolean {
  try {
    return sessionStorage.getItem(`${SEAT_KEY}.live.${code}`) === '1';
  } catch {
    return false;
  }
}

export function playerPage(root: HTMLElement, code: string): void {
  const kept = storedSeat(code);
  // A seat kept on this device, opened in a new tab: "Rejoin as Ben?" first (a shared phone, another person).
  if (kept && !liveInTab(code)) {
    const yes = h(
      'button',
      {
        type: 'button',
        class: 'primary',
        onclick: () => {
          storeSeat(code, kept);
          playerPage(root, code);
        },
      },
      t('seat.rejoinYes', { name: kept.name }),
    );
    root.replaceChildren(
      h(
        'main',
        { id: 'main', class: 'session-page', tabindex: -1 },
        h('h1', {}, t('session.playerHeading')),
        h(
          'section',
          { class: 'panel', 'aria-labelledby': 'rejoin-q' },
          h(
            'h2',
            { id: 'rejoin-q' },
            t('seat.rejoinAs', {
              name: kept.name,
              chair: (CHAIRS as readonly string[]).includes(kept.seat) ? chairName(kept.seat as Chair) : kept.seat,
            }),
          ),
          h(
            'div',
            { class: 'button-row' },
            yes,
            h(
              'button',
              {
                type: 'button',
                onclick: () => {
                  storeSeat(code, null);
                  playerPage(root, code);
                },
              },
              t('seat.rejoinNo'),
            ),
          ),
        ),
      ),
    );
    yes.focus();
    return;
  }
  const saved = kept?.token ?? null;
  let myName = kept?.name ?? '';
  const client = new SessionClient({
    url: sessionUrl(location),
    ...(saved ? { token: saved } : {}),
  });
  const cards = noticeCards(client, () => (scenarioId ? scenarioOf(scenarioId) : undefined));
  const pinLine = h('p', { class: 'small muted session-pin', 'data-testid': 'seat-pin' });
  // the situation and the chair's brief: in the lobby, and above the table (folded once the game runs)
  const brief = briefingBox();
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

  let rejoining: Chair | null = null;
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
        root.replaceChildren(cards, brief.root, table.root, pinLine);
      }
      brief.update(scn, v.chair, v.status.started);
      const pin = client.pin ?? kept?.pin ?? null;
      pinLine.textContent = pin ? t('seat.pin', { pin }) : '';
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
    if (root.firstChild !== cards || root.children[1] !== lobbyScreen) root.replaceChildren(cards, lobbyScreen);
    keepFields(body, paintLobby);
  }

  function noticeText(over: boolean): string {
    if (notice) return notice;
    return over && record === null ? t('player.debriefSoon') : '';
  }

  function paintLobby(): void {
    status.textContent = message || (client.role === 'member' ? notice : '');
    if (client.role === null || client.role === 'anonymous') {
      const name = h('input', { id: 'join-name', type: 'text', required: true, maxlength: 40 });
      body.replaceChildren(
        h(
          'form',
          {
            class: 'panel',
            onsubmit: (e: Event) => {
              e.preventDefault();
              myName = name.value.trim();
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
                taken ? ` ${t('session.seatHuman', { name: s.name })} ` : '',
                // the same person on a new device: the PIN from the old screen, or the facilitator's approval
                taken && rejoining !== c
                  ? h(
                      'button',
                      { type: 'button', class: 'small-btn', onclick: () => ((rejoining = c), render()) },
                      t('seat.mine', { chair: chairName(c) }),
                    )
                  : '',
                taken && rejoining === c ? rejoinForm(c) : '',
              );
            }),
          ),
        ),
        scn ? brief.root : '',
      );
      if (scn) brief.update(scn, null, false);
      return;
    }
    body.replaceChildren(
      h('p', {}, scenarioId && !scn ? t('player.noScenario', { id: scenarioId }) : t('session.waiting')),
    );
  }

  function rejoinForm(c: Chair): HTMLElement {
    const pin = h('input', {
      id: `rejoin-pin-${c}`,
      type: 'text',
      inputmode: 'numeric',
      autocomplete: 'one-time-code',
      pattern: '[0-9]{6}',
      maxlength: 6,
    });
    return h(
      'form',
      {
        class: 'confirm',
        onsubmit: (e: Event) => {
          e.preventDefault();
          const v = pin.value.trim();
          run(
            client.rejoin(c, v === '' ? undefined : v).then((r) => {
              if (r.type === 'ack') notice = t('seat.asked');
              rejoining = null;
            }),
          );
        },
      },
      h('div', { class: 'field' }, h('label', { for: `rejoin-pin-${c}` }, t('seat.pinLabel')), pin),
      h('button', { type: 'submit', class: 'primary' }, t('seat.rejoinButton')),
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
  client.on('seated', (m) => {
    if (m.seat !== 'projector') storeSeat(code, { token: m.token, name: myName, seat: m.seat, pin: m.pin ?? null });
    notice = '';
  });
  client.on('error', (m) => {
    if (m.code === 'rejoin/refused') notice = t('rej.rejoin/refused');
  });
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
