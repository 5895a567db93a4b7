// Shared steps for the legibility tests: what the table keeps across an Add, read from the page.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { settled } from './play.js';

/** The Force Commander's planning: types a note, moves a card's target to its second choice, adds two other cards by keyboard. */
export async function noteTargetsAndTwoCards(p: Page): Promise<void> {
  await p.getByRole('button', { name: 'Commit the plan' }).waitFor();
  const note = p.getByLabel('Note for the other chairs (optional)');
  await note.focus();
  await p.keyboard.type('Hold Lakeside');
  // a card with a choice of targets: its second target
  const select = p.locator('select[data-key="target-patrols"]');
  const second = await select.locator('option').nth(1).getAttribute('value');
  expect(second).toBeTruthy();
  await select.selectOption(second!);
  const addable = async () =>
    p.evaluate(() =>
      [...document.querySelectorAll<HTMLButtonElement>('.cards button[data-key^="add-"]')]
        .filter((b) => !b.disabled && b.dataset['key'] !== 'add-patrols')
        .map((b) => b.dataset['key']!),
    );
  for (let i = 0; i < 2; i++) {
    const [key] = await addable();
    expect(key).toBeTruthy();
    const add = p.locator(`[data-key="${key}"]`);
    await add.focus();
    await p.keyboard.press('Enter');
    // the plan shows the new item (a session's answer comes from the server), then the table has drawn
    await p.locator('.plan-items li').nth(i).waitFor();
    await settled(p);
    // the focus stays where the person acted: on the button, or on its card when the card is now closed
    const focus = await p.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { key: a?.dataset['key'] ?? null, home: a?.dataset['focusHome'] ?? null };
    });
    expect(focus.key === key || focus.home === key!.replace(/^add-/, '')).toBe(true);
  }
  await expect(p.locator('.plan-items li').count()).resolves.toBe(2);
  await expect(note.inputValue()).resolves.toBe('Hold Lakeside');
  await expect(select.inputValue()).resolves.toBe(second);
}
