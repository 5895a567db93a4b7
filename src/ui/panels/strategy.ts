// Strategy: the SRSG sets the mission's political strategy for the month.
import { chairName } from '../describe.js';
import type { BoardContext } from '../fields.js';
import { loc, t } from '../i18n/index.js';
import { v, type VNode } from '../vdom.js';

export function strategyPanel(ctx: BoardContext): VNode {
  const { scn, view: s, fields } = ctx;
  const heading = v('h2', { id: 'strategy-heading' }, t('strategy.heading'));
  if (ctx.viewer !== 'srsg' || !ctx.isHuman('srsg'))
    return v(
      'section',
      { class: 'panel', 'aria-labelledby': 'strategy-heading' },
      heading,
      v('p', {}, t('prompt.waitFor', { chair: chairName('srsg') })),
    );
  const current = fields.text('strategy', s.strategy ?? scn.strategies[0]?.id ?? '');
  const items = scn.strategies.map((st) => {
    const id = `st-${st.id}`;
    return v(
      'li',
      { key: st.id },
      v('input', {
        type: 'radio',
        name: 'strategy',
        id,
        value: st.id,
        'data-key': `strategy-${st.id}`,
        checked: st.id === current,
        onchange: () => fields.set('strategy', st.id),
      }),
      v('label', { for: id }, v('strong', {}, loc(st.name)), v('span', { class: 'muted block' }, loc(st.text))),
    );
  });
  return v(
    'section',
    { class: 'panel', 'aria-labelledby': 'strategy-heading' },
    heading,
    v(
      'form',
      {
        onsubmit: (e: Event) => {
          e.preventDefault();
          if (current) ctx.dispatch({ type: 'strategy/set', chair: 'srsg', strategy: current });
        },
      },
      v('fieldset', {}, v('legend', {}, t('strategy.choose')), v('ul', { class: 'radiolist' }, items)),
      v('button', { type: 'submit', class: 'primary', 'data-key': 'set-strategy' }, t('strategy.set')),
    ),
  );
}
