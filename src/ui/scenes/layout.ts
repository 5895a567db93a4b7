// Where the map puts things: regions fitted to the canvas (on their base map or, without geography, schematically),
// token slots beside them, and which region a pointer is on. Pure.
import { boxAround, fitView, projection, type BaseMap, type GeoPoint, type Projection } from './geo.js';

export interface RegionPoint {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

export interface MapLayout {
  /** Canvas pixels of a region's centre: its scenario point (0–1000 coordinates) fitted to the canvas, then moved
   *  apart from neighbours too close to read (a scenario drawn to geography clusters, as MONUSCO's does round Goma). */
  of(r: RegionPoint): { x: number; y: number };
  /** The region disc's radius, in canvas pixels. */
  readonly radius: number;
  /** The size of one design pixel on this canvas (scales text and strokes). */
  readonly unit: number;
}

/** Fits the regions' bounding box (not the whole 0–1000 square) in a W×H canvas, so small theatres fill the table. */
export function layoutOf(regions: readonly RegionPoint[], W: number, H: number, dpr: number): MapLayout {
  const xs = regions.map((r) => r.x);
  const ys = regions.map((r) => r.y);
  const minX = xs.length ? Math.min(...xs) : 0;
  const minY = ys.length ? Math.min(...ys) : 0;
  const spanX = Math.max(100, (xs.length ? Math.max(...xs) : 0) - minX);
  const spanY = Math.max(100, (ys.length ? Math.max(...ys) : 0) - minY);
  // room for the labels beside and below the discs, but never most of a narrow canvas (a phone): there the regions
  // would bunch up in the middle
  const padX = Math.min(120 * dpr, 0.16 * W);
  const padY = Math.min(70 * dpr, 0.14 * H);
  const k = Math.max(0.01, Math.min((W - 2 * padX) / spanX, (H - 2 * padY) / spanY));
  const ox = (W - spanX * k) / 2 - minX * k;
  const oy = (H - spanY * k) / 2 - minY * k;
  const unit = Math.max(0.6, Math.min(1.4, Math.min(W, H) / (560 * dpr))) * dpr;
  const radius = 34 * unit;
  const placed = spread(
    regions.map((r) => ({ x: ox + r.x * k, y: oy + r.y * k })),
    // across: units' labels on one side of a disc and armed groups' on the other; down: its name, up to three lines
    { x: 2 * radius + 110 * unit, y: 2 * radius + 64 * unit },
    // units' labels stack to the left of a disc, armed groups' (the longer) to the right
    { minX: radius + 50 * unit, maxX: W - radius - 100 * unit, minY: radius + 20 * unit, maxY: H - radius - 24 * unit },
  );
  const byId = new Map(regions.map((r, i) => [r.id, placed[i]!]));
  return { of: (r) => byId.get(r.id) ?? { x: ox + r.x * k, y: oy + r.y * k }, radius, unit };
}

/**
 * Moves points apart until no two are closer than `gap` (an ellipse: wider than tall, for the labels beside a disc),
 * keeping them in `box`. Each close pair is pushed apart along the line between them, so the map keeps its geography
 * where there is room. Deterministic: the same points give the same result. Best effort: a canvas too small for all
 * the regions leaves some closer than the gap.
 */
export function spread(
  points: readonly { x: number; y: number }[],
  gap: { x: number; y: number },
  box: { minX: number; maxX: number; minY: number; maxY: number },
): { x: number; y: number }[] {
  const ps = points.map((p) => ({ x: p.x, y: p.y }));
  const clamp = (v: number, lo: number, hi: number) => (lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, v)));
  for (let round = 0; round < 200; round++) {
    let moved = false;
    for (let i = 0; i < ps.length; i++) {
      for (let j = i + 1; j < ps.length; j++) {
        const a = ps[i]!;
        const b = ps[j]!;
        // in units of the gap: 1 is just far enough
        let dx = (b.x - a.x) / gap.x;
        let dy = (b.y - a.y) / gap.y;
        let d = Math.hypot(dx, dy);
        if (d >= 1) continue;
        if (d < 1e-6) {
          // the same point: part them along a direction fixed by their indices
          const angle = (j * 2.399963) % (2 * Math.PI);
          dx = Math.cos(angle);
          dy = Math.sin(angle);
          d = 0;
        } else {
          dx /= d;
          dy /= d;
        }
        const push = ((1 - d) / 2) * 1.02;
        a.x -= dx * push * gap.x;
        a.y -= dy * push * gap.y;
        b.x += dx * push * gap.x;
        b.y += dy * push * gap.y;
        moved = true;
      }
    }
    for (const p of ps) {
      p.x = clamp(p.x, box.minX, box.maxX);
      p.y = clamp(p.y, box.minY, box.maxY);
    }
    if (!moved) break;
  }
  return ps;
}

