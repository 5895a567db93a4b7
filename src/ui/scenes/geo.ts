// The base maps of assets/maps/ (built by scripts/build-maps.ts): their shape, which one a scenario's regions call for,
// the projection onto the canvas, and point-in-country. Pure: the files are fetched by the map (base-maps.ts).

/** Coordinates are flat integer pairs [lon, lat, lon, lat, …] in 1/`scale` of a degree. */
export type Packed = readonly number[];

export interface BaseMap {
  readonly id: string;
  readonly source: string;
  /** West, south, east, north, in degrees: the theatre the map was cut to. */
  readonly box: readonly [number, number, number, number];
  /** The box the shapes were cut to (a margin round `box`): edges along it are cuts, not borders. */
  readonly clip: readonly [number, number, number, number];
  readonly scale: number;
  readonly countries: readonly {
    id: string;
    name: { en: string; fr: string } | null;
    rings: readonly Packed[];
    holes: readonly Packed[];
  }[];
  readonly lakes: readonly Packed[];
  readonly rivers: readonly Packed[];
  readonly places: readonly { id: string; name: { en: string; fr: string }; lon: number; lat: number; rank: 1 | 2 }[];
}

/** The boxes of the bundled base maps, to choose one before fetching it (kept in step with scripts/build-maps.ts). */
export const BASE_MAP_BOXES: Readonly<Record<string, readonly [number, number, number, number]>> = {
  kivu: [26.6, -4.5, 31.4, 2.4],
  mali: [-12.6, 10.0, 4.9, 25.3],
};

export interface GeoPoint {
  readonly lon?: number | undefined;
  readonly lat?: number | undefined;
}

/** The base map whose box holds every region, or null: a scenario without geography keeps the schematic map. */
export function baseMapFor(regions: readonly GeoPoint[]): string | null {
  if (regions.length === 0) return null;
  if (!regions.every((r) => typeof r.lon === 'number' && typeof r.lat === 'number')) return null;
  for (const [id, [w, s, e, n]] of Object.entries(BASE_MAP_BOXES)) {
    if (regions.every((r) => r.lon! >= w && r.lon! <= e && r.lat! >= s && r.lat! <= n)) return id;
  }
  return null;
}

/** A view of the map: the degrees at the canvas centre and how many canvas pixels one degree of longitude takes. */
export interface GeoView {
  readonly lon: number;
  readonly lat: number;
  readonly k: number;
}

/** Equirectangular with the theatre's mean latitude as standard parallel: true enough over a few degrees near the equator. */
export interface Projection {
  readonly view: GeoView;
  readonly W: number;
  readonly H: number;
  x(lon: number): number;
  y(lat: number): number;
  lon(x: number): number;
  lat(y: number): number;
}

export function projection(view: GeoView, W: number, H: number, parallel: number): Projection {
  const c = Math.cos((parallel * Math.PI) / 180);
  const kx = view.k * c;
  const ky = view.k;
  return {
    view,
    W,
    H,
    x: (lon) => W / 2 + (lon - view.lon) * kx,
    y: (lat) => H / 2 - (lat - view.lat) * ky,
    lon: (x) => view.lon + (x - W / 2) / kx,
    lat: (y) => view.lat - (y - H / 2) / ky,
  };
}

/** The view that fits a box of degrees in a W×H canvas, with `pad` canvas pixels all round. */
export function fitView(
  box: readonly [number, number, number, number],
  W: number,
  H: number,
  pad: { x: number; y: number },
): GeoView {
  const [w, s, e, n] = box;
  const c = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const k = Math.max(
    1e-6,
    Math.min((W - 2 * pad.x) / Math.max(1e-6, (e - w) * c), (H - 2 * pad.y) / Math.max(1e-6, n - s)),
  );
  return { lon: (w + e) / 2, lat: (s + n) / 2, k };
}

/** The box around some points, grown by `margin` of its span (at least `min` degrees across). */
export function boxAround(
  points: readonly { lon: number; lat: number }[],
  margin: number,
  min: number,
): [number, number, number, number] {
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => p.lat);
  let [w, e] = [Math.min(...lons), Math.max(...lons)];
  let [s, n] = [Math.min(...lats), Math.max(...lats)];
  const grow = (lo: number, hi: number): [number, number] => {
    const span = Math.max(min, (hi - lo) * (1 + 2 * margin));
    const mid = (lo + hi) / 2;
    return [mid - span / 2, mid + span / 2];
  };
  [w, e] = grow(w, e);
  [s, n] = grow(s, n);
  return [w, s, e, n];
}

/** Whether a point (degrees) lies in a packed ring (even–odd rule). */
export function inRing(ring: Packed, scale: number, lon: number, lat: number): boolean {
  const x = lon * scale;
  const y = lat * scale;
  let inside = false;
  const n = ring.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = ring[2 * i]!;
    const yi = ring[2 * i + 1]!;
    const xj = ring[2 * j]!;
    const yj = ring[2 * j + 1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The country of the base map a point lies in (a lake counts as no country), or null. */
export function countryAt(map: BaseMap, lon: number, lat: number): string | null {
  if (map.lakes.some((r) => inRing(r, map.scale, lon, lat))) return null;
  for (const c of map.countries) {
    if (c.rings.some((r) => inRing(r, map.scale, lon, lat)) && !c.holes.some((r) => inRing(r, map.scale, lon, lat)))
      return c.id;
  }
  return null;
}
