// The theatre map: regions from x/y (0–1000), links, violence as shade + number + shape, units and armed groups as tokens,
// what changed since last month (▲/▼ marks, lines of movement), animated when a month turns, and regions to click for a target.
// Phaser is passed in (loaded by a dynamic import in lazy-map.ts), so this file only imports its types.
import type * as PhaserNS from 'phaser';
import { violenceLevel, type ViolenceLevel } from '../describe.js';
import { loc } from '../i18n/index.js';
import { ARMED } from '../panels/theatre.js';
import { changeMark, countAt, easeInOut, flashAt, monthChanged, progressAt, type MapChange } from './changes.js';
import { mapChanges } from './changes-text.js';
import { groupSlot, layoutOf, regionAt, rimToRim, unitSlot, type MapLayout, type RegionPoint } from './layout.js';
import type { MapFrame, MapSource, MapView } from './source.js';

type PhaserModule = typeof PhaserNS;
type Graphics = PhaserNS.GameObjects.Graphics;
type Text = PhaserNS.GameObjects.Text;

/** Violence shades (one hue, light to dark: readable without colour vision) and a shape per level. */
const SHADE: Record<ViolenceLevel, number> = { low: 0xf6ead0, moderate: 0xe8b86b, high: 0xc8642c, severe: 0x7a2810 };
const INK: Record<ViolenceLevel, string> = { low: '#2a2318', moderate: '#2a2318', high: '#ffffff', severe: '#ffffff' };
const FONT = '"Source Sans 3", "Segoe UI", system-ui, sans-serif';
const BLUE = 0x1f5fa8;
/** Marks of change: worse (violence up) in dark red, better in dark green; the ▲/▼ carries it without colour. */
const WORSE = '#8c2410';
const BETTER = '#2d6a2e';

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
}

/** Something whose opacity an animation frame sets. */
interface Fading {
  setAlpha(a: number): unknown;
}

/** The objects an animation frame updates: built at the end state, set back to progress p each frame. */
interface Live {
  counters: { obj: Text; from: number; to: number; shown: number; format: (n: number) => string; ink?: (n: number) => string }[];
  fades: { obj: Fading; from: number; to: number }[];
  moves: { obj: PhaserNS.GameObjects.Container; ax: number; ay: number; bx: number; by: number }[];
  trails: { g: Graphics; seg: Segment }[];
  flashes: Fading[];
}
type Segment = ReturnType<typeof rimToRim>;

const noLive = (): Live => ({ counters: [], fades: [], moves: [], trails: [], flashes: [] });

