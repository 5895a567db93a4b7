// The room (#17's "done when"): a four-team MONUSCO workshop of six months in one run. Every team started with nobody
// seated (nothing plays ahead), players join on phones, one closes the tab and rejoins the same chair, a planned inject
// and a broadcast reach every phone and the projector, the dashboard says whom each team waits on, the server is killed
// and restarted (every screen says it is reconnecting, the clock stands still, the projector reloads from the service
// worker, nothing is lost), no player screen ever holds the facilitator's private note, one team plays to the end and
// is scored, and the comparison exports as CSV and shows on the wall without the facilitator's secret. Then the MONUSCO
// workshop pack printed to PDF.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OUTPUT, openPage, shot, watch, type Watched } from './harness.js';
import { joinAs, playTo } from './play.js';
import { TOKEN, useSessionServer } from './session-server.js';

const server = useSessionServer();
const TEAMS = ['Red', 'Blue', 'Green', 'Gold'] as const;
const NAMES = ['Ana', 'Ben', 'Chloé', 'Dev'] as const;
const NOTE = 'PRIVATE-NOTE test the team on crowd control';
const PHONE = { width: 390, height: 844 };
/** A plan as the facilitator's page puts it in the pack's address (an event of another scenario is left out). */
const PLANS = [
  {
    name: 'Half day',
    items: [
      { month: 3, event: 'goma-falls', text: 'The Council watches' },
      { month: 1, title: 'Riot at the port', text: 'Crowds block the port gates' },
      { month: 2, event: 'not-in-monusco', text: 'Elsewhere' },
    ],
  },
];

const banner = (p: Page) => p.getByTestId('connection');

/** Waits until the page says it is reconnecting; returns how long that took from `since` (ms). */
async function reconnecting(p: Page, since: number): Promise<number> {
  await banner(p)
    .getByText(/^Reconnecting… The server cannot be reached/)
    .waitFor();
  return Date.now() - since;
}

const online = (p: Page) => p.locator('[data-testid="connection"][data-state="online"]').waitFor({ state: 'attached' });

