// Drives the debrief's doctrine comparison as a player would, for its browser test (doctrines.test.ts) and for
// `npm run bench:web`, which times it: a finished MONUSCO game imported on the title screen, its debrief, the tab.
import type { BrowserContext, Page } from 'playwright-core';
import { makeSave, type GameState } from '../../src/engine/index.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';
import { playGame, seatAll } from '../../src/sim/play.js';

/** A MONUSCO game played to its end by `report` bots on seed 2013, and its save file as the title screen takes it. */
export function finishedGame(scn: Scenario): { readonly game: GameState; readonly save: string } {
  const game = playGame(scn, 2013, seatAll(DOCTRINES['report']!));
  return { game, save: JSON.stringify(makeSave(scn, game)) };
}

/** Makes the pages of `ctx` report `cores` cores: the comparison starts that many workers. */
export async function reportCores(ctx: BrowserContext, cores: number): Promise<void> {
  // init scripts run in pages, not in workers (which do not read it)
  await ctx.addInitScript((n) => {
    Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n });
  }, cores);
}

/** Imports the save on the title screen at `url` and opens its debrief's doctrine tab; sets the games per doctrine. */
export async function openComparison(page: Page, url: string, save: string, games: number): Promise<void> {
  await page.goto(`${url}?test`);
  await page
    .getByLabel('Import a save file')
    .setInputFiles({ name: 'monusco.json', mimeType: 'application/json', buffer: Buffer.from(save) });
  await page.getByRole('button', { name: 'Open the debrief' }).click();
  await page.getByRole('heading', { name: /^Debrief/, level: 1 }).waitFor();
  await page.getByRole('tab', { name: 'Against the doctrines' }).click();
  await page.getByLabel('Games per doctrine', { exact: true }).fill(String(games));
}
