// A four-team workshop in the browser (#17): start every team with nobody seated (nothing plays ahead), players join on
// phones, one closes the tab and rejoins the same chair, the dashboard says whom each team waits on, a planned inject and
// a broadcast reach every phone and the projector, and no player screen ever holds the facilitator's private note.
import { describe, expect, it } from 'vitest';
import { openPage, shot } from './harness.js';
import { createSession } from './play.js';
import { TOKEN, useSessionServer } from './session-server.js';

const server = useSessionServer();
const TEAMS = ['Red', 'Blue', 'Green', 'Gold'] as const;
const NAMES = ['Ana', 'Ben', 'Chloé', 'Dev'] as const;
const NOTE = 'PRIVATE-NOTE test the team on crowd control';
const PHONE = { width: 390, height: 844 };

describe('a four-team workshop', () => {
  it('starts safely, keeps seats, shows whom each team waits on, and reaches every screen without the private note', async () => {
    const { h, base } = server();
    const fac = await openPage(h, { width: 1366, height: 900 });
    const f = fac.page;
    const codes: string[] = [];
    for (const team of TEAMS) {
      codes.push(await createSession(f, base, TOKEN, team, '7'));
      await f.getByRole('button', { name: 'All teams' }).click();
    }
    const dash = f.getByTestId('dash-table');
    for (const team of TEAMS) await dash.getByRole('button', { name: team }).waitFor();

    // start all with nobody seated: asked first, then every team waits for people, at the mandate
    await f.getByRole('button', { name: 'Start all teams' }).click();
    await f.getByRole('group', { name: /^Nobody sits at/ }).waitFor();
    await f.getByRole('button', { name: 'Start; wait for people' }).click();
    for (const team of TEAMS)
      await f
        .getByTestId(`dash-row-${team}`)
        .getByTestId('dash-waits')
        .filter({ hasText: 'a person to sit down, or you to let the bots play the month' })
        .waitFor();
    await shot(f, 'room-dashboard-waiting');

    // the plan: an inject in month 1 for all teams, with a private note
    await f.getByLabel('Month', { exact: true }).fill('1');
    await f.getByLabel('Title on the card').fill('Riot at the port');
    await f.getByLabel('Text for the players (on every screen)').fill('Crowds block the port gates');
    await f.getByLabel('Private note (only you see it)').fill(NOTE);
    await f.getByLabel('Change', { exact: true }).last().fill('-3');
    await f.getByRole('button', { name: 'Add to the plan' }).click();
    await expect.poll(async () => f.getByTestId('dash-plan-list').getByRole('listitem').count()).toBe(4);

    // players join on phones, each as their team's Force Commander
    const phones = [];
    for (const [i, code] of codes.entries()) {
      const w = await openPage(h, PHONE);
      await w.page.goto(`${base}?join=${code}`);
      await w.page.getByLabel('Your name').fill(NAMES[i]!);
      await w.page.getByRole('button', { name: 'Join the session' }).click();
      await w.page.getByRole('button', { name: 'Take the Force Commander chair' }).click();
      phones.push(w);
    }
    const wall = await openPage(h, { width: 1600, height: 900 });
    await wall.page.goto(`${base}?projector=${codes[0]}`);

    // a person sits: the bots adopt the mandate, month 1 begins and its planned inject reaches every screen
    for (const w of [...phones, wall])
      await w.page
        .getByTestId('session-card')
        .filter({ hasText: 'Crowds block the port gates' })
        .waitFor({ timeout: 20_000 });
    await shot(phones[0]!.page, 'room-phone-inject');
    await shot(wall.page, 'room-projector-inject');
    // the dashboard: whom each team waits on, by chair and name
    for (const [i, team] of TEAMS.entries())
      await f
        .getByTestId(`dash-row-${team}`)
        .getByTestId('dash-waits')
        .filter({ hasText: new RegExp(`Force Commander \\(${NAMES[i]}\\)`) })
        .waitFor();
    await shot(f, 'room-dashboard');

    // a broadcast reaches every screen
    await f.getByLabel('Message', { exact: true }).fill('Ten minutes to the plenary');
    await f.getByRole('button', { name: 'Send to all teams' }).click();
    for (const w of [...phones, wall])
      await w.page.getByTestId('session-card').filter({ hasText: 'Ten minutes to the plenary' }).waitFor();

    // Ana closes her tab; a new tab on the same phone offers her chair back
    const ana = phones[0]!;
    await ana.page.close();
    const again = await ana.context.newPage();
    await again.goto(`${base}?join=${codes[0]}`);
    await again.getByRole('heading', { name: 'Rejoin as Ana, Force Commander?' }).waitFor();
    await shot(again, 'room-phone-rejoin');
    await again.getByRole('button', { name: 'Rejoin as Ana' }).click();
    await again
      .getByTestId('seat-pin')
      .filter({ hasText: /\d{6}$/ })
      .waitFor();
    await again.getByTestId('session-card').filter({ hasText: 'Ten minutes to the plenary' }).waitFor();
    await shot(again, 'room-phone-rejoined');

    // the facilitator's note is on the dashboard, and on no player's or projector's screen
    await f.getByTestId('dash-notes').filter({ hasText: NOTE }).first().waitFor();
    for (const p of [again, ...phones.slice(1).map((w) => w.page), wall.page])
      expect(await p.content()).not.toContain('PRIVATE-NOTE');

    // the console of one team fits a 1,280 px laptop, as the dashboard does
    for (const width of [1280, 1440]) {
      await f.setViewportSize({ width, height: 800 });
      await f.getByTestId('dash-table').getByRole('button', { name: 'Red', exact: true }).click();
      await f.getByRole('heading', { name: 'True state' }).waitFor();
      await expect(f.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
      await shot(f, `room-console-${width}`);
      await f.getByRole('button', { name: 'All teams' }).click();
      await expect(f.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
    }

    expect(fac.problems).toEqual([]);
    for (const w of [...phones, wall]) expect(w.problems).toEqual([]);
    await Promise.all([fac, ...phones, wall].map((w) => w.context.close()));
  }, 240_000);
});
