// Indicators as the chair sees them (estimates as value ± spread), with the trend and, on hover or focus, the last changes.
import { CORE_INDICATORS } from '../../scenario/constants.js';
import type { SeenEntry } from '../../engine/index.js';
import type { PanelContext } from '../context.js';
import { causeText, changeTone, deltaText, seenText } from '../describe.js';
import { h, newId } from '../dom.js';
import { loc, t } from '../i18n/index.js';

function trend(entries: readonly SeenEntry[]): 'up' | 'down' | 'flat' {
  let score = 0;
  for (const e of entries) score += e.delta ?? (e.direction === 'up' ? 1 : -1);
  return score > 0 ? 'up' : score < 0 ? 'down' : 'flat';
}

export function indicatorsPanel(ctx: PanelContext): HTMLElement {
  const { scn, view } = ctx;
  const last = view.phase === 'over' ? view.turn : view.turn - 1;
  const list = h('ul', { class: 'indicators' });
  for (const id of CORE_INDICATORS) {
    const seen = view.indicators[id];
    const history = view.ledger.filter((e) => e.track.kind === 'indicator' && e.track.id === id);
    const tr = trend(history.filter((e) => e.turn === last));
    const name = loc(scn.indicators[id].name);
    const tipId = newId('tip');
    const recent = history.slice(-5).reverse();
    const arrow = tr === 'up' ? '▲' : tr === 'down' ? '▼' : '–';
    const tone = tr === 'flat' ? 'neutral' : changeTone(scn, { kind: 'indicator', id }, tr);
    list.append(
      h(
        'li',
        { class: `indicator trend-${tr} tone-${tone}`, tabindex: 0, 'aria-describedby': tipId, 'data-key': `ind-${id}`, 'data-indicator': id },
        h('span', { class: 'ind-name' }, name),
        h('span', { class: 'ind-value' }, seenText(seen), seen.spread > 0 ? h('span', { class: 'muted small' }, ` (${t('ind.estimated')})`) : null),
        h('span', { class: 'ind-trend' }, h('span', { 'aria-hidden': 'true' }, arrow), ' ', t(`ind.${tr}`)),
        h(
          'div',
          { class: 'tooltip', role: 'tooltip', id: tipId },
          h('strong', {}, t('ind.recent')),
          recent.length === 0
            ? h('p', {}, t('ind.noChanges'))
            : h('ul', {}, recent.map((e) => h('li', {}, t('ind.changeRow', { turn: e.turn, delta: deltaText(e.delta, e.direction), cause: causeText(scn, e.cause) })))),
        ),
      ),
    );
  }
  return h('section', { class: 'panel indicators-panel', 'aria-labelledby': 'ind-heading' }, h('h2', { id: 'ind-heading' }, t('ind.heading')), list);
}
