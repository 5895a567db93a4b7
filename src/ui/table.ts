// The one table, for the solo game and a session's chair alike: header, the Phaser map (loaded lazily) beside its text
// twin, and the panels for the phase. It is fed {scenario, view, legal actions, rejection} as a PanelContext, and
// patches the page in place (preact) once per animation frame: focus, scroll, typed notes and chosen targets stay.
import { indexOf } from '../engine/scenario-index.js';
import type { Chair } from '../scenario/schema.js';
import type { PanelContext } from './context.js';
import { chairName, regionName } from './describe.js';
import { h } from './dom.js';
import { Fields, type BoardContext } from './fields.js';
import { lang, loc, t, type Lang } from './i18n/index.js';
import { lazyMap } from './lazy-map.js';
import { monthLine, sidePanels, statusLines, type SideHandlers } from './panels/side.js';
import { theatrePanel } from './panels/theatre.js';
import { languageSwitch } from './panels/title.js';
import { glossaryButton } from './glossary.js';
import type { MapChange } from './scenes/changes.js';
import type { MountedMap } from './scenes/mount.js';
import { mapMotion, motionToggle } from './scenes/motion.js';
import { createPicker } from './scenes/pick.js';
import type { MapSource } from './scenes/source.js';
import { cueState, cuesFor, play, soundToggle, type CueState } from './sound.js';
import { patch, v, type VNode } from './vdom.js';

/** What the header shows besides the month: who sits here, the session's clock, and the buttons. */
export interface HeaderInput {
  /** Several chairs held in this browser (hot seat): a button each; else the one chair's line. */
  readonly seats: { readonly chairs: readonly Chair[]; pick(c: Chair): void } | null;
  readonly seatLine: string;
  readonly clock: string | null;
  readonly onDebrief?: (() => void) | undefined;
  readonly onExport?: (() => void) | undefined;
  readonly onQuit?: (() => void) | undefined;
}

/** Everything the table shows at one moment. */
export interface TableInput {
  readonly ctx: PanelContext;
  /** What changed on the map since last month, as text, when known. */
  readonly changes: readonly MapChange[] | null;
  readonly header: HeaderInput;
  /** Lines above the panels (a session paused, not started, ended). */
  readonly banners: readonly { readonly text: string; readonly alert: boolean }[];
  /** An action is on its way (a session's server): the panels say they are busy. */
  readonly busy: boolean;
  readonly side: SideHandlers;
}

export interface TableOptions {
  readonly source: MapSource;
  readonly onLang: (l: Lang) => void;
  /** The class of the root besides `table-screen`. */
  readonly className?: string;
}

export interface Table {
  readonly root: HTMLElement;
  /** Shows `input` at the next animation frame; several updates in a frame draw once. */
  update(input: TableInput): void;
  /** Draws what is pending now (the first paint, before moving the focus into it). */
  flush(): void;
  /** Redraws the map's labels and the panels (after a language switch). */
  redrawMap(): void;
  destroy(): void;
}

