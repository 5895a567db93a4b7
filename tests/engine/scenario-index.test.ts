// The scenario index's event runs (scenario-index.ts): each event as the sitrep and the warnings read it, in one shape.
import { describe, expect, it } from 'vitest';
import { indexOf } from '../../src/engine/index.js';
import { loadShipped } from '../helpers/factory.js';

describe('event runs', () => {
  for (const id of ['monusco-2013', 'minusma-2014', 'tutorial']) {
    it(`say what ${id}'s events say, in the scenario's order`, () => {
      const scn = loadShipped(id);
      const runs = indexOf(scn).eventRuns;
      expect(runs.map((r) => r.event)).toEqual(scn.events);
      for (const r of runs) {
        const e = r.event;
        expect(r.id).toBe(e.id);
        // A turn is in the run's window exactly when it is in the event's (every turn without one).
        for (const turn of [0, 1, 5, 12, 24, 200])
          expect(turn >= r.from && turn <= r.to).toBe(!e.window || (turn >= e.window.from && turn <= e.window.to));
        expect(r.warns).toBe(e.warnAt !== undefined);
        if (e.warnAt !== undefined) expect(r.warnAt).toBe(e.warnAt);
        expect([r.repeat, r.chance]).toEqual([e.repeat, e.chance]);
        expect(r.context.cause).toEqual({ kind: 'event', event: e.id });
        expect(r.context.lessons).toBe(e.lessons);
        // Every key of a run is present: one shape for all.
        expect(Object.keys(r)).toEqual(Object.keys(runs[0]!));
      }
    });
  }
});
