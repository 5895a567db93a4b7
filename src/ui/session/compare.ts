// The teams side by side: on the facilitator's page (with each game's live true score) and on the projector's comparison
// page (?compare=KEY: public rows only, from the server's /compare.json). How far each team got, its mandate and its
// strategies, and at the end the result against the pass mark of the length played; exported as CSV and Markdown.
import './room.css';
import { strategyRuns, toCsv, toMarkdown, type TeamRow } from '../../net/compare.js';
import type { ConnectionState } from '../../net/client.js';
import { DIMENSIONS } from '../../scenario/constants.js';
import type { Scenario } from '../../scenario/schema.js';
import { strategyName } from '../describe.js';
import { h } from '../dom.js';
import { downloadBlob } from '../download.js';
import { loc, t } from '../i18n/index.js';
import { scenarioOf } from './common.js';
import { showConnection } from './connection.js';

/** Each row's cells in words, in the page's language: the one source of the table, the CSV and the Markdown. */
function cells(r: TeamRow, scn: Scenario | undefined): { head: string[]; row: (string | number)[] } {
  const over = r.phase === 'over';
  const reached = over
    ? t('cmp.overAt', { turn: r.turn, months: r.months })
    : t('cmp.reached', { turn: r.turn, months: r.months });
  const strategies =
    strategyRuns(r.strategies)
      .map(([s, n]) =>
        n > 1 ? t('cmp.run', { name: scn ? strategyName(scn, s) : s, n }) : scn ? strategyName(scn, s) : s,
      )
      .join(' → ') || '—';
  const score = r.outcome?.score ?? r.live?.score;
  const mark = r.outcome?.threshold ?? r.live?.threshold;
  const dims = r.outcome?.dimensions ?? r.live?.dimensions;
  return {
    head: [
      t('cmp.team'),
      t('cmp.scenario'),
      t('cmp.seed'),
      t('cmp.reachedCol'),
      t('cmp.mandateCol'),
      t('cmp.strategiesCol'),
      t('cmp.resultCol'),
      t('session.scoreCol'),
      t('cmp.markCol'),
      ...DIMENSIONS.map((d) => t(`dim.${d}`)),
    ],
    row: [
      r.team,
      scn ? loc(scn.title) : r.scenario,
      r.seed,
      reached,
      t('cmp.mandate', { n: r.mandate.length, of: r.tasks }),
      strategies,
      r.outcome ? t(r.outcome.result === 'success' ? 'over.success' : 'over.failure') : '—',
      score ?? '—',
      mark ?? '—',
      ...DIMENSIONS.map((d) => dims?.[d] ?? '—'),
    ],
  };
}

function table(rows: readonly TeamRow[]): { head: string[]; body: (string | number)[][] } {
  const made = rows.map((r) => cells(r, scenarioOf(r.scenario)));
  return { head: made[0]?.head ?? cells(EMPTY, undefined).head, body: made.map((m) => m.row) };
}

const EMPTY: TeamRow = {
  session: '',
  team: '',
  scenario: '',
  seed: 0,
  months: 0,
  turn: 0,
  phase: 'setup',
  status: { started: false, paused: false, ended: false, endReason: null },
  mandate: [],
  tasks: 0,
  strategies: [],
  outcome: null,
};

export function comparisonCsv(rows: readonly TeamRow[]): string {
  const { head, body } = table(rows);
  return toCsv(head, body);
}

export function comparisonMarkdown(rows: readonly TeamRow[]): string {
  const { head, body } = table(rows);
  return `# ${t('cmp.title')}\n\n${toMarkdown(head, body)}`;
}

function download(name: string, type: string, text: string): void {
  downloadBlob(new Blob([text], { type }), name);
}

