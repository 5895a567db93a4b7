// The theatre map. A scenario whose regions have lon/lat is drawn on its base map (borders, lakes, rivers, towns from
// assets/maps/); one without keeps the schematic layout of its x/y. Each region is a pin where it lies and a label
// placed beside it without overlap (a leader line when moved away): its violence (a shade, a shape and the number), its
// name, the mission's units there as icons by type and the armed groups present, each once. The scene keeps one record
// of objects per region and updates it on each draw. Zoom and pan (wheel, pinch, drag, keys), a card per region on
// hover, tap or focus, a key. What changed since last month is marked (▲/▼, lines of movement) and animated.
// Phaser is passed in (loaded by a dynamic import in lazy-map.ts), so this file only imports its types.
import type * as PhaserNS from 'phaser';
import type { Scenario } from '../../scenario/schema.js';
import { seenText, violenceLevel, violenceText, type ViolenceLevel } from '../describe.js';
import { h } from '../dom.js';
import { lang, loc, t } from '../i18n/index.js';
import { ARMED } from '../panels/theatre.js';
import { loadBaseMap } from './base-maps.js';
import { changeMark, countAt, easeInOut, flashAt, monthChanged, progressAt, type MapChange } from './changes.js';
import { changeText, mapChanges } from './changes-text.js';
import {
  baseMapFor,
  boxAround,
  countryAt,
  fitView,
  projection,
  type BaseMap,
  type Packed,
  type Projection,
} from './geo.js';
import { ARMED_ICON, CAPABILITY_ORDER, UNIT_ICONS } from './icons.js';
import { layoutOf } from './layout.js';
import { mapOverlay, type MapOverlay } from './map-overlay.js';
import { nearestOnRect, overlaps, placeLabels, type LabelRequest, type Rect } from './placement.js';
import type { MapFrame, MapSource, MapView } from './source.js';

type PhaserModule = typeof PhaserNS;
type Graphics = PhaserNS.GameObjects.Graphics;
type Text = PhaserNS.GameObjects.Text;
type Image = PhaserNS.GameObjects.Image;
type Container = PhaserNS.GameObjects.Container;

/** Violence shades (one hue, light to dark: readable without colour vision) and a shape per level. */
const SHADE: Record<ViolenceLevel, number> = { low: 0xf6ead0, moderate: 0xe8b86b, high: 0xc8642c, severe: 0x7a2810 };
const INK: Record<ViolenceLevel, string> = { low: '#2a2318', moderate: '#2a2318', high: '#ffffff', severe: '#ffffff' };
const FONT = '"Source Sans 3", "Segoe UI", system-ui, sans-serif';
const BLUE = 0x1f5fa8;
/** Marks of change: worse (violence up) in dark red, better in dark green; the ▲/▼ carries it without colour. */
const WORSE = '#8c2410';
const BETTER = '#2d6a2e';
const GROUP_INK = '#6b1a12';
const PAPER = 0xf3eddf;

export interface AnimationState {
  readonly animating: boolean;
  /** How many changes since last month the map marks. */
  readonly changes: number;
}

/** Motion on the map, decided outside the scene (reduced motion, the player's setting) with the skip control. */
export interface MapMotion {
  /** Whether a change may animate now. */
  enabled(): boolean;
  /** Told after each draw whether an animation runs and how many changes are marked. */
  onState(state: AnimationState): void;
  /** Hands over the scene's way to jump to the end; returns the way to take it back. */
  bindSkip(skip: () => void): () => void;
}

export interface MapDeps {
  readonly source: MapSource;
  readonly onReady: () => void;
  /** Without it, changes show at once (still marked). */
  readonly motion?: MapMotion | undefined;
  /** A click on a region (to choose a card's target on the map). */
  readonly onRegion?: ((regionId: string) => void) | undefined;
  /** The regions a click may choose now, ringed on the map; null when no choice is open. */
  readonly pickable?: (() => ReadonlySet<string> | null) | undefined;
  /** Base maps already fetched (lazy-map fetches the first scenario's with Phaser). */
  readonly baseMaps?: Map<string, BaseMap> | undefined;
}

/** Something whose opacity an animation frame sets. */
interface Fading {
  setAlpha(a: number): unknown;
}

/** The objects an animation frame updates. */
interface Live {
  counters: {
    obj: Text;
    from: number;
    to: number;
    shown: number;
    format: (n: number) => string;
    ink?: (n: number) => string;
  }[];
  fades: { obj: Fading; from: number; to: number }[];
  trails: { ax: number; ay: number; bx: number; by: number }[];
  flashes: Fading[];
}
const noLive = (): Live => ({ counters: [], fades: [], trails: [], flashes: [] });

/** How much detail a region's label carries: full name and icons; short name and icons; short name only. */
type Lod = 0 | 1 | 2 | 3;

/** What a region's label shows, measured (canvas pixels, relative to the label's top left). */
interface Block {
  readonly w: number;
  readonly h: number;
  readonly name: string;
  readonly nameX: number;
  readonly nameY: number;
  readonly fontPx: number;
  /** The violence badge: a pill of the level's shade with its shape (symbol) and the number. */
  readonly badge: { x: number; y: number; w: number; h: number; symX: number; numX: number; numPx: number };
  readonly mark: { text: string; x: number; y: number; worse: boolean } | null;
  readonly icons: { key: string; x: number; y: number; size: number; unit: string }[];
  readonly groups: { id: string; text: string; x: number; y: number; iconX: number; size: number; fontPx: number }[];
}

/** The objects of one region, kept from draw to draw. */
interface RegionRec {
  readonly c: Container;
  readonly bg: Graphics;
  readonly flash: Graphics;
  readonly num: Text;
  readonly name: Text;
  readonly mark: Text;
  readonly icons: Image[];
  readonly groups: { icon: Image; text: Text }[];
  box: Rect;
  badge: { x: number; y: number };
}

interface PlaceRec {
  readonly text: Text;
  box: Rect | null;
}

/** A view transform on top of the fitted map: zoom factor and offset, canvas pixels. */
interface Zoom {
  s: number;
  tx: number;
  ty: number;
}

/** What a text shows and how: set on the Phaser object only when it changes (each setter re-renders its texture). */
interface TextLook {
  text: string;
  px: number;
  color: string;
  bold?: boolean;
  spacing?: number;
}
const looks = new WeakMap<Text, TextLook>();
function look(t: Text, l: TextLook): Text {
  const was = looks.get(t);
  if (!was || was.px !== l.px) t.setFontSize(l.px);
  if (!was || was.color !== l.color) t.setColor(l.color);
  if (l.bold !== undefined && was?.bold !== l.bold) t.setFontStyle(l.bold ? 'bold' : 'normal');
  if (l.spacing !== undefined && was?.spacing !== l.spacing) t.setLetterSpacing(l.spacing);
  if (!was || was.text !== l.text) t.setText(l.text);
  looks.set(t, { ...l, bold: l.bold ?? was?.bold, spacing: l.spacing ?? was?.spacing } as TextLook);
  return t;
}

let measureCtx: CanvasRenderingContext2D | null = null;
function measure(s: string, px: number, bold: boolean): number {
  measureCtx ??= document.createElement('canvas').getContext('2d');
  if (!measureCtx) return s.length * px * 0.55;
  measureCtx.font = `${bold ? 'bold ' : ''}${px}px ${FONT}`;
  return measureCtx.measureText(s).width;
}

