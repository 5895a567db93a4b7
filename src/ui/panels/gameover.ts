// Game over: the outcome, the score by dimension, the epilogue and the way back to the title.
import { DIMENSIONS } from '../../scenario/constants.js';
import type { PanelContext } from '../context.js';
import { v, type VNode } from '../vdom.js';
import { loc, t } from '../i18n/index.js';

/** `onBack` (to the title) is absent on a session page, where there is no title to go back to. */
export function gameOverPanel(ctx: PanelContext, onBack?: () => void, onDebrief?: () => void): VNode {
  const { scn } = ctx;
  const o = ctx.view.outcome;
  const heading = v('h2', { id: 'over-heading', tabindex: -1, 'data-key': 'over-heading' }, t('over.heading'));
  if (!o) return v('section', { class: 'panel gameover', 'aria-labelledby': 'over-heading' }, heading);
  const end = o.end ? scn.end.find((e) => e.id === o.end) : undefined;
  const epi = scn.epilogues.find((e) => e.id === o.epilogue);
  return v(
    'section',
    { class: 'panel gameover', 'aria-labelledby': 'over-heading' },
    heading,
    v(
      'p',
      { class: `result ${o.result}`, 'data-testid': 'result' },
      v('span', { 'aria-hidden': 'true' }, o.result === 'success' ? '✔ ' : '✖ '),
      t(`over.${o.result}`),
    ),
    v('p', { class: 'score' }, t('over.score', { score: o.score, threshold: scn.scoring.threshold })),
    v('h3', {}, t('over.end')),
    v('p', {}, end ? loc(end.text) : t('over.lastTurn')),
    epi ? v('h3', {}, t('over.epilogue')) : null,
    epi ? v('p', { class: 'epilogue' }, loc(epi.text)) : null,
    v('h3', {}, t('over.dimensions')),
    v(
      'table',
      { class: 'dims' },
      v(
        'tbody',
        {},
        DIMENSIONS.filter((d) => scn.scoring.weights[d] > 0).map((d) =>
          v('tr', {}, v('th', { scope: 'row' }, t(`dim.${d}`)), v('td', {}, String(o.dimensions[d] ?? 0))),
        ),
      ),
    ),
    onDebrief
      ? v(
          'button',
          { type: 'button', class: 'primary', 'data-key': 'open-debrief', onclick: onDebrief },
          t('debrief.open'),
        )
      : null,
    onBack
      ? v('button', { type: 'button', class: 'primary', 'data-key': 'back', onclick: onBack }, t('over.back'))
      : null,
  );
}
