// Offline play: after one visit, the service worker serves the whole build; offline, a reload still shows the
// title screen, and new tutorial and MONUSCO tables load from the cache, with Phaser and MONUSCO's data (lazy chunks).
// A scenario whose chunk cannot be downloaded (offline before it was cached) is a clear message on the title, no game.
import { describe, expect, it } from 'vitest';
import type { Route } from 'playwright-core';
import { openPage, shot, useHarness } from './harness.js';

const harness = useHarness();
/** A scenario's own data file, with its id. */
const SCENARIO_CHUNK = /^\/assets\/(minusma-2014|monusco-2013|tutorial)-[0-9a-f]+\.json$/;
/** The address of one scenario's data file. */
const chunkOf = (id: string) => new RegExp(`/assets/${id}-[0-9a-f]+\\.json`);

/** A page's problems but the requests to `id`'s chunk cut on purpose (Chromium logs each failed load, without its address). */
function besides(problems: readonly string[], id: string): string[] {
  return problems.filter(
    (x) => !chunkOf(id).test(x) && x !== 'console: Failed to load resource: net::ERR_INTERNET_DISCONNECTED',
  );
}

describe('offline after the first visit', () => {
  it('reloads offline and starts a tutorial table from the service worker cache', async () => {
    const h = harness();
    const w = await openPage(h);
    const p = w.page;
    p.setDefaultTimeout(20_000);
    // a cache left by an older build (removed on activate), and one not ours (kept)
    await w.context.addInitScript(
      () => void Promise.all([caches.open('mandate-0000000000000000'), caches.open('someone-else')]),
    );
    await p.goto(`${h.url}?test`);
    await p.getByRole('button', { name: 'Start the game' }).waitFor();
    // the title screen fetched no scenario's data: the tutorial's (its default choice) comes with the title's code, and each
    // historical scenario's is a file of its own, fetched when a game needs it
    const beforeTitle = await p.evaluate(() => {
      const title = performance.getEntriesByName('title-ready')[0]!.startTime;
      return performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime < title)
        .map((e) => new URL(e.name).pathname);
    });
    expect(beforeTitle.filter((f) => SCENARIO_CHUNK.test(f))).toEqual([]);

    // the worker installs (precaching every built file) and claims the page
    const sw = await p.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise<void>((resolve, reject) => {
          navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
          setTimeout(() => reject(new Error('the service worker did not take control')), 15_000);
        });
      }
      const keys = (await caches.keys()).filter((k) => k.startsWith('mandate-'));
      const cached =
        keys.length === 1 ? (await (await caches.open(keys[0]!)).keys()).map((r) => new URL(r.url).pathname) : [];
      return {
        scope: reg.scope,
        controlled: navigator.serviceWorker.controller !== null,
        keys,
        others: (await caches.keys()).filter((k) => !k.startsWith('mandate-')),
        cached,
      };
    });
    expect(sw.controlled).toBe(true);
    expect(sw.scope).toBe(h.url);
    expect(sw.keys).toHaveLength(1);
    expect(sw.keys[0]).toMatch(/^mandate-[0-9a-f]{16}$/);
    expect(sw.keys[0]).not.toBe('mandate-0000000000000000');
    expect(sw.others).toEqual(['someone-else']);
    expect(sw.cached).toContain('/index.html');
    expect(sw.cached.some((f) => /^\/assets\/phaser[^/]*\.js$/.test(f))).toBe(true);
    expect(
      sw.cached
        .filter((f) => SCENARIO_CHUNK.test(f))
        .map((f) => SCENARIO_CHUNK.exec(f)![1])
        .sort(),
    ).toEqual(['minusma-2014', 'monusco-2013', 'tutorial']);

    // the first visit is over once the map's code and icons, fetched while the title shows, have arrived (a reload
    // before then would cut those downloads short)
    await p.waitForFunction(() => performance.getEntriesByName('map-prefetched').length > 0, undefined, {
      timeout: 30_000,
    });

    // offline: the browser's own switch, and any request that still reaches for the network fails the test
    await w.context.setOffline(true);
    await w.context.route('**/*', (route) => route.abort('internetdisconnected'));
    const notFromWorker: string[] = [];
    p.on('response', (r) => {
      if (!r.fromServiceWorker()) notFromWorker.push(r.url());
    });

    await p.reload();
    await p.getByRole('heading', { name: 'Mandate', level: 1 }).waitFor();
    expect(await p.evaluate(() => performance.getEntriesByName('title-ready').length)).toBe(1);
    await p.getByLabel('Your chair').selectOption({ index: 0 });
    await p.getByRole('button', { name: 'Start the game' }).click();
    await p.locator('#map[data-ready="true"]').waitFor({ timeout: 20_000 });
    expect(await p.locator('#map canvas').count()).toBe(1);
    const month = p.getByTestId('month');
    await expect(month.textContent()).resolves.toBe('Before the first month');
    await p.getByRole('button', { name: 'Adopt the mandate', exact: true }).click();
    await p.waitForFunction(
      () => document.querySelector('[data-testid="month"]')?.textContent !== 'Before the first month',
    );
    await shot(p, 'offline-table');

    // a historical scenario, never opened online, starts from the cache as well
    await p.getByRole('button', { name: 'Back to title' }).click();
    await p.getByLabel('Scenario', { exact: true }).selectOption('monusco-2013');
    await p.getByRole('button', { name: 'Start the game' }).click();
    await p.locator('#map[data-ready="true"]').waitFor({ timeout: 20_000 });
    await expect(p.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/^MONUSCO/);

    expect(notFromWorker).toEqual([]);
    expect(w.problems).toEqual([]);
    await w.context.close();
  });

  it('says so on the title when a scenario cannot be downloaded, starts nothing, and starts it once it can be', async () => {
    const h = harness();
    // no service worker: the network is all there is
    const w = await openPage(h, undefined, undefined, { serviceWorkers: 'block' });
    const p = w.page;
    p.setDefaultTimeout(20_000);
    const cut = (route: Route) => route.abort('internetdisconnected');
    await w.context.route(chunkOf('monusco-2013'), cut);
    await p.goto(`${h.url}?test`);
    await p.getByLabel('Scenario', { exact: true }).selectOption('monusco-2013');
    await p.getByRole('button', { name: 'Start the game' }).click();
    const alert = p.getByTestId('notice');
    await alert.waitFor();
    await expect(alert.getAttribute('role')).resolves.toBe('alert');
    await expect(alert.textContent()).resolves.toBe(
      'The scenario “MONUSCO 2012–2014: Goma, the Intervention Brigade and the Kampala talks” could not be downloaded. Check the connection and try again.',
    );
    // still the title, the choice kept, and no game begun or saved
    await expect(p.getByLabel('Scenario', { exact: true }).inputValue()).resolves.toBe('monusco-2013');
    expect(await p.locator('.table-screen').count()).toBe(0);
    await expect(p.getByText('No saved games yet.').isVisible()).resolves.toBe(true);
    expect(await p.evaluate(() => location.hash)).toBe('');

    // the connection back, but slow: the title says it is loading, then the same button has started it
    await w.context.unroute(chunkOf('monusco-2013'), cut);
    const slow = async (route: Route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    };
    await w.context.route(chunkOf('monusco-2013'), slow);
    await p.getByRole('button', { name: 'Start the game' }).click();
    await p.getByRole('status').filter({ hasText: 'Loading the scenario “MONUSCO 2012–2014' }).waitFor();
    await p.locator('#map[data-ready="true"]').waitFor();
    await w.context.unroute(chunkOf('monusco-2013'), slow);
    await expect(p.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/^MONUSCO/);

    // a saved MONUSCO game resumed while its chunk cannot be downloaded: the same message, the title stays
    await p.getByRole('button', { name: 'Back to title' }).click();
    await w.context.route(chunkOf('monusco-2013'), cut);
    await p.reload();
    await p.getByRole('button', { name: /^Resume/ }).click();
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/^The scenario “MONUSCO 2012–2014.*” could not be downloaded/);
    expect(await p.locator('.table-screen').count()).toBe(0);
    await shot(p, 'scenario-unavailable');

    expect(besides(w.problems, 'monusco-2013')).toEqual([]);
    await w.context.close();
  });

  it('says so on a group session page when the scenarios cannot be downloaded', async () => {
    const h = harness();
    const w = await openPage(h, undefined, undefined, { serviceWorkers: 'block' });
    const p = w.page;
    const cut = (route: Route) => route.abort('internetdisconnected');
    await w.context.route(chunkOf('minusma-2014'), cut);
    await p.goto(`${h.url}?join=ABC234`);
    await expect(p.getByRole('alert').textContent()).resolves.toBe(
      'This page could not be downloaded. Check the connection and try again.',
    );
    // the connection back, Retry shows the page without reloading it
    await w.context.unroute(chunkOf('minusma-2014'), cut);
    await p.getByRole('button', { name: 'Retry' }).click();
    await p.getByRole('alert').filter({ hasText: 'could not be downloaded' }).waitFor({ state: 'detached' });
    await shot(p, 'session-page-retried');
    expect(besides(w.problems, 'minusma-2014').filter((x) => !x.includes('/ws'))).toEqual([]);
    await w.context.close();
  });
});
