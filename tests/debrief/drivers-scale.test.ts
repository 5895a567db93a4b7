// "What drove it" speaks in the dimension's own points: a 0–100 dimension is never moved by +328.
import { describe, expect, it } from 'vitest';
import { buildDebrief, trackWeight } from '../../src/debrief/debrief.js';
import { explain, newGame } from '../../src/engine/index.js';
import { dimensionsOf } from '../../src/engine/phases/assessment.js';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';
import { playGame, seatAll } from '../../src/sim/play.js';
import { loadShipped } from '../helpers/factory.js';

describe('the debrief’s drivers', () => {
  for (const id of ['monusco-2013', 'tutorial']) {
    it(`stay on each dimension’s 0–100 scale and add up to its change (${id})`, () => {
      const scn = loadShipped(id);
      const s = playGame(scn, 7, seatAll(DOCTRINES['random']!));
      const d = buildDebrief(scn, s, null);
      const start = dimensionsOf(newGame(scn, 7, s.secret), scn);
      for (const dim of d.dimensions) {
        for (const dr of dim.drivers) {
          expect(Math.abs(dr.delta), `${dim.dimension} ${dr.lesson}`).toBeLessThanOrEqual(100);
          for (const c of dr.causes) expect(Math.abs(c.delta)).toBeLessThanOrEqual(100);
        }
        // every cause of the dimension, weighted as the dimension weighs its numbers, adds up to its change
        const sign = dim.dimension === 'protection' || dim.dimension === 'casualties' ? -1 : 1;
        const all = dim.tracks.reduce(
          (sum, t) => sum + sign * trackWeight(scn, dim.dimension, t) * explain(s.ledger, t).net,
          0,
        );
        expect(Math.abs(all - (dim.value - start[dim.dimension])), dim.dimension).toBeLessThanOrEqual(1);
      }
      const protection = d.dimensions.find((x) => x.dimension === 'protection')!;
      expect(protection.drivers.length).toBeGreaterThan(0);
    });
  }
});
