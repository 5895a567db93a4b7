// What if: branch a game at a month, change one decision, let the doctrines play on (same seed), compare side by side.
import type { ReplayLog } from '../../debrief/replay-chairs.js';
import { branchAt, type Change } from '../../debrief/whatif.js';
import { dimensionsOf, legalActions, scoreOf, type GameState, type PlanItem } from '../../engine/index.js';
import { indexOf } from '../../engine/scenario-index.js';
import { CORE_INDICATORS, DIMENSIONS, type Chair } from '../../scenario/constants.js';
import type { Scenario } from '../../scenario/schema.js';
import { seriesOf } from '../../engine/index.js';
import { keysOf, newGame } from '../../engine/index.js';
import { DOCTRINES } from '../../sim/doctrines/index.js';
import { seatAll } from '../../sim/play.js';
import type { Session } from '../../store/store.js';
import { chairName, doctrineName, planItemText, strategyName, trackName } from '../describe.js';
import { announce, h } from '../dom.js';
import { loc, signed, t } from '../i18n/index.js';
import { lineChart } from './chart.js';
import { ledgerDiff, stateAt } from './record.js';

function resultOf(s: GameState, scn: Scenario): { result: string; score: number; dims: Record<string, number> } {
  const score = s.outcome?.score ?? scoreOf(s, scn).score;
  const result = s.outcome ? t(`over.${s.outcome.result}`) : t('debrief.inProgress');
  return { result, score, dims: dimensionsOf(s, scn) };
}

function seriesFor(s: GameState, scn: Scenario, k: (typeof CORE_INDICATORS)[number]): number[] {
  return seriesOf(s.ledger, { kind: 'indicator', id: k }, newGame(scn, s.seed, keysOf(s)).indicators[k], s.turn);
}

/** The comparison of two games: outcomes side by side, where the ledgers part, and the indicators over time. */
export function comparison(scn: Scenario, original: GameState, branch: GameState, partsAt: number | null): HTMLElement {
  const a = resultOf(original, scn);
  const b = resultOf(branch, scn);
  const orig = t('whatif.original');
  const alt = t('whatif.branch');
  const rows = [
    h(
      'tr',
      { 'data-row': 'result' },
      h('th', { scope: 'row' }, t('debrief.result')),
      h('td', { 'data-side': 'original' }, a.result),
      h('td', { 'data-side': 'branch' }, b.result),
      h('td', {}, ''),
    ),
    h(
      'tr',
      { 'data-row': 'score' },
      h('th', { scope: 'row' }, t('debrief.scoreLabel')),
      h('td', { 'data-side': 'original', 'data-value': a.score }, String(a.score)),
      h('td', { 'data-side': 'branch', 'data-value': b.score }, String(b.score)),
      h('td', {}, signed(Math.round((b.score - a.score) * 10) / 10)),
    ),
    ...DIMENSIONS.filter((d) => scn.scoring.weights[d] > 0).map((d) =>
      h(
        'tr',
        { 'data-row': d },
        h('th', { scope: 'row' }, t(`dim.${d}`)),
        h('td', {}, String(a.dims[d])),
        h('td', {}, String(b.dims[d])),
        h('td', {}, signed((b.dims[d] ?? 0) - (a.dims[d] ?? 0))),
      ),
    ),
  ];
  const diff = partsAt === null ? [] : ledgerDiff(original.ledger, branch.ledger, partsAt);
  return h(
    'div',
    { class: 'whatif-result', 'data-testid': 'whatif-result' },
    h(
      'table',
      { class: 'db-dims' },
      h('caption', {}, t('whatif.compareCaption')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, ''),
          h('th', { scope: 'col' }, orig),
          h('th', { scope: 'col' }, alt),
          h('th', { scope: 'col' }, t('whatif.difference')),
        ),
      ),
      h('tbody', {}, rows),
    ),
    h(
      'p',
      { 'data-testid': 'whatif-parts' },
      partsAt === null ? t('whatif.same') : t('whatif.partsAt', { turn: partsAt }),
    ),
    diff.length
      ? h(
          'table',
          { class: 'db-dims small' },
          h('caption', {}, t('whatif.diffCaption', { turn: partsAt ?? 0 })),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, t('whatif.track')),
              h('th', { scope: 'col' }, orig),
              h('th', { scope: 'col' }, alt),
            ),
          ),
          h(
            'tbody',
            {},
            diff
              .slice(0, 15)
              .map((r) =>
                h(
                  'tr',
                  {},
                  h('th', { scope: 'row' }, trackName(scn, r.entry.track)),
                  h('td', {}, signed(r.a)),
                  h('td', {}, signed(r.b)),
                ),
              ),
          ),
        )
      : null,
    h(
      'div',
      { class: 'chart-grid' },
      CORE_INDICATORS.map((k) =>
        lineChart({
          id: `whatif-${k}`,
          title: loc(scn.indicators[k].name),
          series: [
            { label: orig, values: seriesFor(original, scn, k) },
            { label: alt, values: seriesFor(branch, scn, k), dashed: true },
          ],
          min: scn.indicators[k].min,
          max: scn.indicators[k].max,
          xLabel: (i) => (i === 0 ? t('debrief.start') : t('debrief.monthN', { turn: i })),
        }),
      ),
    ),
  );
}

