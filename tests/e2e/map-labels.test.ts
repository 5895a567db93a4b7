// The map at the sizes players use: every label inside the canvas and none over another, for the historical scenarios
// (on their base maps) and the tutorial (schematic), in English and French; screenshots for the note.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, shot, useHarness } from './harness.js';

const harness = useHarness();

interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
] as const;

async function startScenario(p: Page, url: string, scenario: string, fr: boolean): Promise<void> {
  await p.goto(`${url}?test`);
  if (fr) await p.getByLabel(/^(Language|Langue)$/).selectOption('fr');
  await p.getByLabel(/^(Scenario|Scénario)$/, { exact: true }).selectOption(scenario);
  await p.getByRole('button', { name: fr ? 'Commencer la partie' : 'Start the game' }).click();
  await p.locator('#map[data-ready="true"]').waitFor({ timeout: 20_000 });
  if (scenario !== 'tutorial') await p.locator('#map[data-geo="true"]').waitFor({ timeout: 20_000 });
  await p.locator('#map[data-labels]').waitFor();
}

/** Every pair of label boxes that overlap, and every box not wholly in the canvas. */
async function labelProblems(p: Page): Promise<{ boxes: Box[]; overlaps: string[]; outside: string[] }> {
  const boxes = JSON.parse((await p.locator('#map').getAttribute('data-labels')) ?? '[]') as Box[];
  const [cw, ch] = JSON.parse((await p.locator('#map').getAttribute('data-canvas')) ?? '[0,0]') as [number, number];
  const overlaps: string[] = [];
  const outside: string[] = [];
  const eps = 0.5;
  boxes.forEach((a, i) => {
    if (a.x < -eps || a.y < -eps || a.x + a.w > cw + eps || a.y + a.h > ch + eps) outside.push(`${a.id} ${JSON.stringify(a)} in ${cw}×${ch}`);
    for (const b of boxes.slice(i + 1)) {
      if (a.x < b.x + b.w - eps && b.x < a.x + a.w - eps && a.y < b.y + b.h - eps && b.y < a.y + a.h - eps) overlaps.push(`${a.id} × ${b.id}`);
    }
  });
  return { boxes, overlaps, outside };
}

describe('the map’s labels', () => {
  for (const size of SIZES) {
    it(`never overlap or leave the canvas at ${size.width}×${size.height} (MONUSCO, MINUSMA, tutorial; English and French)`, async () => {
      const h = harness();
      for (const fr of [false, true]) {
        const w = await openPage(h, size);
        const p = w.page;
        for (const scenario of ['monusco-2013', 'minusma-2014', 'tutorial']) {
          if (scenario === 'tutorial' && fr) continue;
          await startScenario(p, h.url, scenario, fr);
          const r = await labelProblems(p);
          const regions = Object.keys(JSON.parse((await p.locator('#map').getAttribute('data-regions')) ?? '{}') as object);
          expect(r.boxes.filter((b) => b.id.startsWith('region:')).length, `${scenario}: every region labelled`).toBe(regions.length);
          expect(regions.length).toBeGreaterThan(0);
          expect(r.overlaps, `${scenario} ${size.width}×${size.height}`).toEqual([]);
          expect(r.outside, `${scenario} ${size.width}×${size.height}`).toEqual([]);
          if (scenario !== 'tutorial') {
            const name = `map-${scenario.split('-')[0]}-${size.width}x${size.height}-${fr ? 'fr' : 'en'}`;
            await shot(p, name);
            await p.locator('#map').screenshot({ path: `tests/output/${name}-map.png` });
          }
        }
        expect(w.problems).toEqual([]);
        await w.context.close();
      }
    }, 180_000);
  }
});
