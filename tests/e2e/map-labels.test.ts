// The map at the sizes players use: every label inside the canvas and none over another, for the historical scenarios
// (on their base maps) and the tutorial (schematic), in English and French; screenshots for the note.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST, openPage, shot, useHarness } from './harness.js';

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

async function startScenario(p: Page, url: string, scenario: string, fr: boolean, onTitle = false): Promise<void> {
  if (!onTitle) await p.goto(`${url}?test`);
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
    if (a.x < -eps || a.y < -eps || a.x + a.w > cw + eps || a.y + a.h > ch + eps)
      outside.push(`${a.id} ${JSON.stringify(a)} in ${cw}×${ch}`);
    for (const b of boxes.slice(i + 1)) {
      if (a.x < b.x + b.w - eps && b.x < a.x + a.w - eps && a.y < b.y + b.h - eps && b.y < a.y + a.h - eps)
        overlaps.push(`${a.id} × ${b.id}`);
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
          const regions = Object.keys(
            JSON.parse((await p.locator('#map').getAttribute('data-regions')) ?? '{}') as object,
          );
          expect(r.boxes.filter((b) => b.id.startsWith('region:')).length, `${scenario}: every region labelled`).toBe(
            regions.length,
          );
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

describe('the map’s loading and controls', () => {
  it('loads no map data and no Phaser before the title; the first chunk stays within 150 KB gzip', async () => {
    const h = harness();
    const w = await openPage(h, { width: 1024, height: 768 });
    const p = w.page;
    await p.goto(`${h.url}?test`);
    await p.waitForFunction(() => performance.getEntriesByName('title-ready').length > 0);
    const before = await p.evaluate(() => {
      const title = performance.getEntriesByName('title-ready')[0]!.startTime;
      return performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime < title)
        .map((e) => new URL(e.name).pathname);
    });
    expect(before.filter((f) => /\/(kivu|mali)-[\w-]+\.json$|phaser|\.svg$/.test(f))).toEqual([]);
    const entry = /<script type="module" crossorigin src="\.\/([^"]+)"/.exec(
      readFileSync(join(DIST, 'index.html'), 'utf8'),
    )?.[1];
    expect(entry).toBeDefined();
    expect(gzipSync(readFileSync(join(DIST, entry!)), { level: 9 }).length).toBeLessThanOrEqual(150 * 1024);
    // choosing a scenario with geography on the title fetches its data and base map (hashed files) before Start
    await p.getByLabel('Scenario', { exact: true }).selectOption('monusco-2013');
    await expect
      .poll(() =>
        p.evaluate(
          () =>
            performance
              .getEntriesByType('resource')
              .map((e) => new URL(e.name).pathname)
              .filter((f) => /\/assets\/(kivu|monusco-2013)-[\w-]+\.json$/.test(f)).length,
        ),
      )
      .toBe(2);
    await startScenario(p, h.url, 'monusco-2013', false, true);
    const maps = await p.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((f) => f.endsWith('.json')),
    );
    expect(maps.some((f) => /\/assets\/kivu-[\w-]+\.json$/.test(f))).toBe(true);
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 120_000);

  it('zooms and pans by wheel and keys, resets, and opens a region’s card on hover and on keyboard focus', async () => {
    const h = harness();
    const w = await openPage(h, { width: 1024, height: 768 });
    const p = w.page;
    await startScenario(p, h.url, 'monusco-2013', false);
    const map = p.locator('#map');
    const reset = p.getByRole('button', { name: 'Reset view' });
    await expect(reset.isVisible()).resolves.toBe(false);

    // keyboard: a region's button takes the focus and its card opens
    const goma = p.getByRole('button', { name: /^Goma, violence / });
    await goma.focus();
    const card = p.getByTestId('map-card');
    await expect.poll(() => card.isVisible()).toBe(true);
    await expect(card.getByRole('heading', { name: 'Goma' }).isVisible()).resolves.toBe(true);
    await expect(card.textContent()).resolves.toMatch(/Mission units here.*Uruguayan battalion, Goma/);
    await expect(card.textContent()).resolves.toMatch(
      /M23 \(Mouvement du 23 mars\): strength \d+ ± \d+ \(whole group\)/,
    );
    await shot(p, 'map-card-keyboard');
    await p.keyboard.press('Escape');

    // + zooms in on the map, the labels are placed again, 0 resets
    await map.focus();
    await p.keyboard.press('+');
    await expect.poll(() => reset.isVisible()).toBe(true);
    await p.keyboard.press('ArrowLeft');
    let r = await labelProblems(p);
    expect(r.overlaps).toEqual([]);
    expect(r.outside).toEqual([]);
    await shot(p, 'map-zoomed');
    await p.keyboard.press('0');
    await expect.poll(() => reset.isVisible()).toBe(false);

    // the wheel zooms at the pointer; Reset view brings the whole theatre back
    const box = (await map.locator('canvas').boundingBox())!;
    await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await p.mouse.wheel(0, -400);
    await expect.poll(() => reset.isVisible()).toBe(true);
    r = await labelProblems(p);
    expect(r.overlaps).toEqual([]);
    await reset.click();
    await expect.poll(() => reset.isVisible()).toBe(false);

    // hover on a region's label opens its card
    const regions = JSON.parse((await map.getAttribute('data-regions')) ?? '{}') as Record<string, [number, number]>;
    await p.mouse.move(box.x + regions['bukavu']![0], box.y + regions['bukavu']![1]);
    await expect.poll(() => card.getByRole('heading', { name: 'Bukavu' }).isVisible()).toBe(true);
    await shot(p, 'map-card-hover');
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 120_000);

  it('zooms with two fingers (pinch) and draws at the device’s pixel ratio (2: crisp)', async () => {
    const h = harness();
    const w = await openPage(h, { width: 1024, height: 768 }, 2, { hasTouch: true });
    const p = w.page;
    await startScenario(p, h.url, 'monusco-2013', false);
    const map = p.locator('#map');
    const canvas = map.locator('canvas');
    // the canvas holds two device pixels per CSS pixel
    const [cssW, pxW] = await canvas.evaluate((c: HTMLCanvasElement) => [c.clientWidth, c.width]);
    expect(pxW).toBe(cssW * 2);
    await shot(p, 'map-monusco-dpr2');
    // two touch pointers move apart over the canvas: the map zooms in (Reset view appears), labels still clear
    const reset = p.getByRole('button', { name: 'Reset view' });
    await expect(reset.isVisible()).resolves.toBe(false);
    await canvas.evaluate((c: HTMLCanvasElement) => {
      const r = c.getBoundingClientRect();
      const cx = r.left + r.width / 2;
      const cy = r.top + r.height / 2;
      const fire = (type: string, id: number, x: number) =>
        c.dispatchEvent(
          new PointerEvent(type, { pointerId: id, pointerType: 'touch', clientX: x, clientY: cy, bubbles: true }),
        );
      fire('pointerdown', 1, cx - 40);
      fire('pointerdown', 2, cx + 40);
      for (let d = 50; d <= 160; d += 10) {
        fire('pointermove', 1, cx - d);
        fire('pointermove', 2, cx + d);
      }
      fire('pointerup', 1, cx - 160);
      fire('pointerup', 2, cx + 160);
    });
    await expect.poll(() => reset.isVisible()).toBe(true);
    const boxes = JSON.parse((await map.getAttribute('data-labels')) ?? '[]') as Box[];
    expect(boxes.length).toBeGreaterThan(0);
    const r = await labelProblems(p);
    expect(r.overlaps).toEqual([]);
    expect(r.outside).toEqual([]);
    await shot(p, 'map-monusco-pinched');
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 120_000);
});
