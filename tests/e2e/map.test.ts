// The map between months: the animation of a month's changes and its skip, reduced motion, sound off by default, click-to-target.
// Time is Playwright's clock, paused around the month's resolution: an animation is caught mid-way by construction, not by speed.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, shot, useHarness } from './harness.js';
import { playUntil, settled, startTutorial } from './play.js';

const harness = useHarness();

const map = (p: Page) => p.locator('#map');
/** Whether the month's last step is offered, read once the table has drawn the state (it draws at the next frame). */
const confirmVisible = (p: Page) => async () => {
  await settled(p);
  const b = p.getByRole('button', { name: 'Confirm my plan', exact: true });
  return (await b.isVisible()) && (await b.isEnabled({ timeout: 1000 }).catch(() => false));
};
const changesList = (p: Page) => p.getByRole('region', { name: 'Changes since last month' }).getByRole('listitem');

/** Plays to the last step of a month, stops the page's clock, and resolves the month: the animation cannot move on its own. */
async function resolveMonthPaused(p: Page): Promise<void> {
  await playUntil(p, 'mouse', confirmVisible(p));
  // pauseAt only goes forward: on a loaded machine the page's time may pass the target before the call lands; aim again
  for (let attempt = 0; ; attempt++) {
    const now = await p.evaluate(() => Date.now());
    try {
      await p.clock.pauseAt(now + 250);
      break;
    } catch (e) {
      if (attempt >= 4 || !String(e).includes('to the past')) throw e;
    }
  }
  // The page's clock may already be paused when the click lands (on a loaded machine 250 ms of page time pass quickly), and a
  // paused clock runs no animation frame, so Playwright's stability check would wait for ever: the button was seen shown
  // and enabled just before, and nothing redraws it while the clock stands, so the click goes straight to it.
  await p.getByRole('button', { name: 'Confirm my plan', exact: true }).click({ force: true });
}

