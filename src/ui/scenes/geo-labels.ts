// Towns' and countries' names on the base map, placed where they fit without touching the regions' labels, their
// pins or the overlay; their Phaser texts kept from draw to draw (one per name), and the grid that finds where each
// country shows on the canvas computed once per view.
import type * as PhaserNS from 'phaser';
import { lang } from '../i18n/index.js';
import { countryAt, type BaseMap, type Projection } from './geo.js';
import { look, mapText, measure } from './map-style.js';
import { overlaps, placeLabels, type LabelRequest, type Rect } from './placement.js';

/** A view transform on top of the fitted map: zoom factor and offset, canvas pixels. */
export interface Zoom {
  s: number;
  tx: number;
  ty: number;
}

interface PlaceRec {
  readonly text: PhaserNS.GameObjects.Text;
  box: Rect | null;
}

export class GeoLabels {
  private places = new Map<string, PlaceRec>();
  private grid: { key: string; cells: { x: number; y: number; c: string | null }[] } | null = null;

  constructor(
    private readonly scene: PhaserNS.Scene,
    private readonly parent: PhaserNS.GameObjects.Container,
  ) {}

  /** Drops every name (another scenario). */
  reset(): void {
    for (const p of this.places.values()) p.text.destroy();
    this.places.clear();
  }

  /** Towns' and countries' names, where they fit without touching the regions' labels. */
  place(
    bm: BaseMap | null,
    proj: Projection | null,
    zoom: Zoom,
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
        const a = { x: proj.x(p.lon) * zoom.s + zoom.tx, y: proj.y(p.lat) * zoom.s + zoom.ty };
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
      const gridKey = `${W}x${H}:${zoom.s}:${zoom.tx}:${zoom.ty}:${bm.id}:${proj.view.k}`;
      if (this.grid?.key !== gridKey) {
        const cells: { x: number; y: number; c: string | null }[] = [];
        for (let gx = 0.05; gx < 1; gx += 0.1) {
          for (let gy = 0.05; gy < 1; gy += 0.1) {
            const x = W * gx;
            const y = H * gy;
            cells.push({
              x,
              y,
              c: countryAt(bm, proj.lon((x - zoom.tx) / zoom.s), proj.lat((y - zoom.ty) / zoom.s)),
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
          const text = mapText(this.scene);
          this.parent.addAt(text, 0);
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
}
