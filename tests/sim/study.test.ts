// The game passes its own study under strong play: every lesson-breaker made from `strong` scores
// below it on the same seeds, and `strong` wins often but not always.
import { describe, expect, it } from 'vitest';
import { paired, runStudy } from '../../src/sim/study.js';
import { loadShipped } from '../helpers/factory.js';

// A smaller run than the documented one (400 games, seed 11), so CI stays fast.
const GAMES = 40;

describe.each(['monusco-2013', 'minusma-2014'])('the lessons study of %s', (id) => {
  const rows = runStudy(loadShipped(id), GAMES, 11);
  const strong = rows.find((r) => r.name === 'strong')!;
  const pairs = paired(rows);

  it('puts every lesson-breaker made from strong below it, paired on the same seeds', () => {
    for (const p of pairs.filter((x) => x.name.startsWith('strong-')))
      expect(p.diffCi95[1], `strong vs ${p.name}`).toBeLessThan(0);
  });

  it('leaves real risk: strong wins often but not always', () => {
    expect(strong.winRate).toBeGreaterThanOrEqual(0.3);
    expect(strong.winRate).toBeLessThanOrEqual(0.97);
  });

  it('makes passive and random play do badly', () => {
    for (const name of ['passive', 'random']) {
      const r = rows.find((x) => x.name === name)!;
      expect(r.winRate).toBeLessThan(0.05);
      expect(r.meanScore).toBeLessThan(strong.meanScore - 10);
    }
  });
});
