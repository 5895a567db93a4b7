// The map's HTML over its canvas: the key, the zoom buttons, a focusable button per region (the keyboard's and screen
// readers' way onto the map) and the region card shown on hover, tap or focus. The canvas draws; this speaks.
import { h } from '../dom.js';
import { t } from '../i18n/index.js';
import type { Rect } from './placement.js';

const STYLE_ID = 'map-overlay-style';
const CSS = `
.map-canvas { position: relative; }
.map-ui { position: absolute; inset: 0; pointer-events: none; font: 13px/1.3 "Source Sans 3", "Segoe UI", system-ui, sans-serif; color: #2a2318; }
.map-ui button, .map-ui summary { pointer-events: auto; }
.map-hit { position: absolute; background: transparent; border: 0; padding: 0; margin: 0; pointer-events: none !important; border-radius: 4px; }
.map-hit:focus-visible { outline: 3px solid #1f5fa8; outline-offset: 1px; }
.map-key { position: absolute; left: 6px; bottom: 6px; max-width: min(260px, 70%); background: rgba(255,253,248,0.96); border: 1px solid #b9ab8f; border-radius: 6px; pointer-events: auto; }
/* a fixed width when open: the map is laid out right of it and must not move when a group's strength changes */
.map-key[open] { width: min(250px, 70%); box-sizing: border-box; }
.map-key summary { cursor: pointer; padding: 3px 8px; font-weight: 600; }
.map-key ul { list-style: none; margin: 0; padding: 0 8px 6px; }
.map-key li { display: flex; gap: 6px; align-items: center; margin: 2px 0; }
.map-key img { width: 18px; height: 18px; flex: none; }
.map-key .map-key-note { padding: 0 8px 6px; margin: 0; max-width: 300px; }
.map-zoom { position: absolute; right: 6px; top: 6px; display: flex; gap: 4px; }
.map-zoom button { min-width: 30px; height: 30px; border: 1px solid #b9ab8f; border-radius: 6px; background: rgba(255,253,248,0.96); font: inherit; font-weight: 700; cursor: pointer; }
.map-zoom button[hidden] { display: none; }
.map-card { position: absolute; z-index: 2; width: min(280px, calc(100% - 12px)); background: #fffdf8; border: 1px solid #8a7a5c; border-radius: 8px; box-shadow: 0 4px 14px rgba(42,35,24,0.25); padding: 8px 10px; pointer-events: none; }
.map-card h4 { margin: 0 0 4px; font-size: 15px; }
.map-card h5 { margin: 6px 0 2px; font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: #5a4c33; }
.map-card ul { margin: 0; padding-left: 16px; }
.map-card p { margin: 2px 0; }
.map-card .worse { color: #8c2410; font-weight: 600; }
.map-card .better { color: #2d6a2e; font-weight: 600; }
.map-card-close { position: absolute; right: 4px; top: 2px; border: 0; background: transparent; font-size: 18px; cursor: pointer; pointer-events: auto; }
`;

export interface OverlayHandlers {
  zoom(factor: number): void;
  reset(): void;
  /** The key was opened or closed. */
  toggled(): void;
  pan(dx: number, dy: number): void;
  /** A region's button took the focus (show its card) or lost it (null). */
  focus(id: string | null): void;
  /** Enter or Space on a region's button. */
  activate(id: string): void;
}

export interface KeyContent {
  readonly units: readonly { icon: string; label: string }[];
  readonly groups: readonly { icon: string; label: string }[];
}

export interface MapOverlay {
  setKey(content: KeyContent): void;
  /** The regions' buttons, over their labels (CSS pixels of the canvas), in reading order. */
  setRegions(regions: readonly { id: string; label: string; rect: Rect }[]): void;
  showCard(content: HTMLElement, near: Rect): void;
  hideCard(): void;
  cardShown(): boolean;
  setZoomed(zoomed: boolean): void;
  /** The width the open key takes at the map's left (CSS pixels; 0 when closed): the map is drawn right of it. */
  keyWidth(size: string): number;
  /** The boxes the overlay covers on the canvas (CSS pixels), for the labels to keep clear of. */
  covered(size: string): Rect[];
  destroy(): void;
}

