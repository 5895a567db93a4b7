// Code loaded on demand that cannot be downloaded: the player is told so, with a Retry button that works once the
// connection is back, without reloading the page (Chromium before 151 keeps a failed import() in its module map,
// so the retry must ask for the chunk afresh).
import { describe, expect, it } from 'vitest';
import type { Route } from 'playwright-core';
import { openPage, shot, useHarness } from './harness.js';
import { playUntil, startTutorial } from './play.js';

const harness = useHarness();
/** The debrief screen's own chunk. */
const DEBRIEF_CHUNK = /\/assets\/screen-[\w-]+\.js(\?.*)?$/;
/** Phaser's chunk. */
const PHASER_CHUNK = /\/assets\/phaser[^/]*\.js(\?.*)?$/;

describe('a chunk that fails to download', () => {
  it('says so with a Retry button, and the debrief opens on retry once the connection is back', async () => {
    const h = harness();
    // no service worker: the network is all there is
    const w = await openPage(h, undefined, undefined, { serviceWorkers: 'block' });
    const p = w.page;
    await startTutorial(p, h.url, { seed: '5' });
    await playUntil(p, 'mouse', async () => ((await p.getByTestId('month').textContent()) ?? '').startsWith('Month 2'));
    const cut = (route: Route) => route.abort('internetdisconnected');
    await w.context.route(DEBRIEF_CHUNK, cut);
    await p.getByRole('button', { name: 'Record so far' }).click();
    const alert = p.getByRole('alert').filter({ hasText: 'could not be downloaded' });
    await alert.waitFor();
    await expect(alert.getByRole('paragraph').textContent()).resolves.toBe(
      'This part of the game could not be downloaded. Check the connection and try again.',
    );
    const retry = alert.getByRole('button', { name: 'Retry' });
    await expect(retry.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    // still the table, as it was
    await expect(p.getByTestId('month').textContent()).resolves.toMatch(/^Month 2/);
    await shot(p, 'chunk-retry-failed');
    // still cut: a retry fails the same way, and says so once
    await retry.click();
    await alert.waitFor();
    expect(await p.getByRole('alert').filter({ hasText: 'could not be downloaded' }).count()).toBe(1);
    // the connection back: Retry opens the debrief
    await w.context.unroute(DEBRIEF_CHUNK, cut);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await p.getByRole('heading', { name: /^Record so far/, level: 1 }).waitFor();
    await shot(p, 'chunk-retry-opened');
    expect(await p.getByRole('alert').filter({ hasText: 'could not be downloaded' }).count()).toBe(0);
    const unexpected = w.problems.filter(
      (x) =>
        !DEBRIEF_CHUNK.test(x.split(' ').find((s) => s.startsWith('http')) ?? '') &&
        !/net::ERR_INTERNET_DISCONNECTED|Failed to fetch dynamically imported module/.test(x),
    );
    expect(unexpected).toEqual([]);
    await w.context.close();
  });

  it('says so in the map box with a Retry button when Phaser cannot be downloaded, and draws the map on retry', async () => {
    const h = harness();
    const w = await openPage(h, undefined, undefined, { serviceWorkers: 'block' });
    const p = w.page;
    const cut = (route: Route) => route.abort('internetdisconnected');
    await w.context.route(PHASER_CHUNK, cut);
    await p.goto(`${h.url}?test`);
    await p.getByRole('button', { name: 'Start the game' }).click();
    const alert = p.getByRole('alert').filter({ hasText: 'The map could not be downloaded' });
    await alert.waitFor({ timeout: 20_000 });
    await shot(p, 'chunk-retry-map-failed');
    await w.context.unroute(PHASER_CHUNK, cut);
    await p.getByRole('button', { name: 'Retry' }).click();
    await p.locator('#map[data-ready="true"]').waitFor({ timeout: 20_000 });
    expect(await alert.count()).toBe(0);
    await w.context.close();
  });
});