describe('the map between months', () => {
  it('animates a month’s changes, ends by itself or by Skip animation and Escape, and lists them as text', async () => {
    const h = harness();
    const w = await openPage(h);
    const p = w.page;
    await p.emulateMedia({ reducedMotion: 'no-preference' });
    await p.clock.install();
    await startTutorial(p, h.url, { chair: 'SRSG', seed: '7' });
    const skip = p.getByRole('button', { name: 'Skip animation' });
    await expect(skip.count()).resolves.toBe(0);

    // month 1: the animation runs while time passes, and ends by itself
    await resolveMonthPaused(p);
    await expect(map(p).getAttribute('data-animating')).resolves.toBe('true');
    const n = Number(await map(p).getAttribute('data-changes'));
    expect(n).toBeGreaterThan(0);
    await expect(skip.isVisible()).resolves.toBe(true);
    await p.clock.runFor(500);
    await expect(map(p).getAttribute('data-animating')).resolves.toBe('true');
    await shot(p, 'map-animating');
    await p.clock.runFor(1500);
    await expect(map(p).getAttribute('data-animating')).resolves.toBe('false');
    await expect(skip.count()).resolves.toBe(0);
    await expect(changesList(p).count()).resolves.toBe(n);
    await p.clock.resume();

    // month 2: Skip animation jumps to the end at once
    await resolveMonthPaused(p);
    await expect(map(p).getAttribute('data-animating')).resolves.toBe('true');
    await skip.click();
    await expect(map(p).getAttribute('data-animating')).resolves.toBe('false');
    await expect(skip.count()).resolves.toBe(0);
    await p.clock.resume();
    // time runs again: the table draws the new month, the changes are listed and stay marked on the map
    await p
      .getByText(/^Month 3 of 6/)
      .first()
      .waitFor();
    await settled(p);
    await expect(changesList(p).count()).resolves.toBe(Number(await map(p).getAttribute('data-changes')));
    const marked = changesList(p).filter({ hasText: /^Violence in .+ \((▲ \+|▼ −)\d+\)$/ });
    expect(await marked.count()).toBeGreaterThan(0);
    const change = (await marked.first().textContent())!;
    const region = /^Violence in (.+): /.exec(change)![1]!;
    // that region on the map, found by its name: its card says the same change, with its mark
    const pin = p
      .getByRole('group', { name: 'Regions of the map' })
      .getByRole('button', { name: `${region}, violence` });
    await pin.focus();
    const card = p.getByTestId('map-card');
    await card.getByText(change, { exact: true }).waitFor();
    await shot(p, 'map-changes');
    await pin.blur();

    // month 3: so does Escape
    await resolveMonthPaused(p);
    await expect(map(p).getAttribute('data-animating')).resolves.toBe('true');
    await p.keyboard.press('Escape');
    await expect(map(p).getAttribute('data-animating')).resolves.toBe('false');
    await p.clock.resume();
    expect(w.problems).toEqual([]);
    await w.context.close();
  });

  it('does not animate under reduced motion (the system’s, or the player’s remembered setting) but still marks the changes', async () => {
    const h = harness();
    const w = await openPage(h); // the harness asks for reduced motion
    const p = w.page;
    await startTutorial(p, h.url, { chair: 'SRSG', seed: '7' });
    await expect(p.getByRole('button', { name: /^Animations:/ }).count()).resolves.toBe(0); // nothing to turn on
    await playUntil(p, 'mouse', confirmVisible(p));
    await p.getByRole('button', { name: 'Confirm my plan', exact: true }).click();
    await expect(map(p).getAttribute('data-animating')).resolves.toBe('false');
    const n = Number(await map(p).getAttribute('data-changes'));
    expect(n).toBeGreaterThan(0);
    await expect(changesList(p).count()).resolves.toBe(n);

    // the system allows motion; the player turns animations off, and the page remembers it
    await p.emulateMedia({ reducedMotion: 'no-preference' });
    await p.reload();
    await map(p).and(p.locator('[data-ready="true"]')).waitFor();
    const toggle = p.getByRole('button', { name: /^Animations:/ });
    await expect(toggle.textContent()).resolves.toBe('Animations: on');
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await p.reload();
    await map(p).and(p.locator('[data-ready="true"]')).waitFor();
    await expect(toggle.textContent()).resolves.toBe('Animations: off');
    await playUntil(p, 'mouse', confirmVisible(p));
    await p.getByRole('button', { name: 'Confirm my plan', exact: true }).click();
    await expect(map(p).getAttribute('data-animating')).resolves.toBe('false');
    await expect(map(p).getAttribute('data-changes')).resolves.not.toBe('0');
    expect(w.problems).toEqual([]);
    await w.context.close();
  });

  it('keeps sound off by default, with no AudioContext until the player turns it on, and remembers the choice', async () => {
    const h = harness();
    const w = await openPage(h);
    const p = w.page;
    // count the AudioContexts the page makes
    await p.addInitScript(() => {
      const Real = window.AudioContext;
      const counter = window as unknown as { __audio: number };
      counter.__audio = 0;
      window.AudioContext = class extends Real {
        constructor(options?: AudioContextOptions) {
          super(options);
          counter.__audio += 1;
        }
      };
    });
    const made = () => p.evaluate(() => (window as unknown as { __audio: number }).__audio);
    await startTutorial(p, h.url, { chair: 'SRSG', seed: '7' });
    const sound = p.getByRole('button', { name: /^Sound:/ });
    await expect(sound.textContent()).resolves.toBe('Sound: off');
    await expect(sound.getAttribute('aria-pressed')).resolves.toBe('false');
    await playUntil(p, 'mouse', () => p.getByRole('button', { name: 'Set the strategy' }).isVisible());
    await expect(made()).resolves.toBe(0); // phases changed, in silence
    await sound.click();
    await expect(sound.textContent()).resolves.toBe('Sound: on');
    await expect(sound.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(made()).resolves.toBe(1);

    await p.reload();
    await map(p).and(p.locator('[data-ready="true"]')).waitFor();
    await expect(sound.textContent()).resolves.toBe('Sound: on');
    await expect(made()).resolves.toBe(0); // none before the player's first gesture on this page
    await p.getByRole('button', { name: 'Set the strategy' }).click();
    await expect(made()).resolves.toBe(1); // the cue of the new phase
    expect(w.problems).toEqual([]);
    await w.context.close();
  });

  it('fills a card’s target and a move’s destination from a click on a region', async () => {
    const h = harness();
    const w = await openPage(h);
    const p = w.page;
    await startTutorial(p, h.url, { chair: 'Force Commander', seed: '7' });
    await playUntil(p, 'mouse', () => p.getByRole('button', { name: 'Commit the plan' }).isVisible());
    const regions = JSON.parse((await map(p).getAttribute('data-regions')) ?? '{}') as Record<string, [number, number]>;
    const canvas = map(p).locator('canvas');
    const clickRegion = (id: string) => canvas.click({ position: { x: regions[id]![0], y: regions[id]![1] } });

    // the card: arm its "On the map" toggle, then click a region it does not target yet
    const patrols = p.getByRole('article', { name: 'Protection patrols' });
    const target = patrols.getByLabel('Target', { exact: true });
    const arm = p.getByRole('button', { name: 'Choose the target of Protection patrols on the map' });
    await arm.click();
    await expect(arm.getAttribute('aria-pressed')).resolves.toBe('true');
    const options = await target.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const before = await target.inputValue();
    const other = options.find((o) => o !== before && o in regions)!;
    expect(other).toBeDefined();
    await clickRegion(other);
    await expect(target.inputValue()).resolves.toBe(other);
    await expect(arm.getAttribute('aria-pressed')).resolves.toBe('false');
    await expect.poll(() => p.locator('#live').textContent()).toMatch(/^Protection patrols: .+ chosen\.$/);

    // a move: the same with its destination
    const moveArm = p.getByRole('button', { name: /^Choose where .+ goes on the map$/ }).first();
    await moveArm.click();
    const dest = p.locator(
      `select[data-key="move-to-${(await moveArm.getAttribute('data-pick-for'))!.slice('move-to-'.length)}"]`,
    );
    const choices = await dest.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const to = choices.find((c) => c !== (choices[0] ?? '')) ?? choices[0]!;
    await clickRegion(to);
    await expect(dest.inputValue()).resolves.toBe(to);

    // with nothing armed, a click says how to choose, and changes nothing
    const kept = await target.inputValue();
    await clickRegion(options.find((o) => o !== kept && o in regions)!);
    await expect(target.inputValue()).resolves.toBe(kept);
    await expect.poll(() => p.locator('#live').textContent()).toMatch(/first press “On the map”/);
    await shot(p, 'map-pick');
    expect(w.problems).toEqual([]);
    await w.context.close();
  });
});
