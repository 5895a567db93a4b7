// This game against the doctrines: the study run in a web worker on the same scenario, with progress shown.
import { STUDY_DOCTRINES } from '../../sim/study.js';
import type { StudyRow } from '../../sim/study.js';
import type { Session } from '../../store/store.js';
import { doctrineName } from '../describe.js';
import { announce, h } from '../dom.js';
import { decimal, signed, t } from '../i18n/index.js';
import { rankAmong } from './record.js';
import { planJobs, StudyResults } from './study-jobs.js';
import type { StudyMessage, StudyRequest } from './study.worker.js';

const NS = 'http://www.w3.org/2000/svg';

/** A dot plot: each doctrine's mean score with its 95% interval, this game's score as a line, the threshold dashed. */
function dotPlot(rows: readonly StudyRow[], score: number, threshold: number): SVGSVGElement {
  const W = 560;
  const rowH = 20;
  const left = 230;
  const H = rows.length * rowH + 30;
  const x = (v: number) => left + (Math.max(0, Math.min(100, v)) / 100) * (W - left - 20);
  const el = document.createElementNS(NS, 'svg');
  const set = (e: Element, a: Record<string, string | number>) => {
    for (const [k, v] of Object.entries(a)) e.setAttribute(k, String(v));
    return e;
  };
  set(el, { viewBox: `0 0 ${W} ${H}`, width: W, height: H, 'aria-hidden': 'true', class: 'chart-svg' });
  const add = (tag: string, a: Record<string, string | number>, text?: string) => {
    const e = set(document.createElementNS(NS, tag), a);
    if (text !== undefined) e.textContent = text;
    el.append(e);
  };
  add('rect', { x: 0, y: 0, width: W, height: H, fill: '#fff' });
  for (const v of [0, 25, 50, 75, 100]) {
    add('line', { x1: x(v), x2: x(v), y1: 5, y2: H - 20, stroke: '#e3ddcf' });
    add(
      'text',
      { x: x(v), y: H - 6, 'text-anchor': 'middle', 'font-size': 10, fill: '#555', 'font-family': 'sans-serif' },
      String(v),
    );
  }
  rows.forEach((r, i) => {
    const y = 15 + i * rowH;
    add(
      'text',
      {
        x: left - 8,
        y: y + 4,
        'text-anchor': 'end',
        'font-size': 11,
        fill: '#222',
        'font-family': 'sans-serif',
        'font-weight': r.name === 'strong' ? 700 : 400,
      },
      doctrineName(r.name),
    );
    add('line', { x1: x(r.ci95[0]), x2: x(r.ci95[1]), y1: y, y2: y, stroke: '#1f4e79', 'stroke-width': 2 });
    add('circle', { cx: x(r.meanScore), cy: y, r: 4, fill: '#1f4e79' });
  });
  add('line', { x1: x(threshold), x2: x(threshold), y1: 5, y2: H - 20, stroke: '#555', 'stroke-dasharray': '4 3' });
  add('line', { x1: x(score), x2: x(score), y1: 5, y2: H - 20, stroke: '#b5562b', 'stroke-width': 2 });
  return el;
}

/** At most this many workers, whatever the browser reports: the games are short, the screen must stay responsive. */
const MAX_WORKERS = 8;
const PAINT_EVERY_MS = 250;

