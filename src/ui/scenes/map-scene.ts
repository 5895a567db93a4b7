// The theatre map. A scenario whose regions have lon/lat is drawn on its base map (borders, lakes, rivers, towns from
// assets/maps/); one without keeps the schematic layout of its x/y. Each region is a pin where it lies and a label
// placed beside it without overlap (a leader line when moved away): its violence (a shade, a shape and the number), its
// name, the mission's units there as icons by type and the armed groups present, each once. The scene keeps one record
// of objects per region and updates it on each draw; the ground is drawn once into a texture (base-layer.ts). Zoom and
// pan (wheel, pinch, drag, keys), a card per region on hover, tap or focus, a key. What changed since last month is
// marked (▲/▼, lines of movement) and animated.
// Its parts: layout.ts (where regions lie), region-labels.ts (a region's label), geo-labels.ts (towns and countries),
// base-layer.ts (the ground), map-key.ts (the key), region-card.ts (the card), trails.ts (lines of movement).
// Phaser is passed in (loaded by a dynamic import in lazy-map.ts), so this file only imports its types.
import type * as PhaserNS from 'phaser';
import type { Scenario } from '../../scenario/schema.js';
import { violenceLevel, violenceText } from '../describe.js';
import { lang, loc, t } from '../i18n/index.js';
import { ARMED } from '../panels/theatre.js';
import { BaseLayer } from './base-layer.js';
import { loadBaseMap } from './base-maps.js';
import { countAt, easeInOut, flashAt, monthChanged, progressAt, type MapChange } from './changes.js';
import { mapChanges } from './changes-text.js';
import { baseMapFor, type BaseMap } from './geo.js';
import { GeoLabels, type Zoom } from './geo-labels.js';
import { iconFiles, iconPixels, type IconCanvases } from './icon-images.js';
import { regionPoints } from './layout.js';
import { keyContent } from './map-key.js';
import { mapOverlay, type MapOverlay } from './map-overlay.js';
import { INK, SHADE } from './map-style.js';
import { nearestOnRect, placeLabels, type LabelRequest, type Rect } from './placement.js';
import { regionCard } from './region-card.js';
import {
  makeRegionRec,
  measureBlock,
  noLive,
  updateRegion,
  type Block,
  type Live,
  type Lod,
  type Marked,
  type RegionRec,
} from './region-labels.js';
import type { MapFrame, MapSource, MapView } from './source.js';
import { drawTrail, shorten } from './trails.js';

export { abbreviation, shortName } from './region-labels.js';

