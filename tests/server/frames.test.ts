// The server's view frames: the facilitator's hash made from kept texts is the engine's hashState; streams restart on any change but growth.
import { describe, expect, it } from 'vitest';
import { hashState, newGame, replay, step, type GameState } from '../../src/engine/index.js';
import { loadScenario } from '../../src/scenario/load-node.js';
import { playGame, seatAll } from '../../src/sim/play.js';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';
import { SessionViews, Stream } from '../../src/server/frames.js';

const r = loadScenario('tutorial');
if (!r.ok) throw new Error('tutorial does not load');
const scn = r.value;
const played = playGame(scn, 7, seatAll(DOCTRINES['report']!), undefined, 999);

describe('the facilitator view hash', () => {
  it('equals hashState at every step of a game, through an undo and a replay', () => {
    const views = new SessionViews(scn);
    let s: GameState = newGame(scn, 7);
    const check = (x: GameState) => expect(views.hash(x)).toBe(hashState(x));
    check(s);
    for (const a of played.log) {
      const next = step(s, a, scn);
      if (!next.ok) throw new Error(next.rejection.message);
      s = next.state;
      check(s);
    }
    // Back to a shorter log (new objects, as an undo makes them), then the same states again.
    const back = replay(scn, 7, played.log.slice(0, 40));
    if (!back.ok) throw new Error('no replay');
    check(back.state);
    check(played);
    expect(played.log.length).toBeGreaterThan(100);
  });
});

describe('a stream of list entries', () => {
  it('keeps its generation while the list grows and starts a new one on anything else', () => {
    const a = { n: 1 };
    const b = { n: 2 };
    const st = new Stream();
    st.follow([a]);
    st.extend([a]);
    const gen = st.gen;
    expect(st.from({ gen, n: 1 })).toBe(1);
    expect(st.follow([a, b])).toBe(1);
    st.extend([a, b]);
    expect(st.gen).toBe(gen);
    expect(st.texts).toEqual(['{"n":1}', '{"n":2}']);
    // Equal but not the same entry: a new generation, and a connection holding the old one gets the whole list.
    expect(st.follow([{ n: 1 }, b])).toBe(0);
    expect(st.gen).not.toBe(gen);
    expect(st.from({ gen, n: 2 })).toBe(0);
    // Shorter, or the same list with another mark: new generations too.
    st.extend([a, b]);
    const g2 = st.gen;
    st.follow([a]);
    expect(st.gen).not.toBe(g2);
    const g3 = st.gen;
    st.follow([a], 'over');
    expect(st.gen).not.toBe(g3);
  });
});
