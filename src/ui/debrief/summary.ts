// The debrief proper: outcome against the threshold, epilogue, charts, what drove it, timeline with the chairs' notes, conflicts.
import { buildDebrief, type Debrief } from '../../debrief/debrief.js';
import type { Lesson, LessonCatalogue } from '../../scenario/lessons.js';
import { CORE_INDICATORS } from '../../scenario/constants.js';
import type { Scenario } from '../../scenario/schema.js';
import type { GameState } from '../../engine/index.js';
import {
  causeText,
  chairName,
  eventTitle,
  monthOf,
  planItemText,
  strategyName,
  taskName,
  trackName,
} from '../describe.js';
import { h } from '../dom.js';
import { hasKey, loc, signed, t } from '../i18n/index.js';
import { lineChart } from './chart.js';
import { conflictCostByTurn, followedFrom } from './record.js';

export function resultText(d: Debrief): string {
  return d.result === 'success'
    ? t('over.success')
    : d.result === 'failure'
      ? t('over.failure')
      : t('debrief.inProgress');
}

function lessonOf(catalogue: LessonCatalogue | null, id: string): Lesson | undefined {
  return catalogue?.lessons.find((l) => l.id === id);
}

/** The bar of one dimension's value with the threshold marked. */
function bar(value: number, threshold: number): SVGSVGElement {
  const NS = 'http://www.w3.org/2000/svg';
  const el = document.createElementNS(NS, 'svg');
  el.setAttribute('viewBox', '0 0 100 10');
  el.setAttribute('width', '120');
  el.setAttribute('height', '12');
  el.setAttribute('aria-hidden', 'true');
  el.setAttribute('class', 'dim-bar');
  const rect = (x: number, w: number, fill: string) => {
    const r = document.createElementNS(NS, 'rect');
    for (const [k, v] of Object.entries({ x, y: 1, width: w, height: 8, fill })) r.setAttribute(k, String(v));
    return r;
  };
  const line = document.createElementNS(NS, 'line');
  for (const [k, v] of Object.entries({
    x1: threshold,
    x2: threshold,
    y1: 0,
    y2: 10,
    stroke: '#1b1b1b',
    'stroke-width': 1,
  }))
    line.setAttribute(k, String(v));
  el.append(
    rect(0, 100, '#ece6d8'),
    rect(0, Math.max(0, Math.min(100, value)), value >= threshold ? '#2e7d32' : '#b3261e'),
    line,
  );
  return el;
}

function outcomeSection(d: Debrief, scn: Scenario, game: GameState): HTMLElement {
  const epi = scn.epilogues.find((e) => e.id === d.epilogue);
  const end = game.outcome?.end ? scn.end.find((e) => e.id === game.outcome?.end) : undefined;
  return h(
    'section',
    { class: 'db-section', 'aria-labelledby': 'db-outcome' },
    h('h2', { id: 'db-outcome' }, d.over ? t('debrief.outcome') : t('debrief.outcomeSoFar', { turn: d.turns })),
    h('p', { class: `result ${d.result ?? 'open'}`, 'data-testid': 'debrief-result' }, resultText(d)),
    d.score === null
      ? h('p', { class: 'score muted', 'data-testid': 'debrief-score' }, t('debrief.scoreAtEnd'))
      : h(
          'p',
          { class: 'score', 'data-testid': 'debrief-score', 'data-score': d.score, 'data-threshold': d.threshold },
          t('over.score', { score: d.score, threshold: d.threshold }),
        ),
    end ? h('p', {}, loc(end.text)) : null,
    h(
      'table',
      { class: 'db-dims', 'data-testid': 'debrief-dimensions' },
      h('caption', {}, t('debrief.dimsCaption', { threshold: d.threshold })),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['debrief.dimension', 'debrief.value', 'debrief.weight', 'debrief.vsThreshold'].map((k) =>
            h('th', { scope: 'col' }, t(k as 'debrief.value')),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        d.dimensions
          .filter((x) => x.weight > 0)
          .map((x) =>
            h(
              'tr',
              { 'data-dimension': x.dimension },
              h('th', { scope: 'row' }, t(`dim.${x.dimension}`)),
              h('td', { class: 'num', 'data-value': x.value }, String(x.value)),
              h('td', { class: 'num' }, String(x.weight)),
              h('td', {}, bar(x.value, d.threshold), ' ', signed(Math.round((x.value - d.threshold) * 10) / 10)),
            ),
          ),
      ),
    ),
    epi ? h('h3', {}, t('over.epilogue')) : null,
    epi ? h('p', { class: 'epilogue', 'data-testid': 'debrief-epilogue' }, loc(epi.text)) : null,
  );
}

