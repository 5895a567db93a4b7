// The printable workshop pack (?pack=SCENARIO[&base=URL&teams=Name~CODE,…]), made from the scenario's data alone: a
// sheet per team with its join code, link and QR code; the scenario's brief; a role card per chair (its brief, what its
// cards work on, its cards); the inject plan (the scenario's events by month) and the facilitator's plans kept on the
// server; the lessons with their questions.
// Printed from the browser: every section starts a page; the paper (A4 or Letter) is chosen on the page.
import './pack.css';
import { z } from 'zod';
import { LESSONS } from '../scenarios.js';
import { CHAIRS, type Chair } from '../../scenario/constants.js';
import type { Card, Event as ScenarioEvent, Scenario } from '../../scenario/schema.js';
import { chairName, taskName } from '../describe.js';
import { h } from '../dom.js';
import { leaderDates } from '../glossary.js';
import { lessonName } from '../lesson-names.js';
import { loc, t } from '../i18n/index.js';
import { scenarioOf } from './common.js';
import { briefingParagraphs } from './briefing.js';
import type { PackPlan } from './pack-link.js';

export interface PackTeam {
  readonly team: string;
  readonly code: string;
}

/** The teams of a pack's address: `Name~CODE` pairs, comma-separated; malformed pairs are left out. */
export function parseTeams(text: string | null): PackTeam[] {
  if (!text) return [];
  return text
    .split(',')
    .map((p) => p.split('~'))
    .filter((p): p is [string, string] => p.length === 2 && /^[A-Z0-9]{4,12}$/i.test(p[1]!) && p[0]!.trim() !== '')
    .map(([team, code]) => ({ team: team.trim().slice(0, 40), code: code.toUpperCase() }))
    .slice(0, 40);
}

const Line = z.string().trim().min(1).max(500);
const PackPlans = z
  .array(
    z.strictObject({
      name: Line,
      items: z
        .array(
          z.strictObject({
            month: z.number().int().min(1).max(60),
            event: Line.optional(),
            title: Line.optional(),
            text: Line,
          }),
        )
        .max(100),
    }),
  )
  .max(50);

/** The facilitator's plans from a pack's address (see packHref); a list that does not parse is left out. */
export function parsePlans(text: string | null): PackPlan[] {
  if (!text) return [];
  try {
    const r = PackPlans.safeParse(JSON.parse(text));
    return r.success ? r.data : [];
  } catch {
    return [];
  }
}

/** A join address made from the base the facilitator's page gave (http or https only), or this page's own. */
function joinLink(base: string | null, code: string): string {
  let origin = location.origin;
  try {
    if (base && /^https?:$/.test(new URL(base).protocol)) origin = new URL(base).origin;
  } catch {
    /* this page's own */
  }
  return `${origin}/?join=${code}`;
}

const sheet = (label: string, ...children: (HTMLElement | string | null)[]) =>
  h('section', { class: 'pack-sheet', 'aria-label': label }, ...children);

function teamSheet(team: PackTeam, link: string, scn: Scenario): HTMLElement {
  const qr = h('img', {
    class: 'pack-qr',
    alt: t('session.qr', { code: team.code }),
    width: 260,
    height: 260,
    'data-testid': 'pack-qr',
  });
  // the QR code is drawn here, from the link: the printed pack needs no server
  void import('qrcode').then((QR) =>
    QR.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then((svg) => {
      qr.src = `data:image/svg+xml;base64,${btoa(svg)}`;
      qr.dataset['ready'] = 'true';
    }),
  );
  return sheet(
    t('pack.teamSheet', { team: team.team }),
    h('h2', {}, t('pack.teamSheet', { team: team.team })),
    h('p', { class: 'pack-scenario' }, loc(scn.title)),
    h('p', {}, t('pack.teamJoin')),
    h('p', { class: 'pack-code' }, h('span', { class: 'pack-label' }, t('pack.code')), ' ', h('strong', {}, team.code)),
    h('p', { class: 'pack-link' }, h('span', { class: 'pack-label' }, t('pack.link')), ' ', link),
    qr,
    h(
      'ul',
      { class: 'pack-chairs' },
      CHAIRS.filter((c) => scn.chairs[c] !== undefined).map((c) =>
        h('li', {}, `${chairName(c)}: ______________________`),
      ),
    ),
  );
}

