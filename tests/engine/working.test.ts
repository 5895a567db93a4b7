// A game played in place (working.ts `Working`: replay, bot games, rollouts) is the game step() plays, and the states it
// hands out keep their contents however the game goes on from them.
import { describe, expect, it } from 'vitest';
import { hashState, newGame, replay, step, type Action, type GameState } from '../../src/engine/index.js';
import { Working } from '../../src/engine/working.js';
import { legalList } from '../../src/engine/legal.js';
import { viewFor } from '../../src/engine/view.js';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';
import { playGame, seatAll } from '../../src/sim/play.js';
import { loadShipped, statesAlong } from '../helpers/factory.js';

const scn = loadShipped('monusco-2013');
const minusma = loadShipped('minusma-2014');

/** The states step() makes along a log, one after each action. */
const stepped = (sc: typeof scn, seed: number, log: readonly Action[]): GameState[] =>
  statesAlong(sc, newGame(sc, seed), log);

describe('a game played in place', () => {
  // A whole game with the bots that think least, and the first months with those that search (slow where frozen).
  for (const [sc, doctrine, seed, until] of [
    [scn, 'report', 4, undefined],
    [minusma, 'strong', 6, 2],
  ] as const) {
    it(`is the game step() plays, whichever states are handed out (${sc.id}, ${doctrine})`, () => {
      const end = playGame(sc, seed, seatAll(DOCTRINES[doctrine]!), undefined, until);
      const byStep = stepped(sc, seed, end.log).map(hashState);
      expect(byStep.at(-1)).toBe(hashState(end));
      // Handed out after every action, after every seventh (the plans written in place between), and only at the end.
      for (const every of [1, 7, Infinity]) {
        const game = new Working(sc, newGame(sc, seed));
        const out: [number, GameState, string][] = [];
        end.log.forEach((a, i) => {
          expect(game.play(a)).toBeNull();
          if ((i + 1) % every === 0) {
            const s = game.state();
            out.push([i, s, hashState(s)]);
          }
        });
        expect(hashState(game.state())).toBe(byStep.at(-1));
        // Each state handed out was the state step() made there, and still is.
        for (const [i, s, h] of out) {
          expect(h).toBe(byStep[i]);
          expect(hashState(s)).toBe(h);
          expect(s.log.length).toBe(i + 1);
        }
      }
    });
  }

  it('hands out frozen states whose legal lists and views do not change as the game goes on', () => {
    const end = playGame(scn, 9, seatAll(DOCTRINES['report']!), undefined, 2);
    const game = new Working(scn, newGame(scn, 9));
    const seen: [GameState, string, string][] = [];
    for (const a of end.log) {
      const s = game.state();
      // The start (a new game, as newGame makes it) is the caller's; every state made since is frozen.
      if (game.steps > 0) expect(Object.isFrozen(s) && Object.isFrozen(s.plans)).toBe(true);
      // Read now, so that the caches keyed by the state or its branches hold these answers.
      seen.push([s, JSON.stringify(legalList(s, scn, 'force')), JSON.stringify(viewFor(s, scn, 'envoy'))]);
      expect(game.play(a)).toBeNull();
    }
    for (const [s, legal, view] of seen) {
      expect(JSON.stringify(legalList(s, scn, 'force'))).toBe(legal);
      expect(JSON.stringify(viewFor(s, scn, 'envoy'))).toBe(view);
      const thawed = JSON.parse(JSON.stringify(s)) as GameState;
      expect(JSON.stringify(legalList(thawed, scn, 'force'))).toBe(legal);
    }
  });

  it('leaves itself untouched when an action is refused, with the verdict step() gives', () => {
    const end = playGame(scn, 2, seatAll(DOCTRINES['report']!), undefined, 1);
    const game = new Working(scn, newGame(scn, 2));
    const wrong: Action[] = [
      { type: 'plan/add', chair: 'force', item: { kind: 'card', card: 'no-such-card' } },
      { type: 'strategy/set', chair: 'police', strategy: 'x' },
      { type: 'plan/remove', chair: 'srsg', index: 11 },
      // Malformed: step() refuses it for its shape, and so does a game played in place where states are frozen.
      { type: 'plan/confirm', chair: 'srsg', extra: 1 } as unknown as Action,
    ];
    for (const a of end.log) {
      for (const w of wrong) {
        const before = game.state();
        const h = hashState(before);
        const steps = game.steps;
        const r = step(before, w, scn);
        expect(game.play(w)).toEqual(r.ok ? null : r.rejection);
        if (r.ok) continue;
        expect(game.steps).toBe(steps);
        expect(game.state()).toBe(before);
        expect(hashState(before)).toBe(h);
      }
      expect(game.play(a)).toBeNull();
    }
    expect(hashState(game.state())).toBe(hashState(end));
  });

  it('judges every action on the game as it stands when no state is handed out between', () => {
    // The working copy is written in place: a legality context kept for it from one step to the next would let a card
    // be added twice, a unit be ordered twice or a plan be committed twice. Each action is tried again at once.
    const end = playGame(scn, 3, seatAll(DOCTRINES['report']!), undefined, 3);
    const byStep = stepped(scn, 3, end.log);
    const game = new Working(scn, newGame(scn, 3));
    let refused = 0;
    end.log.forEach((a, i) => {
      expect(game.play(a)).toBeNull();
      const r = step(byStep[i]!, a, scn);
      if (r.ok) return;
      refused++;
      expect(game.play(a)).toEqual(r.rejection);
    });
    expect(refused).toBeGreaterThan(end.log.length / 2);
    expect(hashState(game.state())).toBe(hashState(byStep.at(-1)!));
  });

  it('goes on as step() does while another game goes on from a state it handed out', () => {
    // The two games append to the same buffers of the log and the ledger until one of them copies its own.
    const end = playGame(scn, 8, seatAll(DOCTRINES['report']!), undefined, 3);
    const byStep = stepped(scn, 8, end.log);
    const half = Math.floor(end.log.length / 2);
    const game = new Working(scn, newGame(scn, 8));
    end.log.slice(0, half).forEach((a) => expect(game.play(a)).toBeNull());
    const mid = game.state();
    const other = new Working(scn, mid);
    const adjust: Action = { type: 'facilitator/adjust', indicator: 'consent', by: 2, reason: 'a branch' };
    end.log.slice(half).forEach((a, i) => {
      expect(other.play(adjust)).toBeNull();
      expect(game.play(a)).toBeNull();
      if (i % 3 === 0) expect(hashState(game.state())).toBe(hashState(byStep[half + i]!));
    });
    expect(hashState(game.state())).toBe(hashState(byStep.at(-1)!));
    const branch = other.state();
    expect(branch.log.slice(0, half)).toEqual(mid.log);
    expect(branch.log.slice(half).every((a) => a === adjust)).toBe(true);
    expect(branch.ledger.slice(0, mid.ledger.length)).toEqual(mid.ledger);
  });

  it('goes on from a state of step() or a plain copy, leaving it as it was', () => {
    const mid = playGame(scn, 5, seatAll(DOCTRINES['report']!), undefined, 3);
    const h = hashState(mid);
    const plain = JSON.parse(JSON.stringify(mid)) as GameState;
    const a = playGame(scn, 5, seatAll(DOCTRINES['report']!), mid);
    const b = playGame(scn, 5, seatAll(DOCTRINES['report']!), plain);
    expect(hashState(mid)).toBe(h);
    expect(hashState(plain)).toBe(h);
    expect(hashState(b)).toBe(hashState(a));
    expect(hashState(replay(scn, 5, a.log).state)).toBe(hashState(a));
    // Two games from one state do not see each other's actions.
    expect(mid.log.length).toBeLessThan(a.log.length);
    expect(a.log.slice(0, mid.log.length)).toEqual(mid.log);
  });
});

describe('a month stepped again from the same state', () => {
  it('opens as it did the first time: the events fired and the warnings (the fired index is taken over, then made anew)', () => {
    const seed = 4;
    const log = playGame(scn, seed, seatAll(DOCTRINES['report']!)).log;
    const states = [newGame(scn, seed), ...stepped(scn, seed, log)];
    let months = 0;
    for (let i = 0; i < log.length; i++) {
      const before = states[i]!;
      const after = states[i + 1]!;
      if (after.turn === before.turn && after.phase !== 'over') continue;
      months++;
      // Stepped twice more from the state before: each opens the month on the fired list as `before` holds it.
      for (let again = 0; again < 2; again++) {
        const r = step(before, log[i]!, scn);
        expect(r.ok && hashState(r.state)).toBe(hashState(after));
      }
      // And the game goes on from the first as it did (its index was taken over by the steps since).
      const next = log.slice(i + 1).findIndex((a) => a.type === 'plan/confirm');
      if (next >= 0)
        expect(hashState(statesAlong(scn, after, log.slice(i + 1, i + 2 + next)).at(-1)!)).toBe(
          hashState(states[i + 2 + next]!),
        );
    }
    expect(months).toBeGreaterThan(5);
  });
});
