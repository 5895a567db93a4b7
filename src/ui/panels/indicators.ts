// Indicators as the chair sees them (estimates as value ± spread), which way is good, the month's change as the chair
// can know it (exact amounts; for an estimate only the direction the ledger shows), and on hover or focus the last changes.
import { CORE_INDICATORS } from '../../scenario/constants.js';
import type { SeenEntry } from '../../engine/index.js';
import { lastTurn, thresholdFor } from '../../engine/length.js';
import type { PanelContext } from '../context.js';
import { causeText, changeTone, deltaText, seenText } from '../describe.js';
import { loc, signed, t } from '../i18n/index.js';
import { v, type VNode } from '../vdom.js';

interface Trend {
  readonly dir: 'up' | 'down' | 'flat';
  /** The exact sum when every change is known exactly. */
  readonly delta: number | null;
}

export function trendOf(entries: readonly SeenEntry[]): Trend {
  let sum = 0;
  let signs = 0;
  let exact = true;
  for (const e of entries) {
    if (e.delta === null) exact = false;
    else sum += e.delta;
    signs += e.direction === 'up' ? 1 : -1;
  }
  if (exact) return { dir: sum > 0 ? 'up' : sum < 0 ? 'down' : 'flat', delta: Math.round(sum * 10) / 10 };
  return { dir: signs > 0 ? 'up' : signs < 0 ? 'down' : 'flat', delta: null };
}

function better(id: string): 'up' | 'down' | 'balance' {
  return id === 'closeness' ? 'balance' : id === 'casualties' || id === 'expectations' ? 'down' : 'up';
}

export function indicatorsPanel(ctx: PanelContext): VNode {
  const { scn, view } = ctx;
  const last = view.phase === 'over' ? view.turn : view.turn - 1;
  const items = CORE_INDICATORS.map((id) => {
    const seen = view.indicators[id];
    const history = view.ledger.filter((e) => e.track.kind === 'indicator' && e.track.id === id);
    const tr = trendOf(history.filter((e) => e.turn === last));
    const name = loc(scn.indicators[id].name);
    const tipId = `tip-${id}`;
    const recent = history.slice(-5).reverse();
    const arrow = tr.dir === 'up' ? '▲' : tr.dir === 'down' ? '▼' : '–';
    const tone = tr.dir === 'flat' ? 'neutral' : changeTone(scn, { kind: 'indicator', id }, tr.dir);
    const change =
      tr.dir === 'flat'
        ? t('ind.flat')
        : tr.delta !== null
          ? signed(tr.delta)
          : `${t(`ind.${tr.dir}`)} (${t('review.estimate')})`;
    return v(
      'li',
      {
        key: id,
        class: `indicator trend-${tr.dir} tone-${tone}`,
        tabindex: 0,
        'aria-describedby': tipId,
        'data-key': `ind-${id}`,
        'data-indicator': id,
      },
      v(
        'span',
        { class: 'ind-name' },
        name,
        v('span', { class: 'ind-better muted small block' }, t(`ind.better.${better(id)}`)),
      ),
      v(
        'span',
        { class: 'ind-value' },
        seenText(seen),
        seen.spread > 0 ? v('span', { class: 'muted small' }, ` (${t('ind.estimated')})`) : null,
      ),
      v('span', { class: 'ind-trend' }, v('span', { 'aria-hidden': 'true' }, arrow), ' ', change),
      v(
        'div',
        { class: 'tooltip', role: 'tooltip', id: tipId },
        v('strong', {}, t('ind.recent')),
        recent.length === 0
          ? v('p', {}, t('ind.noChanges'))
          : v(
              'ul',
              {},
              recent.map((e) =>
                v(
                  'li',
                  {},
                  t('ind.changeRow', {
                    turn: e.turn,
                    delta: deltaText(e.delta, e.direction),
                    cause: causeText(scn, e.cause),
                  }),
                ),
              ),
            ),
      ),
    );
  });
  return v(
    'section',
    { class: 'panel indicators-panel', 'aria-labelledby': 'ind-heading' },
    v('h2', { id: 'ind-heading' }, t('ind.heading')),
    v(
      'p',
      { class: 'threshold small', 'data-testid': 'threshold' },
      t('ind.threshold', { n: thresholdFor(scn, lastTurn(ctx.view, scn)) }),
    ),
    v('p', { class: 'muted small' }, t('ind.sinceLast')),
    v('ul', { class: 'indicators' }, items),
  );
}
