// Plays the game as a person would: by accessible role and name, with the keyboard or the mouse.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export type Mode = 'keyboard' | 'mouse';

export async function activate(page: Page, target: Locator, mode: Mode): Promise<void> {
  if (mode === 'mouse') await target.click();
  else {
    await target.focus();
    await page.keyboard.press('Enter');
  }
  await settled(page);
}

/** The table draws at the next animation frame: waits until what a step changed is on screen. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

/** Which of the game's steps the screen offers now, read in one round trip. */
async function offered(page: Page): Promise<{ names: string[]; choice: boolean; planEmpty: boolean; addable: number }> {
  return page.evaluate(() => {
    const shown = (b: HTMLButtonElement) => !b.disabled && b.offsetParent !== null;
    const buttons = [...document.querySelectorAll<HTMLButtonElement>('button')].filter(shown);
    return {
      names: buttons.map((b) => b.textContent?.trim() ?? ''),
      choice: document.querySelector('.choices button') !== null,
      planEmpty: [...document.querySelectorAll('.plan p')].some((x) => x.textContent === 'The plan is empty.'),
      addable: [...document.querySelectorAll<HTMLButtonElement>('.cards button')].filter(shown).length,
    };
  });
}

/**
 * Takes the next step the screen asks for; returns null when there is nothing to do.
 * `addCards`: in planning, put the first available action in the plan before committing.
 */
export async function playStep(page: Page, mode: Mode, addCards = true): Promise<string | null> {
  const btn = (name: string) => page.getByRole('button', { name, exact: true }).first();
  const o = await offered(page);
  const has = (n: string) => o.names.includes(n);
  // Hot seat: the device is passed to the next chair before its plan is on screen.
  const ready = o.names.find((n) => /^I am the /.test(n));
  if (ready) {
    await activate(page, btn(ready), mode);
    return 'pass';
  }
  if (has('Adopt the mandate')) {
    await activate(page, btn('Adopt the mandate'), mode);
    return 'adopt';
  }
  if (o.choice) {
    await activate(
      page,
      page
        .getByRole('group', { name: /^Decision for/ })
        .getByRole('button')
        .first(),
      mode,
    );
    return 'choose';
  }
  if (has('Close the sitrep')) {
    await activate(page, btn('Close the sitrep'), mode);
    return 'close';
  }
  if (has('Set the strategy')) {
    await activate(page, btn('Set the strategy'), mode);
    return 'strategy';
  }
  if (has('Commit the plan')) {
    if (addCards && o.planEmpty && o.addable > 0) {
      const add = page.locator('.cards').getByRole('button', { name: /^Add .* to the plan$/ });
      await activate(page, add.and(page.locator(':enabled')).first(), mode);
      return 'add';
    }
    const note = page.getByLabel('Note for the other chairs (optional)');
    if (mode === 'keyboard') {
      await note.focus();
      await page.keyboard.type('Holding the line.');
    } else await note.fill('Holding the line.');
    await activate(page, btn('Commit the plan'), mode);
    return 'commit';
  }
  if (has('Confirm my plan')) {
    await activate(page, btn('Confirm my plan'), mode);
    return 'confirm';
  }
  return null;
}

/** Plays until `done` holds, failing if the screen stops offering a step. */
export async function playUntil(
  page: Page,
  mode: Mode,
  done: () => Promise<boolean>,
  maxSteps = 400,
): Promise<string[]> {
  const steps: string[] = [];
  for (let i = 0; i < maxSteps; i++) {
    if (await done()) return steps;
    const s = await playStep(page, mode);
    if (s === null) {
      await page.waitForTimeout(50);
      if (await done()) return steps;
      const again = await playStep(page, mode);
      if (again === null)
        throw new Error(`stuck after ${steps.join(',')}: ${await page.locator('[data-testid=prompt]').textContent()}`);
      steps.push(again);
    } else steps.push(s);
  }
  throw new Error(`no end after ${maxSteps} steps`);
}

/** The controls that move the game on, while a chair may press them (a choice, the mandate, the sitrep, a plan…). */
const STEPS = [
  ...['hotseat-ready', 'adopt', 'close-sitrep', 'set-strategy', 'commit', 'confirm'].map(
    (k) => `[data-key="${k}"]:enabled`,
  ),
  '.choices button:enabled',
].join(', ');

/**
 * Plays a session chair's steps until `goal` shows. Waits for each step to be offered (the other chairs and the server
 * take their time) and for each action to be answered before reading the screen again: no fixed waits. Returns the
 * steps taken.
 */
export async function playTo(page: Page, goal: Locator): Promise<string[]> {
  const step = page.locator(STEPS);
  const steps: string[] = [];
  let idle = 0;
  for (;;) {
    await goal.or(step).filter({ visible: true }).first().waitFor();
    if (await goal.filter({ visible: true }).count()) return steps;
    const s = await playStep(page, 'mouse');
    if (s !== null) {
      steps.push(s);
      idle = 0;
    } else if (++idle > 100) throw new Error(`a step is shown that cannot be taken, after ${steps.join(',')}`);
    await page.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
  }
}

/** From the title screen to a ready tutorial table, with the given chair choice and seed. */
export async function startTutorial(p: Page, url: string, opts: { chair?: string; seed?: string } = {}): Promise<void> {
  await p.goto(`${url}?test`);
  await p.getByLabel('Your chair').selectOption({ label: opts.chair ?? 'All chairs (hot seat)' });
  if (opts.seed !== undefined) await p.getByLabel('Seed', { exact: true }).fill(opts.seed);
  await p.getByRole('button', { name: 'Start the game' }).click();
  await p.locator('#map[data-ready="true"]').waitFor({ timeout: 20_000 });
}

/** On the facilitator's console at `base`: creates a tutorial session for a team and returns its join code. */
export async function createSession(f: Page, base: string, token: string, team: string, seed: string): Promise<string> {
  await f.goto(`${base}#facilitator=${token}`);
  await f.getByRole('heading', { name: 'Workshop: facilitator' }).waitFor();
  await f.getByLabel('Scenario').selectOption('tutorial');
  await f.getByLabel('Team name').fill(team);
  await f.getByLabel('Seed').fill(seed);
  await f.getByRole('button', { name: 'Create the session' }).click();
  const code = (await f.getByText(/^Join code: /).textContent())!.replace('Join code: ', '');
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  return code;
}

/** A player's page comes in with the join link, gives a name and takes a chair (by its button's name, e.g. 'SRSG'). */
export async function joinAs(p: Page, base: string, code: string, name: string, chair: string): Promise<void> {
  await p.goto(`${base}?join=${code}`);
  await p.getByLabel('Your name').fill(name);
  await p.getByRole('button', { name: 'Join the session' }).click();
  await p.getByRole('button', { name: `Take the ${chair} chair` }).click();
}
