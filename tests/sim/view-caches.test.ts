// The caches behind views and legal lists: kept by object identity, they must never hand one state what another sees.
import { describe, expect, it } from 'vitest';
import { checkAllowed, legalActions, seedWorld, viewFor, type GameState } from '../../src/engine/index.js';
import { legalList } from '../../src/engine/legal.js';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';
import { playGame, seatAll } from '../../src/sim/play.js';
import { loadShipped } from '../helpers/factory.js';

const monusco = loadShipped('monusco-2013');
const midGame = (): GameState => playGame(monusco, 77, seatAll(DOCTRINES['report']!), undefined, 3);
/** The same state with its own ledger array, so no cache kept for the original can answer for it. */
const cold = (s: GameState): GameState => ({ ...s, ledger: [...s.ledger], log: [...s.log] });

describe('view and legality caches', () => {
  it('a state copied with its world drawn afresh (a rollout) sees its own fog, not the original game`s', () => {
    const s = midGame();
    expect(s.world).toBeTruthy();
    // Two rollouts from one state: copies that share its ledger array, each with a world of its own.
    const first = viewFor({ ...s, world: seedWorld(1) }, monusco, 'srsg');
    const other = { ...s, world: seedWorld(2) };
    const seen = viewFor(other, monusco, 'srsg');
    expect(seen).toEqual(viewFor(cold(other), monusco, 'srsg'));
    // The world keys the true starting values, so the estimates differ between the two somewhere.
    expect(seen.indicators).not.toEqual(first.indicators);
  });

  it('keeps one legal list per state and chair, and hands out copies to writers', () => {
    const s = midGame();
    const a = legalList(s, monusco, 'envoy');
    expect(legalList(s, monusco, 'envoy')).toBe(a);
    const copy = legalActions(s, monusco, 'envoy');
    expect(copy).not.toBe(a);
    expect(copy).toEqual(a);
    expect(legalActions(cold(s), monusco, 'envoy')).toEqual(a);
  });

  it('legality kept for the states of a planning phase answers a state that differs in what conditions read as a cold copy', () => {
    let planning: GameState | undefined;
    playGame(monusco, 77, seatAll(DOCTRINES['report']!), undefined, 3, (s) => {
      if (s.turn === 3) planning = s;
    });
    const s = planning!;
    expect(s.phase).toBe('planning');
    for (const chair of ['srsg', 'envoy', 'police', 'force'] as const) legalActions(s, monusco, chair);
    // Each shares the ledger and numbers (so the knowledge) of `s`, and differs in one part a card's legality reads.
    const variants: GameState[] = [
      { ...s, mandate: s.mandate.slice(1) },
      { ...s, played: Object.fromEntries(monusco.actions.map((c) => [c.id, s.turn])) },
      { ...s, units: {} },
      { ...s, flags: [] },
      { ...s, strategy: null },
    ];
    for (const v of variants)
      for (const chair of ['srsg', 'envoy', 'police', 'force'] as const) {
        const list = legalActions(v, monusco, chair);
        expect(list).toEqual(legalActions(cold(v), monusco, chair));
        for (const a of legalActions(s, monusco, chair))
          expect(checkAllowed(v, a, monusco)).toEqual(checkAllowed(cold(v), a, monusco));
      }
    // And the variants do change something, so the cache was asked a question it could get wrong.
    expect(legalActions(variants[1]!, monusco, 'srsg')).not.toEqual(legalActions(s, monusco, 'srsg'));
    expect(legalActions(variants[2]!, monusco, 'force')).not.toEqual(legalActions(s, monusco, 'force'));
  });
});
