// Where the map puts things: regions fitted to the canvas, token slots beside them, and which region a pointer is on. Pure.

export interface RegionPoint {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

export interface MapLayout {
  /** Canvas pixels of a scenario point (0–1000 coordinates). */
  at(x: number, y: number): { x: number; y: number };
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
  const padX = Math.min(150 * dpr, 0.2 * W);
  const padY = Math.min(80 * dpr, 0.16 * H);
  const k = Math.max(0.01, Math.min((W - 2 * padX) / spanX, (H - 2 * padY) / spanY));
  const ox = (W - spanX * k) / 2 - minX * k;
  const oy = (H - spanY * k) / 2 - minY * k;
  const unit = Math.max(0.6, Math.min(1.4, Math.min(W, H) / (560 * dpr))) * dpr;
  return { at: (x, y) => ({ x: ox + x * k, y: oy + y * k }), radius: 34 * unit, unit };
}

/** Mission units stack to the left of their region, one slot under the other. */
export function unitSlot(l: MapLayout, r: RegionPoint, index: number): { x: number; y: number } {
  const p = l.at(r.x, r.y);
  return { x: p.x - l.radius - 16 * l.unit, y: p.y - l.radius + index * 22 * l.unit };
}

/** Armed groups stack to the right of their region. */
export function groupSlot(l: MapLayout, r: RegionPoint, index: number): { x: number; y: number } {
  const p = l.at(r.x, r.y);
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
    const p = l.at(r.x, r.y);
    const d = Math.hypot(px - p.x, py - p.y);
    if (d <= reach && d < bestD) {
      best = r.id;
      bestD = d;
    }
  }
  return best;
}

/** The segment from one region's rim to another's, so a line of movement does not cover the numbers. */
export function rimToRim(l: MapLayout, a: RegionPoint, b: RegionPoint): { ax: number; ay: number; bx: number; by: number } {
  const p = l.at(a.x, a.y);
  const q = l.at(b.x, b.y);
  const len = Math.hypot(q.x - p.x, q.y - p.y);
  if (len <= 2 * l.radius) return { ax: p.x, ay: p.y, bx: q.x, by: q.y };
  const ux = (q.x - p.x) / len;
  const uy = (q.y - p.y) / len;
  const gap = l.radius + 6 * l.unit;
  return { ax: p.x + ux * gap, ay: p.y + uy * gap, bx: q.x - ux * gap, by: q.y - uy * gap };
}
