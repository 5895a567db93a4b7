// Rollouts: deterministic, leave the state they start from as it was, and stop at the horizon.
import { describe, expect, it } from 'vitest';
import { hashState, viewFor } from '../../src/engine/index.js';
import { isFreezing } from '../../src/engine/freeze.js';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';
import { playGame, seatAll } from '../../src/sim/play.js';
import { rollouts, stateFromView } from '../../src/sim/rollout.js';
import { loadShipped } from '../helpers/factory.js';

const scn = loadShipped('tutorial');
const seats = seatAll(DOCTRINES['report']!);

describe('rollouts', () => {
  it('give the same scores for the same seed, differ with another, and change nothing', () => {
    const mid = playGame(scn, 5, seats, undefined, 2);
    const before = hashState(mid);
    const a = rollouts(scn, mid, { seats, games: 6, seed: 1 });
    const b = rollouts(scn, mid, { seats, games: 6, seed: 1 });
    const c = rollouts(scn, mid, { seats: seatAll(DOCTRINES['passive']!), games: 6, seed: 1 });
    expect(a.scores).toHaveLength(6);
    expect(a).toEqual(b);
    expect(c.scores).not.toEqual(a.scores);
    expect(hashState(mid)).toBe(before);
    expect(isFreezing()).toBe(true);
  });

  it('stop at the horizon, and run from a state rebuilt from a view', () => {
    const mid = playGame(scn, 5, seats, undefined, 1);
    const guess = stateFromView(scn, viewFor(mid, scn, 'envoy'), 77);
    let turns = 0;
    const r = rollouts(scn, guess, { seats, games: 3, seed: 2, horizon: guess.turn, onGame: () => turns++ });
    expect(turns).toBe(3);
    expect(r.scores.every((x) => Number.isFinite(x))).toBe(true);
    expect(r.wins).toBe(0);
  });
});
