// An exported chart stands on its own: the PNG carries the chart's title, the axes' names and units.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT, openPage, shot, useHarness } from './harness.js';
import { playUntil, startTutorial } from './play.js';

const harness = useHarness();

describe('chart export', () => {
  it('draws the title and the named axes into the PNG', async () => {
    const h = harness();
    const w = await openPage(h);
    const p = w.page;
    await startTutorial(p, h.url, { seed: '77' });
    await playUntil(p, 'mouse', async () => ((await p.getByTestId('month').textContent()) ?? '').startsWith('Month 2'));
    await p.getByRole('button', { name: 'Record so far' }).click();
    await p.getByRole('heading', { name: /^Record so far/, level: 1 }).waitFor();
    const chart = p.getByRole('img', { name: 'Mission cohesion' });
    const drawn = await chart.locator('text').allTextContents();
    expect(drawn).toContain('Mission cohesion');
    expect(drawn).toContain('Month (0: start)');
    expect(drawn).toContain('Points (0–100)');
    await shot(p, 'chart-export-debrief');
    const [png] = await Promise.all([
      p.waitForEvent('download'),
      p.getByRole('button', { name: 'Download Mission cohesion as PNG' }).click(),
    ]);
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    writeFileSync(join(OUTPUT, 'chart-export-cohesion.png'), bytes);
    // the PNG is the whole figure at twice its size: the title band above the plot and the axis name beside it
    const box = await chart.boundingBox();
    expect(bytes.readUInt32BE(16)).toBe(2 * Math.round(box!.width));
    expect(bytes.readUInt32BE(20)).toBe(2 * Math.round(box!.height));
    expect(w.problems).toEqual([]);
    await w.context.close();
  });
});
