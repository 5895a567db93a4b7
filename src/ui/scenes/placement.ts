// Label placement: each label is put beside its anchor (a region's pin, a town) where it overlaps no other label, no
// pin and no reserved box, inside the canvas; moved further out (with a leader line drawn by the map) when the near
// places are taken. Greedy, crowded anchors first; deterministic. Pure.

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface LabelRequest {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** Optional labels (towns, countries) are dropped where they do not fit near their anchor. */
  readonly optional?: boolean;
}

export interface Placement {
  readonly boxes: ReadonlyMap<string, Rect>;
  /** Required labels that found no free place (put at their least crowded place instead). */
  readonly crowded: readonly string[];
}

export function overlaps(a: Rect, b: Rect, pad = 0): boolean {
  return a.x < b.x + b.w + pad && b.x < a.x + a.w + pad && a.y < b.y + b.h + pad && b.y < a.y + a.h + pad;
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

// east first (a label reads on from its pin), then west, below, above, the corners; further out, finer steps
const NEAR = [0, 180, 90, 270, 45, 135, 315, 225].map((d) => (d * Math.PI) / 180);
const FAR = Array.from({ length: 16 }, (_, i) => (i * 22.5 * Math.PI) / 180);

/**
 * Places `labels` in `bounds`, away from `obstacles` (pins, the key) and from each other, `pad` apart.
 * `gap`: the distance from an anchor to its label's nearest side; `step`: how far each ring of places moves out.
 */
export function placeLabels(
  labels: readonly LabelRequest[],
  obstacles: readonly Rect[],
  bounds: Rect,
  opts: { gap: number; step: number; pad: number; rings: number },
): Placement {
  const { gap, step, pad, rings } = opts;
  const placed: Rect[] = [];
  const boxes = new Map<string, Rect>();
  const crowded: string[] = [];
  const fits = (r: Rect) =>
    r.x >= bounds.x && r.y >= bounds.y && r.x + r.w <= bounds.x + bounds.w && r.y + r.h <= bounds.y + bounds.h;
  const clampIn = (r: Rect): Rect => ({
    x: Math.min(bounds.x + bounds.w - r.w, Math.max(bounds.x, r.x)),
    y: Math.min(bounds.y + bounds.h - r.h, Math.max(bounds.y, r.y)),
    w: r.w,
    h: r.h,
  });
  const free = (r: Rect) =>
    fits(r) && !placed.some((p) => overlaps(p, r, pad)) && !obstacles.some((o) => overlaps(o, r, pad * 0.5));
  const cost = (r: Rect) =>
    placed.reduce((s, p) => s + overlapArea(p, r), 0) + obstacles.reduce((s, o) => s + overlapArea(o, r), 0) * 0.5;
  const at = (l: LabelRequest, angle: number, d: number): Rect => {
    const cx = l.x + Math.cos(angle) * (l.w / 2 + d);
    const cy = l.y + Math.sin(angle) * (l.h / 2 + d);
    return { x: cx - l.w / 2, y: cy - l.h / 2, w: l.w, h: l.h };
  };
  // the most crowded anchors choose first; then required before optional
  const near = (l: LabelRequest) =>
    labels.filter((o) => o !== l && Math.hypot(o.x - l.x, o.y - l.y) < 4 * step + l.w).length;
  const order = labels
    .map((l, i) => ({ l, i, n: near(l) }))
    .sort((a, b) => Number(a.l.optional ?? false) - Number(b.l.optional ?? false) || b.n - a.n || a.i - b.i)
    .map((x) => x.l);
  for (const l of order) {
    let found: Rect | null = null;
    const maxRing = l.optional ? 1 : rings;
    for (let ring = 0; ring < maxRing && !found; ring++) {
      const d = gap + ring * step;
      for (const angle of ring < 2 ? NEAR : FAR) {
        const r = at(l, angle, d);
        if (free(r)) {
          found = r;
          break;
        }
        // at a canvas edge, the same place slid back inside
        const c = clampIn(r);
        if (c !== r && Math.hypot(c.x - r.x, c.y - r.y) < l.w && free(c)) {
          found = c;
          break;
        }
      }
    }
    if (!found && !l.optional) {
      crowded.push(l.id);
      let best: Rect | null = null;
      let bestCost = Infinity;
      for (let ring = 0; ring < rings; ring++) {
        for (const angle of FAR) {
          const r = clampIn(at(l, angle, gap + ring * step));
          const c = cost(r) + ring;
          if (c < bestCost) {
            best = r;
            bestCost = c;
          }
        }
      }
      found = best;
    }
    if (found) {
      placed.push(found);
      boxes.set(l.id, found);
    }
  }
  return { boxes, crowded };
}

/** The point of a box nearest to `p`: where a leader line from an anchor meets its label. */
export function nearestOnRect(r: Rect, p: { x: number; y: number }): { x: number; y: number } {
  return { x: Math.min(r.x + r.w, Math.max(r.x, p.x)), y: Math.min(r.y + r.h, Math.max(r.y, p.y)) };
}
