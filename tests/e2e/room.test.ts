// The room: a server killed and restarted under three screens (each says it is reconnecting, its clock stands still,
// the wall reloads from the service worker during the outage, and all recover with nothing lost); the teams' comparison
// exported as CSV and shown on the wall without the facilitator's secret; the MONUSCO workshop pack printed to PDF.
import type { Launched } from '../../src/server/launch.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DIST, OUTPUT, openPage, shot, useHarness } from './harness.js';
import { spawnServe } from './session-server.js';
import { createSession, joinAs } from './play.js';

const TOKEN = 'e2e-room-token-0123456789abcdef';
const harness = useHarness();
const tmp = mkdtempSync(join(tmpdir(), 'mandate-room-'));
let proc: Launched | null = null;

/** The server as a process of its own (a group: see src/server/launch.ts); resolves with its port. */
async function serve(port: number): Promise<number> {
  const child = spawnServe(join(tmp, 's.db'), DIST, TOKEN, port);
  proc = child;
  return child.port;
}

async function kill(): Promise<void> {
  await proc?.stop('SIGKILL');
  proc = null;
}

afterAll(async () => {
  await kill();
  rmSync(tmp, { recursive: true, force: true });
});

const banner = (p: Page) => p.getByTestId('connection');

/** Waits until the page says it is reconnecting; returns how long that took from `since` (ms). */
async function reconnecting(p: Page, since: number): Promise<number> {
  await banner(p)
    .getByText(/^Reconnecting… The server cannot be reached/)
    .waitFor();
  return Date.now() - since;
}

