// Views share what did not change (the numbers of a month, the ledger's entries, each plan as seen) between states and
// chairs: what one chair may see must never reach another through a shared part, and a part kept from an earlier
// state must be what that state's own view would show.
import { describe, expect, it } from 'vitest';
import { boardFor, newGame, step, viewFor, type ChairView, type GameState } from '../../src/engine/index.js';
import type { Chair, Scenario } from '../../src/scenario/schema.js';
import { decide, nextChair, situationOf } from '../../src/sim/driver.js';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';
import { loadShipped } from '../helpers/factory.js';

const CHAIRS = ['srsg', 'envoy', 'police', 'force'] as const satisfies readonly Chair[];

/** The same state with arrays of its own, so that no part kept for the original (or any other state) can answer. */
const cold = (s: GameState): GameState => ({ ...s, ledger: [...s.ledger], log: [...s.log] });

/** Each state a doctrine decides on, with the chair that decides, as the bot driver plays them (through `step`). */
function decisions(scn: Scenario, seed: number, untilTurn: number, each: (s: GameState, n: number) => void): void {
  const doctrine = DOCTRINES['report']!;
  let s = newGame(scn, seed);
  for (let n = 0; s.phase !== 'over' && s.turn <= untilTurn; n++) {
    each(s, n);
    const chair = nextChair(s, scn, () => true);
    expect(chair).not.toBeNull();
    // The doctrine reads its own view first, as in a bot game, so the shared parts are made in the usual order.
    for (const a of decide(situationOf(s, scn, chair!), doctrine) ?? []) {
      const r = step(s, a, scn);
      if (r.ok) s = r.state;
    }
  }
}

/** What a chair must not see of another's plan before the reveal: its items and its note. */
function expectHidden(v: ChairView, revealed: boolean): void {
  for (const c of CHAIRS) {
    const p = v.plans[c];
    if (!p || c === v.viewer || revealed) continue;
    expect(p.items, `${v.viewer} sees ${c}'s items in ${v.phase}`).toBeNull();
    expect(p.note).toBeNull();
  }
}

describe('views that share parts', () => {
  for (const [id, months] of [
    ['tutorial', 6],
    ['monusco-2013', 3],
  ] as const)
    it(`show each chair of ${id} what a view made afresh shows it, whatever chair asked before`, () => {
      const scn = loadShipped(id);
      let checked = 0;
      decisions(scn, 21, months, (s, n) => {
        const revealed = s.phase === 'coordination' || s.phase === 'over';
        // Every chair in turn, starting with a different one each time, so that each chair's view follows another's
        // of the same state (the case where a part made for one chair could be handed to the next).
        for (let i = 0; i < CHAIRS.length; i++) {
          const chair = CHAIRS[(n + i) % CHAIRS.length]!;
          for (const ledgerFrom of [0, Math.max(0, s.turn - 2)]) {
            const v = viewFor(s, scn, chair, { ledgerFrom });
            expectHidden(v, revealed);
            expect(v).toEqual(viewFor(cold(s), scn, chair, { ledgerFrom }));
            // The parts views make and share are frozen under tests, so no caller can change what another chair
            // will be shown (the warnings before month 1 are the state's own list).
            const made = [v.indicators, v.violence, v.actors, v.ledger, ...Object.values(v.plans)];
            for (const part of s.turn < 1 ? made : [...made, v.warnings]) expect(Object.isFrozen(part)).toBe(true);
            checked++;
          }
        }
        // A chair's own plan, open to it, is never the object another chair is shown before the reveal.
        if (!revealed)
          for (const c of CHAIRS) {
            const own = viewFor(s, scn, c).plans[c];
            for (const other of CHAIRS)
              if (other !== c && s.plans[c]) expect(viewFor(s, scn, other).plans[c]).not.toBe(own);
          }
      });
      expect(checked).toBeGreaterThan(100);
    });

  it("show on a chair's board each field of its view that is not a number, the warnings or the ledger, as the view does", () => {
    const scn = loadShipped('monusco-2013');
    const numbers = ['indicators', 'violence', 'actors', 'warnings', 'ledger'];
    let checked = 0;
    decisions(scn, 13, 3, (s, n) => {
      // A game set shorter than the scenario shows its length on the board as in the view.
      for (const state of n % 5 === 0 ? [s, { ...s, months: 2 }] : [s])
        for (const chair of CHAIRS) {
          const board = boardFor(state, scn, chair);
          const view = viewFor(state, scn, chair);
          expect(Object.keys(board).sort()).toEqual(
            Object.keys(view)
              .filter((k) => !numbers.includes(k))
              .sort(),
          );
          for (const [k, x] of Object.entries(board)) expect(x, k).toStrictEqual(view[k as keyof ChairView]);
          // Each plan the object the view shows (the others' hidden before the reveal).
          for (const c of CHAIRS) expect(board.plans[c], c).toBe(view.plans[c]);
          expectHidden({ ...view, ...board }, state.phase === 'coordination' || state.phase === 'over');
          checked++;
        }
    });
    expect(checked).toBeGreaterThan(100);
  });

  it('send each seen ledger entry as the plain record it stands for (its fields, in order, and nothing more)', () => {
    const scn = loadShipped('monusco-2013');
    let last: GameState | undefined;
    decisions(scn, 8, 2, (s) => void (last = s));
    const s = last!;
    const v = viewFor(s, scn, 'srsg');
    expect(v.ledger.length).toBe(s.ledger.length);
    const plain = s.ledger.map((e) => ({
      turn: e.turn,
      track: e.track,
      delta:
        e.track.kind === 'implementation' ||
        (e.track.kind === 'indicator' && scn.indicators[e.track.id].observed !== 'estimated')
          ? e.delta
          : null,
      direction: e.delta > 0 ? 'up' : 'down',
      cause: e.cause,
      lessons: e.lessons,
    }));
    expect(JSON.stringify(v.ledger)).toBe(JSON.stringify(plain));
    expect(v.ledger.map((e) => ({ ...e }))).toEqual(plain);
    expect(plain.some((e) => e.delta === null) && plain.some((e) => e.delta !== null)).toBe(true);
  });

  it('keep a plan hidden from the other chairs after its own chair has seen it, in every phase before the reveal', () => {
    const scn = loadShipped('tutorial');
    let hidden = 0;
    decisions(scn, 5, 3, (s) => {
      if (s.phase !== 'planning') return;
      for (const c of CHAIRS) {
        if (!s.plans[c]?.items.length) continue;
        // The owner sees its items first (the open plan is made and kept), then every other chair asks.
        expect(viewFor(s, scn, c).plans[c]!.items).toEqual(s.plans[c]!.items);
        for (const other of CHAIRS)
          if (other !== c) {
            expect(viewFor(s, scn, other).plans[c]!.items).toBeNull();
            hidden++;
          }
      }
    });
    expect(hidden).toBeGreaterThan(0);
  });
});
