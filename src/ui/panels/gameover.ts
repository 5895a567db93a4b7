// Game over: the outcome, the score by dimension, the epilogue and the way back to the title.
import { DIMENSIONS } from '../../scenario/constants.js';
import type { PanelContext } from '../context.js';
import { h } from '../dom.js';
import { loc, t } from '../i18n/index.js';

/** `onBack` (to the title) is absent on a session page, where there is no title to go back to. */
export function gameOverPanel(ctx: PanelContext, onBack?: () => void, onDebrief?: () => void): HTMLElement {
  const { scn } = ctx;
  const o = ctx.view.outcome;
  const section = h('section', { class: 'panel gameover', 'aria-labelledby': 'over-heading' }, h('h2', { id: 'over-heading', tabindex: -1, 'data-key': 'over-heading' }, t('over.heading')));
  if (!o) return section;
  const end = o.end ? scn.end.find((e) => e.id === o.end) : undefined;
  const epi = scn.epilogues.find((e) => e.id === o.epilogue);
  section.append(
    ...[
    h('p', { class: `result ${o.result}`, 'data-testid': 'result' }, h('span', { 'aria-hidden': 'true' }, o.result === 'success' ? '✔ ' : '✖ '), t(`over.${o.result}`)),
    h('p', { class: 'score' }, t('over.score', { score: o.score, threshold: scn.scoring.threshold })),
    h('h3', {}, t('over.end')),
    h('p', {}, end ? loc(end.text) : t('over.lastTurn')),
    epi ? h('h3', {}, t('over.epilogue')) : null,
    epi ? h('p', { class: 'epilogue' }, loc(epi.text)) : null,
    h('h3', {}, t('over.dimensions')),
    h(
      'table',
      { class: 'dims' },
      h('tbody', {}, DIMENSIONS.filter((d) => scn.scoring.weights[d] > 0).map((d) => h('tr', {}, h('th', { scope: 'row' }, t(`dim.${d}`)), h('td', {}, String(o.dimensions[d] ?? 0))))),
    ),
    onDebrief ? h('button', { type: 'button', class: 'primary', 'data-key': 'open-debrief', onclick: onDebrief }, t('debrief.open')) : null,
    onBack ? h('button', { type: 'button', class: 'primary', 'data-key': 'back', onclick: onBack }, t('over.back')) : null,
    ].filter((x) => x !== null),
  );
  return section;
}
