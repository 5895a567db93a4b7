// What if, like for like: after the changed decision, a person's later decisions are taken again as they were.
import { describe, expect, it } from 'vitest';
import { decisionsOf } from '../../src/debrief/replay-chairs.js';
import { branchAt } from '../../src/debrief/whatif.js';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';
import { playGame, seatAll } from '../../src/sim/play.js';
import { loadShipped } from '../helpers/factory.js';

const scn = loadShipped('tutorial');

describe('what if, like for like', () => {
  // the "person" in the Force Commander's chair plays by another doctrine than the bots, so a bot in their place would differ
  const bots = seatAll(DOCTRINES['report']!);
  const person = DOCTRINES['force-first'] ?? DOCTRINES['strong'] ?? Object.values(DOCTRINES)[1]!;
  const original = playGame(scn, 21, { ...bots, force: person });

  it("keeps the trainee's later plans where they still apply, and says where the bots decided instead", () => {
    const r = branchAt(scn, original, 2, { kind: 'strategy', strategy: 'state-first' }, bots, ['force']);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { branch, replay } = r.value;
    expect(branch.phase).toBe('over');
    expect(replay.replayed).toBeGreaterThan(0);
    const before = decisionsOf(scn, original, ['force']);
    const after = decisionsOf(scn, branch, ['force']);
    const fellBack = new Set(replay.fallbacks.map((f) => f.turn));
    let same = 0;
    for (let turn = 2; turn <= Math.min(original.turn, branch.turn); turn++) {
      if (fellBack.has(turn)) continue;
      expect(after.get(`${turn}:force`)?.plan).toEqual(before.get(`${turn}:force`)?.plan);
      same += 1;
    }
    expect(same).toBeGreaterThan(0);
  });

  it('with no person in any chair, the bots decide everything after the change, as before', () => {
    const r = branchAt(scn, original, 2, { kind: 'strategy', strategy: 'state-first' }, bots);
    expect(r.ok && r.value.replay.replayed).toBe(0);
  });
});
