// The planner keeps what it works out of each card (the worth of its effects: heuristic.ts `Valued`) from plan to plan:
// a plan must be the one a planner that never planned before makes.
import { describe, expect, it } from 'vitest';
import type { GameState } from '../../src/engine/index.js';
import { makeDoctrine, REPORT } from '../../src/sim/doctrines/heuristic.js';
import { STRONG } from '../../src/sim/doctrines/strong.js';
import { situationOf } from '../../src/sim/driver.js';
import { playGame, seatAll } from '../../src/sim/play.js';
import type { DoctrineContext } from '../../src/sim/doctrine.js';
import { loadShipped } from '../helpers/factory.js';

describe('the planner', () => {
  for (const style of [REPORT, STRONG])
    it(`of ${style.name} plans each month of a game as a planner made afresh plans it`, () => {
      const scn = loadShipped('monusco-2013');
      const planning: GameState[] = [];
      playGame(scn, 4, seatAll(makeDoctrine(style)), undefined, undefined, (s) => void planning.push(s));
      expect(planning.length).toBeGreaterThan(5);
      // One planner for every month and chair, the months in turn; each plan against a planner of a style of its own.
      const kept = makeDoctrine(style);
      let planned = 0;
      for (const s of planning)
        for (const chair of ['srsg', 'envoy', 'police', 'force'] as const) {
          // A situation each: the draws are keyed on the state, so each plan draws the same.
          const ctx = () => situationOf(s, scn, chair) as unknown as DoctrineContext;
          const items = kept.plan(ctx());
          expect(items).toEqual(makeDoctrine({ ...style }).plan(ctx()));
          planned += items.length;
        }
      expect(planned).toBeGreaterThan(0);
    });
});
