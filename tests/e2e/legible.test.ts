// Legible play in the browser: the table keeps what the person typed and chose; the month review; a closed card's
// reason; a phone's first screen; a keyboard month; no internal id or lesson code on any screen, in English and French.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { noteTargetsAndTwoCards } from './fields.js';
import { openPage, shot, useHarness, type Harness } from './harness.js';
import { playUntil, settled, startTutorial } from './play.js';
import { keyStep, leaks, scenarioIds, screenText } from './walk.js';

const harness = useHarness();
let h: Harness;
beforeAll(() => {
  h = harness();
});

const MONUSCO = 'MONUSCO 2012–2014: Goma, the Intervention Brigade and the Kampala talks';

async function startScenario(p: Page, chair: string, seed: string, scenario?: string): Promise<void> {
  await p.goto(`${h.url}?test`);
  if (scenario) await p.getByLabel('Scenario', { exact: true }).selectOption({ label: scenario });
  await p.getByLabel('Your chair').selectOption({ label: chair });
  await p.getByLabel('Seed', { exact: true }).fill(seed);
  await p.getByRole('button', { name: 'Start the game' }).click();
  await p.locator('#map[data-ready="true"]').waitFor({ timeout: 30_000 });
}

const month = async (p: Page) => (await p.getByTestId('month').textContent()) ?? '';

