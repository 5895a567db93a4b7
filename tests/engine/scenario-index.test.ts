// The scenario index's event runs (scenario-index.ts): each event as the sitrep and the warnings read it, in one shape;
// and effects made ready (`readyEffects`): the number each names, looked up once.
import { describe, expect, it } from 'vitest';
import { indexOf } from '../../src/engine/index.js';
import { readyEffects, trackOf } from '../../src/engine/scenario-index.js';
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

describe('ready effects', () => {
  for (const id of ['monusco-2013', 'minusma-2014', 'tutorial']) {
    it(`name the number each of ${id}'s effects changes, in one shape`, () => {
      const scn = loadShipped(id);
      const idx = indexOf(scn);
      const lists = [
        ...scn.actions.map((c) => c.effects),
        ...scn.events.flatMap((e) => [e.effects, ...e.choices.map((c) => c.effects)]),
        ...scn.actors.flatMap((a) => a.rules.map((r) => r.effects)),
      ];
      let shape: string[] | undefined;
      for (const effects of lists) {
        const ready = readyEffects(idx, effects);
        expect(ready.map((r) => r.effect)).toEqual(effects);
        for (const r of ready) {
          shape ??= Object.keys(r);
          expect(Object.keys(r)).toEqual(shape);
          const e = r.effect;
          const ref = e.do === 'indicator' ? e.id : e.do === 'violence' ? e.region : 'actor' in e ? e.actor : undefined;
          if (e.do === 'indicator' || e.do === 'violence' || e.do === 'stance' || e.do === 'strength') {
            expect([r.kind, r.by]).toEqual([e.do, e.by]);
            // `$target` is known only as the effect applies; any other number is the scenario's shared track.
            expect(r.track).toBe(ref === '$target' ? undefined : trackOf(idx, e.do, ref!));
          } else expect([r.kind, r.track]).toEqual(['other', undefined]);
        }
      }
      // The rules' and the events' own are made ready with the index.
      expect(idx.rules.map((r) => r.effects.map((x) => x.effect))).toEqual(idx.rules.map((r) => r.rule.effects));
      expect(idx.eventRuns.map((r) => r.effects.map((x) => x.effect))).toEqual(scn.events.map((e) => e.effects));
    });
  }
});
