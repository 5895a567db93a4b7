// The tutorial's guide walks a new player through the phases, and can be hidden and shown again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, shot, startHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('the tutorial guide', () => {
  it('explains the current phase, follows the game and can be hidden', async () => {
    const w = await openPage(h);
    const p = w.page;
    await p.goto(`${h.url}?test`);
    await p.getByLabel('Your chair').selectOption({ label: 'All chairs (hot seat)' });
    await p.getByRole('button', { name: 'Start the game' }).click();
    await p.locator('#map[data-ready="true"]').waitFor({ timeout: 20_000 });
    const guide = p.getByRole('complementary', { name: 'Guide' });
    await expect(guide.getByRole('note').textContent()).resolves.toMatch(/^You are the SRSG\. Adopt the mandate/);
    await shot(p, 'guide-setup');
    await p.getByRole('button', { name: 'Adopt the mandate' }).click();
    await expect(guide.getByRole('note').textContent()).resolves.toMatch(/^The situation report\./);
    await guide.getByRole('button', { name: 'Hide the guide' }).click();
    await expect(guide.getByRole('note').count()).resolves.toBe(0);
    await guide.getByRole('button', { name: 'Show the guide' }).click();
    await expect(guide.getByRole('note').count()).resolves.toBe(1);
    expect(w.problems).toEqual([]);
    await w.context.close();
  });
});
