// The toggle beside a select of regions that arms it for a click on the map (see scenes/pick.ts), as a described node.
import { t } from './i18n/index.js';
import { v, type VNode } from './vdom.js';

/** `key`: the select's data-key; `name`: the card or unit. The picker presses it (aria-pressed) when armed. */
export function pickToggle(key: string, name: string, kind: 'card' | 'move'): VNode {
  return v(
    'button',
    {
      type: 'button',
      class: 'small-btn pick',
      'data-pick-for': key,
      'aria-pressed': 'false',
      'aria-label': t(kind === 'card' ? 'pick.cardLabel' : 'pick.moveLabel', { name }),
    },
    t('pick.button'),
  );
}