/** The comparison table, with its two downloads. `note` goes in the caption (same scenario and seed, or not). */
export function comparisonView(rows: readonly TeamRow[], opts: { id: string }): HTMLElement {
  const { head, body } = table(rows);
  const mixed = new Set(rows.map((r) => `${r.scenario}/${r.seed}`)).size > 1;
  // the best score among the finished games is marked, in words too
  const finished = rows.filter((r) => r.outcome).map((r) => r.outcome!.score);
  const best = finished.length > 1 ? Math.max(...finished) : null;
  return h(
    'div',
    { class: 'cmp' },
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { 'data-testid': opts.id, class: 'fac-compare cmp-table' },
        h('caption', { class: 'small muted' }, mixed ? t('ws.compareMixed') : t('ws.compareSame')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            head.map((c) => h('th', { scope: 'col' }, c)),
          ),
        ),
        h(
          'tbody',
          {},
          body.map((cellsOf, i) => {
            const top = best !== null && rows[i]!.outcome?.score === best;
            return h(
              'tr',
              { class: top ? 'best' : '' },
              h(
                'th',
                { scope: 'row' },
                String(cellsOf[0]),
                top ? h('span', { class: 'visually-hidden' }, ` ${t('ws.best')}`) : null,
              ),
              cellsOf.slice(1).map((c) => h('td', { class: typeof c === 'number' ? 'num' : '' }, String(c))),
            );
          }),
        ),
      ),
    ),
    rows.length === 0
      ? h('p', { class: 'muted' }, t('cmp.none'))
      : h(
          'div',
          { class: 'button-row' },
          h(
            'button',
            { type: 'button', onclick: () => download('mandate-teams.csv', 'text/csv', comparisonCsv(rows)) },
            t('cmp.csv'),
          ),
          h(
            'button',
            {
              type: 'button',
              onclick: () => download('mandate-teams.md', 'text/markdown', comparisonMarkdown(rows)),
            },
            t('cmp.markdown'),
          ),
        ),
  );
}

/** The projector's comparison address: this server's page with the comparison key (never the facilitator's secret). */
export function compareLink(key: string, sessions: readonly string[]): string {
  const u = new URL(location.href);
  u.search = `?compare=${encodeURIComponent(key)}${sessions.length > 0 ? `&sessions=${sessions.join(',')}` : ''}`;
  u.hash = '';
  return u.href;
}

/** Asks the server for the comparison key with the facilitator's secret; null when it cannot be had. */
export async function fetchCompareKey(token: string): Promise<string | null> {
  try {
    const r = await fetch('/compare-key', { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
    if (!r.ok) return null;
    const body = (await r.json()) as { key?: unknown };
    return typeof body.key === 'string' ? body.key : null;
  } catch {
    return null;
  }
}

/** How often the wall's comparison asks the server again. */
const POLL_MS = 2000;

/** The projector's comparison page: the teams' public rows, refreshed every two seconds; "Reconnecting…" when unreachable. */
export function comparePage(root: HTMLElement, key: string, sessions: string | null): void {
  const listeners = new Set<(s: ConnectionState) => void>();
  const link = {
    connection: 'connecting' as ConnectionState,
    onConnection(fn: (s: ConnectionState) => void) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
  const set = (s: ConnectionState) => {
    if (link.connection === s) return;
    link.connection = s;
    for (const fn of listeners) fn(s);
  };
  showConnection(link);
  const status = h('p', { role: 'status', class: 'muted' });
  const box = h('div', {});
  root.replaceChildren(
    h('main', { id: 'main', class: 'session-page cmp-page', tabindex: -1 }, h('h1', {}, t('cmp.title')), status, box),
  );
  document.title = `${t('cmp.title')} — ${t('app.title')}`;
  let shown = '';
  const url = `/compare.json?key=${encodeURIComponent(key)}${sessions ? `&sessions=${encodeURIComponent(sessions)}` : ''}`;
  const poll = async () => {
    try {
      const r = await fetch(url, { cache: 'no-store' });
      if (r.status === 403) {
        set('online');
        status.textContent = t('cmp.badKey');
        return;
      }
      if (!r.ok) throw new Error(String(r.status));
      const { rows } = (await r.json()) as { rows: TeamRow[] };
      set('online');
      status.textContent = '';
      const text = JSON.stringify(rows);
      // painted only when something changed: the downloads' buttons keep their focus
      if (text !== shown) {
        shown = text;
        box.replaceChildren(comparisonView(rows, { id: 'cmp-public' }));
      }
    } catch {
      set('reconnecting');
    }
    setTimeout(() => void poll(), POLL_MS);
  };
  void poll();
}