type PhaserModule = typeof PhaserNS;
type Graphics = PhaserNS.GameObjects.Graphics;
type Container = PhaserNS.GameObjects.Container;

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
  /** The icons already drawn (lazy-map draws them while the title shows); without them the scene loads the SVGs. */
  readonly icons?: IconCanvases | undefined;
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
    private ground: BaseLayer | null = null;
    private geoLabels: GeoLabels | null = null;
    private trailG: Graphics | null = null;
    private pinG: Graphics | null = null;
    private labels: Container | null = null;
    private recs = new Map<string, RegionRec>();
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
      const px = iconPixels();
      for (const [key, url] of iconFiles()) {
        const drawn = deps.icons?.get(key);
        if (this.textures.exists(key)) continue;
        if (drawn && drawn.width === px) this.textures.addCanvas(key, drawn);
        else this.load.svg(key, url, { width: px, height: px });
      }
    }

    create(): void {
      this.ground = new BaseLayer(this);
      this.trailG = this.add.graphics();
      this.pinG = this.add.graphics();
      this.labels = this.add.container(0, 0);
      this.geoLabels = new GeoLabels(this, this.labels);
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
      const beforeRender = () => {
        if (this.renderPending) this.renderStart = performance.now();
      };
      this.game.events.on(Phaser.Core.Events.PRE_RENDER, beforeRender);
      const afterRender = () => {
        if (this.renderPending && timed) {
          this.renderPending = false;
          performance.measure('map-render', { start: this.renderStart });
        }
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
        this.ground?.destroy();
        this.game.events.off(Phaser.Core.Events.POST_RENDER, afterRender);
        this.game.events.off(Phaser.Core.Events.PRE_RENDER, beforeRender);
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
      const t0 = performance.now();
      this.live = noLive();
      const frame = this.shown;
      if (frame) {
        this.build(frame);
        if (this.anim) this.apply(progressAt(this.anim.start, performance.now()));
      } else {
        for (const r of this.recs.values()) r.c.setVisible(false);
      }
      this.game.loop.wake();
      // what a redraw costs, for bench:web: building it now, and the render that puts it on screen
      if (timed) {
        performance.measure('map-draw', { start: t0 });
        this.renderPending = true;
      }
    }

    /** A draw waits for its render (measured as map-render). */
    private renderPending = false;
    private renderStart = 0;

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

    private staticTrails: { ax: number; ay: number; bx: number; by: number }[] = [];
    /** The last placement of the regions' labels and what it was made from: kept while nothing it reads changes. */
    private placedFor: { sig: string; lod: Lod; blocks: Map<string, Block>; placed: Map<string, Rect> } | null = null;

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
      const armed = scn.actors.filter((a) => ARMED.includes(a.kind));

      // where each region lies: its lon/lat on the base map, or its schematic x/y; right of the key when it is open
      this.overlay?.setKey(keyContent(scn, view, armed));
      const side = (this.overlay?.keyWidth(`${W}x${H}`) ?? 0) * this.ratio();
      const layoutKey = `${W}x${H}:${side}:${u}:${scn.id}:${bm?.id ?? ''}`;
      if (this.layoutFor?.key !== layoutKey || this.layoutFor.scn !== scn) {
        const l = regionPoints(scn.regions, bm, W, H, side, u, dpr);
        this.layoutFor = { key: layoutKey, scn, ...l };
      }
      const { proj, points } = this.layoutFor;
      for (const r of scn.regions) {
        const p = points.get(r.id)!;
        const a = this.anchors.get(r.id);
        if (a) {
          a.x = p.x * z.s + z.tx;
          a.y = p.y * z.s + z.ty;
        } else this.anchors.set(r.id, { x: p.x * z.s + z.tx, y: p.y * z.s + z.ty });
      }

      // the base map, or the schematic paper and links: drawn once into a texture, again only when the view changes
      this.ground?.show(`${layoutKey}:${lang()}`, { scn, bm, proj, W, H, u, anchors: points }, z);

      // the mission's units by region, as seen
      const unitsAt = new Map<string, string[]>();
      for (const [id, s] of Object.entries(view.units)) {
        const list = unitsAt.get(s.region);
        if (list) list.push(id);
        else unitsAt.set(s.region, [id]);
      }
      const unitDef = this.unitDefs(scn);

      // measure every label at a level of detail that fits; the level is kept while the canvas and zoom stay
      const key = `${W}x${H}@${z.s.toFixed(3)}:${scn.id}:${lang()}`;
      if (key !== this.lodKey) {
        this.lodKey = key;
        this.lod = 0;
      }
      const ratio = this.ratio();
      const covered = (this.overlay?.covered(`${W}x${H}`) ?? []).map((r) => ({
        x: r.x * ratio,
        y: r.y * ratio,
        w: r.w * ratio,
        h: r.h * ratio,
      }));
      const pins: Rect[] = [];
      for (const p of this.anchors.values()) pins.push({ x: p.x - 5 * u, y: p.y - 5 * u, w: 10 * u, h: 10 * u });
      const bounds: Rect = { x: 2 * u, y: 2 * u, w: W - 4 * u, h: H - 4 * u };
      const visible = scn.regions.filter((r) => {
        const a = this.anchors.get(r.id)!;
        return a.x >= -40 * u && a.x <= W + 40 * u && a.y >= -40 * u && a.y <= H + 40 * u;
      });
      const measureAt = (lod: Lod) =>
        new Map(
          visible.map((r) => [
            r.id,
            measureBlock(view, this.changes, r.id, loc(r.name), unitsAt.get(r.id) ?? [], armed, unitDef, lod, u),
          ]),
        );
      // what the placement reads: the labels' sizes, the pins, the overlay's boxes; the same as last time, the same result
      const sigOf = (blocks: Map<string, Block>) => {
        let s = `${key}|${z.tx},${z.ty}|${covered.map((c) => `${c.x},${c.y},${c.w},${c.h}`).join(';')}|`;
        for (const r of visible) {
          const a = this.anchors.get(r.id)!;
          const b = blocks.get(r.id)!;
          s += `${r.id}:${a.x},${a.y},${b.w},${b.h};`;
        }
        return s;
      };
      let blocks = measureAt(this.lod);
      let placed: Map<string, Rect>;
      const sig = sigOf(blocks);
      if (this.placedFor && this.placedFor.sig === sig && this.placedFor.lod === this.lod) {
        placed = this.placedFor.placed;
      } else {
        placed = new Map();
        for (let lod = this.lod; lod <= 3; lod++) {
          if (lod !== this.lod) blocks = measureAt(lod as Lod);
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
        // kept under the signature of the level it settled on (the next draw measures at that level)
        this.placedFor = { sig: sigOf(blocks), lod: this.lod, blocks, placed };
      }

      // towns and country names where there is room left
      const placeBoxes = this.geoLabels!.place(
        bm,
        proj,
        z,
        [...placed.values()],
        [...pins, ...covered],
        bounds,
        u,
        W,
        H,
      );

      // apply to the kept objects
      const pickable = deps.pickable?.() ?? null;
      const marked: Marked = {
        from,
        violence: new Set(this.changes.flatMap((c) => (c.kind === 'violence' ? [c.region] : []))),
        strength: new Set(this.changes.flatMap((c) => (c.kind === 'strength' ? [c.actor] : []))),
        arrived: new Set(this.changes.flatMap((c) => (c.kind === 'arrive' || c.kind === 'move' ? [c.unit] : []))),
      };
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
        const v = view.violence[r.id] ?? { value: 0, spread: 0 };
        const level = violenceLevel(v.value);
        updateRegion(this, rec, b, box, v, level, r.id, pickable?.has(r.id) ?? false, marked, view, live, u, inkOf);
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
      for (const s of this.staticTrails) drawTrail(tg, s, 1, u);
      for (const s of live.trails) drawTrail(tg, s, 1, u);

      this.expose(scn, view, placed, placeBoxes);
      const open = this.pinned ?? this.hover;
      if (open && this.overlay?.cardShown()) this.showCard(open);
    }

    private layoutFor: {
      key: string;
      scn: Scenario;
      proj: ReturnType<typeof regionPoints>['proj'];
      points: Map<string, { x: number; y: number }>;
    } | null = null;
    private defsFor: { scn: Scenario; defs: Map<string, Scenario['units'][number]> } | null = null;

    /** The scenario's units, reinforcements included, by id (once per scenario). */
    private unitDefs(scn: Scenario): Map<string, Scenario['units'][number]> {
      if (this.defsFor?.scn !== scn) {
        this.defsFor = {
          scn,
          defs: new Map([...scn.units, ...Object.values(scn.reinforcements).map((r) => r.unit)].map((d) => [d.id, d])),
        };
      }
      return this.defsFor.defs;
    }

    private resetRecords(scn: Scenario): void {
      for (const r of this.recs.values()) r.c.destroy();
      this.recs.clear();
      this.geoLabels?.reset();
      this.recsFor = scn;
      this.lodKey = '';
      this.placedFor = null;
      this.anchors.clear();
      for (const r of scn.regions) this.recs.set(r.id, makeRegionRec(this, this.labels!));
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
      // how many times the ground was drawn (bench:web reads that redraws after actions draw it no more)
      box.dataset['groundPaints'] = String(this.ground?.paints ?? 0);
      box.dataset['geo'] =
        this.recsFor && baseMapFor(this.recsFor.regions) && maps.has(baseMapFor(this.recsFor.regions)!)
          ? 'true'
          : 'false';
      // reading order: north to south, west to east
      hits.sort((a, b) => a.rect.y - b.rect.y || a.rect.x - b.rect.x);
      this.overlay?.setRegions(hits);
    }

    private showCard(id: string): void {
      const frame = this.shown;
      const rec = this.recs.get(id);
      if (!frame || !rec || !this.overlay) return;
      const content = regionCard(frame.scenario, frame.view, this.changes, id);
      if (!content) return;
      const k = 1 / this.ratio();
      this.overlay.showCard(content, { x: rec.box.x * k, y: rec.box.y * k, w: rec.box.w * k, h: rec.box.h * k });
    }
  };
}

/** Under ?test (browser tests, bench:web) each redraw's cost is measured (performance entries map-draw, map-render). */
const timed = typeof location !== 'undefined' && new URLSearchParams(location.search).has('test');

const inkOf = (n: number) => INK[violenceLevel(n)];
