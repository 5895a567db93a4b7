// Choosing a target on the map: the hand marks its selects of regions (pickButton); the table keeps which one a click
// on a region fills (createPicker). The selects stay the keyboard's way; the map is a shortcut for the pointer.
import { announce, h } from '../dom.js';
import { t } from '../i18n/index.js';

/** Marks a select of regions as one the map can fill, and returns the toggle that arms it. `name`: the card or unit. */
export function pickButton(select: HTMLSelectElement, name: string, kind: 'card' | 'move'): HTMLButtonElement {
  select.dataset['pick'] = name;
  return h(
    'button',
    {
      type: 'button',
      class: 'small-btn pick',
      'data-pick-for': select.dataset['key'] ?? '',
      'aria-pressed': 'false',
      'aria-label': t(kind === 'card' ? 'pick.cardLabel' : 'pick.moveLabel', { name }),
    },
    t('pick.button'),
  );
}

export interface Picker {
  /** The regions the armed select offers (ringed on the map), or null when none is armed. */
  pickable(): ReadonlySet<string> | null;
  /** A click on a region: fills the armed select (or the only one there is) and says so. */
  pick(region: string, regionName: string): void;
  /** After the panels are drawn again: presses the armed toggle; forgets a select that is gone. */
  sync(): void;
  destroy(): void;
}

/** `root` holds the hand; `changed` is told when what may be picked changes (the map rings it). */
export function createPicker(root: HTMLElement, changed: () => void): Picker {
  let armed: string | null = null;
  const selects = () => [...root.querySelectorAll<HTMLSelectElement>('select[data-pick]')];
  const armedSelect = () => (armed === null ? null : (selects().find((s) => s.dataset['key'] === armed) ?? null));
  const arm = (key: string | null) => {
    if (key === armed) return;
    armed = key;
    sync();
    changed();
  };
  const sync = () => {
    if (armed !== null && !armedSelect()) {
      armed = null;
      changed();
    }
    for (const b of root.querySelectorAll<HTMLButtonElement>('button[data-pick-for]'))
      b.setAttribute('aria-pressed', String(b.dataset['pickFor'] === armed));
  };
  const onClick = (e: Event) => {
    const b = (e.target as Element | null)?.closest<HTMLButtonElement>('button[data-pick-for]');
    if (!b || !root.contains(b)) return;
    const key = b.dataset['pickFor'] ?? '';
    arm(armed === key ? null : key);
    const sel = armedSelect();
    if (sel) announce(t('pick.armed', { name: sel.dataset['pick'] ?? '' }));
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || armed === null || e.defaultPrevented) return;
    arm(null);
    announce(t('pick.cancelled'));
  };
  root.addEventListener('click', onClick);
  document.addEventListener('keydown', onKey);
  return {
    pickable: () => {
      const sel = armedSelect();
      return sel ? new Set([...sel.options].map((o) => o.value)) : null;
    },
    pick: (region, regionName) => {
      const all = selects();
      if (all.length === 0) return;
      const sel = armedSelect() ?? (all.length === 1 ? all[0]! : null);
      if (!sel) {
        announce(t('pick.first'));
        return;
      }
      const name = sel.dataset['pick'] ?? '';
      if (![...sel.options].some((o) => o.value === region)) {
        announce(t('pick.notOption', { region: regionName, name }));
        return;
      }
      sel.value = region;
      sel.dispatchEvent(new Event('change', { bubbles: true }));
      sel.classList.add('picked');
      announce(t('pick.done', { region: regionName, name }));
      arm(null);
    },
    sync,
    destroy: () => {
      root.removeEventListener('click', onClick);
      document.removeEventListener('keydown', onKey);
    },
  };
}
