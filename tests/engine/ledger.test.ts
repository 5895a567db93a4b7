// The ledger's entries as `change` makes them (ledger.ts): what a state's JSON, its hash and its saves hold of them.
import { describe, expect, it } from 'vitest';
import { hashState, type GameState } from '../../src/engine/index.js';
import { loadShipped } from '../helpers/factory.js';
import { playGame, seatAll } from '../../src/sim/play.js';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';

const scn = loadShipped('monusco-2013');

describe('ledger entries', () => {
  it('serialise with the fields of the literal they replace, in its order', () => {
    const s = playGame(scn, 4, seatAll(DOCTRINES['report']!), undefined, 3);
    expect(s.ledger.length).toBeGreaterThan(50);
    for (const e of s.ledger) expect(Object.keys(e)).toEqual(['turn', 'track', 'delta', 'cause', 'lessons']);
    const e = s.ledger.at(-1)!;
    expect(JSON.stringify(e)).toBe(
      JSON.stringify({ turn: e.turn, track: e.track, delta: e.delta, cause: e.cause, lessons: e.lessons }),
    );
    const plain = JSON.parse(JSON.stringify(s)) as GameState;
    expect(hashState(plain)).toBe(hashState(s));
  });
});
