// A state's seed is a uint32: whatever its size, every state made keeps one shape (tape.ts UNSEEDED), so the first
// game on a seed at or above 2^31 throws away no code optimised on the states of the games before it.
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { newGame, replay, type GameState } from '../../src/engine/index.js';
import { loadShipped } from '../helpers/factory.js';
import { playGame, seatAll } from '../../src/sim/play.js';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';

setFlagsFromString('--allow-natives-syntax');
// V8's own test of two objects' hidden classes (a field that changes kind makes a new one and retires the old).
const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

const scn = loadShipped('monusco-2013');

describe('the seed of a state', () => {
  it('keeps the states of small and large seeds in one shape, new, stepped and replayed', () => {
    // Small seeds first, as a batch meets them: the field must not have taken their kind.
    const small: GameState[] = [newGame(scn, 3)];
    const played = playGame(scn, 3, seatAll(DOCTRINES['report']!), undefined, 2);
    small.push(played, replay(scn, 3, played.log).state);
    const large: GameState[] = [newGame(scn, 0xffffffff)];
    const big = playGame(scn, 0x90000000, seatAll(DOCTRINES['report']!), undefined, 2);
    large.push(big, replay(scn, 0x90000000, big.log).state);
    for (let i = 0; i < small.length; i++) expect(sameMap(small[i]!, large[i]!)).toBe(true);
    expect(large.map((s) => s.seed)).toEqual([0xffffffff, 0x90000000, 0x90000000]);
  });
});