function chartsSection(d: Debrief, scn: Scenario): HTMLElement {
  return h(
    'section',
    { class: 'db-section', 'aria-labelledby': 'db-charts' },
    h('h2', { id: 'db-charts' }, t('debrief.charts')),
    h(
      'div',
      { class: 'chart-grid' },
      CORE_INDICATORS.filter((k) => d.series[k] !== undefined).map((k) =>
        lineChart({
          id: `chart-${k}`,
          title: loc(scn.indicators[k].name),
          series: [{ label: loc(scn.indicators[k].name), values: d.series[k]! }],
          min: scn.indicators[k].min,
          max: scn.indicators[k].max,
          xLabel: (i) => (i === 0 ? t('debrief.start') : t('debrief.monthN', { turn: i })),
        }),
      ),
    ),
  );
}

function driversSection(d: Debrief, scn: Scenario, catalogue: LessonCatalogue | null): HTMLElement {
  const out = h(
    'section',
    { class: 'db-section', 'aria-labelledby': 'db-drivers' },
    h('h2', { id: 'db-drivers' }, t('debrief.drivers')),
    h('p', { class: 'muted small' }, t('debrief.driversHint')),
  );
  // a lesson's statement, source and questions are told once, where it first drives a dimension
  const told = new Set<string>();
  for (const dim of d.dimensions) {
    if (dim.weight === 0 || dim.drivers.length === 0) continue;
    const block = h(
      'div',
      { class: 'driver-dim', 'data-dimension': dim.dimension },
      h('h3', {}, t(`dim.${dim.dimension}`), ' ', h('span', { class: 'muted' }, `(${dim.value})`)),
    );
    for (const dr of dim.drivers) {
      const lesson = dr.lesson ? lessonOf(catalogue, dr.lesson) : undefined;
      const first = lesson !== undefined && !told.has(lesson.id);
      if (lesson) told.add(lesson.id);
      block.append(
        h(
          'div',
          { class: 'driver' },
          h('h4', {}, signed(dr.delta), ' — ', lesson ? loc(lesson.title) : t('debrief.noLesson')),
          h(
            'ul',
            { class: 'small' },
            dr.causes.map((c) => h('li', {}, `${signed(c.delta)} ${causeText(scn, c.cause)}`)),
          ),
          first ? h('p', { class: 'statement' }, loc(lesson.statement)) : null,
          first
            ? h(
                'p',
                { class: 'muted small' },
                t('debrief.source', { section: lesson.source.section, paragraph: lesson.source.paragraph }),
              )
            : null,
          first
            ? h(
                'details',
                {},
                h('summary', {}, t('debrief.questions')),
                h(
                  'ul',
                  {},
                  lesson.questions.map((q) => h('li', {}, loc(q))),
                ),
              )
            : null,
        ),
      );
    }
    out.append(block);
  }
  return out;
}

