// A workshop in the browser: the facilitator's console, the projector on the wall, a player who comes in by the title's join box,
// and a chair held over the network from this process (it stalls the month, so injects land mid-game).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Action } from '../../src/engine/index.js';
import { SessionClient, type SocketLike } from '../../src/net/client.js';
import { startServer, type RunningServer } from '../../src/server/server.js';
import { DIST, openPage, shot, useHarness } from './harness.js';
import { createSession } from './play.js';

const TOKEN = 'e2e-workshop-token-0123456789ab';
const harness = useHarness();
let server: RunningServer;
let base = '';
const tmp = mkdtempSync(join(tmpdir(), 'mandate-workshop-'));

beforeAll(async () => {
  // after the harness's hook: the site is built into DIST by now
  server = await startServer({
    host: '127.0.0.1',
    port: 0,
    db: join(tmp, 's.db'),
    dist: DIST,
    facilitatorToken: TOKEN,
    rate: { perSecond: 1000, burst: 1000 },
    log: () => {},
  });
  base = `http://127.0.0.1:${server.port}/`;
}, 60_000);

afterAll(async () => {
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** A chair held from this process: joins with the code and takes the seat, then acts only when told. */
async function remoteChair(code: string, name: string, seat: 'srsg'): Promise<SessionClient> {
  const c = new SessionClient({
    url: `ws://127.0.0.1:${server.port}/ws`,
    socket: (u) => new WebSocket(u) as unknown as SocketLike,
    timeoutMs: 10_000,
  });
  await c.connect();
  await c.join(code, name);
  await c.claimChair(seat);
  return c;
}

async function legal(c: SessionClient, type: Action['type']): Promise<Action> {
  await expect
    .poll(() => (c.view?.role === 'chair' ? c.view.legal.some((a) => a.type === type) : false), { timeout: 10_000 })
    .toBe(true);
  return (c.view as Extract<SessionClient['view'], { role: 'chair' }>).legal.find((a) => a.type === type)!;
}

describe('a workshop: facilitator, projector and title', () => {
  it('runs a session from the console: projector, custom inject, a freed chair, the end and the debrief on both screens', async () => {
    const h = harness();
    const fac = await openPage(h);
    const f = fac.page;
    const code = await createSession(f, base, TOKEN, 'Blue', '7');
    await expect(f.getByTestId('fac-projector-link').getAttribute('href')).resolves.toMatch(
      new RegExp(`/\\?projector=${code}$`),
    );

    // the wall: before the start, the code and its QR for the room
    const wall = await openPage(h, { width: 1600, height: 900 });
    const w = wall.page;
    await w.goto(`${base}?projector=${code}`);
    await w.getByRole('heading', { name: 'Blue', level: 1 }).waitFor();
    await w.getByRole('img', { name: `QR code of the join link for ${code}` }).waitFor();
    await shot(w, 'workshop-projector-lobby');

    // a player comes in by the title's join box: a misread code is explained, the right one (as typed) leads to the player's page
    const pl = await openPage(h, { width: 900, height: 1000 });
    const p = pl.page;
    await p.goto(base);
    await p.getByLabel('Join code').fill(`${code.slice(0, 3)}1${code.slice(4)}`);
    await p.getByRole('button', { name: 'Join with this code' }).click();
    await p.getByRole('alert').filter({ hasText: 'A join code has no “1”' }).waitFor();
    await shot(p, 'workshop-title-join');
    await p.getByLabel('Join code').fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`);
    await p.getByRole('button', { name: 'Join with this code' }).click();
    await p.waitForURL(`${base}?join=${code}`);
    await p.getByLabel('Your name').fill('Ana');
    await p.getByRole('button', { name: 'Join the session' }).click();
    await p.getByRole('button', { name: 'Take the Force Commander chair' }).click();
    const sam = await remoteChair(code, 'Sam', 'srsg');

    const lobby = f.getByRole('list', { name: 'Who sits where' });
    await lobby.getByText('Force Commander: Ana').waitFor();
    await lobby.getByText('SRSG: Sam').waitFor();
    await expect(
      lobby.getByRole('listitem').filter({ hasText: 'Force Commander: Ana' }).textContent(),
    ).resolves.toContain('connected');
    await f.getByRole('button', { name: 'Start the session' }).click();

    // a custom inject: problems in words first, then the server's refusal (no inject before the mandate), then applied
    const fx = f.getByRole('form', { name: 'Custom inject' });
    await fx.getByRole('button', { name: 'Apply the custom inject' }).click();
    const problems = fx.getByRole('alert').filter({ hasText: 'The inject was not sent' });
    await expect(problems.textContent()).resolves.toContain('Inject title: give the inject a title');
    await expect(problems.textContent()).resolves.toContain('Reason: say why');
    await fx.getByLabel('Inject title').fill('Riot in the capital');
    await fx.getByLabel('Indicator').selectOption({ label: 'Mission cohesion' });
    await fx.getByLabel('Change', { exact: true }).fill('7');
    await fx.getByRole('button', { name: 'Add an effect' }).click();
    await fx.getByLabel('What it changes').nth(1).selectOption({ label: 'Violence in a region' });
    await fx.getByLabel('Region').selectOption({ label: 'Port Meridia' });
    await fx.getByLabel('Change', { exact: true }).nth(1).fill('0');
    await fx.getByLabel('Text for the players (shown on their screens)').fill('crowds at the gates');
    await fx.getByRole('button', { name: 'Apply the custom inject' }).click();
    await expect(problems.textContent()).resolves.toContain('Effect 2: the change must be a whole number');
    await fx.getByLabel('Change', { exact: true }).nth(1).fill('10');
    await expect(fx.getByTestId('fx-preview').textContent()).resolves.toContain('Violence in Port Meridia +10');
    await fx.getByRole('button', { name: 'Apply the custom inject' }).click();
    await fx
      .getByRole('alert')
      .filter({ hasText: 'The server refused the inject: That is not done in this phase.' })
      .waitFor();

    await sam.act(await legal(sam, 'mandate/adopt'));
    await w
      .getByTestId('pj-month')
      .filter({ hasText: /^Month 1 · / })
      .waitFor();
    await w.locator('[data-testid="pj-map"][data-ready="true"]').waitFor({ timeout: 20_000 });
    const cohesion = w
      .getByRole('region', { name: 'Public indicators' })
      .getByRole('listitem')
      .filter({ hasText: 'Mission cohesion' });
    const before = Number(await cohesion.locator('strong').textContent());
    await fx.getByRole('button', { name: 'Apply the custom inject' }).click();
    await fx.getByText('Applied: Riot in the capital.').waitFor();
    const ledger = f.getByTestId('fac-ledger');
    await ledger
      .getByText('Month 1: Mission cohesion +7 (Facilitator: Riot in the capital: crowds at the gates)')
      .waitFor();
    await ledger
      .getByText('Month 1: Violence in Port Meridia +10 (Facilitator: Riot in the capital: crowds at the gates)')
      .waitFor();
    await expect
      .poll(async () => Number(await cohesion.locator('strong').textContent()), { timeout: 10_000 })
      .toBe(before + 7);
    await shot(w, 'workshop-projector');

    // Ana has left: free her chair (after a confirmation); the bot plays it
    await f.getByRole('button', { name: 'Free the Force Commander chair' }).click();
    await f.getByRole('group', { name: /^Free the Force Commander chair\? Ana goes back/ }).waitFor();
    await f.getByRole('button', { name: 'Yes, free the chair' }).click();
    await lobby.getByText(/^Force Commander: bot/).waitFor();
    await f.locator('main').evaluate((m) => m.scrollIntoView());
    await f.getByRole('status').filter({ hasText: 'The Force Commander chair is free' }).waitFor();
    await shot(f, 'workshop-facilitator');

    // the end: the debrief opens on the wall by itself, and from the console; each comes back
    await f.getByLabel('Reason').last().fill('time for the plenary');
    await f.getByRole('button', { name: 'End the game now' }).click();
    await f.getByRole('group', { name: 'End the game now? It is scored as it stands.' }).waitFor();
    await f.getByRole('button', { name: 'Yes, do it' }).click();
    await w.locator('#debrief-heading').waitFor({ timeout: 15_000 });
    await shot(w, 'workshop-projector-debrief');
    await w.getByRole('button', { name: 'Back to the game' }).click();
    await w.getByRole('button', { name: 'Open the debrief' }).waitFor();
    await expect(w.getByTestId('pj-map').isVisible()).resolves.toBe(true);
    await f.getByRole('button', { name: 'Open the debrief' }).click();
    await f.locator('#debrief-heading').waitFor();
    await f.getByRole('button', { name: 'Back to the game' }).click();
    await f.getByRole('heading', { name: 'True state' }).waitFor();
    await expect(f.getByTestId('fac-outcome').textContent()).resolves.toMatch(/^Outcome: (Success|Failure), score \d/);

    sam.close();
    expect(fac.problems).toEqual([]);
    expect(wall.problems).toEqual([]);
    expect(pl.problems).toEqual([]);
    await Promise.all([fac.context.close(), wall.context.close(), pl.context.close()]);
  }, 150_000);
});