describe('legible play', () => {
  it('keeps the note, the targets and the focus across two Adds on the solo table', async () => {
    const w = await openPage(h);
    const p = w.page;
    await startTutorial(p, h.url, { chair: 'Force Commander', seed: '31' });
    await playUntil(p, 'mouse', () => p.getByRole('button', { name: 'Commit the plan' }).isVisible());
    await noteTargetsAndTwoCards(p);
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 150_000);

  it('reviews the month: at most five headline changes by chair and world, the full log folded; a closed card says why', async () => {
    const w = await openPage(h);
    const p = w.page;
    await startScenario(p, 'Force Commander', '4242', MONUSCO);
    await playUntil(
      p,
      'mouse',
      async () =>
        (await month(p)).startsWith('Month 2 of 18') &&
        (await p.getByRole('button', { name: 'Commit the plan' }).isVisible()),
    );
    const review = p.getByTestId('month-review');
    await expect(review.getByRole('heading', { name: 'Results of month 1' }).isVisible()).resolves.toBe(true);
    const headlines = await review.getByTestId('headlines').locator('li').count();
    expect(headlines).toBeGreaterThan(0);
    expect(headlines).toBeLessThanOrEqual(5);
    await expect(review.locator('details.full-log').getAttribute('open')).resolves.toBeNull();
    await review.scrollIntoViewIfNeeded();
    await review.screenshot({ path: 'tests/output/month-review.png' });
    // the Intervention Brigade's cards wait for resolution 2098, which comes in month 5
    const reasons = await p.getByTestId('card-reason').allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.some((r) => /Resolution 2098.*month 5/.test(r))).toBe(true);
    expect(reasons.every((r) => !/conditions for this action are not met/.test(r))).toBe(true);
    const closed = p.locator('.card.unavailable').filter({ hasText: 'Resolution 2098' }).first();
    await closed.scrollIntoViewIfNeeded();
    await closed.screenshot({ path: 'tests/output/card-reason.png' });
    // the plan's capacity and the talks are in view while planning
    await expect(p.getByTestId('capacity').isVisible()).resolves.toBe(true);
    await expect(p.getByTestId('talks').isVisible()).resolves.toBe(true);
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 200_000);

  it('puts the action panel and what to do now in the first screen of a phone, for a MONUSCO month', async () => {
    const w = await openPage(h, { width: 390, height: 844 });
    const p = w.page;
    await startScenario(p, 'Force Commander', '4242', MONUSCO);
    await playUntil(p, 'mouse', () => p.getByRole('button', { name: 'Commit the plan' }).isVisible());
    await p.evaluate(() => window.scrollTo(0, 0));
    await settled(p);
    const box = await p.locator('#hand-heading').boundingBox();
    const prompt = await p.getByTestId('prompt').boundingBox();
    expect(box).not.toBeNull();
    expect(prompt!.y + prompt!.height).toBeLessThanOrEqual(844);
    expect(box!.y).toBeLessThan(844);
    // nothing wider than the phone
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(p, 'phone-monusco-month');
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 200_000);

  it('plays a tutorial month by keyboard in at most 20 key presses, the focus staying where the player acted', async () => {
    const w = await openPage(h);
    const p = w.page;
    await startTutorial(p, h.url, { chair: 'SRSG', seed: '5' });
    // month 1 up to its first sitrep by mouse; then month 2, sitrep to sitrep, by keyboard
    while (!(await month(p)).startsWith('Month 2')) if (!(await keyStep(p, 'mouse'))) await p.waitForTimeout(50);
    let presses = 0;
    const steps: string[] = [];
    while ((await month(p)).startsWith('Month 2')) {
      const s = await keyStep(p, 'keyboard');
      if (!s) {
        await p.waitForTimeout(50);
        continue;
      }
      presses += s.presses;
      steps.push(`${s.control}:${s.presses}`);
    }
    console.log(`keyboard month: ${presses} presses (${steps.join(' ')})`);
    expect(presses).toBeLessThanOrEqual(20);
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 150_000);

  for (const lang of ['en', 'fr'] as const) {
    it(`shows no internal id or lesson code on any screen of a full tutorial game (${lang})`, async () => {
      const w = await openPage(h);
      const p = w.page;
      if (lang === 'fr') await p.addInitScript(() => localStorage.setItem('mandate.lang', 'fr'));
      await p.goto(`${h.url}?test`);
      await p.locator('#chair-select').selectOption(lang === 'en' ? 'all' : 'srsg');
      await p.locator('[data-key="start"]').click();
      await p.locator('#map[data-ready="true"]').waitFor({ timeout: 30_000 });
      const { ids, words } = await scenarioIds(p);
      const found = new Map<string, string>();
      const scan = async (where: string) => {
        for (const [id, line] of leaks(await screenText(p), ids, words))
          if (!found.has(id)) found.set(id, `${where}: ${line}`);
      };
      for (let i = 0; i < 600; i++) {
        await scan(`${await month(p)} ${i}`);
        if (await p.locator('#over-heading').count()) break;
        if (!(await keyStep(p, 'mouse'))) await p.waitForTimeout(50);
      }
      await scan('game over');
      await p.locator('[data-key="open-debrief"]').click();
      await p.locator('#debrief-heading').waitFor({ timeout: 30_000 });
      await settled(p);
      await scan('debrief');
      expect([...found].map(([id, where]) => `${id} (${where})`)).toEqual([]);
      expect(w.problems).toEqual([]);
      await w.context.close();
    }, 300_000);
  }

  it("what if keeps the trainee's later plans and says what was changed and what was replayed", async () => {
    const w = await openPage(h);
    const p = w.page;
    await startTutorial(p, h.url, { chair: 'Force Commander', seed: '8' });
    for (let i = 0; i < 400 && !(await p.locator('#over-heading').count()); i++)
      if (!(await keyStep(p, 'mouse'))) await p.waitForTimeout(50);
    await p.locator('[data-key="open-debrief"]').click();
    await p.getByRole('tab', { name: 'What if' }).click();
    await p.getByLabel('Month', { exact: true }).selectOption({ label: 'Month 2' });
    await p.getByLabel('Decision').selectOption({ label: 'The strategy' });
    await p.getByLabel('Instead').selectOption({ index: 1 });
    await p.getByRole('button', { name: 'Branch and play on' }).click();
    const note = p.getByTestId('whatif-replay');
    await note.waitFor({ timeout: 30_000 });
    await expect(p.getByTestId('whatif-changed').textContent()).resolves.toMatch(
      /^Changed: in month 2, the strategy “.+”\.$/,
    );
    const replayed = (await p.getByTestId('whatif-replayed').textContent()) ?? '';
    expect(replayed).toMatch(/^Replayed as they were: [1-9]\d* later decisions of Force Commander\.$/);
    await note.scrollIntoViewIfNeeded();
    await shot(p, 'whatif-like-for-like');
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 200_000);
});