describe('the room', () => {
  it('survives a server killed and restarted: every screen says so within moments, clocks stand still, nothing is lost', async () => {
    const h = harness();
    const port = await serve(0);
    const base = `http://127.0.0.1:${port}/`;
    const fac = await openPage(h);
    const f = fac.page;
    const code = await createSession(f, base, TOKEN, 'Blue', '7');
    const pl = await openPage(h, { width: 390, height: 800 });
    const p = pl.page;
    await joinAs(p, base, code, 'Ana', 'SRSG');
    const wall = await openPage(h, { width: 1280, height: 720 });
    const w = wall.page;
    await w.goto(`${base}?projector=${code}`);
    await w.getByRole('heading', { name: 'Blue', level: 1 }).waitFor();
    await f.getByLabel('Situation report', { exact: true }).fill('10');
    await f.getByRole('button', { name: 'Set the clocks' }).click();
    await f.getByRole('button', { name: 'Start the session' }).click();
    await p.getByRole('heading', { name: 'Adopt the mandate' }).waitFor();
    await p.getByRole('button', { name: 'Adopt the mandate' }).click();
    await p.getByRole('button', { name: 'Close the sitrep' }).waitFor();
    await expect.poll(() => p.getByTestId('clock').textContent()).toMatch(/^Time left: (10:00|9:\d\d)$/);
    // the wall's page is held by the service worker: a reload during the outage loads it from the cache
    await w.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise<void>((r) => navigator.serviceWorker.addEventListener('controllerchange', () => r()));
    });
    await expect(banner(p).isHidden()).resolves.toBe(true);

    // the server dies
    const t0 = Date.now();
    await kill();
    const took = await Promise.all([reconnecting(f, t0), reconnecting(p, t0), reconnecting(w, t0)]);
    console.log(`reconnecting shown after ${took.join(', ')} ms (facilitator, player, wall)`);
    await Promise.all([
      shot(f, 'room-fac-reconnecting'),
      shot(p, 'room-player-reconnecting'),
      shot(w, 'room-wall-reconnecting'),
    ]);
    // the clock stands still while the server is away (it counts every second when it runs)
    const frozen = await p.getByTestId('clock').textContent();
    await p.waitForTimeout(2500);
    await expect(p.getByTestId('clock').textContent()).resolves.toBe(frozen);
    // what the player does meanwhile is kept: the month's decision (if any), else the sitrep closed
    const decision = p.getByRole('group', { name: 'Decision for the SRSG' });
    const decided = (await decision.count()) > 0;
    if (decided) await decision.getByRole('button').first().click();
    else await p.getByRole('button', { name: 'Close the sitrep' }).click();
    // the wall reloads during the outage: its page comes from the service worker, and it waits for the server
    await w.reload();
    await reconnecting(w, Date.now());
    await shot(w, 'room-wall-reloaded-offline');

    // the server comes back on the same port and database
    await serve(port);
    for (const page of [f, p, w])
      await page.locator('[data-testid="connection"][data-state="online"]').waitFor({ state: 'attached' });
    if (decided) await decision.waitFor({ state: 'detached' });
    else await p.getByRole('button', { name: 'Set the strategy' }).waitFor();
    await w
      .getByTestId('pj-month')
      .getByText(/^Before month 1|^Month 1/)
      .waitFor();
    await expect(p.getByText('Seat: SRSG · Team Blue').count()).resolves.toBeGreaterThan(0);
    await shot(p, 'room-player-back');

    // the plenary: the teams side by side, exported, and on the wall without the facilitator's secret
    await f.getByRole('button', { name: 'All teams' }).click();
    await f.getByRole('button', { name: 'Show every team side by side' }).click();
    const table = f.getByTestId('fac-comparison');
    await table.getByRole('rowheader', { name: 'Blue' }).waitFor();
    await expect(table.getByRole('cell', { name: 'month 1 of 6' }).count()).resolves.toBe(1);
    const [csv] = await Promise.all([
      f.waitForEvent('download'),
      f.getByRole('button', { name: 'Download as CSV' }).click(),
    ]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.split('\r\n')[0]).toMatch(/^Team,Scenario,Seed,How far,Mandate,/);
    // a field with a comma is quoted (the tutorial's title)
    expect(text).toMatch(/\r\nBlue,"Tutorial: Meridia, six months",7,month 1 of 6,\d+ of \d+ tasks,/);
    const wallLink = await f.getByTestId('fac-wall-compare').getAttribute('href');
    expect(wallLink).not.toContain(TOKEN);
    await w.goto(wallLink!);
    await w.getByTestId('cmp-public').getByRole('rowheader', { name: 'Blue' }).waitFor();
    expect(await w.content()).not.toContain(TOKEN);
    await shot(w, 'room-wall-comparison');
    for (const x of [fac, pl, wall]) await x.context.close();
  }, 240_000);

  it('prints the MONUSCO workshop pack to PDF (A4 and Letter), a sheet per team, a card per chair', async () => {
    const h = harness();
    const w = await openPage(h, { width: 794, height: 1123 });
    const p = w.page;
    await p.goto(
      `${h.url}?pack=monusco-2013&base=${encodeURIComponent('http://192.168.1.20:8787')}&teams=Blue~MK4RZP,Red~H7QW3T`,
    );
    await p.getByRole('heading', { name: 'Workshop pack: MONUSCO', exact: false, level: 1 }).waitFor();
    await expect(
      p.getByRole('region', { name: 'Team Blue' }).getByText('MK4RZP', { exact: true }).isVisible(),
    ).resolves.toBe(true);
    await expect(p.getByText('http://192.168.1.20:8787/?join=H7QW3T').isVisible()).resolves.toBe(true);
    for (const chair of ['SRSG', 'Force Commander', 'Special Envoy', 'Police Commissioner'])
      await p.getByRole('region', { name: `Role card: ${chair}` }).waitFor();
    await p.getByRole('region', { name: 'Inject plan' }).waitFor();
    await expect(
      p.getByRole('region', { name: 'Lessons and discussion questions' }).getByRole('listitem').count(),
    ).resolves.toBeGreaterThan(10);
    await p.locator('[data-testid="pack-qr"][data-ready="true"]').nth(1).waitFor();
    await p.emulateMedia({ media: 'print' });
    const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    const a4 = await p.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(OUTPUT, 'pack-monusco-a4.pdf'), a4);
    await p.emulateMedia({ media: 'screen' });
    await p.getByLabel('Paper').selectOption('letter');
    await p.emulateMedia({ media: 'print' });
    const letter = await p.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(OUTPUT, 'pack-monusco-letter.pdf'), letter);
    // cover, 2 team sheets, the brief, 4 role cards, the injects and the lessons: at least ten pages, each sheet its own
    console.log(`pack: ${pages(a4)} A4 pages, ${pages(letter)} Letter pages`);
    expect(pages(a4)).toBeGreaterThanOrEqual(10);
    expect(pages(letter)).toBeGreaterThanOrEqual(10);
    // pictures of the printed sheets, as print media lays them out at A4's width
    const sheets = p.locator('.pack-sheet');
    const n = await sheets.count();
    for (let i = 0; i < Math.min(n, 6); i++)
      await sheets.nth(i).screenshot({ path: join(OUTPUT, `pack-monusco-${String(i + 1).padStart(2, '0')}.png`) });
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 120_000);
});
