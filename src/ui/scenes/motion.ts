// Motion on the map: the reader's wish (the system's reduced-motion setting, and a remembered "Animations" toggle), the
// "Skip animation" button over the map while a month's changes play, and Escape to skip.
import { h } from '../dom.js';
import { t } from '../i18n/index.js';
import type { AnimationState, MapMotion } from './map-scene.js';

const KEY = 'mandate.motion';

export function systemReducesMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** The player's own setting: animations on unless turned off here once. */
export function motionSetting(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    return true; // storage may be unavailable; the system's setting still counts
  }
}

export function setMotionSetting(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // not remembered, still applied for this page
  }
}

/** Whether the map may animate: the player allows it and the system does not ask for less motion. */
export function motionAllowed(): boolean {
  return motionSetting() && !systemReducesMotion();
}

/** The header's "Animations: on/off" toggle; none when the system already asks for reduced motion (nothing to turn on). */
export function motionToggle(): HTMLButtonElement | null {
  if (systemReducesMotion()) return null;
  const button = h('button', { type: 'button', 'data-key': 'motion' });
  const show = () => {
    const on = motionSetting();
    button.setAttribute('aria-pressed', String(on));
    button.textContent = t(on ? 'mapmotion.on' : 'mapmotion.off');
  };
  button.addEventListener('click', () => {
    setMotionSetting(!motionSetting());
    show();
  });
  show();
  return button;
}

export interface MapMotionControls {
  /** The scene's side: whether to animate, its state, its skip. */
  readonly motion: MapMotion;
  /** Puts the map box in a frame that holds the Skip button over its corner (outside the box: a role=img hides its children). */
  frame(box: HTMLElement): HTMLElement;
  destroy(): void;
}

export function mapMotion(): MapMotionControls {
  let skip: (() => void) | null = null;
  let animating = false;
  let box: HTMLElement | null = null;
  const button = h(
    'button',
    { type: 'button', class: 'map-skip', 'data-key': 'skip-animation', hidden: true, onclick: () => skip?.() },
    t('mapmotion.skip'),
  );
  // on the window in the capture phase: Escape skips the animation before anything else hears it
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !animating || !skip || e.defaultPrevented) return;
    e.preventDefault();
    skip();
  };
  const setAnimating = (on: boolean) => {
    if (on === animating) return;
    animating = on;
    if (on) window.addEventListener('keydown', onKey, true);
    else window.removeEventListener('keydown', onKey, true);
    const hadFocus = document.activeElement === button;
    button.textContent = t('mapmotion.skip');
    button.hidden = !on;
    // the button goes away under the keyboard's focus: the map it skipped takes it, not the page's top
    if (hadFocus && !on) box?.focus({ preventScroll: true });
  };
  return {
    motion: {
      enabled: motionAllowed,
      onState: (s: AnimationState) => setAnimating(s.animating),
      bindSkip: (fn) => {
        skip = fn;
        return () => {
          if (skip === fn) skip = null;
          setAnimating(false);
        };
      },
    },
    frame: (b) => {
      box = b;
      if (!b.hasAttribute('tabindex')) b.tabIndex = -1;
      return h('div', { class: 'map-frame' }, b, button);
    },
    destroy: () => {
      skip = null;
      setAnimating(false);
    },
  };
}
