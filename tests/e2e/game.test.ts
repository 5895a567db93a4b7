// Browser tests of the solo game: played by keyboard and mouse, with bots, across reloads, in French, with bad files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, ROOT, shot, startHarness, type Harness, type Watched } from './harness.js';
import { activate, playUntil } from './play.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
}, 120_000);

afterAll(async () => {
  await h?.close();
});

async function fresh(scale = 1): Promise<Watched> {
  const w = await openPage(h, { width: 1400, height: 1000 }, scale);
  await w.page.goto(`${h.url}?test`);
  await w.page.getByRole('button', { name: 'Start the game' }).waitFor();
  return w;
}

async function newGame(w: Watched, chair: string, seed = '12345', doctrine?: string, scenario?: string): Promise<void> {
  const p = w.page;
  if (scenario) await p.getByLabel('Scenario', { exact: true }).selectOption({ label: scenario });
  await p.getByLabel('Your chair').selectOption({ label: chair });
  if (doctrine) await p.getByLabel('Doctrine of the bot chairs').selectOption({ label: doctrine });
  await p.getByLabel('Seed', { exact: true }).fill(seed);
  await p.getByRole('button', { name: 'Start the game' }).click();
  await p.locator('#map[data-ready="true"]').waitFor({ timeout: 20_000 });
}

const gameOver = (w: Watched) => () => w.page.getByRole('heading', { name: 'Game over', level: 2 }).isVisible();

