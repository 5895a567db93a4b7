// Lines of movement on the map: a unit's move this month, pin to pin, dashed with an arrowhead; grown with the
// month's animation.
import type * as PhaserNS from 'phaser';
import { BLUE } from './map-style.js';

type Graphics = PhaserNS.GameObjects.Graphics;

export function shorten(
  a: { x: number; y: number },
  b: { x: number; y: number },
  by: number,
): { ax: number; ay: number; bx: number; by: number } {
  const len = Math.hypot(b.x - a.x, b.y - a.y);
  if (len <= 2 * by) return { ax: a.x, ay: a.y, bx: b.x, by: b.y };
  const ux = (b.x - a.x) / len;
  const uy = (b.y - a.y) / len;
  return { ax: a.x + ux * by, ay: a.y + uy * by, bx: b.x - ux * by, by: b.y - uy * by };
}

/** A dashed line of movement with an arrowhead at its tip, drawn for the first `frac` of its length. */
export function drawTrail(
  g: Graphics,
  s: { ax: number; ay: number; bx: number; by: number },
  frac: number,
  unit: number,
): void {
  const full = Math.hypot(s.bx - s.ax, s.by - s.ay);
  const len = full * Math.min(1, Math.max(0, frac));
  if (full === 0 || len <= 0) return;
  const ux = (s.bx - s.ax) / full;
  const uy = (s.by - s.ay) / full;
  const dash = 9 * unit;
  const gap = 5 * unit;
  const head = 7 * unit;
  const body = Math.max(0, len - head);
  g.lineStyle(2.5 * unit, BLUE, 0.9);
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
