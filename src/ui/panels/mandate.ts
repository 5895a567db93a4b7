// Setup: the SRSG adopts the mandate from the Council's tasks; every task raises expectations. Where the scenario brings
// the Council and headquarters into play, the panel says what New York holds to (the penholder's priorities, the
// Policy Committee's consensus).
import { chairName } from '../describe.js';
import { checkedOf, type BoardContext } from '../fields.js';
import { loc, t } from '../i18n/index.js';
import { v, type VNode } from '../vdom.js';

export function mandatePanel(ctx: BoardContext): VNode {
  const { scn, fields } = ctx;
  const heading = v('h2', { id: 'mandate-heading' }, t('mandate.heading'));
  if (ctx.viewer !== 'srsg' || !ctx.isHuman('srsg'))
    return v(
      'section',
      { class: 'panel', 'aria-labelledby': 'mandate-heading' },
      heading,
      v('p', {}, t('prompt.waitFor', { chair: chairName('srsg') })),
    );
  const m = scn.mandate;
  const ticked = (id: string, required: boolean) =>
    required || fields.flag(`task-${id}`, m.draft.length === 0 || m.draft.includes(id));
  const chosen = m.tasks.filter((x) => ticked(x.id, x.required)).map((x) => x.id);
  const list = v(
    'ul',
    { class: 'checklist' },
    m.tasks.map((task) => {
      const id = `task-${task.id}`;
      const notes = [
        task.required ? t('mandate.required') : null,
        !task.required && m.draft.includes(task.id) ? t('mandate.draft') : null,
        scn.council?.backs.includes(task.id) ? t('mandate.backed') : null,
        t('mandate.expectation', { n: task.expectation }),
      ].filter(Boolean);
      return v(
        'li',
        { key: task.id },
        v('input', {
          type: 'checkbox',
          id,
          value: task.id,
          'data-key': id,
          checked: ticked(task.id, task.required),
          disabled: task.required,
          onchange: (e) => fields.set(id, checkedOf(e)),
        }),
        v('label', { for: id }, loc(task.name), ' ', v('span', { class: 'muted' }, `(${notes.join('; ')})`)),
        task.text ? v('p', { class: 'muted small' }, loc(task.text)) : null,
      );
    }),
  );
  return v(
    'section',
    { class: 'panel', 'aria-labelledby': 'mandate-heading' },
    heading,
    v(
      'form',
      {
        onsubmit: (e: Event) => {
          e.preventDefault();
          ctx.dispatch({ type: 'mandate/adopt', chair: 'srsg', tasks: chosen });
        },
      },
      v('fieldset', {}, v('legend', {}, t('mandate.tasks')), list),
      v('p', { class: 'hint', 'aria-live': 'polite' }, t('mandate.focus', { n: m.focus, k: chosen.length })),
      scn.council
        ? v(
            'p',
            { class: 'hint' },
            t('mandate.newYork', { penholder: loc(scn.council.penholder), n: scn.council.hqCuts }),
          )
        : null,
      v('button', { type: 'submit', class: 'primary', 'data-key': 'adopt' }, t('mandate.adopt')),
    ),
  );
}