describe('solo game in the browser', () => {
  it('shows the title with the tutorial briefing and marks title-ready', async () => {
    const w = await fresh();
    const p = w.page;
    await expect(p.getByRole('heading', { name: 'Mandate', level: 1 }).isVisible()).resolves.toBe(true);
    await expect(p.getByText('Meridia is a fictional country', { exact: false }).isVisible()).resolves.toBe(true);
    const marks = await p.evaluate(() => performance.getEntriesByName('title-ready').length);
    expect(marks).toBe(1);
    await shot(p, 'title');
    expect(w.problems).toEqual([]);
    await w.context.close();
  });

  it('plays the tutorial to its end by keyboard, holding every chair', async () => {
    const w = await fresh();
    const p = w.page;
    // reach the start button by keyboard as well
    await p.getByRole('button', { name: 'Start the game' }).focus();
    await p.keyboard.press('Enter');
    await p.locator('#map[data-ready="true"]').waitFor({ timeout: 20_000 });
    expect(await p.evaluate(() => performance.getEntriesByName('table-ready').length)).toBe(1);
    await shot(p, 'table-setup');
    let shotPlanning = false;
    const steps = await playUntil(p, 'keyboard', async () => {
      if (!shotPlanning && (await p.getByRole('button', { name: 'Commit the plan' }).isVisible())) {
        shotPlanning = true;
        await shot(p, 'table-planning');
      }
      return gameOver(w)();
    });
    expect(steps.filter((s) => s === 'confirm').length).toBeGreaterThanOrEqual(4);
    await expect(p.getByTestId('result').textContent()).resolves.toMatch(/Success|Failure/);
    await expect(p.getByText(/^Score \d/).isVisible()).resolves.toBe(true);
    await shot(p, 'game-over');
    await activate(p, p.getByRole('button', { name: 'Back to the title' }), 'keyboard');
    await p.getByRole('button', { name: 'Start the game' }).waitFor();
    await expect(
      p
        .getByText(/finished/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 150_000);

  it('plays the tutorial to its end by mouse, on a high-density screen', async () => {
    const w = await fresh(2);
    const p = w.page;
    await newGame(w, 'All chairs (hot seat)', '777');
    await playUntil(p, 'mouse', gameOver(w));
    await shot(p, 'game-over-mouse-dpr2');
    const canvas = await p
      .locator('#map canvas')
      .evaluate((c: HTMLCanvasElement) => ({ w: c.width, css: c.getBoundingClientRect().width }));
    expect(canvas.w).toBeGreaterThanOrEqual(canvas.css * 2 - 2);
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 150_000);

  it('plays a historical scenario’s first three months as the Force Commander while bots hold the other chairs', async () => {
    const w = await fresh();
    const p = w.page;
    // MONUSCO's data is a chunk of its own, downloaded when the game starts
    await newGame(
      w,
      'Force Commander',
      '4242',
      'Follow the report',
      'MONUSCO 2012–2014: Goma, the Intervention Brigade and the Kampala talks',
    );
    await expect(p.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('MONUSCO');
    await playUntil(p, 'mouse', async () =>
      ((await p.getByTestId('month').textContent()) ?? '').startsWith('Month 4 of 18'),
    );
    const s = await p.evaluate(() => {
      const st = (
        window as unknown as {
          __mandate: { store: { getState(): { session: { game: { turn: number; log: { chair: string }[] } } } } };
        }
      ).__mandate.store.getState();
      return { turn: st.session.game.turn, chairs: [...new Set(st.session.game.log.map((a) => a.chair))].sort() };
    });
    expect(s.turn).toBe(4);
    expect(s.chairs).toEqual(['envoy', 'force', 'police', 'srsg']);
    await expect(p.getByRole('heading', { name: 'Results of month 3' }).isVisible()).resolves.toBe(true);
    await shot(p, 'force-with-bots');
    expect(w.problems).toEqual([]);
    await w.context.close();
  });

  it('resumes exactly after a reload in the middle of a month', async () => {
    const w = await fresh();
    const p = w.page;
    await newGame(w, 'All chairs (hot seat)', '99');
    await playUntil(p, 'keyboard', () => p.getByRole('heading', { name: 'Actions of the SRSG' }).isVisible());
    await activate(p, p.getByRole('button', { name: 'Add Task the JMAC to the plan' }), 'keyboard');
    await p.getByText('Task the JMAC', { exact: false }).first().waitFor();
    const read = () =>
      p.evaluate(() => {
        const st = (
          window as unknown as {
            __mandate: {
              store: { getState(): { session: { game: { log: unknown[]; phase: string; turn: number } } } };
            };
          }
        ).__mandate.store.getState();
        return JSON.stringify({ log: st.session.game.log, phase: st.session.game.phase, turn: st.session.game.turn });
      });
    const before = await read();
    await p.reload();
    // Hot seat: a reload in planning hides the plan until the chair says it holds the device.
    await p.getByRole('button', { name: 'I am the SRSG' }).click();
    await p.getByRole('heading', { name: 'Actions of the SRSG' }).waitFor();
    expect(await read()).toBe(before);
    await expect(p.getByRole('button', { name: 'Remove Task the JMAC from the plan' }).isVisible()).resolves.toBe(true);
    // the game is listed among the saved games
    await p.getByRole('button', { name: 'Back to title' }).click();
    await expect(
      p
        .getByRole('button', { name: /^Resume .*month 1$/ })
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    expect(w.problems).toEqual([]);
    await w.context.close();
  });

  it('exports a save, refuses a tampered one and imports the real one', async () => {
    const w = await fresh();
    const p = w.page;
    await newGame(w, 'All chairs (hot seat)', '31337');
    await playUntil(p, 'mouse', () => p.getByRole('button', { name: 'Set the strategy' }).isVisible());
    const [download] = await Promise.all([
      p.waitForEvent('download'),
      p.getByRole('button', { name: 'Download save file' }).click(),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    await p.getByRole('button', { name: 'Back to title' }).click();
    const savesBefore = await p.locator('.save-list li').count();
    const save = JSON.parse(text) as { log: { type: string; choice?: string }[] };
    const tampered = { ...save, seed: 1 };
    await p.getByLabel('Import a save file').setInputFiles({
      name: 'tampered.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(tampered)),
    });
    await expect(p.getByRole('alert').textContent()).resolves.toMatch(/cannot be used/);
    // focus goes to the message, so a keyboard or screen-reader user is where the news is
    await expect(p.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('notice');
    expect(await p.locator('.save-list li').count()).toBe(savesBefore);
    await p
      .getByLabel('Import a save file')
      .setInputFiles({ name: 'game.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await p.getByRole('button', { name: 'Set the strategy' }).waitFor();
    expect(w.problems).toEqual([]);
    await w.context.close();
  });

  it('switches to French and remembers it', async () => {
    const w = await fresh();
    const p = w.page;
    await p.getByLabel('Language').selectOption('fr');
    await p.getByRole('button', { name: 'Commencer la partie' }).waitFor();
    await expect(p.getByText('La Méridie est un pays fictif', { exact: false }).isVisible()).resolves.toBe(true);
    await p.reload();
    await p.getByRole('button', { name: 'Commencer la partie' }).click();
    await p.getByRole('heading', { name: 'Adopter le mandat' }).waitFor();
    await p.locator('#map[data-ready="true"]').waitFor({ timeout: 20_000 });
    await expect(p.getByRole('columnheader', { name: 'Région' }).isVisible()).resolves.toBe(true);
    await shot(p, 'table-french');
    expect(await p.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(w.problems).toEqual([]);
    await w.context.close();
  });

  it('lists the problems of a broken scenario file, line by line', async () => {
    const w = await fresh();
    const p = w.page;
    const broken = readFileSync(join(ROOT, 'scenarios/tutorial.yaml'), 'utf8')
      .replace('stance: 30', 'stance: 300')
      .replace('turns: 6', 'turns: many');
    await p
      .getByLabel('Load a scenario file (YAML)')
      .setInputFiles({ name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from(broken) });
    const alert = p.getByRole('alert');
    await expect(alert.textContent()).resolves.toMatch(/broken\.yaml has problems/);
    const items = await alert.getByRole('listitem').allTextContents();
    expect(items.length).toBeGreaterThanOrEqual(2);
    for (const line of items) expect(line).toMatch(/^broken\.yaml:\d+: \S+: /);
    await shot(p, 'broken-scenario');
    // a good custom scenario is accepted and selected, even one that kept the tutorial's id (an author's copy)
    const good = readFileSync(join(ROOT, 'scenarios/tutorial.yaml'), 'utf8').replace(
      'Tutorial: Meridia, six months',
      'My Meridia',
    );
    await p
      .getByLabel('Load a scenario file (YAML)')
      .setInputFiles({ name: 'mine.yaml', mimeType: 'text/yaml', buffer: Buffer.from(good) });
    await expect(p.getByRole('status').filter({ hasText: 'loaded' }).first().textContent()).resolves.toMatch(
      /My Meridia/,
    );
    // kept in this browser: after a reload it is checked again (the parser loads on demand) before its game resumes, and listed
    await newGame(w, 'SRSG', '7');
    await p.getByRole('heading', { name: 'My Meridia', level: 1 }).waitFor();
    await p.reload();
    await p.getByRole('heading', { name: 'Adopt the mandate' }).waitFor();
    await p.getByRole('heading', { name: 'My Meridia', level: 1 }).waitFor();
    await p.getByRole('button', { name: 'Back to title' }).click();
    await expect(
      p.getByLabel('Scenario', { exact: true }).locator('option', { hasText: 'My Meridia (custom)' }).count(),
    ).resolves.toBe(1);
    expect(w.problems).toEqual([]);
    await w.context.close();
  });
});
