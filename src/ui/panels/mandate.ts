// Setup: the SRSG adopts the mandate from the Council's tasks; every task raises expectations.
import type { PanelContext } from '../context.js';
import { chairName } from '../describe.js';
import { h, newId } from '../dom.js';
import { loc, t } from '../i18n/index.js';

export function mandatePanel(ctx: PanelContext): HTMLElement {
  const { scn } = ctx;
  const section = h('section', { class: 'panel', 'aria-labelledby': 'mandate-heading' }, h('h2', { id: 'mandate-heading' }, t('mandate.heading')));
  if (ctx.viewer !== 'srsg' || !ctx.isHuman('srsg')) {
    section.append(h('p', {}, t('prompt.waitFor', { chair: chairName('srsg') })));
    return section;
  }
  const m = scn.mandate;
  const focus = h('p', { class: 'hint', 'aria-live': 'polite' });
  const boxes: HTMLInputElement[] = [];
  const update = () => {
    focus.textContent = t('mandate.focus', { n: m.focus, k: boxes.filter((b) => b.checked).length });
  };
  const list = h(
    'ul',
    { class: 'checklist' },
    m.tasks.map((task) => {
      const id = newId('task');
      const box = h('input', { type: 'checkbox', id, value: task.id, 'data-key': `task-${task.id}`, onchange: update });
      box.checked = task.required || m.draft.length === 0 || m.draft.includes(task.id);
      if (task.required) box.disabled = true;
      boxes.push(box);
      const notes = [task.required ? t('mandate.required') : null, !task.required && m.draft.includes(task.id) ? t('mandate.draft') : null, t('mandate.expectation', { n: task.expectation })].filter(Boolean);
      return h('li', {}, box, h('label', { for: id }, loc(task.name), ' ', h('span', { class: 'muted' }, `(${notes.join('; ')})`)), task.text ? h('p', { class: 'muted small' }, loc(task.text)) : null);
    }),
  );
  update();
  const form = h(
    'form',
    {
      onsubmit: (e: Event) => {
        e.preventDefault();
        ctx.dispatch({ type: 'mandate/adopt', chair: 'srsg', tasks: boxes.filter((b) => b.checked).map((b) => b.value) });
      },
    },
    h('fieldset', {}, h('legend', {}, t('mandate.tasks')), list),
    focus,
    h('button', { type: 'submit', class: 'primary', 'data-key': 'adopt' }, t('mandate.adopt')),
  );
  section.append(form);
  return section;
}
