// Label placement: labels beside their anchors, never over one another, a pin or a reserved box, inside the bounds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlaps, placeLabels, type Rect } from '../../src/ui/scenes/placement.js';
import { shortName } from '../../src/ui/scenes/map-scene.js';

const bounds: Rect = { x: 0, y: 0, w: 800, h: 600 };
const opts = { gap: 6, step: 14, pad: 3, rings: 16 };

describe('placeLabels', () => {
  it('puts a lone label just east of its anchor', () => {
    const r = placeLabels([{ id: 'a', x: 100, y: 100, w: 80, h: 20 }], [], bounds, opts);
    expect(r.boxes.get('a')).toEqual({ x: 106, y: 90, w: 80, h: 20 });
    expect(r.crowded).toEqual([]);
  });

  it('moves a label off the canvas edge back inside', () => {
    const r = placeLabels([{ id: 'a', x: 795, y: 595, w: 80, h: 20 }], [], bounds, opts);
    const b = r.boxes.get('a')!;
    expect(b.x + b.w).toBeLessThanOrEqual(800);
    expect(b.y + b.h).toBeLessThanOrEqual(600);
  });

  it('never overlaps labels, pins or reserved boxes when there is room (a cluster of twelve round one point)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            x: fc.integer({ min: 300, max: 500 }),
            y: fc.integer({ min: 250, max: 350 }),
            w: fc.integer({ min: 40, max: 140 }),
            h: fc.integer({ min: 16, max: 44 }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        (ls) => {
          const labels = ls.map((l, i) => ({ id: `r${i}`, ...l }));
          const pins = labels.map((l) => ({ x: l.x - 4, y: l.y - 4, w: 8, h: 8 }));
          const key = { x: 0, y: 450, w: 200, h: 150 };
          const r = placeLabels(labels, [...pins, key], bounds, opts);
          expect(r.crowded).toEqual([]);
          const boxes = [...r.boxes.values()];
          boxes.forEach((a, i) => {
            expect(a.x >= 0 && a.y >= 0 && a.x + a.w <= 800 && a.y + a.h <= 600).toBe(true);
            expect(overlaps(a, key)).toBe(false);
            for (const p of pins) expect(overlaps(a, p)).toBe(false);
            for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('drops an optional label with no room beside its anchor, keeps a required one', () => {
    const wall = { x: 0, y: 0, w: 800, h: 600 };
    const r = placeLabels([{ id: 'town', x: 400, y: 300, w: 40, h: 12, optional: true }], [wall], bounds, opts);
    expect(r.boxes.has('town')).toBe(false);
  });
});

describe('shortName', () => {
  it.each([
    ['Rutshuru (Kiwanja, Rumangabo, Bunagana)', 'Rutshuru'],
    ['Masisi and Sake', 'Masisi'],
    ['Uvira et Fizi', 'Uvira'],
    ['Ménaka and the Ansongo–Indelimane road', 'Ménaka'],
    ['Goma', 'Goma'],
    ['Mopti–Sévaré', 'Mopti–Sévaré'],
  ])('%s: %s', (name, short) => expect(shortName(name)).toBe(short));
});
