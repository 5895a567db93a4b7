// What an indicator tells while playing: which way is good, the success threshold, and a tooltip that stays in the
// window, on a wide screen and on a phone; in French, the skip link translated and decimals with a comma.
import { describe, expect, it } from 'vitest';
import { openPage, shot, useHarness } from './harness.js';
import { playUntil, startTutorial } from './play.js';

const harness = useHarness();

describe('indicators and French typography in play', () => {
  for (const viewport of [
    { width: 1400, height: 1000 },
    { width: 390, height: 844 },
  ]) {
    it(`says which way is good, shows the threshold and keeps tooltips in the window (${viewport.width} px)`, async () => {
      const h = harness();
      const w = await openPage(h, viewport);
      const p = w.page;
      await startTutorial(p, h.url, { seed: '3' });
      const panel = p.getByRole('region', { name: 'Indicators' });
      await expect(panel.getByTestId('threshold').textContent()).resolves.toBe(
        'Success: a score of 68 or more at the end.',
      );
      const items = panel.getByRole('listitem').filter({ hasText: /is better|near the middle/ });
      const n = await items.count();
      expect(n).toBeGreaterThan(5);
      for (let i = 0; i < n; i++) {
        const item = items.nth(i);
        await expect(item.textContent()).resolves.toMatch(/higher is better|lower is better|best near the middle/);
        await item.focus();
        const tip = item.getByRole('tooltip');
        await tip.waitFor();
        const box = (await tip.boundingBox())!;
        expect(box.x, `tooltip ${i}`).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, `tooltip ${i}`).toBeLessThanOrEqual(viewport.width);
      }
      await shot(p, `indicators-${viewport.width}`);
      expect(w.problems).toEqual([]);
      await w.context.close();
    });
  }

  it('translates the skip link and writes decimals with a comma in French', async () => {
    const h = harness();
    const w = await openPage(h);
    const p = w.page;
    await startTutorial(p, h.url, { seed: '3' });
    await playUntil(p, 'mouse', async () => ((await p.getByTestId('month').textContent()) ?? '').startsWith('Month 2'));
    await p.getByLabel('Language').selectOption('fr');
    await expect(p.locator('.skip-link').textContent()).resolves.toBe('Aller au contenu');
    await p.getByRole('button', { name: 'Bilan provisoire' }).click();
    await p.getByRole('heading', { name: /^Bilan provisoire/, level: 1 }).waitFor();
    const text = await p.evaluate(() => document.body.innerText);
    expect(text).toContain('Sécurité des Casques bleus');
    expect(text).not.toMatch(/\d\.\d/);
    await shot(p, 'debrief-fr-midgame');
    await w.context.close();
  });
});