export function mapOverlay(box: HTMLElement, on: OverlayHandlers): MapOverlay {
  if (!document.getElementById(STYLE_ID)) document.head.append(h('style', { id: STYLE_ID }, CSS));
  // the box was an image for assistive technology; with buttons and a card inside it is a group of them
  box.setAttribute('role', 'group');
  const hits = h('div', { class: 'map-hits', role: 'group', 'aria-label': t('mapview.regions') });
  const keyList = h('ul', {});
  const key = h(
    'details',
    { class: 'map-key', 'data-testid': 'map-key' },
    h('summary', {}, t('mapkey.title')),
    keyList,
    h('p', { class: 'map-key-note small' }, t('mapkey.violence')),
  );
  // open where there is room for it beside the map; the map moves over when it opens or closes
  if (box.clientWidth >= 900) key.open = true;
  key.addEventListener('toggle', () => on.toggled());
  const zoomIn = h(
    'button',
    { type: 'button', 'aria-label': t('mapview.zoomIn'), title: t('mapview.zoomIn'), onclick: () => on.zoom(1.5) },
    '+',
  );
  const zoomOut = h(
    'button',
    {
      type: 'button',
      'aria-label': t('mapview.zoomOut'),
      title: t('mapview.zoomOut'),
      onclick: () => on.zoom(1 / 1.5),
    },
    '−',
  );
  const reset = h(
    'button',
    { type: 'button', 'data-key': 'map-reset', title: t('mapview.help'), onclick: () => on.reset(), hidden: true },
    t('mapview.reset'),
  );
  const zoom = h('div', { class: 'map-zoom' }, zoomIn, zoomOut, reset);
  // the focused region's button is described by its card (read after its name)
  const cardId = `map-card-${Math.random().toString(36).slice(2, 8)}`;
  const card = h('div', { class: 'map-card', id: cardId, hidden: true, 'data-testid': 'map-card' });
  const ui = h('div', { class: 'map-ui' }, hits, key, zoom, card);
  box.append(ui);
  let shown = false;
  // what the key shows, and the boxes the overlay covers: kept until they change (reading them forces a layout)
  let keyShown = '';
  let coveredCache: { key: string; rects: Rect[]; keyWidth: number } | null = null;
  key.addEventListener('toggle', () => (coveredCache = null));
  const buttons = new Map<string, HTMLButtonElement>();
  const onKey = (e: KeyboardEvent) => {
    const k = e.key;
    const step = 60;
    if (k === '+' || k === '=') on.zoom(1.5);
    else if (k === '-' || k === '_') on.zoom(1 / 1.5);
    else if (k === '0') on.reset();
    else if (k === 'ArrowLeft') on.pan(step, 0);
    else if (k === 'ArrowRight') on.pan(-step, 0);
    else if (k === 'ArrowUp') on.pan(0, step);
    else if (k === 'ArrowDown') on.pan(0, -step);
    else if (k === 'Escape' && shown) {
      card.hidden = true;
      shown = false;
    } else return;
    e.preventDefault();
  };
  box.addEventListener('keydown', onKey);
  /** `size`: the canvas's size; the boxes are measured again when it changes. */
  const measured = (size: string) => {
    if (coveredCache?.key === size) return coveredCache;
    const b = box.getBoundingClientRect();
    const rects = [key, zoom]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ x: r.left - b.left, y: r.top - b.top, w: r.width, h: r.height }));
    coveredCache = { key: size, rects, keyWidth: key.open ? key.getBoundingClientRect().width + 6 : 0 };
    return coveredCache;
  };
  return {
    setKey: ({ units, groups }) => {
      const sig = JSON.stringify([units, groups]);
      if (sig === keyShown) return;
      keyShown = sig;
      coveredCache = null;
      const row = (icon: string, label: string) => h('li', {}, h('img', { src: icon, alt: '' }), h('span', {}, label));
      keyList.replaceChildren(...units.map((u) => row(u.icon, u.label)), ...groups.map((g) => row(g.icon, g.label)));
    },
    setRegions: (regions) => {
      const seen = new Set<string>();
      for (const r of regions) {
        seen.add(r.id);
        let b = buttons.get(r.id);
        if (!b) {
          const id = r.id;
          b = h('button', { type: 'button', class: 'map-hit', 'data-region': id, 'aria-describedby': cardId });
          b.addEventListener('focus', () => on.focus(id));
          b.addEventListener('blur', () => on.focus(null));
          b.addEventListener('click', () => on.activate(id));
          buttons.set(id, b);
        }
        if (b.getAttribute('aria-label') !== r.label) b.setAttribute('aria-label', r.label);
        b.style.left = `${r.rect.x}px`;
        b.style.top = `${r.rect.y}px`;
        b.style.width = `${r.rect.w}px`;
        b.style.height = `${r.rect.h}px`;
      }
      for (const [id, b] of buttons) {
        if (!seen.has(id)) {
          b.remove();
          buttons.delete(id);
        }
      }
      const order = regions.map((r) => buttons.get(r.id)!);
      if (order.some((b, i) => hits.children[i] !== b) || hits.children.length !== order.length)
        hits.replaceChildren(...order);
    },
    showCard: (content, near) => {
      card.replaceChildren(
        h(
          'button',
          {
            type: 'button',
            class: 'map-card-close',
            'aria-label': t('mapcard.close'),
            onclick: () => ((card.hidden = true), (shown = false)),
          },
          '×',
        ),
        content,
      );
      card.hidden = false;
      shown = true;
      const W = box.clientWidth;
      const H = box.clientHeight;
      const cw = card.offsetWidth;
      const ch = card.offsetHeight;
      // beside the label, on the side with room; inside the box
      let x = near.x + near.w + 8 <= W - cw ? near.x + near.w + 8 : near.x - cw - 8;
      let y = near.y;
      x = Math.max(4, Math.min(W - cw - 4, x));
      y = Math.max(4, Math.min(H - ch - 4, y));
      card.style.left = `${x}px`;
      card.style.top = `${y}px`;
    },
    hideCard: () => {
      card.hidden = true;
      shown = false;
    },
    cardShown: () => shown,
    setZoomed: (zoomed) => {
      if (reset.hidden === !zoomed) return;
      reset.hidden = !zoomed;
      // the zoom buttons grew or shrank: the labels keep clear of their new box
      coveredCache = null;
    },
    keyWidth: (size) => measured(size).keyWidth,
    covered: (size) => measured(size).rects,
    destroy: () => {
      box.removeEventListener('keydown', onKey);
      ui.remove();
    },
  };
}