/** Mission units stack to the left of their region, one slot under the other. */
export function unitSlot(l: MapLayout, r: RegionPoint, index: number): { x: number; y: number } {
  const p = l.of(r);
  return { x: p.x - l.radius - 16 * l.unit, y: p.y - l.radius + index * 22 * l.unit };
}

/** Armed groups stack to the right of their region. */
export function groupSlot(l: MapLayout, r: RegionPoint, index: number): { x: number; y: number } {
  const p = l.of(r);
  return { x: p.x + l.radius + 16 * l.unit, y: p.y - l.radius + 4 * l.unit + index * 24 * l.unit };
}

/**
 * The region under a canvas point: within its disc (the severe diamond fits in a slightly larger one), nearest first.
 * Null when the point is on none, so a click on the paper picks nothing.
 */
export function regionAt(regions: readonly RegionPoint[], l: MapLayout, px: number, py: number): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  const reach = l.radius * 1.2;
  for (const r of regions) {
    const p = l.of(r);
    const d = Math.hypot(px - p.x, py - p.y);
    if (d <= reach && d < bestD) {
      best = r.id;
      bestD = d;
    }
  }
  return best;
}

/** The segment from one region's rim to another's, so a line of movement does not cover the numbers. */
export function rimToRim(
  l: MapLayout,
  a: RegionPoint,
  b: RegionPoint,
): { ax: number; ay: number; bx: number; by: number } {
  const p = l.of(a);
  const q = l.of(b);
  const len = Math.hypot(q.x - p.x, q.y - p.y);
  if (len <= 2 * l.radius) return { ax: p.x, ay: p.y, bx: q.x, by: q.y };
  const ux = (q.x - p.x) / len;
  const uy = (q.y - p.y) / len;
  const gap = l.radius + 6 * l.unit;
  return { ax: p.x + ux * gap, ay: p.y + uy * gap, bx: q.x - ux * gap, by: q.y - uy * gap };
}

/**
 * Where each region lies on a W×H canvas at zoom 1, right of a key `side` pixels wide: its lon/lat on the base map
 * (with the projection, for the ground and the towns), or its schematic x/y when the scenario has no geography.
 */
export function regionPoints(
  regions: readonly (RegionPoint & GeoPoint)[],
  bm: BaseMap | null,
  W: number,
  H: number,
  side: number,
  u: number,
  dpr: number,
): { proj: Projection | null; points: Map<string, { x: number; y: number }> } {
  const points = new Map<string, { x: number; y: number }>();
  if (bm) {
    const fit = fitView(
      boxAround(
        regions.map((r) => ({ lon: r.lon!, lat: r.lat! })),
        0.08,
        1.2,
      ),
      W - side,
      H,
      { x: 70 * u, y: 40 * u },
    );
    const p1 = projection(fit, W - side, H, (bm.box[1] + bm.box[3]) / 2);
    // shifted right of the open key
    const proj: Projection = { ...p1, W, x: (lon) => p1.x(lon) + side, lon: (x) => p1.lon(x - side) };
    for (const r of regions) points.set(r.id, { x: proj.x(r.lon!), y: proj.y(r.lat!) });
    return { proj, points };
  }
  const l = layoutOf(regions, W - side, H, dpr);
  for (const r of regions) {
    const q = l.of(r);
    points.set(r.id, { x: q.x + side, y: q.y });
  }
  return { proj: null, points };
}
