// Browser test of the debrief's doctrine comparison: a finished MONUSCO game against 100 games per doctrine, with progress.
// How long it takes is printed here and measured by the benchmarks, not held by a timed test.
import { describe, expect, it } from 'vitest';
import { makeSave } from '../../src/engine/index.js';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';
import { STUDY_DOCTRINES } from '../../src/sim/study.js';
import { playGame, seatAll } from '../../src/sim/play.js';
import { loadShipped } from '../helpers/factory.js';
import { openPage, shot, useHarness } from './harness.js';

const harness = useHarness();

describe('doctrine comparison in the debrief', () => {
  it(
    'plays 100 games per doctrine of a finished MONUSCO game with a moving progress bar and shows the numbers',
    { timeout: 300_000 },
    async () => {
      const scn = loadShipped('monusco-2013');
      const game = playGame(scn, 2013, seatAll(DOCTRINES['report']!));
      expect(game.phase).toBe('over');
      const save = JSON.stringify(makeSave(scn, game));

      const w = await openPage(harness());
      const p = w.page;
      await p.goto(`${harness().url}?test`);
      await p
        .getByLabel('Import a save file')
        .setInputFiles({ name: 'monusco.json', mimeType: 'application/json', buffer: Buffer.from(save) });
      await p.getByRole('button', { name: 'Open the debrief' }).click();
      await p.getByRole('heading', { name: /^Debrief/, level: 1 }).waitFor();
      await p.locator('[data-key="db-tab-doctrines"]').click();
      await p.locator('#study-games').fill('100');
      const t0 = Date.now();
      await p.locator('[data-key="study-run"]').click();
      const bar = p.locator('.doctrines progress');
      await expect(bar.isVisible()).resolves.toBe(true);
      // the bar moves while the games run
      await p.waitForFunction(
        () =>
          Number(document.querySelector('.doctrines progress')?.getAttribute('value') ?? 0) > 0 ||
          !!document.querySelector('[data-testid="study-results"]'),
        undefined,
        { timeout: 20_000 },
      );
      await shot(p, 'debrief-doctrines-progress');
      await p.getByTestId('study-results').waitFor({ timeout: 240_000 });
      const seconds = (Date.now() - t0) / 1000;
      await shot(p, 'debrief-doctrines');
      console.log(`doctrine comparison: ${seconds.toFixed(1)} s for 100 games × ${STUDY_DOCTRINES.length} doctrines`);
      const rows = await p
        .locator('[data-testid="study-results"] tbody tr[data-doctrine]')
        .evaluateAll((trs) =>
          trs.map((r) => [(r as HTMLElement).dataset['doctrine'], r.querySelector('td')?.textContent ?? '']),
        );
      expect(rows.map(([d]) => d).sort()).toEqual([...STUDY_DOCTRINES].sort());
      for (const [d, mean] of rows) expect(Number.isFinite(Number(mean)) && mean !== '', d).toBe(true);
      expect(await bar.getAttribute('value')).toBe(await bar.getAttribute('max'));
      expect(w.problems).toEqual([]);
      await w.context.close();
    },
  );
});
