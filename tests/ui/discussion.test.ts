// The projector's month-end discussion: the lessons of the month's events, the choices made and the strategy, each
// once and at most three, read from the scenario's index and the bundled catalogue.
import { describe, expect, it } from 'vitest';
import type { ProjectorView } from '../../src/net/protocol.js';
import { monthLessons } from '../../src/ui/session/discussion.js';
import { loadShipped } from '../helpers/factory.js';

const scn = loadShipped('monusco-2013');
/** The part of the projector's view the discussion reads. */
const view = (fired: ProjectorView['fired'], strategy: string | null) => ({ fired, strategy }) as ProjectorView;
const ids = (v: ProjectorView, turn: number) => monthLessons(scn, v, turn).map((l) => l.id);

describe('the lessons a month-end discussion asks about', () => {
  it('takes the month’s events and choices, then the strategy, each lesson once and three at most', () => {
    const fired = [
      { event: 'goma-falls', turn: 1, choice: 'hold-fire' },
      { event: 'minova', turn: 3, choice: 'quiet-diplomacy' },
      { event: 'm23-withdraws', turn: 2, choice: 'pnc-return' },
    ];
    expect(ids(view(fired, 'demobilise'), 3)).toEqual(['L-hoststate', 'L-population', 'L-spoilers']);
    expect(ids(view(fired, 'demobilise'), 2)).toEqual(['L-police', 'L-regional', 'L-hoststate']);
    expect(ids(view(fired, null), 1)).toEqual(['L-primacy', 'L-population']);
  });

  it('has the strategy’s lessons in a month with no event, and none for ids the scenario does not know', () => {
    expect(ids(view([], 'demobilise'), 4)).toEqual(['L-spoilers', 'L-primacy']);
    expect(ids(view([{ event: 'no-such-event', turn: 4, choice: null }], 'no-such-strategy'), 4)).toEqual([]);
  });
});
