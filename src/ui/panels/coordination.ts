// Coordination: every chair's plan revealed, conflicts highlighted, and revise (once) or confirm.
import { indexOf } from '../../engine/scenario-index.js';
import type { PanelContext } from '../context.js';
import { chairName, planItemText, strategyName, targetName } from '../describe.js';
import { h } from '../dom.js';
import { t } from '../i18n/index.js';

export function coordinationPanel(ctx: PanelContext): HTMLElement {
  const { scn, view, viewer } = ctx;
  const section = h('section', { class: 'panel coordination', 'aria-labelledby': 'coord-heading' }, h('h2', { id: 'coord-heading' }, t('coord.heading')));
  const inConflict = new Set(view.conflicts.flatMap((c) => c.chairs));
  section.append(h('h3', {}, t('coord.conflicts')));
  if (view.conflicts.length === 0) section.append(h('p', { class: 'muted' }, t('coord.noConflicts')));
  else {
    section.append(
      h(
        'ul',
        { class: 'conflicts' },
        view.conflicts.map((c) => {
          const subject = c.kind === 'opposed-strategy' ? strategyName(scn, c.subject) : targetName(scn, c.subject);
          return h('li', { class: 'conflict' }, h('span', { 'aria-hidden': 'true' }, '⚠ '), t(`coord.conflict.${c.kind}`, { subject, chairs: c.chairs.map(chairName).join(', ') }));
        }),
      ),
    );
  }
  section.append(h('h3', {}, t('coord.plans')));
  const list = h('ul', { class: 'revealed' });
  for (const c of indexOf(scn).chairs) {
    const p = view.plans[c];
    if (!p) continue;
    const status = p.confirmed ? t('coord.status.confirmed') : p.committed ? t('coord.status.committed') : t('coord.status.open');
    const conflicted = inConflict.has(c);
    list.append(
      h(
        'li',
        { class: `revealed-plan${conflicted ? ' conflicted' : ''}` },
        h('h4', {}, chairName(c), ' ', h('span', { class: 'status' }, `(${status})`), conflicted ? h('span', { class: 'badge' }, `⚠ ${t('coord.inConflict')}`) : null),
        p.items && p.items.length > 0 ? h('ul', {}, p.items.map((it) => h('li', {}, planItemText(scn, it)))) : h('p', { class: 'muted' }, t('plan.empty')),
        p.note ? h('p', { class: 'note' }, t('coord.note', { note: p.note })) : null,
      ),
    );
  }
  section.append(list);
  const mine = view.plans[viewer];
  if (ctx.isHuman(viewer) && mine?.committed && !mine.confirmed) {
    const actions = h('div', { class: 'button-row' });
    if (ctx.whyNot({ type: 'plan/revise', chair: viewer }) === null) actions.append(h('button', { type: 'button', 'data-key': 'revise', onclick: () => ctx.dispatch({ type: 'plan/revise', chair: viewer }) }, t('coord.revise')));
    actions.append(h('button', { type: 'button', class: 'primary', 'data-key': 'confirm', onclick: () => ctx.dispatch({ type: 'plan/confirm', chair: viewer }) }, t('coord.confirm')));
    section.append(actions);
  }
  return section;
}
