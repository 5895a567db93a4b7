// The ground under the regions: the base map (countries, the theatre's country lighter, rivers, lakes, borders, towns)
// or, without geography, paper with a survey grid and the links between regions. It changes only with the canvas, the
// view and the scenario, so it is drawn once into a texture and shown as one image: a redraw after an action costs
// nothing here. While the player zooms or pans, the last drawing is moved and scaled at once and drawn afresh, crisp,
// a moment after the view settles.
import type * as PhaserNS from 'phaser';
import type { Scenario } from '../../scenario/schema.js';
import { countryAt, type BaseMap, type Packed, type Projection } from './geo.js';
import type { Zoom } from './geo-labels.js';
import { PAPER } from './map-style.js';

type Graphics = PhaserNS.GameObjects.Graphics;

/** What the ground is drawn from (canvas pixels at zoom 1; `anchors`: the regions' points, for the links). */
export interface Ground {
  readonly scn: Scenario;
  readonly bm: BaseMap | null;
  readonly proj: Projection | null;
  readonly W: number;
  readonly H: number;
  readonly u: number;
  readonly anchors: ReadonlyMap<string, { x: number; y: number }>;
}

/** How long the view must rest before the ground is drawn again at its new zoom, ms. */
const SETTLE_MS = 140;

export class BaseLayer {
  private readonly rt: PhaserNS.GameObjects.RenderTexture;
  private readonly g: Graphics;
  /** What the texture holds: the ground's key and the view it was drawn at. */
  private drawn: { key: string; zoom: Zoom; W: number; H: number } | null = null;
  private want: { key: string; ground: Ground; zoom: Zoom } | null = null;
  private timer: number | null = null;
  /** How many times the ground was drawn into the texture (the map box's data-ground-paints, read by bench:web). */
  paints = 0;

  constructor(private readonly scene: PhaserNS.Scene) {
    this.rt = scene.add.renderTexture(0, 0, 1, 1).setOrigin(0, 0);
    this.g = scene.make.graphics({}, false);
  }

  /**
   * Shows the ground for `ground` (named by `key`, which changes with anything but the zoom) at `zoom`. Drawn now when
   * the key or the canvas changed; when only the view did, the texture is moved and scaled now and drawn again once
   * the view rests.
   */
  show(key: string, ground: Ground, zoom: Zoom): void {
    this.want = { key, ground, zoom: { ...zoom } };
    const d = this.drawn;
    if (d && d.key === key && d.W === ground.W && d.H === ground.H) {
      if (d.zoom.s === zoom.s && d.zoom.tx === zoom.tx && d.zoom.ty === zoom.ty) {
        this.place(1, 0, 0);
        return;
      }
      const k = zoom.s / d.zoom.s;
      this.place(k, zoom.tx - d.zoom.tx * k, zoom.ty - d.zoom.ty * k);
      if (this.timer !== null) window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => {
        this.timer = null;
        const w = this.want;
        if (!w || !this.rt.scene) return;
        this.paint(w.key, w.ground, w.zoom);
        this.scene.game.loop.wake();
      }, SETTLE_MS);
      return;
    }
    this.paint(key, ground, zoom);
  }

  destroy(): void {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
    this.g.destroy();
  }

  private place(k: number, x: number, y: number): void {
    if (this.rt.scaleX !== k) this.rt.setScale(k);
    if (this.rt.x !== x || this.rt.y !== y) this.rt.setPosition(x, y);
  }

  private paint(key: string, ground: Ground, zoom: Zoom): void {
    // the canvas's own size, odd or not (Phaser rounds to even sizes unless told), so one texel is one pixel
    if (this.drawn?.W !== ground.W || this.drawn?.H !== ground.H) this.rt.resize(ground.W, ground.H, false);
    this.g.clear();
    paintGround(this.g, ground, zoom);
    this.rt.clear();
    this.rt.draw(this.g);
    this.rt.render();
    this.g.clear();
    this.place(1, 0, 0);
    this.drawn = { key, zoom: { ...zoom }, W: ground.W, H: ground.H };
    this.paints++;
  }
}

export function paintGround(g: Graphics, ground: Ground, z: Zoom): void {
  const { scn, bm, proj, W, H, u } = ground;
  const lg = g;
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
        const a = ground.anchors.get(r.id)!;
        const b = ground.anchors.get(o.id)!;
        lg.lineBetween(a.x * z.s + z.tx, a.y * z.s + z.ty, b.x * z.s + z.tx, b.y * z.s + z.ty);
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
  const home = homeCountry(scn, bm);
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
function homeCountry(scn: Scenario, bm: BaseMap): string | null {
  const count = new Map<string, number>();
  for (const r of scn.regions) {
    const c = countryAt(bm, r.lon!, r.lat!);
    if (c) count.set(c, (count.get(c) ?? 0) + 1);
  }
  return [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
