// The resolution report: every change of the last month from the ledger, with its cause and lessons.
import type { PanelContext } from '../context.js';
import { causeText, changeTone, deltaText, trackName } from '../describe.js';
import { h } from '../dom.js';
import { glossaryButton } from '../glossary.js';
import { t } from '../i18n/index.js';

/** The month whose results are on show: the last one resolved. */
export function reportTurn(ctx: PanelContext): number {
  return ctx.view.phase === 'over' ? ctx.view.turn : ctx.view.turn - 1;
}

export function reportPanel(ctx: PanelContext): HTMLElement {
  const { scn, view } = ctx;
  const turn = reportTurn(ctx);
  const section = h('section', { class: 'panel report', 'aria-labelledby': 'report-heading' });
  if (turn < 1) {
    section.append(h('h2', { id: 'report-heading' }, t('report.heading', { turn: 1 })), h('p', { class: 'muted' }, t('report.none')), glossaryButton(scn) ?? '');
    return section;
  }
  section.append(h('h2', { id: 'report-heading' }, t('report.heading', { turn })), glossaryButton(scn) ?? '');
  const entries = view.ledger.filter((e) => e.turn === turn);
  if (entries.length === 0) {
    section.append(h('p', { class: 'muted' }, t('report.noChanges')));
    return section;
  }
  section.append(
    h(
      'ul',
      { class: 'ledger' },
      entries.map((e) =>
        h(
          'li',
          { class: changeTone(scn, e.track, e.direction) },
          h('span', { class: 'arrow', 'aria-hidden': 'true' }, e.direction === 'up' ? '▲' : '▼'),
          ' ',
          t('report.row', { track: trackName(scn, e.track), delta: deltaText(e.delta, e.direction), cause: causeText(scn, e.cause) }),
          e.lessons.length > 0 ? h('span', { class: 'lessons' }, ' ', t('report.lessons', { ids: e.lessons.join(', ') })) : null,
        ),
      ),
    ),
  );
  return section;
}
