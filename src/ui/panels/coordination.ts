// Coordination: every chair's plan revealed, conflicts highlighted, and revise (once) or confirm.
import { indexOf } from '../../engine/scenario-index.js';
import type { PanelContext } from '../context.js';
import { chairName, planItemText, strategyName, targetName } from '../describe.js';
import { t } from '../i18n/index.js';
import { v, type VNode } from '../vdom.js';

export function coordinationPanel(ctx: PanelContext): VNode {
  const { scn, view, viewer } = ctx;
  const inConflict = new Set(view.conflicts.flatMap((c) => c.chairs));
  const conflicts =
    view.conflicts.length === 0
      ? v('p', { class: 'muted' }, t('coord.noConflicts'))
      : v(
          'ul',
          { class: 'conflicts' },
          view.conflicts.map((c) => {
            const subject = c.kind === 'opposed-strategy' ? strategyName(scn, c.subject) : targetName(scn, c.subject);
            return v(
              'li',
              { class: 'conflict' },
              v('span', { 'aria-hidden': 'true' }, '⚠ '),
              t(`coord.conflict.${c.kind}`, { subject, chairs: c.chairs.map(chairName).join(', ') }),
            );
          }),
        );
  const plans = indexOf(scn).chairs.flatMap((c) => {
    const p = view.plans[c];
    if (!p) return [];
    const status = p.confirmed
      ? t('coord.status.confirmed')
      : p.committed
        ? t('coord.status.committed')
        : t('coord.status.open');
    const conflicted = inConflict.has(c);
    return [
      v(
        'li',
        { key: c, class: `revealed-plan${conflicted ? ' conflicted' : ''}` },
        v(
          'h4',
          {},
          chairName(c),
          ' ',
          v('span', { class: 'status' }, `(${status})`),
          conflicted ? v('span', { class: 'badge' }, `⚠ ${t('coord.inConflict')}`) : null,
        ),
        p.items && p.items.length > 0
          ? v(
              'ul',
              {},
              p.items.map((it) => v('li', {}, planItemText(scn, it))),
            )
          : v('p', { class: 'muted' }, t('plan.empty')),
        p.note ? v('p', { class: 'note' }, t('coord.note', { note: p.note })) : null,
      ),
    ];
  });
  const mine = view.plans[viewer];
  const actions =
    ctx.isHuman(viewer) && mine?.committed && !mine.confirmed
      ? v(
          'div',
          { class: 'button-row' },
          ctx.whyNot({ type: 'plan/revise', chair: viewer }) === null
            ? v(
                'button',
                {
                  type: 'button',
                  'data-key': 'revise',
                  onclick: () => ctx.dispatch({ type: 'plan/revise', chair: viewer }),
                },
                t('coord.revise'),
              )
            : null,
          v(
            'button',
            {
              type: 'button',
              class: 'primary',
              'data-key': 'confirm',
              onclick: () => ctx.dispatch({ type: 'plan/confirm', chair: viewer }),
            },
            t('coord.confirm'),
          ),
        )
      : null;
  return v(
    'section',
    { class: 'panel coordination', 'aria-labelledby': 'coord-heading' },
    v('h2', { id: 'coord-heading' }, t('coord.heading')),
    actions,
    v('h3', {}, t('coord.conflicts')),
    conflicts,
    v('h3', {}, t('coord.plans')),
    v('ul', { class: 'revealed' }, plans),
  );
}