export function createMapScene(Phaser: PhaserModule, deps: MapDeps) {
  return class MapScene extends Phaser.Scene {
    private layer: PhaserNS.GameObjects.Container | null = null;
    private alive = true;
    /** The frame on show (the end state of any animation). */
    private shown: MapFrame | null = null;
    /** Last month's view, remembered here when the source gives no `before`. */
    private base: MapView | null = null;
    private changes: readonly MapChange[] = [];
    private anim: { from: MapView; start: number } | null = null;
    private live: Live = noLive();
    private placed: { regions: readonly RegionPoint[]; l: MapLayout } | null = null;

    constructor() {
      super({ key: 'map' });
    }

    create(): void {
      this.layer = this.add.container(0, 0);
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
      const canvas = this.game.canvas;
      const onClick = (e: MouseEvent) => {
        const id = this.regionUnder(e);
        if (id) deps.onRegion?.(id);
      };
      const onMove = (e: MouseEvent) => {
        const id = this.regionUnder(e);
        canvas.style.cursor = id && deps.onRegion && deps.pickable?.()?.has(id) ? 'pointer' : '';
      };
      canvas.addEventListener('click', onClick);
      canvas.addEventListener('pointermove', onMove);
      const stop = () => {
        this.alive = false;
        unsubscribe();
        unbindSkip?.();
        canvas.removeEventListener('click', onClick);
        canvas.removeEventListener('pointermove', onMove);
        this.game.events.off(Phaser.Core.Events.POST_RENDER, afterRender);
        this.scale?.off(Phaser.Scale.Events.RESIZE, onResize);
      };
      // a scene stops on SHUTDOWN; destroying the whole game emits DESTROY instead
      this.events.once(Phaser.Scenes.Events.SHUTDOWN, stop);
      this.events.once(Phaser.Scenes.Events.DESTROY, stop);
      deps.onReady();
    }

    /** Runs each frame while the loop is awake: moves an animation on, and ends it. */
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

    /** Jumps a running animation to its end state. */
    skip(): void {
      if (!this.anim) return;
      this.anim = null;
      this.apply(1);
      this.report();
      this.game.loop.wake();
    }

    /**
     * Takes in a new frame: the marks compare it with last month (the source's `before`, or the view remembered
     * when the month turned); a change from the frame on show animates, when motion is allowed and the map is seen.
     */
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
        // another seat's view within the month shows at once; a new month animates whoever looks (the hot seat
        // hands the table to the next chair as the month resolves)
        const seat = same && !month && prev.viewer !== next.viewer;
        const moved = same ? mapChanges(next.scenario, prev.view, next.view) : [];
        if (!same) this.base = null;
        else if (month || (!this.base && !seat && moved.length > 0)) this.base = prev.view;
        const before = next.before ?? this.base;
        this.changes = before ? mapChanges(next.scenario, before, next.view) : [];
        // a change arriving mid-animation starts from where the last one was heading
        if (moved.length > 0 && !seat && prev && this.mayAnimate()) this.anim = { from: prev.view, start: performance.now() };
        else if (moved.length > 0 || !same) this.anim = null;
      }
      this.draw();
      this.report();
    }

    private mayAnimate(): boolean {
      const canvas = this.game.canvas;
      return (deps.motion?.enabled() ?? false) && !document.hidden && canvas.getClientRects().length > 0;
    }

    /** Tells the box (data-animating, data-changes: for tests and styles) and the motion control what is on. */
    private report(): void {
      const state: AnimationState = { animating: this.anim !== null, changes: this.changes.length };
      const box = this.game.canvas?.parentElement;
      if (box) {
        box.dataset['animating'] = String(state.animating);
        box.dataset['changes'] = String(state.changes);
      }
      deps.motion?.onState(state);
    }

    private regionUnder(e: MouseEvent): string | null {
      const canvas = this.game.canvas;
      const r = canvas.getBoundingClientRect();
      if (!this.placed || r.width === 0 || r.height === 0) return null;
      const x = ((e.clientX - r.left) * canvas.width) / r.width;
      const y = ((e.clientY - r.top) * canvas.height) / r.height;
      return regionAt(this.placed.regions, this.placed.l, x, y);
    }

    /** Rebuilds everything at the end state, then sets a running animation back to where it is. */
    draw(): void {
      const layer = this.layer;
      if (!layer || !this.alive) return;
      layer.removeAll(true);
      this.live = noLive();
      const frame = this.shown;
      if (frame) {
        this.build(layer, frame);
        if (this.anim) this.apply(progressAt(this.anim.start, performance.now()));
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
      for (const m of live.moves) m.obj.setPosition(m.ax + (m.bx - m.ax) * e, m.ay + (m.by - m.ay) * e);
      const unit = this.placed?.l.unit ?? 1;
      for (const t of live.trails) {
        t.g.clear();
        drawTrail(t.g, t.seg, e, unit);
      }
      for (const f of live.flashes) f.setAlpha(flashAt(p) * 0.8);
    }

    private build(layer: PhaserNS.GameObjects.Container, frame: MapFrame): void {
      const { scenario: scn, view } = frame;
      const from = this.anim?.from ?? null;
      const live = this.live;
      const dpr = Math.max(1, window.devicePixelRatio || 1);
      const W = this.scale.width;
      const H = this.scale.height;
      const l = layoutOf(scn.regions, W, H, dpr);
      this.placed = { regions: scn.regions, l };
      const { unit, radius } = l;
      const text = (x: number, y: number, s: string, size: number, color: string, bold = false) =>
        this.add.text(x, y, s, { fontFamily: FONT, fontSize: `${Math.round(size * unit)}px`, color, fontStyle: bold ? 'bold' : 'normal', resolution: 1 });
      const graphics = () => {
        const g = this.add.graphics();
        layer.add(g);
        return g;
      };

      const g = graphics();
      // paper and a faint survey grid
      g.fillStyle(0xf3eddf, 1).fillRect(0, 0, W, H);
      g.lineStyle(1 * dpr, 0xe2d8c3, 1);
      const step = 50 * dpr;
      for (let x = step; x < W; x += step) g.lineBetween(x, 0, x, H);
      for (let y = step; y < H; y += step) g.lineBetween(0, y, W, y);
      // links
      g.lineStyle(3 * unit, 0x9c8b6e, 0.9);
      const byId = new Map(scn.regions.map((r) => [r.id, r]));
      for (const r of scn.regions) {
        for (const id of r.links) {
          const o = byId.get(id);
          if (!o || o.id < r.id) continue;
          const a = l.of(r);
          const b = l.of(o);
          g.lineBetween(a.x, a.y, b.x, b.y);
        }
      }
      // lines of movement this month, under the tokens; the ones moving now grow with the animation
      const movingNow = new Set(from ? Object.keys(view.units).filter((u) => from.units[u] && from.units[u].region !== view.units[u]?.region) : []);
      for (const c of this.changes) {
        if (c.kind !== 'move') continue;
        const a = byId.get(c.from);
        const b = byId.get(c.to);
        if (!a || !b) continue;
        const seg = rimToRim(l, a, b);
        const tg = graphics();
        drawTrail(tg, seg, 1, unit);
        if (movingNow.has(c.unit)) live.trails.push({ g: tg, seg });
      }
      const pickable = deps.pickable?.() ?? null;
      const violenceChange = new Map(this.changes.flatMap((c) => (c.kind === 'violence' ? [[c.region, c] as const] : [])));
      const strengthChange = new Map(this.changes.flatMap((c) => (c.kind === 'strength' ? [[c.actor, c] as const] : [])));
      const arrived = new Set(this.changes.flatMap((c) => (c.kind === 'arrive' ? [c.unit] : [])));

      for (const r of scn.regions) {
        const p = l.of(r);
        const v = view.violence[r.id] ?? { value: 0, spread: 0 };
        const level = violenceLevel(v.value);
        const was = from?.violence[r.id];
        const wasLevel = was ? violenceLevel(was.value) : level;
        if (wasLevel !== level) {
          // the shade and shape cross-fade: the old level's fades out under the new one's
          const old = graphics();
          drawRegion(old, p, radius, unit, wasLevel);
          const now = graphics();
          drawRegion(now, p, radius, unit, level);
          live.fades.push({ obj: old, from: 1, to: 0 }, { obj: now, from: 0, to: 1 });
        } else drawRegion(g, p, radius, unit, level);
        if (pickable?.has(r.id)) drawPickRing(graphics(), p, radius, unit, level);

        const format = (n: number) => (v.spread > 0 ? `${n}±${v.spread}` : String(n));
        const num = text(p.x, p.y, format(v.value), v.spread > 0 ? 15 : 20, INK[level], true).setOrigin(0.5);
        layer.add(num);
        if (was && was.value !== v.value) live.counters.push({ obj: num, from: was.value, to: v.value, shown: v.value, format, ink: (n) => INK[violenceLevel(n)] });
        // a long name ("Rutshuru (Kiwanja, Rumangabo, Bunagana)") wraps under its disc instead of running over its neighbours
        const name = text(p.x, p.y + radius + 6 * unit, loc(r.name), 15, '#2a2318', true).setOrigin(0.5, 0).setWordWrapWidth(2 * radius + 90 * unit).setAlign('center');
        name.setBackgroundColor('rgba(243,237,223,0.85)');
        layer.add(name);
        const vc = violenceChange.get(r.id);
        if (vc) {
          // above the region: units stack to its left, armed groups to its right, its name below
          const mark = text(p.x, p.y - radius * 1.15 - 3 * unit, changeMark(vc.from, vc.to), 14, vc.to > vc.from ? WORSE : BETTER, true).setOrigin(0.5, 1);
          mark.setBackgroundColor('rgba(255,253,248,0.92)').setPadding(Math.round(3 * unit), Math.round(1 * unit));
          layer.add(mark);
          if (from) live.fades.push({ obj: mark, from: 0, to: 1 });
        }

        // mission units: blue squares to the left; one that moved this month travels from its old slot
        const units = Object.keys(view.units).filter((id) => view.units[id]?.region === r.id);
        units.forEach((id, i) => {
          const slot = unitSlot(l, r, i);
          const tok = this.add.container(slot.x, slot.y);
          const tg = this.add.graphics();
          tg.fillStyle(BLUE, 1).fillRect(-8 * unit, -8 * unit, 16 * unit, 16 * unit);
          tg.lineStyle(1.5 * unit, 0xffffff, 1).strokeRect(-8 * unit, -8 * unit, 16 * unit, 16 * unit);
          if (arrived.has(id)) tg.lineStyle(2 * unit, BLUE, 1).strokeCircle(0, 0, 14 * unit);
          const def = scn.units.find((u) => u.id === id) ?? Object.values(scn.reinforcements).find((x) => x.unit.id === id)?.unit;
          const label = text(-12 * unit, 0, def ? abbreviation(loc(def.name)) : id, 12, '#1f3f6a', true).setOrigin(1, 0.5);
          tok.add([tg, label]);
          layer.add(tok);
          const old = from?.units[id];
          const oldRegion = old && old.region !== r.id ? byId.get(old.region) : undefined;
          if (from && oldRegion) {
            const index = Object.keys(from.units).filter((u) => from.units[u]?.region === oldRegion.id).indexOf(id);
            const start = unitSlot(l, oldRegion, Math.max(0, index));
            live.moves.push({ obj: tok, ax: start.x, ay: start.y, bx: slot.x, by: slot.y });
          } else if (from && !old) live.fades.push({ obj: tok, from: 0, to: 1 });
        });
        // armed groups and spoilers: dark triangles to the right, with their seen strength and its change
        const groups = scn.actors.filter((a) => ARMED.includes(a.kind) && a.regions.includes(r.id));
        groups.forEach((a, i) => {
          const { x, y } = groupSlot(l, r, i);
          const s = 10 * unit;
          const st = view.actors?.[a.id]?.strength;
          const sc = strengthChange.get(a.id);
          const fromStrength = from?.actors?.[a.id]?.strength.value;
          let tri = g;
          if (sc && fromStrength !== undefined && fromStrength !== st?.value) {
            // the strength that changed flashes behind its token while the month turns
            const flash = graphics();
            flash.fillStyle(0xf2a900, 1).fillCircle(x, y, s * 1.9);
            flash.setAlpha(0);
            live.flashes.push(flash);
            tri = graphics();
          }
          tri.fillStyle(0x5a1a1a, 1).fillTriangle(x, y - s, x + s, y + s * 0.8, x - s, y + s * 0.8);
          const name = abbreviation(loc(a.name));
          const format = (n: number) => `${name} ${n}${sc ? ` ${changeMark(sc.from, sc.to)}` : ''}`;
          const label = text(x + 14 * unit, y, st ? format(st.value) : name, 12, '#5a1a1a', true).setOrigin(0, 0.5);
          layer.add(label);
          if (st && fromStrength !== undefined && fromStrength !== st.value) live.counters.push({ obj: label, from: fromStrength, to: st.value, shown: st.value, format });
        });
      }
      layer.sendToBack(g);
      this.exposeRegions();
    }

    /** The regions' centres in CSS pixels of the canvas, on the box (data-regions): for tests and tools that click them. */
    private exposeRegions(): void {
      const canvas = this.game.canvas;
      const box = canvas?.parentElement;
      const placed = this.placed;
      if (!box || !placed || canvas.width === 0) return;
      const k = (canvas.clientWidth || canvas.width) / canvas.width;
      const out: Record<string, [number, number]> = {};
      for (const r of placed.regions) {
        const p = placed.l.of(r);
        out[r.id] = [Math.round(p.x * k), Math.round(p.y * k)];
      }
      box.dataset['regions'] = JSON.stringify(out);
    }
  };
}