function briefSheet(scn: Scenario): HTMLElement {
  return sheet(
    t('pack.brief'),
    h('h2', {}, t('pack.brief')),
    h('p', { class: 'muted' }, t('pack.months', { n: scn.turns, start: scn.start })),
    ...briefingParagraphs(scn),
  );
}

function cardItem(scn: Scenario, c: Card): HTMLElement {
  return h(
    'li',
    { class: 'pack-card' },
    h('strong', {}, loc(c.name)),
    ` (${t('pack.cardCost', { n: c.cost })}${c.task ? `; ${t('pack.cardTask', { task: taskName(scn, c.task) })}` : ''})`,
    h('br', {}),
    loc(c.text),
  );
}

function roleCard(scn: Scenario, chair: Chair): HTMLElement {
  const setup = scn.chairs[chair]!;
  const cards = scn.actions.filter((c) => c.chair === chair);
  const brief = scn.chairBriefs[chair];
  // what the chair's cards serve: the mandate's tasks they need, and the lessons they carry
  const tasks = [...new Set(cards.flatMap((c) => (c.task ? [c.task] : [])))];
  const lessonIds = [...new Set(cards.flatMap((c) => c.lessons))];
  const lessonTitle = (id: string) => lessonName(id) ?? id;
  return sheet(
    t('pack.role', { chair: chairName(chair) }),
    h('h2', {}, t('pack.role', { chair: chairName(chair) })),
    h('p', { class: 'pack-scenario' }, loc(scn.title)),
    h('h3', {}, t('pack.roleBrief')),
    brief ? h('p', {}, loc(brief)) : null,
    h('p', {}, t('pack.capacity', { n: setup.capacity })),
    setup.holders.length > 0 ? h('h3', {}, t('pack.holders')) : null,
    setup.holders.length > 0
      ? h(
          'ul',
          {},
          setup.holders.map((l) =>
            h('li', {}, `${l.name}, ${loc(l.role)}${leaderDates(l) ? ` (${leaderDates(l)})` : ''}`),
          ),
        )
      : null,
    h('h3', {}, t('pack.interests')),
    h('ul', {}, [
      ...tasks.map((x) => h('li', {}, taskName(scn, x))),
      ...lessonIds.map((x) => h('li', {}, lessonTitle(x))),
    ]),
    h('h3', {}, t('pack.cards')),
    h(
      'ul',
      { class: 'pack-cards' },
      cards.map((c) => cardItem(scn, c)),
    ),
  );
}

function injectPlan(scn: Scenario): HTMLElement {
  const timed = scn.events.filter((e) => e.window).sort((a, b) => a.window!.from - b.window!.from);
  const untimed = scn.events.filter((e) => !e.window);
  const when = (e: ScenarioEvent) =>
    e.window!.from === e.window!.to
      ? t('pack.month', { n: e.window!.from })
      : t('pack.monthRange', { from: e.window!.from, to: e.window!.to });
  const row = (e: ScenarioEvent, label: string) =>
    h('tr', {}, h('td', {}, label), h('th', { scope: 'row' }, loc(e.title)), h('td', {}, loc(e.text)));
  return sheet(
    t('pack.injects'),
    h('h2', {}, t('pack.injects')),
    h('p', { class: 'muted' }, t('pack.injectsNote')),
    h(
      'table',
      { class: 'pack-injects' },
      h('tbody', {}, [...timed.map((e) => row(e, when(e))), ...untimed.map((e) => row(e, t('pack.any')))]),
    ),
  );
}

