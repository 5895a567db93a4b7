// Browser test of the debrief's doctrine comparison: a finished MONUSCO game against 100 games per doctrine, with progress.
// How long it takes is printed here and measured by the benchmarks, not held by a timed test.
import { describe, expect, it } from 'vitest';
import { runStudy, STUDY_DOCTRINES } from '../../src/sim/study.js';
import { loadShipped } from '../helpers/factory.js';
import { finishedGame, openComparison, reportCores } from './comparison.js';
import { openPage, shot, useHarness, type Watched } from './harness.js';

const harness = useHarness();
const scn = loadShipped('monusco-2013');
const { game, save } = finishedGame(scn);

const panel = (w: Watched) => w.page.getByRole('region', { name: 'This game against the doctrines' });

/** The results table's rows: doctrine id, then the mean, interval and success-rate cells as shown. */
const shownRows = (w: Watched) =>
  w.page
    .locator('[data-testid="study-results"] tbody tr[data-doctrine]')
    .evaluateAll((trs) =>
      trs.map((r) => [
        (r as HTMLElement).dataset['doctrine']!,
        ...[...r.querySelectorAll('td')].map((td) => td.textContent ?? ''),
      ]),
    );

describe('doctrine comparison in the debrief', () => {
  it(
    'plays 100 games per doctrine of a finished MONUSCO game with a moving progress bar and shows the numbers',
    { timeout: 300_000 },
    async () => {
      expect(game.phase).toBe('over');
      const w = await openPage(harness());
      const p = w.page;
      await openComparison(p, harness().url, save, 100);
      const t0 = Date.now();
      await p.getByRole('button', { name: 'Run the study' }).click();
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
      const rows = await shownRows(w);
      expect(rows.map(([d]) => d).sort()).toEqual([...STUDY_DOCTRINES].sort());
      for (const [d, mean] of rows) expect(Number.isFinite(Number(mean)) && mean !== '', d).toBe(true);
      expect(await bar.getAttribute('max')).toBe(String(100 * STUDY_DOCTRINES.length));
      expect(await bar.getAttribute('value')).toBe(await bar.getAttribute('max'));
      await expect(panel(w).getByText('Study finished: 100 games per doctrine.').isVisible()).resolves.toBe(true);
      expect(w.problems).toEqual([]);
      await w.context.close();
    },
  );

  it(
    'shows the numbers of the single-thread study on the same seed, split over three workers and run twice',
    { timeout: 300_000 },
    async () => {
      const games = 3;
      const expected = runStudy(scn, games, game.seed).map((r) => [
        r.name,
        // one decimal always, so a column of means lines up (50.0, 57.5)
        r.meanScore.toFixed(1),
        `${r.ci95[0].toFixed(1)}–${r.ci95[1].toFixed(1)}`,
        `${Math.round(r.winRate * 100)}%`,
      ]);
      // three workers on two cores: jobs of one game, finished in whatever order the machine gives
      const w = await openPage(harness());
      await reportCores(w.context, 3);
      const p = w.page;
      await openComparison(p, harness().url, save, games);
      expect(await p.evaluate(() => navigator.hardwareConcurrency)).toBe(3);
      // the workers start with the first run, not when the tab opens: a player who only reads it starts none
      expect(p.workers()).toHaveLength(0);
      const run = p.getByRole('button', { name: 'Run the study' });
      for (const n of [games, 1, games]) {
        // the same workers serve each run; a run of another size between two of this one changes nothing
        await p.getByLabel('Games per doctrine', { exact: true }).fill(String(n));
        await run.click();
        await panel(w).getByText(`Study finished: ${n} games per doctrine.`).waitFor({ timeout: 240_000 });
        expect(p.workers()).toHaveLength(3);
        if (n !== games) continue;
        const shown = await shownRows(w);
        expect(shown.map((r) => r.slice(0, 4)).sort()).toEqual([...expected].sort());
      }
      expect(w.problems).toEqual([]);
      await w.context.close();
    },
  );
});
