// The game passes its own study: following the report does clearly better, but does not always win.
import { describe, expect, it } from 'vitest';
import { runStudy } from '../../src/sim/study.js';
import { loadShipped } from '../helpers/factory.js';

// A smaller run than the documented one (400 games, seed 11), so CI stays fast.
const GAMES = 60;

describe.each(['monusco-2013', 'minusma-2014'])('the lessons study of %s', (id) => {
  const rows = runStudy(loadShipped(id), GAMES, 11);
  const report = rows.find((r) => r.name === 'report')!;
  const others = rows.filter((r) => r.name !== 'report');

  it('puts report’s 95% interval above every other doctrine’s', () => {
    for (const r of others) expect(report.ci95[0], `report vs ${r.name}`).toBeGreaterThan(r.ci95[1]);
  });

  it('leaves real risk: report wins often but not always', () => {
    expect(report.winRate).toBeGreaterThanOrEqual(0.3);
    expect(report.winRate).toBeLessThanOrEqual(0.95);
  });

  it('makes passive and random play do badly', () => {
    for (const name of ['passive', 'random']) {
      const r = rows.find((x) => x.name === name)!;
      expect(r.winRate).toBeLessThan(0.05);
      expect(r.meanScore).toBeLessThan(report.meanScore - 15);
    }
  });
});
