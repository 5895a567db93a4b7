// The tutorial's guide walks a new player through the phases, and can be hidden and shown again.
import { describe, expect, it } from 'vitest';
import { openPage, shot, useHarness } from './harness.js';
import { startTutorial } from './play.js';

const harness = useHarness();

describe('the tutorial guide', () => {
  it('explains the current phase, follows the game and can be hidden', async () => {
    const h = harness();
    const w = await openPage(h);
    const p = w.page;
    await startTutorial(p, h.url);
    const guide = p.getByRole('complementary', { name: 'Guide' });
    await expect(guide.getByRole('note').textContent()).resolves.toMatch(/^You are the SRSG\. Adopt the mandate/);
    await shot(p, 'guide-setup');
    await p.getByRole('button', { name: 'Adopt the mandate' }).click();
    await expect(guide.getByRole('note').textContent()).resolves.toMatch(/^The situation report\./);
    await guide.getByRole('button', { name: 'Hide the guide' }).click();
    await guide.getByRole('note').waitFor({ state: 'detached' });
    await expect(guide.getByRole('note').count()).resolves.toBe(0);
    await guide.getByRole('button', { name: 'Show the guide' }).click();
    // the table draws at the next animation frame
    await guide.getByRole('note').waitFor();
    await expect(guide.getByRole('note').count()).resolves.toBe(1);
    expect(w.problems).toEqual([]);
    await w.context.close();
  });
});
