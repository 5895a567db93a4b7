// A group session in the browser: the facilitator's page and a player's page against a real server process.
import { beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { openPage, shot, type Harness } from './harness.js';
import { TOKEN, useSessionServer } from './session-server.js';
import { createSession, joinAs } from './play.js';

const server = useSessionServer();
let h: Harness;
let base = '';
beforeAll(() => {
  ({ h, base } = server());
});

describe('a group session in two browsers', () => {
  it('creates, joins, claims, starts; the player plays a month at the solo table through a pause and an inject; the debrief at the end', async () => {
    const fac = await openPage(h);
    const f = fac.page;
    const code = await createSession(f, base, TOKEN, 'Blue', '7');
    await expect(f.getByRole('img', { name: `QR code of the join link for ${code}` }).isVisible()).resolves.toBe(true);
    // #18: the facilitator's secret has left the address bar (and the history); the tab keeps it for a reload
    expect(f.url()).not.toContain(TOKEN);
    expect(new URL(f.url()).hash).toBe('#facilitator');

    // a laptop-sized window: the table's layout, the map beside or above the panels
    const pl = await openPage(h, { width: 390, height: 800 });
    const p = pl.page;
    await joinAs(p, base, code, 'Ana', 'SRSG');
    await f.getByRole('list', { name: 'Who sits where' }).getByText('SRSG: Ana').waitFor();
    await p.getByText('The facilitator has not started the game yet.').waitFor();
    // before the start the briefing is open above the table: the situation and the chair's own brief
    const brief = p.getByTestId('session-brief');
    await brief.getByRole('heading', { name: 'Your role: SRSG' }).waitFor();
    await expect(brief.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
    // the map and its text twin, from the chair's view
    await p.locator('#map[data-ready="true"]').waitFor({ timeout: 20_000 });
    await expect(p.locator('#map canvas').count()).resolves.toBe(1);
    await expect(p.getByRole('columnheader', { name: 'Region' }).isVisible()).resolves.toBe(true);
    await expect(p.getByTestId('clock').textContent()).resolves.toBe('No clock');

    await f.getByLabel('Planning', { exact: true }).fill('10');
    await f.getByRole('button', { name: 'Set the clocks' }).click();
    await f.getByRole('button', { name: 'Start the session' }).click();

    // the mandate: a focused one, without state authority; the briefing folds away once the game runs
    await p.getByRole('heading', { name: 'Adopt the mandate' }).waitFor();
    await p.getByText('The facilitator has not started the game yet.').waitFor({ state: 'detached' });
    await expect(brief.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false);
    await p.getByRole('checkbox', { name: /^Extend state authority/ }).uncheck();
    await p.getByRole('button', { name: 'Adopt the mandate' }).click();
    // the sitrep: the month's decision, then close it
    await p.getByRole('button', { name: 'Close the sitrep' }).waitFor();
    const decision = p.getByRole('group', { name: 'Decision for the SRSG' });
    if ((await decision.count()) > 0) await decision.getByRole('button').first().click();
    await p.getByRole('button', { name: 'Close the sitrep', disabled: false }).click();
    // the strategy
    await p.getByRole('radio', { name: /^Extend state authority/ }).check();
    await p.getByRole('button', { name: 'Set the strategy' }).click();
    await p.getByRole('heading', { name: 'Actions of the SRSG' }).waitFor();
    // on a phone the header's status is folded into the game menu
    await p.locator('.header-more > summary').click();
    await expect(p.getByText('Strategy: Extend state authority').isVisible()).resolves.toBe(true);
    await p.evaluate(() => window.scrollTo(0, 0));
    await shot(p, 'session-player-table');
    await expect(p.getByTestId('clock').textContent()).resolves.toMatch(/^Time left: (10:00|9:\d\d)$/);
    // a card whose task the mandate left out is not offered, and says why
    const backState = p.getByRole('article', { name: 'Back the government' });
    await expect(
      backState.getByRole('button', { name: 'Add Back the government to the plan' }).isDisabled(),
    ).resolves.toBe(true);
    // the reason names the task the mandate lacks
    await expect(backState.getByText(/needs “.+” in the mandate/).isVisible()).resolves.toBe(true);

    // the facilitator pauses: the player's actions are refused, typing goes on
    await f.getByRole('button', { name: 'Pause' }).click();
    await p.getByRole('alert').filter({ hasText: 'The facilitator has paused the game.' }).waitFor();
    const note = p.getByLabel('Note for the other chairs (optional)');
    await note.fill('Holding the line.');
    await p.getByRole('button', { name: 'Add Task the JMAC to the plan' }).click();
    await p
      .getByRole('alert')
      .filter({ hasText: 'The facilitator has paused the game: wait until it resumes.' })
      .waitFor();
    await expect(
      p.getByRole('region', { name: 'Plan of the SRSG' }).getByText('The plan is empty.').isVisible(),
    ).resolves.toBe(true);
    await shot(p, 'session-paused');
    // an inject arrives as a new view while the player types: the event shows, the typed note and the focus stay
    await f.getByLabel('Event').selectOption({ label: 'Regional summit' });
    await f
      .getByLabel('Text for the players (shown on their screens)')
      .first()
      .fill('The Council wants to see how you react');
    await note.focus();
    await p.keyboard.type(' Patrols first.');
    await f.getByRole('button', { name: 'Inject the event' }).click();
    await p
      .getByRole('region', { name: 'Events this month' })
      .getByRole('heading', { name: 'Regional summit' })
      .waitFor({ timeout: 10_000 });
    await expect(note.inputValue()).resolves.toBe('Holding the line. Patrols first.');
    await expect(note.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await f.getByRole('button', { name: 'Resume' }).click();
    await p
      .getByRole('alert')
      .filter({ hasText: 'The facilitator has paused the game.' })
      .waitFor({ state: 'detached' });

    // the plan: a card (a double press sends it once), the note, commit; then coordination: confirm
    await p.getByRole('button', { name: 'Add Task the JMAC to the plan' }).dblclick();
    await p.getByRole('button', { name: 'Remove Task the JMAC from the plan' }).waitFor();
    await expect(p.getByRole('region', { name: 'Plan of the SRSG' }).getByRole('listitem').count()).resolves.toBe(1);
    await expect(p.getByRole('alert').filter({ hasText: 'already in the plan' }).count()).resolves.toBe(0);
    await expect(note.inputValue()).resolves.toBe('Holding the line. Patrols first.');
    await p.getByRole('button', { name: 'Commit the plan' }).click();
    const coordination = p.getByRole('region', { name: 'Coordination' });
    await coordination.getByRole('button', { name: 'Confirm my plan' }).waitFor({ timeout: 20_000 });
    await expect(
      coordination.getByText('Holding the line. Patrols first.', { exact: false }).isVisible(),
    ).resolves.toBe(true);
    await coordination.getByRole('button', { name: 'Confirm my plan' }).click();
    await expect.poll(() => p.getByTestId('month').textContent(), { timeout: 20_000 }).toMatch(/^Month 2 of 6/);
    await p.getByRole('heading', { name: 'Results of month 1' }).waitFor();
    // a reload comes back to the same chair with the seat token the page kept
    await p.reload();
    await p.locator('#map[data-ready="true"]').waitFor({ timeout: 20_000 });
    await expect(p.getByTestId('month').textContent()).resolves.toMatch(/^Month 2 of 6/);
    await expect(p.getByText('Seat: SRSG · Team Blue').isVisible()).resolves.toBe(true);

    // the facilitator ends the game early: the player's screen opens the debrief, and goes back to the table
    await f.getByLabel('Reason').last().fill('time is up; debrief now');
    await f.getByRole('button', { name: 'End the game now' }).click();
    await f.getByRole('group', { name: 'End the game now? It is scored as it stands.' }).waitFor();
    await f.getByRole('button', { name: 'Yes, do it' }).click();
    await p.getByRole('heading', { name: /^Debrief: / }).waitFor({ timeout: 10_000 });
    await shot(p, 'session-player-debrief');
    await p.getByRole('button', { name: 'Back to the game' }).click();
    await p.getByRole('heading', { name: 'Game over' }).waitFor();
    await expect(p.getByRole('button', { name: 'Open the debrief' }).isVisible()).resolves.toBe(true);
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
    // someone guessing join codes (last: their address is slowed down afterwards): the console raises the alarm
    const guesser = new WebSocket(`${base.replace('http', 'ws')}ws`);
    await new Promise((ok) => guesser.once('open', ok));
    guesser.send(JSON.stringify({ type: 'hello', protocol: 1 }));
    for (let i = 0; i < 6; i++) guesser.send(JSON.stringify({ type: 'join', code: 'AAAAAA', name: 'guess' }));
    const guesser2 = new WebSocket(`${base.replace('http', 'ws')}ws`);
    await new Promise((ok) => guesser2.once('open', ok));
    guesser2.send(JSON.stringify({ type: 'hello', protocol: 1 }));
    for (let i = 0; i < 3; i++) guesser2.send(JSON.stringify({ type: 'join', code: 'CCCCCC', name: 'guess' }));
    await f
      .getByTestId('fac-alarm')
      .getByText(/wrong join codes from 127\.0\.0\.1/)
      .waitFor({ timeout: 10_000 });
    guesser.terminate();
    guesser2.terminate();
    await f.reload();
    await f.getByRole('heading', { name: 'Workshop: facilitator' }).waitFor();
    await f.getByRole('button', { name: 'Show every team side by side' }).waitFor();
    // every page ran under the server's content security policy (a violation is a console error)
    const csp = (await f.request.get(base)).headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(fac.problems).toEqual([]);
    expect(pl.problems).toEqual([]);
    await pl.context.close();
    await fac.context.close();
  }, 180_000);
});