/** Lines of at most `width` pixels. */
function wrap(s: string, px: number, width: number): string[] {
  const words = s.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (line && measure(next, px, true) > width) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** A region's name as the map's short label: the part before brackets, " and " or a comma ("Masisi and Sake": Masisi). */
export function shortName(name: string): string {
  const cut = name.split(/\s*\(|\s+(?:and|et)\s+|,\s*/u)[0]?.trim();
  return cut && cut.length >= 3 ? cut : name;
}

export function createMapScene(Phaser: PhaserModule, deps: MapDeps) {
  const maps = deps.baseMaps ?? new Map<string, BaseMap>();
  return class MapScene extends Phaser.Scene {
    private alive = true;
    private shown: MapFrame | null = null;
    private base: MapView | null = null;
    private changes: readonly MapChange[] = [];
    private anim: { from: MapView; start: number } | null = null;
    private live: Live = noLive();
    // persistent objects
    private geoG: Graphics | null = null;
    private linkG: Graphics | null = null;
    private trailG: Graphics | null = null;
    private pinG: Graphics | null = null;
    private labels: Container | null = null;
    private recs = new Map<string, RegionRec>();
    private places = new Map<string, PlaceRec>();
    private recsFor: Scenario | null = null;
    private overlay: MapOverlay | null = null;
    private zoom: Zoom = { s: 1, tx: 0, ty: 0 };
    private lod: Lod = 0;
    private lodKey = '';
    private anchors = new Map<string, { x: number; y: number }>();
    private hover: string | null = null;
    private pinned: string | null = null;

    constructor() {
      super({ key: 'map' });
    }

    preload(): void {
      const px = Math.round(32 * Math.max(2, window.devicePixelRatio || 1));
      for (const cap of CAPABILITY_ORDER) this.load.svg(`unit-${cap}`, UNIT_ICONS[cap], { width: px, height: px });
      this.load.svg('armed', ARMED_ICON, { width: px, height: px });
    }

    create(): void {
      this.geoG = this.add.graphics();
      this.linkG = this.add.graphics();
      this.trailG = this.add.graphics();
      this.pinG = this.add.graphics();
      this.labels = this.add.container(0, 0);
      const canvas = this.game.canvas;
      const box = canvas.parentElement;
      if (box) {
        this.overlay = mapOverlay(box, {
          zoom: (f) => this.zoomBy(f, this.scale.width / 2, this.scale.height / 2),
          reset: () => this.setZoom({ s: 1, tx: 0, ty: 0 }),
          toggled: () => this.draw(),
          pan: (dx, dy) => this.panBy(dx * this.ratio(), dy * this.ratio()),
          focus: (id) => {
            this.pinned = id;
            if (id) this.showCard(id);
            else this.overlay?.hideCard();
          },
          activate: (id) => {
            if (deps.pickable?.()) deps.onRegion?.(id);
            this.pinned = id;
            this.showCard(id);
          },
        });
      }
      this.take(deps.source.current(), false);
      const unsubscribe = deps.source.subscribe(() => this.take(deps.source.current(), true));
      const onResize = () => this.draw();
      this.scale.on(Phaser.Scale.Events.RESIZE, onResize);
      // a turn-based map needs no frame loop while nothing moves: each render puts it back to sleep unless animating
      const afterRender = () => {
        if (!this.anim) this.game.loop.sleep();
      };
      this.game.events.on(Phaser.Core.Events.POST_RENDER, afterRender);
      const unbindSkip = deps.motion?.bindSkip(() => this.skip());
      const offPointer = this.bindPointer(canvas);
      const stop = () => {
        this.alive = false;
        unsubscribe();
        unbindSkip?.();
        offPointer();
        this.overlay?.destroy();
        this.overlay = null;
        this.game.events.off(Phaser.Core.Events.POST_RENDER, afterRender);
        this.scale?.off(Phaser.Scale.Events.RESIZE, onResize);
      };
      this.events.once(Phaser.Scenes.Events.SHUTDOWN, stop);
      this.events.once(Phaser.Scenes.Events.DESTROY, stop);
      deps.onReady();
    }

    override update(): void {
      if (!this.anim) return;
      const p = progressAt(this.anim.start, performance.now());
      if (p < 1) {
        this.apply(p);
        return;
      }
      this.anim = null;
      this.apply(1);
      this.report();
    }

    skip(): void {
      if (!this.anim) return;
      this.anim = null;
      this.apply(1);
      this.report();
      this.game.loop.wake();
    }

    private take(next: MapFrame | null, live: boolean): void {
      const prev = this.shown;
      this.shown = next;
      if (!next) {
        this.anim = null;
        this.base = null;
        this.changes = [];
      } else {
        const same = live && prev !== null && prev.scenario.id === next.scenario.id;
        const month = same && monthChanged(prev.view, next.view);
        const seat = same && !month && prev.viewer !== next.viewer;
        const moved = same ? mapChanges(next.scenario, prev.view, next.view) : [];
        if (!same) this.base = null;
        else if (month || (!this.base && !seat && moved.length > 0)) this.base = prev.view;
        const before = next.before ?? this.base;
        this.changes = before ? mapChanges(next.scenario, before, next.view) : [];
        if (moved.length > 0 && !seat && prev && this.mayAnimate())
          this.anim = { from: prev.view, start: performance.now() };
        else if (moved.length > 0 || !same) this.anim = null;
        const mapId = baseMapFor(next.scenario.regions);
        if (mapId && !maps.has(mapId)) {
          void loadBaseMap(mapId)
            .then((m) => {
              maps.set(mapId, m);
              if (this.alive) this.draw();
            })
            .catch((e: unknown) => console.warn('base map unavailable', e));
        }
        if (!same) this.zoom = { s: 1, tx: 0, ty: 0 };
      }
      this.draw();
      this.report();
    }

    private mayAnimate(): boolean {
      const canvas = this.game.canvas;
      return (deps.motion?.enabled() ?? false) && !document.hidden && canvas.getClientRects().length > 0;
    }

    private report(): void {
      const state: AnimationState = { animating: this.anim !== null, changes: this.changes.length };
      const box = this.game.canvas?.parentElement;
      if (box) {
        box.dataset['animating'] = String(state.animating);
        box.dataset['changes'] = String(state.changes);
      }
      deps.motion?.onState(state);
    }

    /** Canvas pixels per CSS pixel. */
    private ratio(): number {
      const c = this.game.canvas;
      return c.clientWidth ? c.width / c.clientWidth : Math.max(1, window.devicePixelRatio || 1);
    }

    private toCanvas(e: { clientX: number; clientY: number }): { x: number; y: number } {
      const r = this.game.canvas.getBoundingClientRect();
      const k = this.ratio();
      return { x: (e.clientX - r.left) * k, y: (e.clientY - r.top) * k };
    }

    private regionAtPoint(x: number, y: number): string | null {
      for (const [id, rec] of this.recs) {
        if (
          rec.c.visible &&
          x >= rec.box.x &&
          x <= rec.box.x + rec.box.w &&
          y >= rec.box.y &&
          y <= rec.box.y + rec.box.h
        )
          return id;
      }
      let best: string | null = null;
      let bestD = 12 * this.unit();
      for (const [id, p] of this.anchors) {
        const d = Math.hypot(p.x - x, p.y - y);
        if (d < bestD) {
          best = id;
          bestD = d;
        }
      }
      return best;
    }

    private bindPointer(canvas: HTMLCanvasElement): () => void {
      const pointers = new Map<number, { x: number; y: number }>();
      let dragged = false;
      let downAt: { x: number; y: number } | null = null;
      let pinch: { d: number; s: number } | null = null;
      const onDown = (e: PointerEvent) => {
        pointers.set(e.pointerId, this.toCanvas(e));
        downAt = this.toCanvas(e);
        dragged = false;
        if (pointers.size === 2) {
          const [a, b] = [...pointers.values()];
          pinch = { d: Math.hypot(a!.x - b!.x, a!.y - b!.y), s: this.zoom.s };
        }
      };
      const onMove = (e: PointerEvent) => {
        const p = this.toCanvas(e);
        const last = pointers.get(e.pointerId);
        if (last) {
          if (pointers.size === 2 && pinch) {
            pointers.set(e.pointerId, p);
            const [a, b] = [...pointers.values()];
            const d = Math.hypot(a!.x - b!.x, a!.y - b!.y);
            if (pinch.d > 0) this.zoomBy((pinch.s * d) / pinch.d / this.zoom.s, (a!.x + b!.x) / 2, (a!.y + b!.y) / 2);
            dragged = true;
            return;
          }
          if (downAt && !dragged && Math.hypot(p.x - downAt.x, p.y - downAt.y) > 6 * this.ratio()) dragged = true;
          if (dragged) this.panBy(p.x - last.x, p.y - last.y);
          pointers.set(e.pointerId, p);
          return;
        }
        const id = this.regionAtPoint(p.x, p.y);
        canvas.style.cursor = id && deps.onRegion && deps.pickable?.()?.has(id) ? 'pointer' : '';
        if (e.pointerType === 'mouse' && id !== this.hover) {
          this.hover = id;
          if (id) this.showCard(id);
          else if (!this.pinned) this.overlay?.hideCard();
        }
      };
      const onUp = (e: PointerEvent) => {
        pointers.delete(e.pointerId);
        if (pointers.size < 2) pinch = null;
      };
      const onLeave = () => {
        this.hover = null;
        if (!this.pinned) this.overlay?.hideCard();
      };
      const onClick = (e: MouseEvent) => {
        if (dragged) {
          dragged = false;
          return;
        }
        const p = this.toCanvas(e);
        const id = this.regionAtPoint(p.x, p.y);
        if (id) {
          deps.onRegion?.(id);
          this.pinned = id;
          this.showCard(id);
        } else {
          this.pinned = null;
          this.overlay?.hideCard();
        }
      };
      const onWheel = (e: WheelEvent) => {
        e.preventDefault();
        const p = this.toCanvas(e);
        this.zoomBy(Math.exp(-e.deltaY * 0.0015), p.x, p.y);
      };
      canvas.style.touchAction = 'none';
      canvas.addEventListener('pointerdown', onDown);
      canvas.addEventListener('pointermove', onMove);
      canvas.addEventListener('pointerup', onUp);
      canvas.addEventListener('pointercancel', onUp);
      canvas.addEventListener('pointerleave', onLeave);
      canvas.addEventListener('click', onClick);
      canvas.addEventListener('wheel', onWheel, { passive: false });
      return () => {
        canvas.removeEventListener('pointerdown', onDown);
        canvas.removeEventListener('pointermove', onMove);
        canvas.removeEventListener('pointerup', onUp);
        canvas.removeEventListener('pointercancel', onUp);
        canvas.removeEventListener('pointerleave', onLeave);
        canvas.removeEventListener('click', onClick);
        canvas.removeEventListener('wheel', onWheel);
      };
    }

    private zoomBy(f: number, cx: number, cy: number): void {
      const s = Math.min(8, Math.max(1, this.zoom.s * f));
      const k = s / this.zoom.s;
      this.setZoom({ s, tx: cx - (cx - this.zoom.tx) * k, ty: cy - (cy - this.zoom.ty) * k });
    }

    private panBy(dx: number, dy: number): void {
      this.setZoom({ s: this.zoom.s, tx: this.zoom.tx + dx, ty: this.zoom.ty + dy });
    }

    /** Keeps the zoomed map over the whole canvas (no panning off into nothing), then draws. */
    private setZoom(z: Zoom): void {
      const W = this.scale.width;
      const H = this.scale.height;
      const clamp = (v: number, lo: number) => Math.min(0, Math.max(lo, v));
      this.zoom = { s: z.s, tx: z.s <= 1 ? 0 : clamp(z.tx, W - W * z.s), ty: z.s <= 1 ? 0 : clamp(z.ty, H - H * z.s) };
      this.overlay?.setZoomed(this.zoom.s > 1.001);
      this.draw();
    }

    private unit(): number {
      const dpr = Math.max(1, window.devicePixelRatio || 1);
      return Math.max(0.85, Math.min(1.25, Math.min(this.scale.width, this.scale.height) / (620 * dpr))) * dpr;
    }

    /** Draws the frame on show at its end state (updating the kept objects), then an animation where it is. */
    draw(): void {
      if (!this.alive || !this.labels) return;
      this.live = noLive();
      const frame = this.shown;
      if (frame) {
        this.build(frame);
        if (this.anim) this.apply(progressAt(this.anim.start, performance.now()));
      } else {
        for (const r of this.recs.values()) r.c.setVisible(false);
      }
      this.game.loop.wake();
    }

    private apply(p: number): void {
      const e = easeInOut(p);
      const live = this.live;
      for (const c of live.counters) {
        const n = countAt(c.from, c.to, e);
        if (n === c.shown) continue;
        c.shown = n;
        c.obj.setText(c.format(n));
        if (c.ink) c.obj.setColor(c.ink(n));
      }
      for (const f of live.fades) f.obj.setAlpha(f.from + (f.to - f.from) * e);
      const g = this.trailG;
      if (g) {
        g.clear();
        for (const tr of live.trails) drawTrail(g, tr, e, this.unit());
        for (const tr of this.staticTrails) drawTrail(g, tr, 1, this.unit());
      }
      for (const f of live.flashes) f.setAlpha(flashAt(p) * 0.8);
    }

    private grid: { key: string; cells: { x: number; y: number; c: string | null }[] } | null = null;
    private staticTrails: { ax: number; ay: number; bx: number; by: number }[] = [];

    private build(frame: MapFrame): void {
      const { scenario: scn, view } = frame;
      const from = this.anim?.from ?? null;
      const W = this.scale.width;
      const H = this.scale.height;
      const u = this.unit();
      const dpr = Math.max(1, window.devicePixelRatio || 1);
      if (this.recsFor !== scn) this.resetRecords(scn);
      const mapId = baseMapFor(scn.regions);
      const bm = mapId ? (maps.get(mapId) ?? null) : null;
      const z = this.zoom;
      const tf = (p: { x: number; y: number }) => ({ x: p.x * z.s + z.tx, y: p.y * z.s + z.ty });

      // where each region lies: its lon/lat on the base map, or its schematic x/y; right of the key when it is open
      this.overlay?.setKey(
        this.keyContent(
          scn,
          view,
          scn.actors.filter((a) => ARMED.includes(a.kind)),
        ),
      );
      const side = (this.overlay?.keyWidth(`${W}x${H}`) ?? 0) * this.ratio();
      let proj: Projection | null = null;
      this.anchors.clear();
      if (bm) {
        const pts = scn.regions.map((r) => ({ lon: r.lon!, lat: r.lat! }));
        const fit = fitView(boxAround(pts, 0.08, 1.2), W - side, H, { x: 70 * u, y: 40 * u });
        const parallel = (bm.box[1] + bm.box[3]) / 2;
        const p1 = projection(fit, W - side, H, parallel);
        // shifted right of the open key
        const p0: Projection = { ...p1, W, x: (lon) => p1.x(lon) + side, lon: (x) => p1.lon(x - side) };
        proj = p0;
        for (const r of scn.regions) this.anchors.set(r.id, tf({ x: p0.x(r.lon!), y: p0.y(r.lat!) }));
      } else {
        const l = layoutOf(scn.regions, W - side, H, dpr);
        for (const r of scn.regions) {
          const q = l.of(r);
          this.anchors.set(r.id, tf({ x: q.x + side, y: q.y }));
        }
      }

      // the base map, or the schematic paper and links
      this.drawGround(scn, bm, proj, W, H, u);

      // the mission's units and the armed groups by region, as seen
      const unitsAt = new Map<string, string[]>();
      for (const [id, s] of Object.entries(view.units)) {
        const list = unitsAt.get(s.region) ?? [];
        list.push(id);
        unitsAt.set(s.region, list);
      }
      const armed = scn.actors.filter((a) => ARMED.includes(a.kind));
      const unitDef = new Map(
        [...scn.units, ...Object.values(scn.reinforcements).map((r) => r.unit)].map((d) => [d.id, d]),
      );

      // measure every label at a level of detail that fits; the level is kept while the canvas and zoom stay
      const key = `${W}x${H}@${z.s.toFixed(3)}:${scn.id}:${lang()}`;
      if (key !== this.lodKey) {
        this.lodKey = key;
        this.lod = 0;
      }
      const covered = (this.overlay?.covered(`${W}x${H}`) ?? []).map((r) => ({
        x: r.x * this.ratio(),
        y: r.y * this.ratio(),
        w: r.w * this.ratio(),
        h: r.h * this.ratio(),
      }));
      const pins: Rect[] = [...this.anchors.values()].map((p) => ({
        x: p.x - 5 * u,
        y: p.y - 5 * u,
        w: 10 * u,
        h: 10 * u,
      }));
      const bounds: Rect = { x: 2 * u, y: 2 * u, w: W - 4 * u, h: H - 4 * u };
      const visible = scn.regions.filter((r) => {
        const a = this.anchors.get(r.id)!;
        return a.x >= -40 * u && a.x <= W + 40 * u && a.y >= -40 * u && a.y <= H + 40 * u;
      });
      let blocks = new Map<string, Block>();
      let placed = new Map<string, Rect>();
      for (let lod = this.lod; lod <= 3; lod++) {
        blocks = new Map(
          visible.map((r) => [
            r.id,
            this.measureBlock(scn, view, r.id, loc(r.name), unitsAt.get(r.id) ?? [], armed, unitDef, lod as Lod, u),
          ]),
        );
        const reqs: LabelRequest[] = visible.map((r) => {
          const a = this.anchors.get(r.id)!;
          const b = blocks.get(r.id)!;
          return { id: r.id, x: a.x, y: a.y, w: b.w, h: b.h };
        });
        const result = placeLabels(reqs, [...pins, ...covered], bounds, {
          gap: 6 * u,
          step: 14 * u,
          pad: 3 * u,
          rings: 16,
        });
        placed = new Map(result.boxes);
        this.lod = lod as Lod;
        if (result.crowded.length === 0) break;
      }

      // towns and country names where there is room left
      const placeBoxes = this.placeGeoLabels(
        bm,
        proj,
        tf,
        [...placed.values()],
        [...pins, ...covered],
        bounds,
        u,
        W,
        H,
      );

      // apply to the kept objects
      const pickable = deps.pickable?.() ?? null;
      const violenceChange = new Map(
        this.changes.flatMap((c) => (c.kind === 'violence' ? [[c.region, c] as const] : [])),
      );
      const strengthChange = new Set(this.changes.flatMap((c) => (c.kind === 'strength' ? [c.actor] : [])));
      const arrived = new Set(this.changes.flatMap((c) => (c.kind === 'arrive' || c.kind === 'move' ? [c.unit] : [])));
      const pg = this.pinG!;
      pg.clear();
      const live = this.live;
      for (const r of scn.regions) {
        const rec = this.recs.get(r.id)!;
        const b = blocks.get(r.id);
        const box = placed.get(r.id);
        const a = this.anchors.get(r.id)!;
        if (!b || !box) {
          rec.c.setVisible(false);
          continue;
        }
        rec.c.setVisible(true);
        rec.c.setPosition(box.x, box.y);
        rec.box = box;
        rec.badge = { x: box.x + b.badge.x + b.badge.w / 2, y: box.y + b.badge.y + b.badge.h / 2 };
        const v = view.violence[r.id] ?? { value: 0, spread: 0 };
        const level = violenceLevel(v.value);
        const was = from?.violence[r.id];
        this.paintBlock(rec, b, level, pickable?.has(r.id) ?? false, u);
        // the number: counts from last month's while animating
        const format = (n: number) => (v.spread > 0 ? `${n}±${v.spread}` : String(n));
        look(rec.num, { text: format(v.value), px: b.badge.numPx, color: INK[level] }).setPosition(
          b.badge.numX,
          b.badge.y + b.badge.h / 2,
        );
        if (was && was.value !== v.value)
          live.counters.push({
            obj: rec.num,
            from: was.value,
            to: v.value,
            shown: v.value,
            format,
            ink: (n) => INK[violenceLevel(n)],
          });
        look(rec.name, { text: b.name, px: b.fontPx, color: '#2a2318' }).setPosition(b.nameX, b.nameY);
        if (b.mark) {
          look(rec.mark.setVisible(true), {
            text: b.mark.text,
            px: Math.round(11.5 * u),
            color: b.mark.worse ? WORSE : BETTER,
          })
            .setPosition(b.mark.x, b.mark.y)
            .setAlpha(1);
          if (from && violenceChange.has(r.id)) live.fades.push({ obj: rec.mark, from: 0, to: 1 });
        } else rec.mark.setVisible(false);
        // unit icons
        b.icons.forEach((ic, i) => {
          let img = rec.icons[i];
          if (!img) {
            img = this.add.image(0, 0, ic.key).setOrigin(0, 0);
            rec.c.add(img);
            rec.icons.push(img);
          }
          if (img.texture.key !== ic.key) img.setTexture(ic.key);
          img.setVisible(true).setPosition(ic.x, ic.y).setDisplaySize(ic.size, ic.size).setAlpha(1);
          if (from && arrived.has(ic.unit)) live.fades.push({ obj: img, from: 0.15, to: 1 });
        });
        for (let i = b.icons.length; i < rec.icons.length; i++) rec.icons[i]!.setVisible(false);
        // armed groups: icon and short name, once per region
        rec.flash.clear();
        b.groups.forEach((gr, i) => {
          let slot = rec.groups[i];
          if (!slot) {
            const icon = this.add.image(0, 0, 'armed').setOrigin(0, 0.5);
            const text = this.add
              .text(0, 0, '', { fontFamily: FONT, fontStyle: 'bold', color: GROUP_INK, resolution: 1 })
              .setOrigin(0, 0.5);
            rec.c.add([icon, text]);
            slot = { icon, text };
            rec.groups.push(slot);
          }
          // a unit's short label carries no triangle (size 0)
          slot.icon.setVisible(gr.size > 0).setPosition(gr.iconX, gr.y);
          if (gr.size > 0) slot.icon.setDisplaySize(gr.size, gr.size);
          look(slot.text.setVisible(true), { text: gr.text, px: gr.fontPx, color: GROUP_INK }).setPosition(gr.x, gr.y);
          if (
            from &&
            strengthChange.has(gr.id) &&
            from.actors?.[gr.id]?.strength.value !== view.actors?.[gr.id]?.strength.value
          ) {
            rec.flash.fillStyle(0xf2a900, 1).fillCircle(gr.iconX + gr.size / 2, gr.y, gr.size);
          }
        });
        for (let i = b.groups.length; i < rec.groups.length; i++) {
          rec.groups[i]!.icon.setVisible(false);
          rec.groups[i]!.text.setVisible(false);
        }
        if (from && b.groups.some((gr) => strengthChange.has(gr.id))) {
          rec.flash.setAlpha(0);
          live.flashes.push(rec.flash);
        } else rec.flash.setAlpha(0);
        // the pin where the region lies, and a leader line to a label moved away from it
        const end = nearestOnRect(box, a);
        if (Math.hypot(end.x - a.x, end.y - a.y) > 3 * u) {
          pg.lineStyle(1.5 * u, 0x3b2f1e, 0.85).lineBetween(a.x, a.y, end.x, end.y);
        }
        pg.fillStyle(SHADE[level], 1).fillCircle(a.x, a.y, 4.5 * u);
        pg.lineStyle(1.8 * u, 0x2a2318, 1).strokeCircle(a.x, a.y, 4.5 * u);
      }

      // lines of movement this month, pin to pin; the ones moving now grow with the animation
      const movingNow = new Set(
        from
          ? Object.keys(view.units).filter((id) => from.units[id] && from.units[id].region !== view.units[id]?.region)
          : [],
      );
      this.staticTrails = [];
      for (const c of this.changes) {
        if (c.kind !== 'move') continue;
        const a = this.anchors.get(c.from);
        const b = this.anchors.get(c.to);
        if (!a || !b) continue;
        const seg = shorten(a, b, 7 * u);
        if (movingNow.has(c.unit)) live.trails.push(seg);
        else this.staticTrails.push(seg);
      }
      const tg = this.trailG!;
      tg.clear();
      for (const s of [...this.staticTrails, ...live.trails]) drawTrail(tg, s, 1, u);

      this.expose(scn, view, placed, placeBoxes);
      const open = this.pinned ?? this.hover;
      if (open && this.overlay?.cardShown()) this.showCard(open);
    }

    private resetRecords(scn: Scenario): void {
      for (const r of this.recs.values()) r.c.destroy();
      this.recs.clear();
      for (const p of this.places.values()) p.text.destroy();
      this.places.clear();
      this.recsFor = scn;
      this.lodKey = '';
      const labels = this.labels!;
      for (const r of scn.regions) {
        const c = this.add.container(0, 0);
        const bg = this.add.graphics();
        const flash = this.add.graphics();
        const num = this.add
          .text(0, 0, '', { fontFamily: FONT, fontStyle: 'bold', color: '#2a2318', resolution: 1 })
          .setOrigin(0, 0.5);
        const name = this.add.text(0, 0, '', {
          fontFamily: FONT,
          fontStyle: 'bold',
          color: '#2a2318',
          resolution: 1,
          lineSpacing: 0,
        });
        const mark = this.add.text(0, 0, '', { fontFamily: FONT, fontStyle: 'bold', resolution: 1 }).setVisible(false);
        c.add([bg, flash, num, name, mark]);
        labels.add(c);
        this.recs.set(r.id, {
          c,
          bg,
          flash,
          num,
          name,
          mark,
          icons: [],
          groups: [],
          box: { x: 0, y: 0, w: 0, h: 0 },
          badge: { x: 0, y: 0 },
        });
      }
    }

    /** Lays out one region's label at a level of detail: sizes and places of its parts. */
    private measureBlock(
      scn: Scenario,
      view: MapView,
      regionId: string,
      fullName: string,
      units: readonly string[],
      armed: Scenario['actors'],
      unitDef: ReadonlyMap<string, Scenario['units'][number]>,
      lod: Lod,
      u: number,
    ): Block {
      const pad = 4 * u;
      const v = view.violence[regionId] ?? { value: 0, spread: 0 };
      const numPx = Math.round((lod >= 2 ? 10.5 : 11.5) * u);
      // room for the widest number the counter may show on its way
      const numText = (v.spread > 0 ? `${v.value}±${v.spread}` : String(v.value)).replace(/\d+/g, (d) =>
        '8'.repeat(Math.max(2, d.length)),
      );
      const sym = 5 * u;
      const bh = Math.round((lod >= 2 ? 17 : 19) * u);
      const bw = Math.ceil(4 * u + 2 * sym + 3 * u + measure(numText, numPx, true) + 5 * u);
      const fontPx = Math.round((lod >= 3 ? 11.5 : 12.5) * u);
      const lineH = Math.round(fontPx * 1.2);
      const name = lod === 0 ? fullName : shortName(fullName);
      const lines = lod === 0 ? wrap(name, fontPx, 150 * u) : [name];
      const nameW = Math.max(...lines.map((l) => measure(l, fontPx, true)));
      const vc = this.changes.find(
        (c): c is Extract<MapChange, { kind: 'violence' }> => c.kind === 'violence' && c.region === regionId,
      );
      const markText = vc ? changeMark(vc.from, vc.to) : null;
      const markPx = Math.round(11.5 * u);
      const markW = markText ? measure(markText, markPx, true) + 4 * u : 0;
      const nameX = pad + bw + 5 * u;
      const row1H = Math.max(bh, lines.length * lineH);
      let w = nameX + nameW + markW + pad;
      // row 2: units as icons, then armed groups as icon + short name, flowing onto more lines if needed
      const icons: Block['icons'] = [];
      const groups: Block['groups'] = [];
      let y = pad + row1H + 3 * u;
      let h = pad + row1H + pad;
      const present = armed.filter((a) => a.regions.includes(regionId));
      const s = (lod >= 2 ? 13 : 16) * u;
      const gPx = Math.round((lod >= 2 ? 10.5 : 11.5) * u);
      const items: { w: number; kind: 'unit' | 'group'; id: string; text?: string }[] = [];
      if (lod < 3) {
        const sorted = [...units].sort(
          (a, b) =>
            CAPABILITY_ORDER.indexOf(unitDef.get(a)?.capability ?? 'infantry') -
            CAPABILITY_ORDER.indexOf(unitDef.get(b)?.capability ?? 'infantry'),
        );
        for (const id of sorted) {
          const def = unitDef.get(id);
          const short = def?.short ? loc(def.short) : null;
          items.push({
            w: s + (short ? measure(short, gPx, true) + 3 * u : 0),
            kind: 'unit',
            id,
            ...(short ? { text: short } : {}),
          });
        }
        for (const a of present) {
          const text = a.short ? loc(a.short) : abbreviation(loc(a.name));
          items.push({ w: s * 0.8 + 2 * u + measure(text, gPx, true), kind: 'group', id: a.id, text });
        }
      }
      if (items.length) {
        const maxW = Math.max(w - 2 * pad, 118 * u);
        let x = pad;
        let rowW = 0;
        for (const it of items) {
          if (x > pad && x + it.w > pad + maxW) {
            x = pad;
            y += s + 3 * u;
          }
          if (it.kind === 'unit') {
            const def = unitDef.get(it.id);
            icons.push({ key: `unit-${def?.capability ?? 'infantry'}`, x, y, size: s, unit: it.id });
            if (it.text)
              groups.push({
                id: `unit:${it.id}`,
                text: it.text,
                x: x + s + 2 * u,
                y: y + s / 2,
                iconX: x,
                size: 0,
                fontPx: gPx,
              });
          } else {
            groups.push({
              id: it.id,
              text: it.text ?? '',
              x: x + s * 0.8 + 2 * u,
              y: y + s / 2,
              iconX: x,
              size: s * 0.8,
              fontPx: gPx,
            });
          }
          x += it.w + 6 * u;
          rowW = Math.max(rowW, x - 6 * u - pad);
        }
        h = y + s + pad;
        w = Math.max(w, rowW + 2 * pad);
      }
      void scn;
      return {
        w: Math.ceil(w),
        h: Math.ceil(h),
        name: lines.join('\n'),
        nameX,
        nameY: pad + (row1H - lines.length * lineH) / 2,
        fontPx,
        badge: {
          x: pad,
          y: pad + (row1H - bh) / 2,
          w: bw,
          h: bh,
          symX: pad + 4 * u + sym,
          numX: pad + 4 * u + 2 * sym + 3 * u,
          numPx,
        },
        mark:
          markText && vc
            ? { text: markText, x: nameX + nameW + 4 * u, y: pad + (row1H - markPx * 1.2) / 2, worse: vc.to > vc.from }
            : null,
        icons,
        groups,
      };
    }

    /** The label's paper, its violence badge (shade and shape) and the ring of a region a click may choose. */
    private paintBlock(rec: RegionRec, b: Block, level: ViolenceLevel, pick: boolean, u: number): void {
      const g = rec.bg;
      g.clear();
      g.fillStyle(0xfffdf8, 0.93).fillRoundedRect(0, 0, b.w, b.h, 4 * u);
      g.lineStyle(1.2 * u, 0x8a7a5c, 1).strokeRoundedRect(0, 0, b.w, b.h, 4 * u);
      if (pick) {
        g.lineStyle(2.5 * u, BLUE, 1).strokeRoundedRect(-3 * u, -3 * u, b.w + 6 * u, b.h + 6 * u, 6 * u);
      }
      drawBadge(g, b.badge, u, level);
    }

    private drawGround(
      scn: Scenario,
      bm: BaseMap | null,
      proj: Projection | null,
      W: number,
      H: number,
      u: number,
    ): void {
      const g = this.geoG!;
      const lg = this.linkG!;
      g.clear();
      lg.clear();
      const z = this.zoom;
      if (!bm || !proj) {
        // paper, a faint survey grid, and the links between regions
        g.fillStyle(PAPER, 1).fillRect(0, 0, W, H);
        g.lineStyle(1 * u, 0xe2d8c3, 1);
        const step = 50 * u * z.s;
        for (let x = (z.tx % step) + step; x < W; x += step) g.lineBetween(x, 0, x, H);
        for (let y = (z.ty % step) + step; y < H; y += step) g.lineBetween(0, y, W, y);
        lg.lineStyle(3 * u, 0x9c8b6e, 0.8);
        const byId = new Map(scn.regions.map((r) => [r.id, r]));
        for (const r of scn.regions) {
          for (const id of r.links) {
            const o = byId.get(id);
            if (!o || o.id < r.id) continue;
            const a = this.anchors.get(r.id)!;
            const b = this.anchors.get(o.id)!;
            lg.lineBetween(a.x, a.y, b.x, b.y);
          }
        }
        return;
      }
      const sc = bm.scale;
      const pts = (ring: Packed) => {
        const out: { x: number; y: number }[] = [];
        for (let i = 0; i < ring.length; i += 2)
          out.push({ x: proj.x(ring[i]! / sc) * z.s + z.tx, y: proj.y(ring[i + 1]! / sc) * z.s + z.ty });
        // Graphics reads x and y only
        return out as PhaserNS.Math.Vector2[];
      };
      // neighbours' land under everything, then each country, rivers, lakes, borders, towns
      g.fillStyle(0xebe4d4, 1).fillRect(0, 0, W, H);
      const home = this.homeCountry(scn, bm);
      for (const c of bm.countries) {
        g.fillStyle(c.id === home ? 0xfaf5e9 : 0xebe4d4, 1);
        for (const ring of c.rings) g.fillPoints(pts(ring), true);
        g.fillStyle(0xebe4d4, 1);
        for (const ring of c.holes) g.fillPoints(pts(ring), true);
      }
      g.lineStyle(1.6 * u, 0x6f95b8, 0.9);
      for (const line of bm.rivers) g.strokePoints(pts(line), false);
      g.fillStyle(0xa9c8e0, 1);
      g.lineStyle(1.2 * u, 0x5f8fb8, 1);
      for (const ring of bm.lakes) {
        const p = pts(ring);
        g.fillPoints(p, true);
        g.strokePoints(p, true);
      }
      // borders: the theatre country's heavier
      // the edges where the base map was cut to its box are no borders
      const clip = bm.clip;
      const onEdge = (x1: number, y1: number, x2: number, y2: number) => {
        const e = 1.5;
        const q = clip.map((v) => v * sc);
        return (
          (Math.abs(x1 - q[0]!) < e && Math.abs(x2 - q[0]!) < e) ||
          (Math.abs(x1 - q[2]!) < e && Math.abs(x2 - q[2]!) < e) ||
          (Math.abs(y1 - q[1]!) < e && Math.abs(y2 - q[1]!) < e) ||
          (Math.abs(y1 - q[3]!) < e && Math.abs(y2 - q[3]!) < e)
        );
      };
      for (const c of bm.countries) {
        g.lineStyle((c.id === home ? 2.2 : 1.4) * u, 0x5a4c33, 0.9);
        for (const ring of c.rings) {
          let run: number[] = [];
          const flush = () => {
            if (run.length >= 4) g.strokePoints(pts(run), false);
            run = [];
          };
          const n = ring.length / 2;
          for (let i = 0; i < n; i++) {
            const j = (i + 1) % n;
            const [x1, y1, x2, y2] = [ring[2 * i]!, ring[2 * i + 1]!, ring[2 * j]!, ring[2 * j + 1]!];
            if (onEdge(x1, y1, x2, y2)) {
              flush();
              continue;
            }
            if (run.length === 0) run.push(x1, y1);
            run.push(x2, y2);
          }
          flush();
        }
      }
      // towns
      for (const p of bm.places) {
        const x = proj.x(p.lon) * z.s + z.tx;
        const y = proj.y(p.lat) * z.s + z.ty;
        if (x < 0 || y < 0 || x > W || y > H) continue;
        if (p.rank === 2) {
          g.fillStyle(0x2a2318, 1).fillRect(x - 3 * u, y - 3 * u, 6 * u, 6 * u);
        } else {
          g.fillStyle(0xffffff, 1).fillCircle(x, y, 2.6 * u);
          g.lineStyle(1.2 * u, 0x2a2318, 1).strokeCircle(x, y, 2.6 * u);
        }
      }
    }

    /** The country most of the regions lie in: drawn lighter, with heavier borders. */
    private homeCountry(scn: Scenario, bm: BaseMap): string | null {
      const count = new Map<string, number>();
      for (const r of scn.regions) {
        const c = countryAt(bm, r.lon!, r.lat!);
        if (c) count.set(c, (count.get(c) ?? 0) + 1);
      }
      return [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    }

    /** Towns' and countries' names, where they fit without touching the regions' labels. */
    private placeGeoLabels(
      bm: BaseMap | null,
      proj: Projection | null,
      tf: (p: { x: number; y: number }) => { x: number; y: number },
      taken: Rect[],
      obstacles: Rect[],
      bounds: Rect,
      u: number,
      W: number,
      H: number,
    ): Map<string, Rect> {
      const out = new Map<string, Rect>();
      const wanted = new Set<string>();
      if (bm && proj) {
        const townPx = Math.round(11 * u);
        const countryPx = Math.round(12 * u);
        const reqs: (LabelRequest & {
          text: string;
          px: number;
          kind: 'town' | 'country';
          cands?: { x: number; y: number }[];
        })[] = [];
        for (const p of bm.places) {
          const a = tf({ x: proj.x(p.lon), y: proj.y(p.lat) });
          if (a.x < 0 || a.y < 0 || a.x > W || a.y > H) continue;
          const text = lang() === 'fr' ? p.name.fr : p.name.en;
          reqs.push({
            id: `town:${p.id}`,
            x: a.x,
            y: a.y,
            w: Math.ceil(measure(text, townPx, p.rank === 2) + 2 * u),
            h: Math.ceil(townPx * 1.25),
            optional: true,
            text,
            px: townPx,
            kind: 'town',
          });
        }
        // which country each point of a coarse grid over the canvas lies in (once per canvas size and view)
        const gridKey = `${W}x${H}:${this.zoom.s}:${this.zoom.tx}:${this.zoom.ty}:${bm.id}:${proj.view.k}`;
        if (this.grid?.key !== gridKey) {
          const cells: { x: number; y: number; c: string | null }[] = [];
          for (let gx = 0.05; gx < 1; gx += 0.1) {
            for (let gy = 0.05; gy < 1; gy += 0.1) {
              const x = W * gx;
              const y = H * gy;
              cells.push({
                x,
                y,
                c: countryAt(
                  bm,
                  proj.lon((x - this.zoom.tx) / this.zoom.s),
                  proj.lat((y - this.zoom.ty) / this.zoom.s),
                ),
              });
            }
          }
          this.grid = { key: gridKey, cells };
        }
        for (const c of bm.countries) {
          if (!c.name) continue;
          // the middle of the country's part on screen: the grid's points inside it, averaged
          const cells = this.grid.cells.filter((g) => g.c === c.id);
          const n = cells.length;
          const sx = cells.reduce((a, g) => a + g.x, 0);
          const sy = cells.reduce((a, g) => a + g.y, 0);
          if (n < 2) continue;
          const text = (lang() === 'fr' ? c.name.fr : c.name.en).toUpperCase();
          reqs.push({
            id: `country:${c.id}`,
            x: sx / n,
            y: sy / n,
            cands: cells,
            w: Math.ceil(measure(text, countryPx, true) * 1.12 + 2 * u),
            h: Math.ceil(countryPx * 1.3),
            optional: true,
            text,
            px: countryPx,
            kind: 'country',
          });
        }
        // towns and countries never overlap the regions' labels or their pins
        const res = placeLabels(reqs, [...obstacles, ...taken], bounds, {
          gap: 3 * u,
          step: 8 * u,
          pad: 2 * u,
          rings: 1,
        });
        for (const r of reqs) {
          let box = res.boxes.get(r.id);
          // a country's name sits inside it, as near its middle as is free
          if (r.kind === 'country') {
            box = undefined;
            const cands = [...(r.cands ?? [])].sort(
              (a, b) => Math.hypot(a.x - r.x, a.y - r.y) - Math.hypot(b.x - r.x, b.y - r.y),
            );
            for (const p of [{ x: r.x, y: r.y }, ...cands]) {
              const mid = { x: p.x - r.w / 2, y: p.y - r.h / 2, w: r.w, h: r.h };
              const clash =
                [...obstacles, ...taken].some((o) => overlaps(o, mid, 2 * u)) ||
                [...out.values()].some((o) => overlaps(o, mid, 2 * u));
              const inside =
                mid.x >= bounds.x &&
                mid.y >= bounds.y &&
                mid.x + mid.w <= bounds.x + bounds.w &&
                mid.y + mid.h <= bounds.y + bounds.h;
              if (!clash && inside) {
                box = mid;
                break;
              }
            }
          } else if (box && [...out.values()].some((o) => overlaps(o, box!, 2 * u))) box = undefined;
          if (!box) continue;
          out.set(r.id, box);
          wanted.add(r.id);
          let rec = this.places.get(r.id);
          if (!rec) {
            const text = this.add.text(0, 0, '', { fontFamily: FONT, resolution: 1 });
            this.labels!.addAt(text, 0);
            rec = { text, box: null };
            this.places.set(r.id, rec);
          }
          rec.box = box;
          if (r.kind === 'country') {
            look(rec.text, {
              text: r.text,
              px: r.px,
              color: '#7d6e55',
              bold: true,
              spacing: Math.round(1.2 * u),
            }).setPosition(box.x + u, box.y);
          } else {
            look(rec.text, {
              text: r.text,
              px: r.px,
              color: '#3b2f1e',
              bold: bm.places.find((p) => `town:${p.id}` === r.id)?.rank === 2,
              spacing: 0,
            }).setPosition(box.x + u, box.y);
          }
          rec.text.setVisible(true);
        }
      }
      for (const [id, rec] of this.places) {
        if (!wanted.has(id)) {
          rec.text.setVisible(false);
          rec.box = null;
        }
      }
      return out;
    }

    /** For tests and tools: regions' click points and every label's box, CSS pixels of the canvas (data-regions, data-labels). */
    private expose(
      scn: Scenario,
      view: MapView,
      placed: ReadonlyMap<string, Rect>,
      geo: ReadonlyMap<string, Rect>,
    ): void {
      const canvas = this.game.canvas;
      const box = canvas?.parentElement;
      if (!box || canvas.width === 0) return;
      const k = 1 / this.ratio();
      const css = (r: Rect): Rect => ({
        x: Math.round(r.x * k * 10) / 10,
        y: Math.round(r.y * k * 10) / 10,
        w: Math.round(r.w * k * 10) / 10,
        h: Math.round(r.h * k * 10) / 10,
      });
      const regions: Record<string, [number, number]> = {};
      const labels: { id: string; x: number; y: number; w: number; h: number }[] = [];
      const hits: { id: string; label: string; rect: Rect }[] = [];
      for (const r of scn.regions) {
        const rec = this.recs.get(r.id);
        const p = placed.get(r.id);
        if (!rec || !p) continue;
        regions[r.id] = [Math.round(rec.badge.x * k), Math.round(rec.badge.y * k)];
        labels.push({ id: `region:${r.id}`, ...css(p) });
        hits.push({
          id: r.id,
          label: t('mapcard.region', {
            name: loc(r.name),
            value: violenceText(view.violence[r.id] ?? { value: 0, spread: 0 }),
          }),
          rect: css(p),
        });
      }
      for (const [id, r] of geo) labels.push({ id, ...css(r) });
      box.dataset['regions'] = JSON.stringify(regions);
      box.dataset['labels'] = JSON.stringify(labels);
      box.dataset['canvas'] = JSON.stringify([Math.round(canvas.width * k), Math.round(canvas.height * k)]);
      box.dataset['geo'] =
        this.recsFor && baseMapFor(this.recsFor.regions) && maps.has(baseMapFor(this.recsFor.regions)!)
          ? 'true'
          : 'false';
      // reading order: north to south, west to east
      hits.sort((a, b) => a.rect.y - b.rect.y || a.rect.x - b.rect.x);
      this.overlay?.setRegions(hits);
    }

    private keyContent(scn: Scenario, view: MapView, armed: Scenario['actors']) {
      const caps = new Set(
        [...scn.units, ...Object.values(scn.reinforcements).map((r) => r.unit)].map((d) => d.capability),
      );
      return {
        units: CAPABILITY_ORDER.filter((c) => caps.has(c)).map((c) => ({
          icon: UNIT_ICONS[c],
          label: t(`mapkey.${c}`),
        })),
        groups: [
          ...(armed.length ? [{ icon: ARMED_ICON, label: t('mapkey.armed') }] : []),
          ...armed.map((a) => {
            const st = view.actors?.[a.id]?.strength;
            const short = a.short ? loc(a.short) : abbreviation(loc(a.name));
            return { icon: ARMED_ICON, label: `${short}: ${st ? seenText(st) : t('mapkey.unseen')}` };
          }),
        ],
      };
    }

    private showCard(id: string): void {
      const frame = this.shown;
      const rec = this.recs.get(id);
      if (!frame || !rec || !this.overlay) return;
      const { scenario: scn, view } = frame;
      const r = scn.regions.find((x) => x.id === id);
      if (!r) return;
      const v = view.violence[id] ?? { value: 0, spread: 0 };
      const unitDef = new Map(
        [...scn.units, ...Object.values(scn.reinforcements).map((x) => x.unit)].map((d) => [d.id, d]),
      );
      const here = Object.entries(view.units).filter(([, s]) => s.region === id);
      const groups = scn.actors.filter((a) => ARMED.includes(a.kind) && a.regions.includes(id));
      const others = scn.actors.filter((a) => !ARMED.includes(a.kind) && a.regions.includes(id));
      const unitsHere = new Set(here.map(([u]) => u));
      const groupIds = new Set(groups.map((g) => g.id));
      const changes = this.changes.filter(
        (c) =>
          (c.kind === 'violence' && c.region === id) ||
          (c.kind === 'move' && (c.to === id || c.from === id)) ||
          (c.kind === 'arrive' && c.to === id) ||
          (c.kind === 'leave' && c.from === id) ||
          (c.kind === 'strength' && groupIds.has(c.actor)),
      );
      void unitsHere;
      const list = (items: string[]) =>
        items.length
          ? h(
              'ul',
              {},
              items.map((s) => h('li', {}, s)),
            )
          : h('p', {}, t('mapcard.none'));
      const content = h(
        'div',
        {},
        h('h4', {}, loc(r.name)),
        h('p', {}, t('mapcard.violence', { value: violenceText(v) })),
        h('p', {}, t('mapcard.population', { n: r.population })),
        h('h5', {}, t('mapcard.groups')),
        list(
          groups.map((a) => {
            const st = view.actors?.[a.id]?.strength;
            return st ? t('mapcard.strength', { name: loc(a.name), value: seenText(st) }) : loc(a.name);
          }),
        ),
        others.length ? h('h5', {}, t('mapcard.others')) : null,
        others.length ? list(others.map((a) => loc(a.name))) : null,
        h('h5', {}, t('mapcard.units')),
        list(
          here.map(([u]) => {
            const d = unitDef.get(u);
            return d ? `${loc(d.name)} (${t(`cap.${d.capability}`)})` : u;
          }),
        ),
        h('h5', {}, t('mapcard.changes')),
        changes.length
          ? h(
              'ul',
              {},
              changes.map((c) =>
                h(
                  'li',
                  { class: c.kind === 'violence' || c.kind === 'strength' ? (c.to > c.from ? 'worse' : 'better') : '' },
                  changeText(scn, c),
                ),
              ),
            )
          : h('p', {}, t('mapcard.noChange')),
      );
      const k = 1 / this.ratio();
      this.overlay.showCard(content, { x: rec.box.x * k, y: rec.box.y * k, w: rec.box.w * k, h: rec.box.h * k });
    }
  };
}

/** A violence badge: a pill of the level's shade, outlined, with the level's shape before the number (never colour alone). */
function drawBadge(g: Graphics, b: Block['badge'], u: number, level: ViolenceLevel): void {
  g.fillStyle(SHADE[level], 1).fillRoundedRect(b.x, b.y, b.w, b.h, b.h / 2);
  g.lineStyle(1.4 * u, 0x3b2f1e, 1).strokeRoundedRect(b.x, b.y, b.w, b.h, b.h / 2);
  const ink = level === 'high' || level === 'severe' ? 0xffffff : 0x2a2318;
  const x = b.symX;
  const y = b.y + b.h / 2;
  const r = 4.5 * u;
  if (level === 'severe') {
    g.fillStyle(ink, 1)
      .fillTriangle(x, y - r * 1.2, x + r, y, x - r, y)
      .fillTriangle(x, y + r * 1.2, x + r, y, x - r, y);
  } else if (level === 'high') {
    g.fillStyle(ink, 1).fillCircle(x, y, r);
  } else if (level === 'moderate') {
    g.lineStyle(1.4 * u, ink, 1).strokeCircle(x, y, r);
    g.fillStyle(ink, 1).fillCircle(x, y, r * 0.4);
  } else {
    g.lineStyle(1.4 * u, ink, 1).strokeCircle(x, y, r);
  }
}

function shorten(
  a: { x: number; y: number },
  b: { x: number; y: number },
  by: number,
): { ax: number; ay: number; bx: number; by: number } {
  const len = Math.hypot(b.x - a.x, b.y - a.y);
  if (len <= 2 * by) return { ax: a.x, ay: a.y, bx: b.x, by: b.y };
  const ux = (b.x - a.x) / len;
  const uy = (b.y - a.y) / len;
  return { ax: a.x + ux * by, ay: a.y + uy * by, bx: b.x - ux * by, by: b.y - uy * by };
}

/** A dashed line of movement with an arrowhead at its tip, drawn for the first `frac` of its length. */
function drawTrail(
  g: Graphics,
  s: { ax: number; ay: number; bx: number; by: number },
  frac: number,
  unit: number,
): void {
  const full = Math.hypot(s.bx - s.ax, s.by - s.ay);
  const len = full * Math.min(1, Math.max(0, frac));
  if (full === 0 || len <= 0) return;
  const ux = (s.bx - s.ax) / full;
  const uy = (s.by - s.ay) / full;
  const dash = 9 * unit;
  const gap = 5 * unit;
  const head = 7 * unit;
  const body = Math.max(0, len - head);
  g.lineStyle(2.5 * unit, BLUE, 0.9);
  for (let d = 0; d < body; d += dash + gap) {
    const e = Math.min(body, d + dash);
    g.lineBetween(s.ax + ux * d, s.ay + uy * d, s.ax + ux * e, s.ay + uy * e);
  }
  const tx = s.ax + ux * len;
  const ty = s.ay + uy * len;
  const bx = tx - ux * head * 1.6;
  const by = ty - uy * head * 1.6;
  g.fillStyle(BLUE, 1).fillTriangle(tx, ty, bx - uy * head, by + ux * head, bx + uy * head, by - ux * head);
}

/** A short label for a token: the name if short, a short name given before brackets ("M23 (Mouvement du 23 mars)": M23), else the initials ("Highland Liberation Front": HLF). */
export function abbreviation(name: string): string {
  if (name.length <= 10) return name;
  const before = /^([^(]{1,10}?)\s*\(/u.exec(name)?.[1]?.trim();
  if (before) return before;
  const acronym = /^[\p{Lu}\d-]{2,10}(?=\s)/u.exec(name)?.[0];
  if (acronym) return acronym;
  const words = name.split(/\s+/).filter((w) => /^[\p{Lu}]/u.test(w));
  return words.length >= 2 ? words.map((w) => w[0]).join('') : name.slice(0, 10).trim();
}