/** A region's disc (or diamond, at the worst level): shade, outline and inner rings, so the level never rests on colour. */
function drawRegion(g: Graphics, p: { x: number; y: number }, radius: number, unit: number, level: ViolenceLevel): void {
  g.fillStyle(SHADE[level], 1);
  g.lineStyle(2.5 * unit, 0x3b2f1e, 1);
  if (level === 'severe') {
    const d = radius * 1.15;
    g.beginPath();
    g.moveTo(p.x, p.y - d);
    g.lineTo(p.x + d, p.y);
    g.lineTo(p.x, p.y + d);
    g.lineTo(p.x - d, p.y);
    g.closePath();
    g.fillPath();
    g.strokePath();
    return;
  }
  g.fillCircle(p.x, p.y, radius);
  g.strokeCircle(p.x, p.y, radius);
  if (level === 'moderate') {
    g.lineStyle(2 * unit, 0x3b2f1e, 0.8);
    g.strokeCircle(p.x, p.y, radius - 6 * unit);
  }
  if (level === 'high') {
    g.lineStyle(2 * unit, 0xffffff, 0.9);
    g.strokeCircle(p.x, p.y, radius - 6 * unit);
    g.strokeCircle(p.x, p.y, radius - 11 * unit);
  }
}

/** A dashed blue ring around a region a click may choose now. */
function drawPickRing(g: Graphics, p: { x: number; y: number }, radius: number, unit: number, level: ViolenceLevel): void {
  const r = (level === 'severe' ? radius * 1.15 : radius) + 8 * unit;
  g.lineStyle(3 * unit, BLUE, 1);
  const n = 16;
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2;
    const b = a + (Math.PI * 2) / n / 2;
    g.beginPath();
    g.arc(p.x, p.y, r, a, b);
    g.strokePath();
  }
}

/** A dashed line of movement with an arrowhead at its tip, drawn for the first `frac` of its length. */
function drawTrail(g: Graphics, s: Segment, frac: number, unit: number): void {
  const full = Math.hypot(s.bx - s.ax, s.by - s.ay);
  const len = full * Math.min(1, Math.max(0, frac));
  if (full === 0 || len <= 0) return;
  const ux = (s.bx - s.ax) / full;
  const uy = (s.by - s.ay) / full;
  const dash = 10 * unit;
  const gap = 6 * unit;
  const head = 9 * unit;
  const body = Math.max(0, len - head);
  g.lineStyle(3 * unit, BLUE, 0.9);
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
  const words = name.split(/\s+/).filter((w) => /^[\p{Lu}]/u.test(w));
  return words.length >= 2 ? words.map((w) => w[0]).join('') : name.slice(0, 10).trim();
}
