// This game against the doctrines: the study run in a web worker on the same scenario, with progress shown.
import { STUDY_DOCTRINES } from '../../sim/study.js';
import type { StudyRow } from '../../sim/study.js';
import type { Session } from '../../store/store.js';
import { doctrineName } from '../describe.js';
import { announce, h } from '../dom.js';
import { t } from '../i18n/index.js';
import { rankAmong } from './record.js';
import type { StudyMessage, StudyRequest } from './study.worker.js';

const NS = 'http://www.w3.org/2000/svg';

/** A dot plot: each doctrine's mean score with its 95% interval, this game's score as a line, the threshold dashed. */
function dotPlot(rows: readonly StudyRow[], score: number, threshold: number): SVGSVGElement {
  const W = 560;
  const rowH = 20;
  const left = 190;
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

export function doctrinesPanel(session: Session, score: number): { root: HTMLElement; destroy: () => void } {
  const scn = session.scenario;
  // The study is split over up to two workers (one share of the doctrines each), as the CLI splits it over threads.
  let workers: Worker[] = [];
  const games = h('input', {
    type: 'number',
    id: 'study-games',
    min: 1,
    max: 200,
    value: 20,
    'data-key': 'study-games',
  });
  const progress = h('progress', { max: 1, value: 0, 'aria-labelledby': 'study-progress-label', hidden: true });
  const progressLabel = h('span', { id: 'study-progress-label', class: 'small', 'aria-live': 'polite' });
  const out = h('div', {});
  const run = h('button', { type: 'button', class: 'primary', 'data-key': 'study-run' }, t('study.run'));
  const stop = () => {
    for (const w of workers) w.terminate();
    workers = [];
  };
  run.addEventListener('click', () => {
    stop();
    const n = Math.max(1, Math.min(200, Math.round(Number(games.value) || 20)));
    const names = [...STUDY_DOCTRINES];
    const threads = Math.max(1, Math.min(2, names.length, navigator.hardwareConcurrency || 1));
    const shares = Array.from({ length: threads }, (_, i) => names.filter((_, j) => j % threads === i));
    const done = new Array<number>(threads).fill(0);
    const rows = new Map<string, StudyRow>();
    let finished = 0;
    progress.hidden = false;
    progress.value = 0;
    progress.max = names.length * n;
    progressLabel.textContent = t('study.starting');
    run.disabled = true;
    const fail = (reason: string) => {
      run.disabled = false;
      progressLabel.textContent = t('study.failed', { reason });
      stop();
    };
    shares.forEach((doctrines, i) => {
      const worker = new Worker(new URL('./study.worker.ts', import.meta.url), { type: 'module' });
      workers.push(worker);
      worker.onmessage = (e: MessageEvent<StudyMessage>) => {
        const m = e.data;
        if (m.type === 'progress') {
          done[i] = m.done;
          const all = done.reduce((a, b) => a + b, 0);
          progress.value = all;
          progressLabel.textContent = t('study.progress', { done: all, total: names.length * n });
          return;
        }
        if (m.type === 'error') return fail(m.message);
        for (const r of m.rows) rows.set(r.name, r);
        if (++finished < threads) return;
        run.disabled = false;
        stop();
        progressLabel.textContent = t('study.done', { games: n });
        announce(t('study.done', { games: n }));
        out.replaceChildren(results(names.map((name) => rows.get(name)!)));
      };
      worker.onerror = (e) => fail(e.message);
      const req: StudyRequest = { scenario: scn, games: n, seed: session.game.seed, doctrines };
      worker.postMessage(req);
    });
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
              report: report.meanScore,
              diff: Math.round((score - report.meanScore) * 10) / 10,
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
            h('td', {}, String(score)),
            h('td', {}, '—'),
            h('td', {}, '—'),
          ),
          sorted.map((r) =>
            h(
              'tr',
              { 'data-doctrine': r.name },
              h('th', { scope: 'row' }, doctrineName(r.name)),
              h('td', {}, String(Math.round(r.meanScore * 10) / 10)),
              h('td', {}, `${Math.round(r.ci95[0] * 10) / 10}–${Math.round(r.ci95[1] * 10) / 10}`),
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
