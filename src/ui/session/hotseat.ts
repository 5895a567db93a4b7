// Hot seat: one screen passed from chair to chair. While the device passes, the previous chair's plan and hand stay hidden.
import type { Phase } from '../../engine/index.js';
import type { Chair } from '../../scenario/schema.js';
import { chairName } from '../describe.js';
import { h } from '../dom.js';
import { t } from '../i18n/index.js';

/**
 * Whether a change of the chair on screen needs the pass screen: during planning (plans are secret),
 * when planning begins, and between chairs in coordination (a revising chair's hand is secret again).
 * The reveal itself and the resolution are for everyone, so entering coordination needs none.
 */
export function needsPass(
  humans: number,
  prev: { viewer: Chair; phase: Phase | null },
  next: { viewer: Chair; phase: Phase },
): boolean {
  if (humans < 2) return false;
  if (next.phase === 'planning') return prev.viewer !== next.viewer || prev.phase !== 'planning';
  if (next.phase === 'coordination') return prev.phase === 'coordination' && prev.viewer !== next.viewer;
  return false;
}

/** The full-screen "pass the device" screen; nothing of any plan is on it. */
export function passScreen(chair: Chair, onReady: () => void): HTMLElement {
  const name = chairName(chair);
  return h(
    'main',
    { class: 'pass-screen', id: 'main', tabindex: -1, 'aria-labelledby': 'pass-heading' },
    h(
      'div',
      { class: 'pass-box' },
      h('h1', { id: 'pass-heading', tabindex: -1 }, t('hotseat.pass', { chair: name })),
      h('p', {}, t('hotseat.hint', { chair: name })),
      h(
        'button',
        { type: 'button', class: 'primary big', 'data-key': 'hotseat-ready', onclick: onReady },
        t('hotseat.ready', { chair: name }),
      ),
    ),
  );
}
