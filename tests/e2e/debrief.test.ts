// Browser test of the debrief: finish the tutorial, check the debrief against the engine, export, replay, branch a what-if.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GameState } from '../../src/engine/index.js';
import { MECHANICS } from '../../src/scenario/constants.js';
import { conflictCostEntry, ledgerSum } from '../helpers/factory.js';
import { openPage, shot, useHarness } from './harness.js';
import { playUntil, startTutorial } from './play.js';

const harness = useHarness();

interface EngineGame {
  seed: number;
  turn: number;
  scenario: { id: string; version: number };
  indicators: Record<string, number>;
  log: unknown[];
  ledger: GameState['ledger'];
  outcome: { score: number; result: string; dimensions: Record<string, number> } | null;
}

describe('debrief and after-action review', () => {
  it('debriefs the tutorial from the engine’s record, exports it, replays the game file and branches a what-if', async () => {
    const h = harness();
    const w = await openPage(h);
    const p = w.page;
    await startTutorial(p, h.url, { seed: '2024' });

    // mid-game, the facilitator's record so far opens and closes again
    await playUntil(p, 'mouse', () => p.getByRole('button', { name: 'Set the strategy' }).isVisible());
    await playUntil(p, 'mouse', async () => ((await p.getByTestId('month').textContent()) ?? '').startsWith('Month 2'));
    await p.getByRole('button', { name: 'Record so far' }).click();
    await p.getByRole('heading', { name: /^Record so far/, level: 1 }).waitFor();
    await expect(p.getByTestId('debrief-result').textContent()).resolves.toBe('In progress');
    await p.getByRole('button', { name: 'Back to the game' }).click();
    await p.getByTestId('month').waitFor();

    await playUntil(p, 'mouse', () => p.getByRole('heading', { name: 'Game over', level: 2 }).isVisible());
    await p.getByRole('button', { name: 'Open the debrief' }).click();
    await p.getByRole('heading', { name: /^Debrief/, level: 1 }).waitFor();

    // the numbers shown are the engine's
    const engine = await p.evaluate(() => {
      const st = (
        window as unknown as {
          __mandate: {
            store: { getState(): { session: { game: unknown; scenario: { scoring: { threshold: number } } } } };
          };
        }
      ).__mandate.store.getState();
      return { game: st.session.game as EngineGame, threshold: st.session.scenario.scoring.threshold };
    });
    const g = engine.game;
    expect(g.outcome).not.toBeNull();
    const score = p.getByTestId('debrief-score');
    expect(Number(await score.getAttribute('data-score'))).toBe(g.outcome!.score);
    expect(Number(await score.getAttribute('data-threshold'))).toBe(engine.threshold);
    await expect(score.textContent()).resolves.toBe(`Score ${g.outcome!.score} (threshold ${engine.threshold})`);
    await expect(p.getByTestId('debrief-result').textContent()).resolves.toBe(
      g.outcome!.result === 'success' ? 'Success' : 'Failure',
    );
    const dims = await p
      .getByTestId('debrief-dimensions')
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [(r as HTMLElement).dataset['dimension'], r.querySelector('td')?.textContent]),
      );
    expect(dims.length).toBeGreaterThan(0);
    for (const [d, v] of dims) expect(Number(v), d).toBe(g.outcome!.dimensions[d!]);
    for (const [k, v] of Object.entries(g.indicators)) {
      const cells = await p
        .locator(`#chart-${k} .chart-data tbody tr`)
        .evaluateAll((rows) => rows.map((r) => r.querySelector('td')?.textContent));
      expect(cells, k).toHaveLength(g.turn + 1);
      expect(Number(cells[cells.length - 1]), k).toBe(v);
    }
    const conflictCost = ledgerSum(g, conflictCostEntry);
    expect(Number(await p.getByTestId('conflict-cost').getAttribute('data-cost'))).toBe(conflictCost);
    // the chairs' notes stand beside what followed
    await expect(p.locator('.db-turn td.note').first().textContent()).resolves.toBe('“Holding the line.”');
    await shot(p, 'debrief');

    // exports: the Markdown report and the game file
    const [md] = await Promise.all([
      p.waitForEvent('download'),
      p.getByRole('button', { name: 'Download the after-action report (Markdown)' }).click(),
    ]);
    const report = readFileSync((await md.path())!, 'utf8');
    expect(report).toMatch(/^# After-action report: /);
    expect(report).toContain(`Score ${g.outcome!.score} (success threshold ${engine.threshold})`);
    const [file] = await Promise.all([
      p.waitForEvent('download'),
      p.getByRole('button', { name: 'Download the game file' }).click(),
    ]);
    const gamePath = (await file.path())!;
    const save = JSON.parse(readFileSync(gamePath, 'utf8')) as {
      scenario: { id: string; version: number };
      seed: number;
      log: unknown[];
    };
    expect(save.scenario.id).toBe(g.scenario.id);
    expect(save.scenario.version).toBe(g.scenario.version);
    expect(save.seed).toBe(g.seed);
    expect(save.log).toEqual(g.log);
    // a chart as PNG, drawn from its SVG onto a canvas
    const [png] = await Promise.all([
      p.waitForEvent('download'),
      p.getByRole('button', { name: 'Download Political process as PNG' }).click(),
    ]);
    expect(
      readFileSync((await png.path())!)
        .subarray(1, 4)
        .toString('latin1'),
    ).toBe('PNG');
    // the print stylesheet hides the tools and tabs
    await p.emulateMedia({ media: 'print' });
    await expect(p.getByRole('tablist').isVisible()).resolves.toBe(false);
    await expect(p.getByTestId('debrief-score').isVisible()).resolves.toBe(true);
    await p.emulateMedia({ media: 'screen' });

    // the replay viewer loads the game file and steps back to month 1
    await p.getByRole('tab', { name: 'Replay' }).click();
    await p.getByLabel('Load a game file to replay').setInputFiles(gamePath);
    const status = p.getByTestId('replay-status');
    await expect.poll(() => status.getAttribute('data-turn')).toBe(String(g.turn));
    const back = p.getByRole('button', { name: 'Previous month' });
    for (let i = g.turn; i > 1; i--) await back.click();
    await expect(status.getAttribute('data-turn')).resolves.toBe('1');
    await expect(status.textContent()).resolves.toMatch(/^After month 1 of \d/);
    await expect(p.getByRole('heading', { name: 'Results of month 1' }).isVisible()).resolves.toBe(true);
    await p.locator('.replay-map[data-ready="true"]').waitFor({ timeout: 20_000 });
    await shot(p, 'replay-month-1');

    // what if: from month 2, the SRSG does nothing; both outcomes side by side
    await p.getByRole('tab', { name: 'What if' }).click();
    await p.getByLabel('Month', { exact: true }).selectOption({ label: 'Month 2' });
    await p.getByLabel('Decision').selectOption({ label: 'The plan of the SRSG' });
    await p.getByLabel('Instead').selectOption({ label: 'No action at all' });
    await p.getByRole('button', { name: 'Branch and play on' }).click();
    const result = p.getByTestId('whatif-result');
    await result.waitFor();
    const scoreRow = result.locator('tr[data-row="score"]');
    expect(Number(await scoreRow.locator('[data-side="original"]').getAttribute('data-value'))).toBe(g.outcome!.score);
    expect(Number.isFinite(Number(await scoreRow.locator('[data-side="branch"]').getAttribute('data-value')))).toBe(
      true,
    );
    for (const side of ['original', 'branch'])
      await expect(result.locator(`tr[data-row="result"] [data-side="${side}"]`).textContent()).resolves.toMatch(
        /^(Success|Failure)$/,
      );
    await expect(p.getByTestId('whatif-parts').textContent()).resolves.toMatch(
      /^(The ledgers part in month [2-9]|The two games are identical)/,
    );
    await shot(p, 'whatif');

    // the doctrines' study runs in a worker, with progress
    await p.getByRole('tab', { name: 'Against the doctrines' }).click();
    await p.getByLabel('Games per doctrine').fill('2');
    await p.getByRole('button', { name: 'Run the study' }).click();
    await p.getByTestId('study-results').waitFor({ timeout: 20_000 });
    await expect(p.getByTestId('study-results').locator('tr[data-doctrine="report"]').count()).resolves.toBe(1);

    // the model card lists every mechanic with its passage of the report
    await p.getByRole('tab', { name: 'Model card' }).click();
    await expect(p.locator('[data-model^="mech-"]').count()).resolves.toBe(MECHANICS.length);
    await expect(p.locator('#model-mech-plan-conflicts').textContent()).resolves.toMatch(/paragraph \d+/);

    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 150_000);
});
