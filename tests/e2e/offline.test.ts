// Offline play: after one visit, the service worker serves the whole build; offline, a reload still shows the
// title screen, and a new tutorial table loads Phaser (a lazy chunk) and the map from the cache.
import { describe, expect, it } from 'vitest';
import { openPage, shot, useHarness } from './harness.js';

const harness = useHarness();

describe('offline after the first visit', () => {
  it('reloads offline and starts a tutorial table from the service worker cache', async () => {
    const h = harness();
    const w = await openPage(h);
    const p = w.page;
    p.setDefaultTimeout(20_000);
    // a cache left by an older build (removed on activate), and one not ours (kept)
    await w.context.addInitScript(() => void Promise.all([caches.open('mandate-0000000000000000'), caches.open('someone-else')]));
    await p.goto(`${h.url}?test`);
    await p.getByRole('button', { name: 'Start the game' }).waitFor();

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
      const cached = keys.length === 1 ? (await (await caches.open(keys[0]!)).keys()).map((r) => new URL(r.url).pathname) : [];
      return { scope: reg.scope, controlled: navigator.serviceWorker.controller !== null, keys, others: (await caches.keys()).filter((k) => !k.startsWith('mandate-')), cached };
    });
    expect(sw.controlled).toBe(true);
    expect(sw.scope).toBe(h.url);
    expect(sw.keys).toHaveLength(1);
    expect(sw.keys[0]).toMatch(/^mandate-[0-9a-f]{16}$/);
    expect(sw.keys[0]).not.toBe('mandate-0000000000000000');
    expect(sw.others).toEqual(['someone-else']);
    expect(sw.cached).toContain('/index.html');
    expect(sw.cached.some((f) => /^\/assets\/phaser[^/]*\.js$/.test(f))).toBe(true);

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
    await p.waitForFunction(() => document.querySelector('[data-testid="month"]')?.textContent !== 'Before the first month');
    await shot(p, 'offline-table');

    expect(notFromWorker).toEqual([]);
    expect(w.problems).toEqual([]);
    await w.context.close();
  });
});