/** Exactly what the branch changed, and which later decisions of the people's chairs it took again or left to the bots. */
function replayNote(
  scn: Scenario,
  turn: number,
  change: Change,
  replay: ReplayLog,
  humans: readonly Chair[],
  doctrine: string,
): HTMLElement {
  const what =
    change.kind === 'strategy'
      ? t('whatif.changedStrategy', { strategy: strategyName(scn, change.strategy) })
      : t('whatif.changedPlan', {
          chair: chairName(change.chair),
          items:
            change.items.length === 0
              ? t('whatif.emptyPlan')
              : change.items.map((x) => planItemText(scn, x)).join(', '),
        });
  const who = humans.map(chairName).join(', ');
  const rows = replay.fallbacks.map((f) =>
    h(
      'li',
      {},
      f.toBot
        ? t('whatif.fb.toBot', { turn: f.turn, chair: chairName(f.chair), kind: t(`whatif.kind.${f.kind}`) })
        : t('whatif.fb.dropped', {
            turn: f.turn,
            chair: chairName(f.chair),
            kind: t(`whatif.kind.${f.kind}`),
            items: f.dropped.map((x) => planItemText(scn, x)).join(', '),
          }),
    ),
  );
  return h(
    'div',
    { class: 'whatif-replay', 'data-testid': 'whatif-replay' },
    h('p', { 'data-testid': 'whatif-changed' }, t('whatif.changed', { turn, what })),
    humans.length === 0
      ? h('p', {}, t('whatif.noHumans', { doctrine: doctrineName(doctrine) }))
      : h('p', { 'data-testid': 'whatif-replayed' }, t('whatif.replayed', { n: replay.replayed, humans: who })),
    humans.length > 0 && rows.length === 0 ? h('p', {}, t('whatif.allReplayed', { humans: who })) : null,
    rows.length > 0 ? [h('p', {}, t('whatif.fellBack')), h('ul', { class: 'small' }, rows)] : null,
  );
}

export function whatIfPanel(session: Session): HTMLElement {
  const scn = session.scenario;
  const game = session.game;
  const chairs = indexOf(scn).chairs;
  const doctrine = DOCTRINES[session.botDoctrine] ? session.botDoctrine : 'report';
  const lastTurn = game.phase === 'over' ? game.turn : game.turn - 1;
  const turns = Array.from({ length: Math.max(0, lastTurn) }, (_, i) => i + 1);
  const turnSel = h(
    'select',
    { id: 'wi-turn', 'data-key': 'wi-turn' },
    turns.map((n) => h('option', { value: n }, t('debrief.monthN', { turn: n }))),
  );
  const whoSel = h(
    'select',
    { id: 'wi-who', 'data-key': 'wi-who' },
    h('option', { value: 'strategy' }, t('whatif.strategy')),
    chairs.map((c) => h('option', { value: c }, t('whatif.planOf', { chair: chairName(c) }))),
  );
  const optSel = h('select', { id: 'wi-option', 'data-key': 'wi-option' });
  const run = h('button', { type: 'button', class: 'primary', 'data-key': 'wi-run' }, t('whatif.run'));
  const message = h('p', { role: 'status', class: 'small' });
  const out = h('div', {});
  let options: Change[] = [];

  const refresh = () => {
    const turn = Number(turnSel.value);
    const who = whoSel.value;
    options = [];
    const labels: string[] = [];
    if (who === 'strategy') {
      for (const st of scn.strategies) {
        options.push({ kind: 'strategy', strategy: st.id });
        labels.push(strategyName(scn, st.id));
      }
    } else {
      const chair = who as Chair;
      options.push({ kind: 'plan', chair, items: [] });
      labels.push(t('whatif.emptyPlan'));
      const at = stateAt(scn, game.seed, game.log, turn, 'planning', keysOf(game));
      if (at) {
        const seen = new Set<string>();
        for (const a of legalActions(at, scn, chair)) {
          if (a.type !== 'plan/add') continue;
          const key = JSON.stringify(a.item);
          if (seen.has(key)) continue;
          seen.add(key);
          options.push({ kind: 'plan', chair, items: [a.item as PlanItem] });
          labels.push(t('whatif.only', { item: planItemText(scn, a.item) }));
        }
      }
    }
    optSel.replaceChildren(...labels.map((l, i) => h('option', { value: i }, l)));
  };
  turnSel.addEventListener('change', refresh);
  whoSel.addEventListener('change', refresh);
  run.addEventListener('click', () => {
    const change = options[Number(optSel.value)];
    if (!change) return;
    message.textContent = t('whatif.running');
    // let the status paint before the (synchronous, short) replay and play-on
    window.setTimeout(() => {
      const turn = Number(turnSel.value);
      const r = branchAt(scn, game, turn, change, seatAll(DOCTRINES[doctrine]!), session.humanChairs);
      if (!r.ok) {
        message.textContent = t('whatif.failed', { reason: r.message });
        out.replaceChildren();
        return;
      }
      out.replaceChildren(
        replayNote(scn, turn, change, r.value.replay, session.humanChairs, doctrine),
        comparison(scn, r.value.original, r.value.branch, r.value.partsAt),
      );
      message.textContent = t('whatif.done');
      announce(t('whatif.done'));
    }, 20);
  });
  refresh();
  return h(
    'section',
    { class: 'whatif', 'aria-labelledby': 'whatif-heading' },
    h('h2', { id: 'whatif-heading' }, t('whatif.heading')),
    h(
      'p',
      { class: 'muted' },
      session.humanChairs.length > 0
        ? t('whatif.introLike', {
            doctrine: doctrineName(doctrine),
            humans: session.humanChairs.map(chairName).join(', '),
          })
        : t('whatif.intro', { doctrine: doctrineName(doctrine) }),
    ),
    turns.length === 0
      ? h('p', {}, t('whatif.noTurns'))
      : h(
          'div',
          { class: 'whatif-form no-print' },
          h('label', { for: 'wi-turn' }, t('whatif.month')),
          turnSel,
          h('label', { for: 'wi-who' }, t('whatif.decision')),
          whoSel,
          h('label', { for: 'wi-option' }, t('whatif.instead')),
          optSel,
          run,
        ),
    message,
    out,
  );
}
