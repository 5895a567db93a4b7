// A group session in the browser: the facilitator's page and a player's page against a real server process.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, openPage, ROOT, shot, startHarness, type Harness } from './harness.js';

const TOKEN = 'e2e-facilitator-token-0123456789';
let h: Harness;
let proc: ChildProcess;
let base = '';
const tmp = mkdtempSync(join(tmpdir(), 'mandate-e2e-'));

beforeAll(async () => {
  h = await startHarness(); // builds the site into DIST
  proc = spawn('npx', ['tsx', 'src/server/main.ts', '--host', '127.0.0.1', '--port', '0', '--db', join(tmp, 's.db'), '--dist', DIST, '--facilitator-token', TOKEN, '--rate', '1000', '--burst', '1000'], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (d) => (err += String(d)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 20_000);
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const m = JSON.parse(line) as { event: string; port: number };
      if (m.event === 'listening') {
        clearTimeout(timer);
        resolve(m.port);
      }
    });
  });
  base = `http://127.0.0.1:${port}/`;
}, 120_000);

afterAll(async () => {
  try {
    process.kill(-proc.pid!, 'SIGTERM');
  } catch {
    /* gone */
  }
  await h?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('a group session in two browsers', () => {
  it('creates, joins, claims, starts, pauses, injects and resumes, and the player plays a month', async () => {
    const fac = await openPage(h);
    const f = fac.page;
    await f.goto(`${base}#facilitator=${TOKEN}`);
    await f.getByRole('heading', { name: 'Workshop: facilitator' }).waitFor();
    await f.getByLabel('Scenario').selectOption('tutorial');
    await f.getByLabel('Team name').fill('Blue');
    await f.getByLabel('Seed').fill('7');
    await f.getByRole('button', { name: 'Create the session' }).click();
    const codeText = await f.getByText(/^Join code: / ).textContent();
    const code = codeText!.replace('Join code: ', '');
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    await expect(f.getByRole('img', { name: `QR code of the join link for ${code}` }).isVisible()).resolves.toBe(true);

    const pl = await openPage(h, { width: 800, height: 1000 });
    const p = pl.page;
    await p.goto(`${base}?join=${code}`);
    await p.getByLabel('Your name').fill('Ana');
    await p.getByRole('button', { name: 'Join the session' }).click();
    await p.getByRole('button', { name: 'Take the SRSG chair' }).click();
    await f.getByRole('list', { name: 'Who sits where' }).getByText('SRSG: Ana').waitFor();
    await p.getByText('The facilitator has not started the game yet.').waitFor();

    await f.getByRole('button', { name: 'Start the session' }).click();
    const actions = p.getByRole('region', { name: 'What you can do' });
    let paused = false;
    for (let i = 0; i < 80; i++) {
      const month = (await p.getByTestId('month').textContent()) ?? '';
      if (month.startsWith('Month 2')) break;
      if (!paused && month.includes('Planning')) {
        paused = true;
        await f.getByRole('button', { name: 'Pause' }).click();
        await p.getByRole('alert').filter({ hasText: 'The facilitator has paused the game.' }).waitFor();
        await expect(actions.getByRole('button').first().isDisabled()).resolves.toBe(true);
        await shot(p, 'session-paused');
        const title = (await f.getByLabel('Event').locator('option:checked').textContent())!;
        await f.getByLabel('Reason', { exact: true }).first().fill('The Council wants to see how you react');
        const events = p.getByRole('region', { name: 'Events' }).getByRole('listitem').filter({ hasText: title });
        const before = await events.count();
        await f.getByRole('button', { name: 'Inject the event' }).click();
        await expect.poll(() => events.count(), { timeout: 10_000 }).toBe(before + 1);
        await f.getByRole('button', { name: 'Resume' }).click();
        await p.getByRole('alert').filter({ hasText: 'The facilitator has paused the game.' }).waitFor({ state: 'detached' });
        continue;
      }
      const commit = actions.getByRole('button', { name: 'Commit the plan' });
      const planEmpty = await p.getByRole('region', { name: /^Plan of the / }).getByText('The plan is empty.').count();
      const confirm = actions.getByRole('button', { name: 'Confirm my plan' });
      const buttons = actions.getByRole('button', { disabled: false });
      if ((await commit.count()) > 0 && planEmpty === 0) await commit.click();
      else if ((await confirm.count()) > 0) await confirm.click();
      else if ((await buttons.count()) > 0) {
        const first = buttons.filter({ hasNotText: /^(Revise|Commit)/ }).first();
        if ((await first.count()) > 0) await first.click();
        else await commit.click();
      } else await p.waitForTimeout(100);
      await p.waitForTimeout(50);
    }
    expect(paused).toBe(true);
    await expect(p.getByTestId('month').textContent()).resolves.toMatch(/^Month 2/);
    // the facilitator ends the game early: it still gets its outcome and score
    await f.getByLabel('Reason').last().fill('time is up; debrief now');
    await f.getByRole('button', { name: 'End the game now' }).click();
    await expect.poll(() => f.getByTestId('fac-outcome').count(), { timeout: 10_000 }).toBe(1);
    await expect(f.getByTestId('fac-outcome').textContent()).resolves.toMatch(/^Outcome: (Success|Failure), score \d/);
    await shot(f, 'session-facilitator');
    // back to all teams: the plenary comparison shows this team's outcome
    await f.getByRole('button', { name: 'All teams' }).click();
    await f.getByRole('button', { name: 'Show every team side by side' }).click();
    const table = f.getByTestId('fac-comparison');
    await table.waitFor({ timeout: 10_000 });
    await expect(table.getByRole('row').count()).resolves.toBeGreaterThanOrEqual(2);
    await shot(f, 'session-comparison');
    expect(fac.problems).toEqual([]);
    expect(pl.problems).toEqual([]);
    await pl.context.close();
    await fac.context.close();
  }, 120_000);
});