export function createTable(opts: TableOptions): Table {
  const title = h('div', { class: 'header-title' });
  const more = h('div', { class: 'header-body' });
  const tools = h('div', { class: 'header-tools' });
  const menu = h('details', { class: 'header-more' }, h('summary', {}, t('table.menu')), more, tools);
  const header = h('header', { class: 'table-header' }, title, menu);
  const mapBox = h(
    'div',
    {
      class: 'map-canvas',
      id: 'map',
      role: 'img',
      'aria-label': t('table.map'),
      'aria-describedby': 'theatre-heading',
    },
    h('p', { class: 'muted' }, t('table.mapLoading')),
  );
  const legend = h('p', { class: 'legend small' });
  const theatre = h('div');
  const side = h('div', { class: 'side', 'data-testid': 'side' });
  const motion = mapMotion();
  const root = h(
    'div',
    { class: `table-screen${opts.className ? ` ${opts.className}` : ''}` },
    header,
    h(
      'main',
      { id: 'main', class: 'table-main', tabindex: -1 },
      side,
      h('div', { class: 'board' }, motion.frame(mapBox), legend, theatre),
    ),
  );
  // the menu is open where there is room; a phone shows the month and the actions first
  menu.open = typeof matchMedia === 'undefined' || !matchMedia('(max-width: 700px)').matches;
  const picker = createPicker(side, () => map.redraw());
  const map: MountedMap = lazyMap(
    mapBox,
    {
      source: opts.source,
      motion: motion.motion,
      pickable: picker.pickable,
      onRegion: (id) => {
        if (last) picker.pick(id, regionName(last.ctx.scn, id));
      },
    },
    () => performance.mark('table-ready'),
  );

  let last: TableInput | null = null;
  let drawn: TableInput | null = null;
  let frame: number | null = null;
  let timer: number | null = null;
  let moment: string | null = null;
  let toolsLang: Lang | null = null;
  let cues: CueState | null = null;
  const schedule = () => {
    if (frame !== null) return;
    frame = requestAnimationFrame(flush);
    // a hidden tab gets no frames: the page still follows within a moment
    timer = window.setTimeout(flush, 120);
  };
  const fields = new Fields(schedule);

  function flush(): void {
    if (frame !== null) cancelAnimationFrame(frame);
    if (timer !== null) window.clearTimeout(timer);
    frame = timer = null;
    const input = last;
    if (!input) return;
    const { ctx } = input;
    const now = `${ctx.view.turn}:${ctx.view.phase}:${ctx.viewer}`;
    if (now !== moment) {
      moment = now;
      fields.clear();
    }
    const active =
      document.activeElement instanceof HTMLElement && root.contains(document.activeElement)
        ? document.activeElement
        : null;
    const key = active?.dataset['key'];
    const home = active?.closest<HTMLElement>('[data-focus-home]')?.dataset['focusHome'];
    const caret =
      active instanceof HTMLInputElement && active.type === 'text'
        ? [active.selectionStart, active.selectionEnd]
        : null;
    const board: BoardContext = { ...ctx, fields, redraw: schedule };
    if (input !== drawn || lang() !== toolsLang) {
      if (lang() !== toolsLang) {
        toolsLang = lang();
        tools.replaceChildren(
          ...[languageSwitch(opts.onLang), glossaryButton(ctx.scn), soundToggle(), motionToggle()].filter(
            (x): x is HTMLElement => x !== null,
          ),
        );
        (menu.firstElementChild as HTMLElement).textContent = t('table.menu');
      }
      patch(title, headerTitle(ctx, input.header));
      patch(more, headerBody(ctx, input.header));
      mapBox.setAttribute('aria-label', t('table.map'));
      legend.textContent = `${t('map.legend')} ${t('mapchange.legend')}`;
      if (input.ctx.view !== drawn?.ctx.view || input.changes !== drawn.changes)
        theatre.replaceChildren(theatrePanel(ctx, input.changes));
      const heard = cueState(ctx.view);
      play(cuesFor(cues, heard));
      cues = heard;
      drawn = input;
    }
    side.setAttribute('aria-busy', String(input.busy));
    patch(side, [
      v(
        'div',
        { key: 'banners', class: 'session-banners' },
        input.banners.map((b, i) =>
          v('p', { key: i, class: `banner${b.alert ? ' paused' : ''}`, role: b.alert ? 'alert' : 'status' }, b.text),
        ),
      ),
      ...sidePanels(board, input.side),
    ]);
    picker.sync();
    if (!active) return;
    // the control the person used stays focused; if it is gone or closed, its card, else the phase heading
    // (a control just disabled keeps the focus only until the browser's next fix-up: it counts as lost)
    const usable = (el: Element | null): el is HTMLElement =>
      el instanceof HTMLElement && !(el as HTMLButtonElement).disabled && el.offsetParent !== null;
    const focused = document.activeElement;
    if (usable(focused) && root.contains(focused)) {
      restoreCaret(focused, caret);
      return;
    }
    const again = key ? root.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`) : null;
    const card = home ? root.querySelector<HTMLElement>(`[data-focus-home="${CSS.escape(home)}"]`) : null;
    const target = usable(again)
      ? again
      : usable(card)
        ? card
        : root.querySelector<HTMLElement>('#phase-heading, #over-heading');
    target?.focus({ preventScroll: true });
    if (target) restoreCaret(target, caret);
  }

  return {
    root,
    update: (input) => {
      last = input;
      schedule();
    },
    flush,
    redrawMap: () => {
      map.redraw();
      drawn = null;
      schedule();
    },
    destroy: () => {
      if (frame !== null) cancelAnimationFrame(frame);
      if (timer !== null) window.clearTimeout(timer);
      map.destroy();
      motion.destroy();
      picker.destroy();
    },
  };
}

function restoreCaret(el: HTMLElement, caret: (number | null)[] | null): void {
  if (!caret || !(el instanceof HTMLInputElement) || el.type !== 'text') return;
  const [from, to] = caret;
  if (from != null && to != null) el.setSelectionRange(from, to);
}

/** Always in view, on a phone too: the scenario, the month and who sits here. */
function headerTitle(ctx: PanelContext, hd: HeaderInput): VNode {
  const several = hd.seats !== null && hd.seats.chairs.length > 1;
  return v(
    'div',
    {},
    v('h1', {}, loc(ctx.scn.title)),
    v('p', { class: 'month', 'data-testid': 'month' }, monthLine(ctx)),
    several ? null : v('p', { class: 'seat-single' }, hd.seatLine),
  );
}

function headerBody(ctx: PanelContext, hd: HeaderInput): VNode {
  const humans = hd.seats ? hd.seats.chairs : [];
  const seats =
    hd.seats && humans.length > 1
      ? v(
          'div',
          { class: 'seats', role: 'group', 'aria-label': t('table.seatLabel') },
          humans.map((c) =>
            v(
              'button',
              {
                key: c,
                type: 'button',
                class: 'seat',
                'data-key': `seat-${c}`,
                'aria-pressed': c === ctx.viewer ? 'true' : 'false',
                onclick: () => hd.seats?.pick(c),
              },
              chairName(c),
            ),
          ),
        )
      : null;
  return v(
    'div',
    { class: 'header-row' },
    seats,
    v(
      'ul',
      { class: 'status small' },
      statusLines(ctx).map((x, i) => v('li', { key: i }, x)),
    ),
    v(
      'div',
      { class: 'header-buttons' },
      hd.clock !== null ? v('p', { class: 'clock', 'data-testid': 'clock' }, hd.clock) : null,
      hd.onDebrief
        ? v(
            'button',
            { type: 'button', 'data-key': 'debrief', onclick: hd.onDebrief },
            ctx.view.phase === 'over' ? t('debrief.heading') : t('debrief.openSoFar'),
          )
        : null,
      hd.onExport
        ? v('button', { type: 'button', 'data-key': 'export', onclick: hd.onExport }, t('table.export'))
        : null,
      hd.onQuit ? v('button', { type: 'button', 'data-key': 'quit', onclick: hd.onQuit }, t('table.quit')) : null,
    ),
  );
}

/** The chairs a person holds in a solo game, in the scenario's order. */
export function humanChairs(ctx: PanelContext): Chair[] {
  return indexOf(ctx.scn).chairs.filter((c) => ctx.isHuman(c));
}
