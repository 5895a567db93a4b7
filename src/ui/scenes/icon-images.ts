// The map's icons drawn once into canvases at the size the map shows them, while the player reads the title (with the
// map's code): the scene then adds them as textures at once, and Start waits for no SVG to load and rasterise.
import { ARMED_ICON, CAPABILITY_ORDER, UNIT_ICONS } from './icons.js';

/** Texture key → the icon drawn at `px` × `px`. */
export type IconCanvases = ReadonlyMap<string, HTMLCanvasElement>;

/** Icon edge in canvas pixels: twice the largest drawn size (32 CSS px) at the device's ratio, at least 2×. */
export function iconPixels(): number {
  return Math.round(32 * Math.max(2, window.devicePixelRatio || 1));
}

/** Each texture key of the map with its file. */
export function iconFiles(): [string, string][] {
  return [...CAPABILITY_ORDER.map((c): [string, string] => [`unit-${c}`, UNIT_ICONS[c]]), ['armed', ARMED_ICON]];
}

const made = new Map<number, Promise<IconCanvases>>();

/** The icons drawn at `px` (once per size); rejects when one cannot be had, for the scene to load them itself. */
export function iconCanvases(px: number): Promise<IconCanvases> {
  let p = made.get(px);
  if (!p) {
    p = Promise.all(iconFiles().map(async ([key, url]) => [key, await draw(url, px)] as const)).then(
      (es) => new Map(es),
    );
    p.catch(() => made.delete(px));
    made.set(px, p);
  }
  return p;
}

/** The SVG at its own vector size `px` (its width and height set, as the scene's loader does), into a canvas. */
async function draw(url: string, px: number): Promise<HTMLCanvasElement> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`icon ${url}: HTTP ${res.status}`);
  const doc = new DOMParser().parseFromString(await res.text(), 'image/svg+xml');
  const svg = doc.documentElement;
  svg.setAttribute('width', String(px));
  svg.setAttribute('height', String(px));
  const blob = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(doc)], { type: 'image/svg+xml' }));
  try {
    const img = new Image(px, px);
    img.src = blob;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = px;
    canvas.height = px;
    canvas.getContext('2d')?.drawImage(img, 0, 0, px, px);
    return canvas;
  } finally {
    URL.revokeObjectURL(blob);
  }
}
