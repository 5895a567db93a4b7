// The room dashboard on the facilitator's page: every team in one live table (month, phase, whom it waits on, clock,
// people), commands for all teams at once, messages to every screen, and injects planned ahead (named plans kept on the server,
// for every facilitator device).
import './dashboard.css';
import type { SessionClient } from '../../net/client.js';
import type { FacilitatorCommand, ScheduledItem, ServerMessage, SessionSummary } from '../../net/protocol.js';
import { CORE_INDICATORS, type IndicatorId } from '../../scenario/constants.js';
import { chairName } from '../describe.js';
import { h } from '../dom.js';
import { t } from '../i18n/index.js';
import { clock, indName, keepFields, scenarioOf } from './common.js';
import { clocksForm } from './facilitator-forms.js';

type Timer = Extract<ServerMessage, { type: 'timer' }>;
type Desk = Extract<ServerMessage, { type: 'desk' }>;

export interface Dashboard {
  readonly root: HTMLElement;
  paint(): void;
  tick(): void;
}

/** `run` shows a command's outcome on the page (`done` once it is accepted). */
export function roomDashboard(
  client: SessionClient,
  run: (p: Promise<unknown>, done?: string) => void,
  open: (s: SessionSummary) => void,
): Dashboard {
  const timers = new Map<string, Timer>();
  const watched = new Set<string>();
  const lobbies = new Map<string, Extract<ServerMessage, { type: 'lobby' }>>();
  client.on('timer', (m) => timers.set(m.session, m));
  client.on('lobby', (m) => lobbies.set(m.session, m));
  let confirming: 'start' | 'end-phase' | null = null;
  /** The plan being made, before it is sent to the teams. */
  let plan: ScheduledItem[] = [];

  const desk = (sid: string): Desk | undefined => client.desks.get(sid);
  // the list of sessions is as it was when asked for; the live status comes with each session's view
  const status = (s: SessionSummary) => {
    const v = client.views.get(s.session);
    return v?.role === 'facilitator' ? v.status : s.status;
  };
  const live = () => client.sessions.filter((s) => !status(s).ended);
  const running = () => live().filter((s) => status(s).started);
  const forAll = (list: SessionSummary[], cmd: (s: SessionSummary) => FacilitatorCommand | null, done: string) =>
    run(
      Promise.all(
        list.map((s) => {
          const c = cmd(s);
          return c ? client.command(s.session, c) : null;
        }),
      ),
      done,
    );
  // stands still while the server cannot be reached
  const timeLeft = (sid: string): number | null => client.timeLeftOf(timers.get(sid));

  const tableBox = h('div', { class: 'table-scroll' });
  const buttons = h('div', { class: 'button-row dash-buttons' });
  const requests = h('div');
  const planList = h('div');

  function waitsText(s: SessionSummary): string {
    const w = desk(s.session)?.waiting;
    if (!w) return '…';
    if (w.on === 'people') return t('dash.w.people');
    if (w.on === 'discussion') return t('dash.w.discussion', { turn: w.turn });
    if (w.on !== 'chairs') return t(`dash.w.${w.on}`);
    return w.chairs
      .map((c) =>
        t('dash.w.chair', {
          chair: chairName(c.chair),
          who: c.by === 'bot' ? t('dash.bot') : c.connected ? c.name : `${c.name}, ${t('dash.offline')}`,
          decision: t(`dash.d.${c.decision}`),
        }),
      )
      .join('; ');
  }

  function peopleText(sid: string): string {
    const seats = Object.values(lobbyOf(sid));
    const n = seats.filter((x) => x?.by === 'human').length;
    const off = seats.filter((x) => x?.by === 'human' && !x.connected).length;
    return t('dash.peopleRow', { n, off });
  }

  function paintTable(): void {
    for (const s of live())
      if (!watched.has(s.session)) {
        watched.add(s.session);
        client.watch(s.session);
      }
    const rows = client.sessions.map((s) => {
      const v = client.views.get(s.session);
      const st = v?.role === 'facilitator' ? v.state : null;
      const w = desk(s.session)?.waiting;
      return h(
        'tr',
        { 'data-testid': `dash-row-${s.team}` },
        h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', onclick: () => open(s) }, s.team)),
        h('td', {}, `${st?.turn ?? s.turn}, ${t(`phase.${st?.phase ?? s.phase}`)}`),
        h(
          'td',
          { 'data-testid': 'dash-waits' },
          waitsText(s),
          w?.on === 'people'
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'small-btn',
                  onclick: () => run(client.command(s.session, { do: 'play-month' })),
                },
                t('dash.playMonth'),
              )
            : '',
        ),
        h('td', { 'data-testid': 'dash-clock', 'data-session': s.session }, clock(timeLeft(s.session))),
        h('td', {}, peopleText(s.session)),
      );
    });
    tableBox.replaceChildren(
      h(
        'table',
        { class: 'fac-compare dash-table', 'data-testid': 'dash-table' },
        h('caption', { class: 'visually-hidden' }, t('dash.heading')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            (['dash.team', 'dash.month', 'dash.waits', 'dash.clock', 'dash.people'] as const).map((k) =>
              h('th', { scope: 'col' }, t(k)),
            ),
          ),
        ),
        h('tbody', {}, rows),
      ),
    );
    requests.replaceChildren(
      ...client.sessions.flatMap((s) =>
        (desk(s.session)?.requests ?? []).map((r) =>
          h(
            'p',
            { role: 'alert' },
            `${s.team}: ${t('dash.requests', { name: r.name, chair: chairName(r.chair) })} `,
            h(
              'button',
              {
                type: 'button',
                class: 'primary',
                onclick: () => run(client.command(s.session, { do: 'approve-rejoin', chair: r.chair, approve: true })),
              },
              t('dash.approve', { name: r.name, chair: chairName(r.chair) }),
            ),
            ' ',
            h(
              'button',
              {
                type: 'button',
                onclick: () => run(client.command(s.session, { do: 'approve-rejoin', chair: r.chair, approve: false })),
              },
              t('dash.refuse'),
            ),
          ),
        ),
      ),
    );
  }

  function paintButtons(): void {
    const waiting = live().filter((s) => !status(s).started);
    const empty = waiting.filter((s) => {
      const d = desk(s.session);
      return !d || (d.waiting.on === 'start' && !Object.values(lobbyOf(s.session)).some((x) => x?.by === 'human'));
    });
    const startAll = (autoplay: boolean) =>
      forAll(
        waiting,
        () => ({ do: 'start', ...(autoplay ? { autoplay: true } : {}) }),
        t('dash.started', { n: waiting.length }),
      );
    const out: (HTMLElement | string)[] = [];
    const stopAll = live().length > 0 && live().every((s) => desk(s.session)?.monthStop === true);
    if (confirming === 'start')
      out.push(
        h(
          'div',
          { class: 'confirm', role: 'group', 'aria-labelledby': 'dash-start-q' },
          h('p', { id: 'dash-start-q' }, t('dash.startEmpty', { teams: empty.map((s) => s.team).join(', ') })),
          h(
            'div',
            { class: 'button-row' },
            h(
              'button',
              { type: 'button', class: 'primary', onclick: () => ((confirming = null), startAll(false)) },
              t('dash.startWait'),
            ),
            h('button', { type: 'button', onclick: () => ((confirming = null), startAll(true)) }, t('dash.startAuto')),
            h('button', { type: 'button', onclick: () => ((confirming = null), paint()) }, t('dash.cancel')),
          ),
        ),
      );
    else if (confirming === 'end-phase')
      out.push(
        h(
          'div',
          { class: 'confirm', role: 'group', 'aria-labelledby': 'dash-end-q' },
          h('p', { id: 'dash-end-q' }, t('dash.endPhaseConfirm')),
          h(
            'div',
            { class: 'button-row' },
            h(
              'button',
              {
                type: 'button',
                class: 'danger',
                onclick: () => {
                  confirming = null;
                  const list = running().filter((s) => !status(s).paused);
                  forAll(list, () => ({ do: 'end-phase' }), t('dash.done', { n: list.length }));
                },
              },
              t('ws.confirmYes'),
            ),
            h('button', { type: 'button', onclick: () => ((confirming = null), paint()) }, t('dash.cancel')),
          ),
        ),
      );
    buttons.replaceChildren(
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          disabled: waiting.length === 0,
          onclick: () => {
            if (empty.length > 0) {
              confirming = 'start';
              paint();
            } else startAll(false);
          },
        },
        t('dash.startAll'),
      ),
      h(
        'button',
        {
          type: 'button',
          onclick: () => forAll(running(), () => ({ do: 'pause' }), t('dash.done', { n: running().length })),
        },
        t('dash.pauseAll'),
      ),
      h(
        'button',
        {
          type: 'button',
          onclick: () => forAll(running(), () => ({ do: 'resume' }), t('dash.done', { n: running().length })),
        },
        t('dash.resumeAll'),
      ),
      h(
        'button',
        {
          type: 'button',
          onclick: () => {
            const list = running().filter((s) => timeLeft(s.session) !== null);
            forAll(list, () => ({ do: 'add-time', seconds: 60 }), t('dash.done', { n: list.length }));
          },
        },
        t('dash.plusMinute'),
      ),
      h('button', { type: 'button', onclick: () => ((confirming = 'end-phase'), paint()) }, t('dash.endPhase')),
      h(
        'label',
        { class: 'dash-check' },
        h('input', {
          type: 'checkbox',
          // as the server has it (every live team stops), whatever was just clicked
          'data-testid': 'dash-month-stop',
          'data-on': String(stopAll),
          checked: stopAll,
          onchange: (e: Event) => {
            const on = (e.target as HTMLInputElement).checked;
            forAll(live(), () => ({ do: 'month-stop', on }), t('dash.done', { n: live().length }));
          },
        }),
        ` ${t('dash.monthStop')}`,
      ),
      ...out,
    );
  }

  function lobbyOf(sid: string) {
    return lobbies.get(sid)?.seats ?? {};
  }

  // -- forms, built once --
  const bcText = h('input', { id: 'dash-bc-text', type: 'text', maxlength: 500, required: true });
  const broadcast = h(
    'form',
    {
      class: 'panel',
      'aria-labelledby': 'dash-bc',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const text = bcText.value.trim();
        if (!text) return void bcText.reportValidity();
        const list = running();
        forAll(list, () => ({ do: 'broadcast', text }), t('dash.sent', { n: list.length }));
        bcText.value = '';
      },
    },
    h('h3', { id: 'dash-bc' }, t('dash.broadcast')),
    h('div', { class: 'field' }, h('label', { for: 'dash-bc-text' }, t('dash.broadcastText')), bcText),
    h('button', { type: 'submit' }, t('dash.broadcastButton')),
  );

  const pMonth = h('input', { id: 'dash-p-month', type: 'number', min: 1, max: 60, value: '1', required: true });
  const pTeams = h('select', { id: 'dash-p-teams' });
  const pTitle = h('input', { id: 'dash-p-title', type: 'text', maxlength: 200, required: true });
  const pText = h('input', { id: 'dash-p-text', type: 'text', maxlength: 280, required: true });
  const pNote = h('input', { id: 'dash-p-note', type: 'text', maxlength: 280 });
  const pInd = h(
    'select',
    { id: 'dash-p-ind' },
    CORE_INDICATORS.map((k) => h('option', { value: k }, indName(scenarioOf(client.sessions[0]?.scenario ?? ''), k))),
  );
  const pBy = h('input', { id: 'dash-p-by', type: 'number', min: -50, max: 50, value: '-3', required: true });
  const pName = h('input', { id: 'dash-p-name', type: 'text', maxlength: 40 });
  const pLoad = h('select', { id: 'dash-p-load' });
  let seq = 0;
  const targets = () => (pTeams.value === '' ? live() : live().filter((s) => s.session === pTeams.value));
  const sendPlan = () =>
    forAll(
      targets(),
      (s) => {
        // a session's plan is what it had, for the items of other plans, and this plan's items
        const had = desk(s.session)?.schedule ?? [];
        const mine = new Set(plan.map((i) => i.key));
        return { do: 'schedule', items: [...had.filter((i) => !mine.has(i.key)), ...plan] };
      },
      t('dash.done', { n: targets().length }),
    );
  const planForm = h(
    'form',
    {
      class: 'panel',
      'aria-labelledby': 'dash-plan',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const by = Number(pBy.value);
        if (!pTitle.reportValidity() || !pText.reportValidity() || !Number.isInteger(by) || by === 0) return;
        const note = pNote.value.trim();
        plan = [
          ...plan,
          {
            key: `p${Date.now().toString(36)}${seq++}`,
            month: Math.max(1, Math.round(Number(pMonth.value) || 1)),
            command: {
              do: 'custom-inject',
              title: pTitle.value.trim(),
              effects: [{ do: 'indicator', id: pInd.value as IndicatorId, by }],
              reason: pText.value.trim(),
              ...(note ? { note } : {}),
            },
          },
        ];
        sendPlan();
        pTitle.value = '';
        pText.value = '';
        pNote.value = '';
        paintPlan();
      },
    },
    h('h3', { id: 'dash-plan' }, t('dash.plan')),
    h('div', { class: 'field' }, h('label', { for: 'dash-p-month' }, t('dash.planMonth')), pMonth),
    h('div', { class: 'field' }, h('label', { for: 'dash-p-teams' }, t('dash.planTeams')), pTeams),
    h('div', { class: 'field' }, h('label', { for: 'dash-p-title' }, t('dash.planTitle')), pTitle),
    h('div', { class: 'field' }, h('label', { for: 'dash-p-text' }, t('dash.planText')), pText),
    h('div', { class: 'field' }, h('label', { for: 'dash-p-note' }, t('dash.planNote')), pNote),
    h('div', { class: 'field' }, h('label', { for: 'dash-p-ind' }, t('dash.planIndicator')), pInd),
    h('div', { class: 'field' }, h('label', { for: 'dash-p-by' }, t('dash.planBy')), pBy),
    h('button', { type: 'submit' }, t('dash.planAdd')),
    planList,
    h('div', { class: 'field' }, h('label', { for: 'dash-p-name' }, t('dash.planSave')), pName),
    h(
      'button',
      {
        type: 'button',
        onclick: () => {
          const name = pName.value.trim();
          if (!name || plan.length === 0) return void pName.reportValidity();
          run(client.savePlan(name, plan), t('dash.planSaved', { name }));
        },
      },
      t('dash.planSaveButton'),
    ),
    h('div', { class: 'field' }, h('label', { for: 'dash-p-load' }, t('dash.planLoad')), pLoad),
    h(
      'button',
      {
        type: 'button',
        onclick: () => {
          const p = client.plans.find((x) => x.name === pLoad.value);
          if (!p) return;
          plan = [...p.items];
          sendPlan();
          paintPlan();
        },
      },
      t('dash.planLoadButton'),
    ),
    h(
      'button',
      {
        type: 'button',
        // a plan saved with no items is deleted (the server's rule): the only way to make room under the limit
        onclick: () => {
          const name = pLoad.value;
          if (!client.plans.some((x) => x.name === name)) return;
          run(client.savePlan(name, []), t('dash.planDeleted', { name }));
        },
      },
      t('dash.planDeleteButton'),
    ),
  );

  function paintPlan(): void {
    const teamName = new Map(client.sessions.map((s) => [s.session, s.team]));
    keepFields(planForm, () => {
      pTeams.replaceChildren(
        h('option', { value: '' }, t('dash.allTeams')),
        ...live().map((s) => h('option', { value: s.session }, s.team)),
      );
      const scn = scenarioOf(live()[0]?.scenario ?? '');
      for (const o of pInd.options) o.textContent = indName(scn, o.value as IndicatorId);
      pLoad.replaceChildren(...client.plans.map((p) => h('option', { value: p.name }, p.name)));
      const items = client.sessions.flatMap((s) =>
        (desk(s.session)?.schedule ?? []).map((i) => ({
          i,
          s,
          fired: desk(s.session)?.fired.find((f) => f.key === i.key),
        })),
      );
      planList.replaceChildren(
        items.length === 0
          ? h('p', { class: 'muted' }, t('dash.planEmpty'))
          : h(
              'ul',
              { 'aria-label': t('dash.plan'), 'data-testid': 'dash-plan-list' },
              items.map(({ i, s, fired }) =>
                h(
                  'li',
                  {},
                  t('dash.planRow', {
                    month: i.month,
                    teams: teamName.get(s.session) ?? '',
                    title:
                      i.command.do === 'broadcast'
                        ? i.command.text
                        : i.command.do === 'custom-inject'
                          ? i.command.title
                          : i.command.event,
                  }),
                  fired
                    ? ` — ${fired.skipped ? t('dash.planSkipped', { why: fired.skipped }) : t('dash.planSent')}`
                    : '',
                ),
              ),
            ),
      );
    });
  }

  // a panel like the tools above it, shown once there is a note
  const notesList = h('ul', { 'data-testid': 'dash-notes' });
  const notesBox = h(
    'section',
    { class: 'panel dash-notes', 'aria-labelledby': 'dash-notes-h', hidden: true },
    h('h3', { id: 'dash-notes-h' }, t('dash.notes')),
    notesList,
  );
  function paintNotes(): void {
    const notes = client.sessions.flatMap((s) =>
      (desk(s.session)?.notes ?? []).map((n) => `${s.team}, ${n.turn}: ${n.title}: ${n.text}`),
    );
    notesBox.hidden = notes.length === 0;
    notesList.replaceChildren(...notes.map((n) => h('li', {}, n)));
  }

  const clocks = clocksForm((cmd, done) => {
    const p = Promise.all(live().map((s) => client.command(s.session, cmd)));
    run(p, done);
    return p;
  });
  clocks.querySelector('h2')?.replaceChildren(t('dash.clocksAll'));

  const root = h(
    'section',
    { class: 'panel dash', 'aria-labelledby': 'dash-heading' },
    h('h2', { id: 'dash-heading' }, t('dash.heading')),
    buttons,
    requests,
    tableBox,
    h('div', { class: 'dash-tools' }, broadcast, planForm, clocks),
    notesBox,
  );

  function paint(): void {
    paintButtons();
    paintTable();
    paintPlan();
    paintNotes();
  }
  return {
    root,
    paint,
    tick: () => {
      for (const el of tableBox.querySelectorAll<HTMLElement>('[data-testid="dash-clock"]'))
        el.textContent = clock(timeLeft(el.dataset['session'] ?? ''));
    },
  };
}
