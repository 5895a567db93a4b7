// The log and the ledger are tapes shared between states (tape.ts): each state still sees its own plain arrays.
import { describe, expect, it } from 'vitest';
import { hashState, newGame, replay, step, type Action, type GameState } from '../../src/engine/index.js';
import { viewFor } from '../../src/engine/view.js';
import { loadShipped } from '../helpers/factory.js';
import { playGame, seatAll } from '../../src/sim/play.js';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';

const scn = loadShipped('monusco-2013');

function played(): GameState {
  return playGame(scn, 11, seatAll(DOCTRINES['report']!), undefined, 3);
}

function ok(s: GameState, a: Action): GameState {
  const r = step(s, a, scn);
  if (!r.ok) throw new Error(r.rejection.message);
  return r.state;
}

describe('log and ledger tapes', () => {
  it('leave every earlier state its own log and ledger as the game goes on', () => {
    const states: GameState[] = [];
    let s = newGame(scn, 5);
    const end = playGame(scn, 5, seatAll(DOCTRINES['report']!), s, 2);
    // Walk the same game again, keeping each state, then read them all only at the end.
    for (const a of end.log) {
      s = ok(s, a);
      states.push(s);
    }
    states.forEach((st, i) => {
      expect(st.log.length).toBe(i + 1);
      expect(st.log[i]).toBe(end.log[i]);
    });
    expect(states.at(-1)!.ledger).toEqual(end.ledger);
    for (let i = 1; i < states.length; i++) {
      const a = states[i - 1]!.ledger;
      const b = states[i]!.ledger;
      expect(b.length).toBeGreaterThanOrEqual(a.length);
      expect(b.slice(0, a.length)).toEqual(a);
    }
  });

  it('keep two branches from one state apart, however they are read', () => {
    const s = played();
    const reads: GameState[] = [];
    // Three steps from the same state; the first is read at once, the others only afterwards.
    for (const a of [
      { type: 'facilitator/adjust', indicator: 'consent', by: 3, reason: 'a' },
      { type: 'facilitator/adjust', indicator: 'consent', by: -4, reason: 'b' },
      { type: 'facilitator/adjust', indicator: 'credibility', by: 2, reason: 'c' },
    ] as const) {
      const next = ok(s, a);
      if (reads.length === 0) expect(next.log.length).toBe(s.log.length + 1);
      reads.push(next);
    }
    const [x, y, z] = reads as [GameState, GameState, GameState];
    expect(x.log.at(-1)).toMatchObject({ reason: 'a' });
    expect(y.log.at(-1)).toMatchObject({ reason: 'b' });
    expect(z.log.at(-1)).toMatchObject({ reason: 'c' });
    expect(x.ledger.at(-1)).toMatchObject({ delta: 3 });
    expect(y.ledger.at(-1)).toMatchObject({ delta: -4 });
    expect(z.ledger.at(-1)).toMatchObject({ track: { id: 'credibility' } });
    for (const b of reads) expect(b.ledger.length).toBe(s.ledger.length + 1);
    // And stepping on from a branch read in the middle leaves its siblings alone.
    const x2 = ok(x, { type: 'facilitator/adjust', indicator: 'consent', by: 1, reason: 'd' });
    expect(x2.log.slice(0, -1)).toEqual(x.log);
    expect(y.log.at(-1)).toMatchObject({ reason: 'b' });
  });

  it('serialise as plain arrays: JSON, spread copies and the hash are those of a plain state', () => {
    const s = played();
    const plain = JSON.parse(JSON.stringify(s)) as GameState;
    expect(Array.isArray(plain.log)).toBe(true);
    expect(plain.log).toEqual(s.log);
    expect(plain.ledger).toEqual(s.ledger);
    expect(hashState(plain)).toBe(hashState(s));
    expect(Object.keys(s).sort()).toEqual(Object.keys(plain).sort());
    const spread = { ...s };
    expect(Object.getOwnPropertyDescriptor(spread, 'log')?.value).toEqual(s.log);
    expect(structuredClone(s)).toEqual(plain);
  });

  it('go on from a plain state (a copy, a loaded one) as from the state it copies', () => {
    const s = played();
    const next = playGame(scn, 11, seatAll(DOCTRINES['report']!), s, 5);
    const fromPlain = playGame(scn, 11, seatAll(DOCTRINES['report']!), JSON.parse(JSON.stringify(s)) as GameState, 5);
    expect(hashState(fromPlain)).toBe(hashState(next));
    expect(viewFor(fromPlain, scn, 'force')).toEqual(viewFor(next, scn, 'force'));
    expect(hashState(replay(scn, 11, next.log).state)).toBe(hashState(next));
  });

  it('are frozen where states are, with the actions in them', () => {
    const s = played();
    expect(Object.isFrozen(s.log)).toBe(true);
    expect(Object.isFrozen(s.ledger)).toBe(true);
    expect(Object.isFrozen(s.ledger[0])).toBe(true);
    expect(Object.isFrozen(s.log.at(-1))).toBe(true);
    expect(() => (s.log as Action[]).push(s.log[0]!)).toThrow();
  });
});