describe('the room', () => {
  it('runs a four-team, six-month MONUSCO workshop through a server crash, from the empty room to the CSV', async () => {
    const { h, base, kill, restart } = server();
    const fac = await openPage(h, { width: 1366, height: 900 });
    const f = fac.page;
    // the four teams in one entry: their names, separated by commas
    await f.goto(`${base}#facilitator=${TOKEN}`);
    await f.getByLabel('Scenario').selectOption('monusco-2013');
    await f.getByLabel('Team name').fill(TEAMS.join(', '));
    await f.getByLabel('Seed').fill('7');
    await f.getByLabel('Length of the game (months)').fill('6');
    await f.getByRole('button', { name: 'Create the session' }).click();
    await f.getByText(`4 teams created: ${TEAMS.join(', ')}.`, { exact: false }).waitFor();
    const dash = f.getByTestId('dash-table');
    const codes: string[] = [];
    for (const team of TEAMS) {
      await dash.getByRole('button', { name: team }).waitFor();
      const open = await f.getByRole('button', { name: new RegExp(`^Open ${team} \\(code `) }).textContent();
      codes.push(/\(code ([A-Z2-9]{6}),/.exec(open ?? '')![1]!);
    }
    const row = (team: string) => f.getByTestId(`dash-row-${team}`);

    // one set of clocks for every team, then start all with nobody seated: asked first, then every team waits, at the mandate
    await f.getByLabel('Planning', { exact: true }).fill('10');
    await f.getByRole('button', { name: 'Set the clocks' }).click();
    await f.getByRole('button', { name: 'Start all teams' }).click();
    await f.getByRole('group', { name: /^Nobody sits at/ }).waitFor();
    await f.getByRole('button', { name: 'Start; wait for people' }).click();
    for (const team of TEAMS) {
      await row(team)
        .getByTestId('dash-waits')
        .filter({ hasText: 'a person to sit down, or you to let the bots play the month' })
        .waitFor();
      await expect(row(team).getByRole('cell').first().textContent()).resolves.toMatch(/, Mandate$/);
    }
    await shot(f, 'room-dashboard-waiting');

    // the plan: an inject in month 1 for all teams, with a private note
    await f.getByLabel('Month', { exact: true }).fill('1');
    await f.getByLabel('Title on the card').fill('Riot at the port');
    await f.getByLabel('Text for the players (on every screen)').fill('Crowds block the port gates');
    await f.getByLabel('Private note (only you see it)').fill(NOTE);
    await f.getByLabel('Change', { exact: true }).last().fill('-3');
    await f.getByRole('button', { name: 'Add to the plan' }).click();
    await expect.poll(async () => f.getByTestId('dash-plan-list').getByRole('listitem').count()).toBe(4);
    // kept on the server under a name, for another device and the printed pack (which never carries the note)
    await f.getByLabel('Save this plan as').fill('Half day');
    await f.getByRole('button', { name: 'Save the plan' }).click();
    await f.getByRole('option', { name: 'Half day' }).waitFor({ state: 'attached' });
    // a plan no longer needed can be deleted from the server (the only way to make room under the limit)
    await f.getByLabel('Save this plan as').fill('Spare');
    await f.getByRole('button', { name: 'Save the plan' }).click();
    await f.getByRole('option', { name: 'Spare' }).waitFor({ state: 'attached' });
    await f.getByLabel('A saved plan').selectOption('Spare');
    await f.getByRole('button', { name: 'Delete this plan from the server' }).click();
    await f.getByRole('option', { name: 'Spare' }).waitFor({ state: 'detached' });
    await f.getByLabel('A saved plan').selectOption('Half day');
    const packLink = f.getByRole('link', { name: /^Print the workshop pack/ });
    await expect(packLink.getAttribute('href')).resolves.toContain('Riot%20at%20the%20port');
    await expect(packLink.getAttribute('href')).resolves.not.toContain('PRIVATE-NOTE');

    // players join on phones, each as their team's Force Commander; the wall shows the first team
    const phones: Watched[] = [];
    for (const [i, code] of codes.entries()) {
      const w = await openPage(h, PHONE);
      await joinAs(w.page, base, code, NAMES[i]!, 'Force Commander');
      phones.push(w);
    }
    // in the game already: the briefing is folded above the table, with the chair's own brief in it
    const ben = phones[1]!.page;
    await ben
      .getByTestId('session-brief')
      .getByText('Briefing: the situation and your role as Force Commander')
      .click();
    await ben.getByRole('heading', { name: 'Your role: Force Commander' }).waitFor();
    await shot(ben, 'room-phone-brief');
    await ben
      .getByTestId('session-brief')
      .getByText('Briefing: the situation and your role as Force Commander')
      .click();
    const wall = await openPage(h, { width: 1280, height: 720 });
    const w = wall.page;
    await w.goto(`${base}?projector=${codes[0]}`);
    await w.getByRole('heading', { name: 'Red', level: 1 }).waitFor();

    // a person sits: the bots adopt the mandate, month 1 begins and its planned inject reaches every screen
    const card = (p: Page, text: string) => p.getByTestId('session-card').filter({ hasText: text }).waitFor();
    for (const x of [...phones, wall]) await card(x.page, 'Crowds block the port gates');
    await shot(phones[0]!.page, 'room-phone-inject');
    await shot(w, 'room-projector-inject');
    // the dashboard: whom each team waits on, by chair and name
    for (const [i, team] of TEAMS.entries())
      await row(team)
        .getByTestId('dash-waits')
        .filter({ hasText: new RegExp(`Force Commander \\(${NAMES[i]}\\)`) })
        .waitFor();
    await shot(f, 'room-dashboard');

    // a broadcast reaches every screen
    await f.getByLabel('Message', { exact: true }).fill('Ten minutes to the plenary');
    await f.getByRole('button', { name: 'Send to all teams' }).click();
    for (const x of [...phones, wall]) await card(x.page, 'Ten minutes to the plenary');

    // Ana closes her tab; a new tab on the same phone offers her chair back
    await phones[0]!.page.close();
    const a = await phones[0]!.context.newPage();
    const ana: Watched = { page: a, context: phones[0]!.context, problems: watch(a) };
    await a.goto(`${base}?join=${codes[0]}`);
    await a.getByRole('heading', { name: 'Rejoin as Ana, Force Commander?' }).waitFor();
    await shot(a, 'room-phone-rejoin');
    await a.getByRole('button', { name: 'Rejoin as Ana' }).click();
    await a
      .getByTestId('seat-pin')
      .filter({ hasText: /\d{6}$/ })
      .waitFor();
    await card(a, 'Ten minutes to the plenary');
    await shot(a, 'room-phone-rejoined');
    const players = [ana, ...phones.slice(1)];
    const screens = [fac, ...players, wall];

    // Ana's month: any decision of hers, then her plan, with the room's clock running
    await playTo(a, a.locator('[data-key="commit"]'));
    await expect.poll(() => a.getByTestId('clock').textContent()).toMatch(/^Time left: (10:00|9:\d\d)$/);
    // the wall's page is held by the service worker: a reload during the outage loads it from the cache
    await w.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise<void>((r) => navigator.serviceWorker.addEventListener('controllerchange', () => r()));
    });
    await expect(banner(a).isHidden()).resolves.toBe(true);
    for (const x of screens) expect(x.problems).toEqual([]);

    // the server dies: every screen says so
    const t0 = Date.now();
    await kill();
    const took = await Promise.all(screens.map((x) => reconnecting(x.page, t0)));
    console.log(`reconnecting shown after ${took.join(', ')} ms (facilitator, 4 phones, wall)`);
    await Promise.all([
      shot(f, 'room-fac-reconnecting'),
      shot(a, 'room-player-reconnecting'),
      shot(w, 'room-wall-reconnecting'),
    ]);
    // the clock stands still while the server is away (it counts every second when it runs)
    const frozen = await a.getByTestId('clock').textContent();
    await a.waitForTimeout(2500);
    await expect(a.getByTestId('clock').textContent()).resolves.toBe(frozen);
    // what Ana does meanwhile is kept: a card in her plan
    const plan = a.getByRole('region', { name: 'Plan of the Force Commander' });
    await a
      .locator('.cards')
      .getByRole('button', { name: /^Add .* to the plan$/ })
      .and(a.locator(':enabled'))
      .first()
      .click();
    // the wall reloads during the outage: its page comes from the service worker, and it waits for the server
    await w.reload();
    await reconnecting(w, Date.now());
    await shot(w, 'room-wall-reloaded-offline');

    // the server comes back on the same port and database: every screen recovers, nothing is lost
    await restart();
    for (const x of screens) await online(x.page);
    await plan.getByRole('listitem').first().waitFor();
    await expect(plan.getByRole('listitem').count()).resolves.toBe(1);
    await expect(a.getByText('Seat: Force Commander · Team Red').count()).resolves.toBeGreaterThan(0);
    for (const x of [...players, wall]) await card(x.page, 'Ten minutes to the plenary');
    for (const team of TEAMS.slice(1))
      await row(team).getByTestId('dash-waits').filter({ hasText: 'Force Commander' }).waitFor();
    await shot(a, 'room-player-back');
    // the projector's seat is the computer's, not the tab's: a second tab takes it up again, with the same token
    const seatKey = `mandate.projector.${codes[0]}`;
    const token = await w.evaluate((k) => localStorage.getItem(k), seatKey);
    expect(token).not.toBeNull();
    const w2 = await wall.context.newPage();
    const w2problems = watch(w2);
    await w2.goto(`${base}?projector=${codes[0]}`);
    await card(w2, 'Ten minutes to the plenary');
    await expect(w2.evaluate((k) => localStorage.getItem(k), seatKey)).resolves.toBe(token);
    await w2.close();
    // the failed requests of the outage were expected; from here on, none
    for (const x of screens) x.problems.length = 0;

    // the facilitator's note is on the dashboard, and on no player's or projector's screen
    await f.getByTestId('dash-notes').filter({ hasText: NOTE }).first().waitFor();
    for (const x of [...players, wall]) expect(await x.page.content()).not.toContain('PRIVATE-NOTE');

    // the month-end stop: the month Ana's team finishes puts its questions on the wall until the facilitator resumes
    const stop = f.getByTestId('dash-month-stop');
    await stop.click();
    await f.locator('[data-testid="dash-month-stop"][data-on="true"]').waitFor();
    await playTo(a, a.getByRole('alert').filter({ hasText: 'The facilitator has paused the game.' }));
    const talk = w.getByTestId('pj-discussion');
    await talk.getByRole('heading', { name: 'Month 1: questions for the room' }).waitFor();
    await expect(talk.locator('ol > li').count()).resolves.toBeGreaterThan(0);
    await row('Red').getByTestId('dash-waits').filter({ hasText: 'the room discusses month 1' }).waitFor();
    await shot(w, 'room-wall-discussion');
    await stop.click();
    await f.locator('[data-testid="dash-month-stop"][data-on="false"]').waitFor();
    await f.getByRole('button', { name: 'Resume all' }).click();
    await talk.waitFor({ state: 'detached' });

    // Ana's team plays its six months to the end: a scored outcome
    await playTo(a, a.getByRole('heading', { name: /^Debrief: / }).or(a.getByRole('heading', { name: 'Game over' })));
    await shot(a, 'room-phone-end');
    for (const x of [...players, wall]) expect(await x.page.content()).not.toContain('PRIVATE-NOTE');
    await dash.getByRole('button', { name: 'Red', exact: true }).click();
    await expect.poll(() => f.getByTestId('fac-outcome').count()).toBe(1);
    await expect(f.getByTestId('fac-outcome').textContent()).resolves.toMatch(/^Outcome: (Success|Failure), score \d/);

    // the plenary: the teams side by side, exported, and on the wall without the facilitator's secret
    await f.getByRole('button', { name: 'All teams' }).click();
    await f.getByRole('button', { name: 'Show every team side by side' }).click();
    const table = f.getByTestId('fac-comparison');
    await table.getByRole('rowheader', { name: 'Red' }).waitFor();
    // Each row shows the last view received of its team, and the views arrive one by one: wait for them, not a time.
    await expect.poll(() => table.getByRole('cell', { name: 'over at month 6 of 6' }).count()).toBe(1);
    await expect.poll(() => table.getByRole('cell', { name: 'month 1 of 6' }).count()).toBe(3);
    const [csv] = await Promise.all([
      f.waitForEvent('download'),
      f.getByRole('button', { name: 'Download as CSV' }).click(),
    ]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.split('\r\n')[0]).toMatch(/^Team,Scenario,Seed,How far,Mandate,/);
    expect(text).toMatch(/\r\nRed,[^\r]*,7,over at month 6 of 6,\d+ of \d+ tasks,/);
    for (const team of TEAMS.slice(1)) expect(text).toMatch(new RegExp(`\\r\\n${team},[^\\r]*,7,month 1 of 6,`));
    await shot(f, 'room-comparison');
    const wallLink = await f.getByTestId('fac-wall-compare').getAttribute('href');
    expect(wallLink).not.toContain(TOKEN);
    await w.goto(wallLink!);
    await w.getByTestId('cmp-public').getByRole('rowheader', { name: 'Red' }).waitFor();
    expect(await w.content()).not.toContain(TOKEN);
    await shot(w, 'room-wall-comparison');

    // the console of one team fits a 1,280 px laptop, as the dashboard does
    for (const width of [1280, 1440]) {
      await f.setViewportSize({ width, height: 800 });
      await dash.getByRole('button', { name: 'Blue', exact: true }).click();
      await f.getByRole('heading', { name: 'True state' }).waitFor();
      await expect(f.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
      await shot(f, `room-console-${width}`);
      await f.getByRole('button', { name: 'All teams' }).click();
      await expect(f.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
    }

    for (const x of screens) expect(x.problems).toEqual([]);
    expect(w2problems).toEqual([]);
    await Promise.all([fac, ...players, wall].map((x) => x.context.close()));
  }, 300_000);

  it('prints the MONUSCO workshop pack to PDF (A4 and Letter), a sheet per team, a card per chair', async () => {
    const { h } = server();
    const w = await openPage(h, { width: 794, height: 1123 });
    const p = w.page;
    await p.goto(
      `${h.url}?pack=monusco-2013&base=${encodeURIComponent('http://192.168.1.20:8787')}&teams=Blue~MK4RZP,Red~H7QW3T#plans=${encodeURIComponent(JSON.stringify(PLANS))}`,
    );
    await p.getByRole('heading', { name: 'Workshop pack: MONUSCO', exact: false, level: 1 }).waitFor();
    await expect(
      p.getByRole('region', { name: 'Team Blue' }).getByText('MK4RZP', { exact: true }).isVisible(),
    ).resolves.toBe(true);
    await expect(p.getByText('http://192.168.1.20:8787/?join=H7QW3T').isVisible()).resolves.toBe(true);
    for (const chair of ['SRSG', 'Force Commander', 'Special Envoy', 'Police Commissioner'])
      await p.getByRole('region', { name: `Role card: ${chair}` }).waitFor();
    await p.getByRole('region', { name: 'Inject plan' }).waitFor();
    // the plan kept on the server, month by month, as the players will read it
    const planned = p.getByRole('region', { name: 'Planned injects: Half day' });
    await expect(planned.getByRole('row').allTextContents()).resolves.toEqual([
      'Month 1Riot at the portCrowds block the port gates',
      'Month 3M23 takes GomaThe Council watches',
    ]);
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
