// The engine's caches by identity (recent.ts) keep the last few keys; a key they forgot is worked out again, alike.
import { describe, expect, it } from 'vitest';
import { newGame, step, type Action, type GameState } from '../../src/engine/index.js';
import { legalList } from '../../src/engine/legal.js';
import { Recent } from '../../src/engine/recent.js';
import { viewFor } from '../../src/engine/view.js';
import { loadShipped } from '../helpers/factory.js';
import { playGame, seatAll } from '../../src/sim/play.js';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';

const scn = loadShipped('monusco-2013');

describe('Recent', () => {
  it('finds the value of each of the last `size` keys by identity, and forgets the oldest first', () => {
    const r = new Recent<object, number>(3);
    const keys = [{}, {}, {}, {}];
    keys.forEach((k, i) => r.set(k, i));
    expect(r.get(keys[0]!)).toBeUndefined();
    expect([1, 2, 3].map((i) => r.get(keys[i]!))).toEqual([1, 2, 3]);
    // An equal key that is another object finds nothing.
    expect(r.get({})).toBeUndefined();
  });

  it('replaces the value of a key it holds without forgetting another', () => {
    const r = new Recent<object, string>(2);
    const a = {};
    const b = {};
    r.set(a, 'a');
    r.set(b, 'b');
    r.set(a, 'a2');
    expect(r.get(a)).toBe('a2');
    expect(r.get(b)).toBe('b');
  });
});

describe('caches by identity in the engine', () => {
  it('give a state whose entries were pushed out the same legal lists and views as before', () => {
    const s = playGame(scn, 4, seatAll(DOCTRINES['report']!), undefined, 2);
    const lists = (['srsg', 'envoy', 'police', 'force'] as const).map((c) => legalList(s, scn, c));
    const views = (['srsg', 'envoy', 'police', 'force'] as const).map((c) => viewFor(s, scn, c));
    // Many other states asked about since: every cache has forgotten `s`.
    let t: GameState = newGame(scn, 9);
    for (let i = 0; i < 40 && t.phase !== 'over'; i++) {
      for (const c of ['srsg', 'envoy', 'police', 'force'] as const) viewFor(t, scn, c);
      const a: Action | undefined = legalList(t, scn, 'srsg')[0] ?? legalList(t, scn, 'force')[0];
      if (!a) break;
      const r = step(t, a, scn);
      if (!r.ok) break;
      t = r.state;
    }
    (['srsg', 'envoy', 'police', 'force'] as const).forEach((c, i) => {
      expect(legalList(s, scn, c)).toEqual(lists[i]);
      expect(viewFor(s, scn, c)).toEqual(views[i]);
    });
  });

  it('keep a state made by the engine its log and ledger on itself, where no hash, save or spread reads them', () => {
    const s = playGame(scn, 4, seatAll(DOCTRINES['report']!), undefined, 1);
    expect(Object.keys(s)).toEqual(Object.keys(JSON.parse(JSON.stringify(s)) as object));
    expect(Object.getOwnPropertySymbols(s).every((k) => !Object.getOwnPropertyDescriptor(s, k)!.enumerable)).toBe(true);
    const spread = { ...s };
    expect(Object.getOwnPropertySymbols(spread)).toEqual([]);
    expect(spread.ledger).toEqual(s.ledger);
  });
});