function timelineSection(d: Debrief, scn: Scenario, game: GameState): HTMLElement {
  const costs = conflictCostByTurn(game.ledger);
  const out = h(
    'section',
    { class: 'db-section', 'aria-labelledby': 'db-timeline' },
    h('h2', { id: 'db-timeline' }, t('debrief.timeline')),
  );
  if (d.timeline.length === 0) out.append(h('p', { class: 'muted' }, t('debrief.noTurns')));
  for (const turn of d.timeline) {
    const li: HTMLElement[] = [];
    if (turn.strategy) li.push(h('li', {}, t('table.strategyNow', { name: strategyName(scn, turn.strategy) })));
    for (const m of turn.mandateChanges) {
      li.push(
        h(
          'li',
          {},
          t('debrief.review', {
            drop: m.drop.map((x) => taskName(scn, x)).join(', ') || '—',
            add: m.add.map((x) => taskName(scn, x)).join(', ') || '—',
          }),
        ),
      );
    }
    for (const e of turn.events) {
      const choice = e.choice
        ? scn.events.find((x) => x.id === e.event)?.choices.find((c) => c.id === e.choice)
        : undefined;
      li.push(
        h(
          'li',
          {},
          choice
            ? t('debrief.eventChoice', { event: eventTitle(scn, e.event), choice: loc(choice.label) })
            : t('debrief.event', { event: eventTitle(scn, e.event) }),
        ),
      );
    }
    const plans = Object.entries(turn.plans).map(([chair, plan]) => {
      const c = chair as keyof typeof turn.plans;
      const followed = followedFrom(game.ledger, turn.turn, c);
      return h(
        'tr',
        { 'data-chair': c },
        h('th', { scope: 'row' }, chairName(c)),
        h('td', {}, plan.items.length ? plan.items.map((x) => planItemText(scn, x)).join('; ') : t('debrief.nothing')),
        h('td', { class: 'note' }, plan.note ? `“${plan.note}”` : '—'),
        h(
          'td',
          { class: 'small' },
          followed.length ? followed.map((f) => `${trackName(scn, f.entry.track)} ${signed(f.delta)}`).join(', ') : '—',
        ),
      );
    });
    const conflicts = turn.conflicts.map((c) =>
      h(
        'li',
        {},
        t('debrief.conflict', {
          kind: conflictKind(c.kind),
          chairs: c.chairs.map(chairName).join(', '),
          subject: subjectName(scn, c.subject),
        }),
      ),
    );
    const cost = costs.get(turn.turn) ?? 0;
    const moves = Object.entries(turn.moves).map(
      ([k, v]) => `${loc(scn.indicators[k as keyof typeof scn.indicators].name)} ${signed(v)}`,
    );
    out.append(
      h(
        'article',
        { class: 'db-turn', 'data-turn': turn.turn },
        h('h3', {}, `${t('debrief.monthN', { turn: turn.turn })} — ${monthOf(scn, turn.turn)}`),
        li.length ? h('ul', {}, li) : null,
        h(
          'table',
          { class: 'db-plans' },
          h('caption', { class: 'visually-hidden' }, t('debrief.plansCaption', { turn: turn.turn })),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['debrief.chair', 'debrief.plan', 'debrief.why', 'debrief.followed'].map((k) =>
                h('th', { scope: 'col' }, t(k as 'debrief.plan')),
              ),
            ),
          ),
          h('tbody', {}, plans),
        ),
        conflicts.length ? h('ul', { class: 'conflicts' }, conflicts) : null,
        cost !== 0 ? h('p', { class: 'small' }, t('debrief.turnConflictCost', { cost: signed(cost) })) : null,
        moves.length ? h('p', { class: 'small muted' }, t('debrief.moves', { moves: moves.join(', ') })) : null,
      ),
    );
  }
  return out;
}

function conflictKind(kind: string): string {
  const key = `debrief.conflict.${kind}`;
  return hasKey(key) ? t(key) : kind;
}

function subjectName(scn: Scenario, id: string): string {
  return scn.actors.find((a) => a.id === id)
    ? loc(scn.actors.find((a) => a.id === id)!.name)
    : scn.strategies.find((s) => s.id === id)
      ? strategyName(scn, id)
      : id;
}

function conflictsSection(d: Debrief): HTMLElement {
  const count = d.timeline.reduce((x, turn) => x + turn.conflicts.length, 0);
  return h(
    'section',
    { class: 'db-section', 'aria-labelledby': 'db-conflicts' },
    h('h2', { id: 'db-conflicts' }, t('debrief.conflicts')),
    h(
      'p',
      { 'data-testid': 'conflict-cost', 'data-cost': d.conflictCost },
      t('debrief.conflictSummary', { count, cost: signed(d.conflictCost) }),
    ),
  );
}

/** The debrief of a game, finished or not (mid-game: the record so far). */
export function debriefSummary(
  scn: Scenario,
  game: GameState,
  catalogue: LessonCatalogue | null,
): { el: HTMLElement; debrief: Debrief } {
  // Mid-game the record keeps the fog: the players see only what the mission knows exactly.
  const d = buildDebrief(scn, game, catalogue, { limited: true });
  const el = h(
    'div',
    { class: 'db-summary' },
    outcomeSection(d, scn, game),
    chartsSection(d, scn),
    driversSection(d, scn, catalogue),
    conflictsSection(d),
    timelineSection(d, scn, game),
  );
  return { el, debrief: d };
}