export function doctrinesPanel(session: Session, score: number): { root: HTMLElement; destroy: () => void } {
  const scn = session.scenario;
  // One worker per core the browser reports, started by the first run (a player who only reads the panel starts
  // none); each is given the scenario once and plays the jobs it is sent (a few games of one doctrine each) until
  // every game of the study has arrived, then waits, warm, for the next run.
  const threads = Math.max(1, Math.min(MAX_WORKERS, navigator.hardwareConcurrency || 1));
  let pool: Worker[] = [];
  let painting = 0;
  const games = h('input', {
    type: 'number',
    id: 'study-games',
    min: 1,
    max: 200,
    value: 20,
    'data-key': 'study-games',
  });
  const progress = h('progress', { max: 1, value: 0, 'aria-labelledby': 'study-progress-label', hidden: true });
  const progressLabel = h('span', { id: 'study-progress-label', class: 'small' });
  const out = h('div', {});
  const run = h('button', { type: 'button', class: 'primary', 'data-key': 'study-run' }, t('study.run'));
  const spawn = () => {
    pool = Array.from({ length: threads }, () => {
      const worker = new Worker(new URL('./study.worker.ts', import.meta.url), { type: 'module' });
      worker.postMessage({ type: 'scenario', scenario: scn } satisfies StudyRequest);
      return worker;
    });
  };
  const stop = () => {
    for (const w of pool) w.terminate();
    pool = [];
    clearTimeout(painting);
    painting = 0;
  };
  run.addEventListener('click', () => {
    // Run is disabled while a run is under way, so the workers are idle here (or not started, or gone after a failure)
    if (pool.length === 0) spawn();
    const n = Math.max(1, Math.min(200, Math.round(Number(games.value) || 20)));
    const names = [...STUDY_DOCTRINES];
    const seed = session.game.seed;
    const jobs = planJobs(names, n, pool.length);
    const arrived = new StudyResults(names, n);
    let next = 0;
    progress.hidden = false;
    progress.value = 0;
    progress.max = arrived.total;
    progressLabel.textContent = t('study.starting');
    announce(t('study.starting'));
    run.disabled = true;
    // the bar is redrawn for each whole percent, at most four times a second: a frame drawn for every game would take
    // the page's main thread (style, paint, commit) from the cores the workers share with it
    let shown = 0;
    const paint = () => {
      painting = 0;
      shown = arrived.done;
      progress.value = arrived.done;
      progressLabel.textContent = t('study.progress', { done: arrived.done, total: arrived.total });
    };
    const fail = (reason: string) => {
      stop();
      run.disabled = false;
      progressLabel.textContent = t('study.failed', { reason });
      announce(t('study.failed', { reason }));
    };
    const finish = () => {
      clearTimeout(painting);
      paint();
      // the workers are idle, the scenario still loaded: a new run starts at once
      run.disabled = false;
      progressLabel.textContent = t('study.done', { games: n });
      announce(t('study.done', { games: n }));
      out.replaceChildren(results(arrived.rows(scn)));
    };
    const send = (worker: Worker) => {
      const job = jobs[next++];
      if (job) worker.postMessage({ type: 'job', seed, job } satisfies StudyRequest);
    };
    for (const worker of pool) {
      worker.onmessage = (e: MessageEvent<StudyMessage>) => {
        const m = e.data;
        if (m.type === 'error') return fail(m.message);
        send(worker);
        arrived.add(m.job, m.games);
        if (arrived.done === arrived.total) return finish();
        // a new whole percent, at most four times a second
        if (Math.floor((100 * arrived.done) / arrived.total) > Math.floor((100 * shown) / arrived.total))
          painting ||= window.setTimeout(paint, PAINT_EVERY_MS);
      };
      worker.onerror = (e) => {
        e.preventDefault();
        fail(e.message);
      };
      // two jobs each: a worker has the next one in hand when it finishes one
      send(worker);
      send(worker);
    }
  });

  const results = (rows: StudyRow[]) => {
    const sorted = [...rows].sort((a, b) => b.meanScore - a.meanScore);
    const rank = rankAmong(
      score,
      sorted.map((r) => r.meanScore),
    );
    const report = rows.find((r) => r.name === 'strong');
    return h(
      'div',
      { 'data-testid': 'study-results' },
      h('p', {}, t('study.summary', { score, above: rank.above, of: rank.of })),
      report
        ? h(
            'p',
            {},
            t('study.vsReport', {
              score,
              report: decimal(report.meanScore),
              diff: signed(score - report.meanScore, 1),
            }),
          )
        : null,
      h(
        'figure',
        { class: 'chart' },
        h('figcaption', {}, t('study.plotCaption')),
        dotPlot(sorted, score, scn.scoring.threshold),
      ),
      h(
        'table',
        { class: 'db-dims' },
        h('caption', {}, t('study.tableCaption')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['study.doctrine', 'study.mean', 'study.ci', 'study.winRate'].map((k) =>
              h('th', { scope: 'col' }, t(k as 'study.mean')),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          h(
            'tr',
            { class: 'this-game' },
            h('th', { scope: 'row' }, t('study.thisGame')),
            h('td', {}, decimal(score)),
            h('td', {}, '—'),
            h('td', {}, '—'),
          ),
          sorted.map((r) =>
            h(
              'tr',
              { 'data-doctrine': r.name },
              h('th', { scope: 'row' }, doctrineName(r.name)),
              h('td', {}, decimal(r.meanScore)),
              h('td', {}, `${decimal(r.ci95[0])}–${decimal(r.ci95[1])}`),
              h('td', {}, `${Math.round(r.winRate * 100)}%`),
            ),
          ),
        ),
      ),
    );
  };

  const root = h(
    'section',
    { class: 'doctrines', 'aria-labelledby': 'study-heading' },
    h('h2', { id: 'study-heading' }, t('study.heading')),
    h('p', { class: 'muted' }, t('study.intro')),
    h('div', { class: 'no-print' }, h('label', { for: 'study-games' }, t('study.games')), ' ', games, ' ', run),
    h('p', {}, progress, ' ', progressLabel),
    out,
  );
  return { root, destroy: stop };
}
