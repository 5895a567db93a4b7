// Strategy: the SRSG sets the mission's political strategy for the month.
import type { PanelContext } from '../context.js';
import { chairName } from '../describe.js';
import { h, newId } from '../dom.js';
import { loc, t } from '../i18n/index.js';

export function strategyPanel(ctx: PanelContext): HTMLElement {
  const { scn, view: s } = ctx;
  const section = h('section', { class: 'panel', 'aria-labelledby': 'strategy-heading' }, h('h2', { id: 'strategy-heading' }, t('strategy.heading')));
  if (ctx.viewer !== 'srsg' || !ctx.isHuman('srsg')) {
    section.append(h('p', {}, t('prompt.waitFor', { chair: chairName('srsg') })));
    return section;
  }
  const name = newId('strategy');
  const radios: HTMLInputElement[] = [];
  const current = s.strategy ?? scn.strategies[0]?.id;
  const items = scn.strategies.map((st) => {
    const id = newId('st');
    const r = h('input', { type: 'radio', name, id, value: st.id, 'data-key': `strategy-${st.id}` });
    r.checked = st.id === current;
    radios.push(r);
    return h('li', {}, r, h('label', { for: id }, h('strong', {}, loc(st.name)), h('span', { class: 'muted block' }, loc(st.text))));
  });
  section.append(
    h(
      'form',
      {
        onsubmit: (e: Event) => {
          e.preventDefault();
          const chosen = radios.find((r) => r.checked)?.value;
          if (chosen) ctx.dispatch({ type: 'strategy/set', chair: 'srsg', strategy: chosen });
        },
      },
      h('fieldset', {}, h('legend', {}, t('strategy.choose')), h('ul', { class: 'radiolist' }, items)),
      h('button', { type: 'submit', class: 'primary', 'data-key': 'set-strategy' }, t('strategy.set')),
    ),
  );
  return section;
}