/** A plan the facilitator keeps on the server, month by month: what each card says to the players. */
function plannedSheet(scn: Scenario, plan: PackPlan): HTMLElement {
  const events = new Map(scn.events.map((e) => [e.id, e]));
  const rows = [...plan.items]
    .sort((a, b) => a.month - b.month)
    .flatMap((i) => {
      const e = i.event !== undefined ? events.get(i.event) : undefined;
      // an event of another scenario is not this pack's
      if (i.event !== undefined && !e) return [];
      const title = e ? loc(e.title) : (i.title ?? t('card.message'));
      return [
        h(
          'tr',
          {},
          h('td', {}, t('pack.month', { n: i.month })),
          h('th', { scope: 'row' }, title),
          h('td', {}, i.text),
        ),
      ];
    });
  return sheet(
    t('pack.planned', { name: plan.name }),
    h('h2', {}, t('pack.planned', { name: plan.name })),
    h('p', { class: 'muted' }, t('pack.plannedNote')),
    h('table', { class: 'pack-injects' }, h('tbody', {}, rows)),
  );
}

function lessonsSheet(scn: Scenario): HTMLElement {
  const used = new Set([
    ...scn.actions.flatMap((c) => c.lessons),
    ...scn.events.flatMap((e) => [...e.lessons, ...e.choices.flatMap((c) => c.lessons)]),
    ...scn.strategies.flatMap((s) => s.lessons),
  ]);
  const lessons = (LESSONS?.lessons ?? []).filter((l) => used.has(l.id));
  return sheet(
    t('pack.lessons'),
    h('h2', {}, t('pack.lessons')),
    ...lessons.map((l) =>
      h(
        'article',
        { class: 'pack-lesson' },
        h('h3', {}, loc(l.title)),
        h('p', {}, loc(l.statement)),
        h(
          'ol',
          {},
          l.questions.map((q) => h('li', {}, loc(q))),
        ),
      ),
    ),
  );
}

/** The paper size for printing, as an @page rule the page keeps in one style element. */
function setPaper(size: 'A4' | 'letter'): void {
  let style = document.getElementById('pack-paper');
  if (!style) {
    style = h('style', { id: 'pack-paper' });
    document.head.append(style);
  }
  style.textContent = `@page { size: ${size}; margin: 15mm; }`;
  document.documentElement.dataset['paper'] = size;
}

export function packPage(
  root: HTMLElement,
  scenarioId: string,
  base: string | null,
  teamsText: string | null,
  plansText: string | null = null,
): void {
  const scn = scenarioOf(scenarioId);
  if (!scn) {
    root.replaceChildren(
      h(
        'main',
        { id: 'main', class: 'session-page' },
        h('p', { role: 'alert', class: 'rejection' }, t('player.noScenario', { id: scenarioId })),
      ),
    );
    return;
  }
  const teams = parseTeams(teamsText);
  setPaper('A4');
  const paper = h(
    'select',
    {
      id: 'pack-paper-size',
      onchange: (e: Event) => setPaper((e.target as HTMLSelectElement).value === 'letter' ? 'letter' : 'A4'),
    },
    h('option', { value: 'A4' }, t('pack.a4')),
    h('option', { value: 'letter' }, t('pack.letter')),
  );
  document.title = `${t('pack.title', { scenario: loc(scn.title) })} — ${t('app.title')}`;
  root.replaceChildren(
    h(
      'main',
      { id: 'main', class: 'pack', tabindex: -1 },
      h(
        'div',
        { class: 'pack-tools no-print' },
        h('label', { for: 'pack-paper-size' }, t('pack.paper')),
        paper,
        h('button', { type: 'button', class: 'primary', onclick: () => window.print() }, t('pack.print')),
      ),
      sheet(
        t('pack.title', { scenario: loc(scn.title) }),
        h('h1', {}, t('pack.title', { scenario: loc(scn.title) })),
        h('p', {}, t('pack.contents')),
        teams.length === 0 ? h('p', { class: 'muted' }, t('pack.noTeams')) : null,
      ),
      ...teams.map((x) => teamSheet(x, joinLink(base, x.code), scn)),
      briefSheet(scn),
      ...CHAIRS.filter((c) => scn.chairs[c] !== undefined).map((c) => roleCard(scn, c)),
      injectPlan(scn),
      ...parsePlans(plansText).map((p) => plannedSheet(scn, p)),
      lessonsSheet(scn),
    ),
  );
}
