// The speed work's guarantees: the quick action check agrees with the schema, the legality context lists what
// checkAllowed allows, and states stay frozen under tests.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { ActionShape, isAction } from '../../src/engine/action-shape.js';
import { setFreezing } from '../../src/engine/freeze.js';
import {
  checkAllowed,
  legalActions,
  newGame,
  replay,
  step,
  type Action,
  type GameState,
} from '../../src/engine/index.js';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';
import { playGame, seatAll } from '../../src/sim/play.js';
import { loadShipped } from '../helpers/factory.js';

const scn = loadShipped('monusco-2013');

/** States from a real game: one as each turn's planning opens, and a few mid-plan. */
function states(): GameState[] {
  const out: GameState[] = [];
  playGame(scn, 3, seatAll(DOCTRINES['random']!), undefined, undefined, (s) => void out.push(s));
  return out;
}

describe('quick action check', () => {
  const samples: Action[] = [];
  for (const s of states().slice(0, 4))
    for (const c of ['srsg', 'force', 'envoy', 'police'] as const) samples.push(...legalActions(s, scn, c));
  samples.push(
    { type: 'plan/commit', chair: 'srsg', note: 'x' },
    { type: 'mandate/adopt', chair: 'srsg', tasks: ['a'] },
    { type: 'sitrep/close', chair: 'srsg' },
  );

  it('accepts only what the schema accepts, over mutated actions', () => {
    const mutate = fc.tuple(fc.nat(samples.length - 1), fc.string({ maxLength: 3 }), fc.anything(), fc.boolean());
    fc.assert(
      fc.property(mutate, ([i, key, value, drop]) => {
        const a = JSON.parse(JSON.stringify(samples[i]!)) as Record<string, unknown>;
        const keys = Object.keys(a);
        const k = key === '' ? keys[key.length % keys.length]! : key;
        if (drop) delete a[k];
        else a[k] = value;
        if (isAction(a)) expect(ActionShape.safeParse(a).success).toBe(true);
        else expect(ActionShape.safeParse(a).success).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts the real actions', () => {
    for (const a of samples) expect(isAction(a)).toBe(true);
  });
});

describe('legality context', () => {
  it('lists exactly the candidates checkAllowed allows, and listed actions step', () => {
    for (const s of states().slice(0, 3)) {
      for (const chair of ['srsg', 'force', 'envoy', 'police'] as const) {
        const legal = legalActions(s, scn, chair);
        for (const a of legal) expect(checkAllowed(s, a, scn)).toBeNull();
        for (const a of legal.slice(0, 5)) expect(step(s, a, scn).ok).toBe(true);
        const thawed = JSON.parse(JSON.stringify(s)) as GameState;
        // Every card × target and move the rules know of, checked one by one with no context shared.
        const listed = new Set(legal.map((a) => JSON.stringify(a)));
        for (const card of scn.actions.filter((c) => c.chair === chair)) {
          const targets =
            card.target === 'none'
              ? [undefined]
              : card.target === 'region'
                ? scn.regions.map((r) => r.id)
                : scn.actors.map((x) => x.id);
          for (const target of targets) {
            const a: Action = {
              type: 'plan/add',
              chair,
              item: target === undefined ? { kind: 'card', card: card.id } : { kind: 'card', card: card.id, target },
            };
            const fresh = checkAllowed(thawed, a, scn);
            expect(fresh === null, `${card.id} ${target}`).toBe(listed.has(JSON.stringify(a)));
          }
        }
      }
    }
  });
});

describe('immutability', () => {
  it('states are deeply frozen under tests, and a step leaves the state it came from as it was', () => {
    const s0 = newGame(scn, 1);
    const s = playGame(scn, 1, seatAll(DOCTRINES['report']!), s0, 2);
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.actors[Object.keys(s.actors)[0]!])).toBe(true);
    expect(Object.isFrozen(s.plans.srsg?.items)).toBe(true);
    const before = JSON.stringify(s);
    const a = (['srsg', 'force', 'envoy', 'police'] as const).flatMap((c) => legalActions(s, scn, c))[0]!;
    expect(step(s, a, scn).ok).toBe(true);
    expect(JSON.stringify(s)).toBe(before);
  });
});

describe('the shape check', () => {
  it('leaves the schema off the path of replay and bot games where states are not frozen, not off step()', () => {
    const parse = vi.spyOn(ActionShape, 'safeParse');
    try {
      setFreezing(false);
      const end = playGame(scn, 8, seatAll(DOCTRINES['report']!), undefined, 2);
      // A commit with a note is well formed, but the quick check leaves it to the schema.
      const log = end.log.map((a) => (a.type === 'plan/commit' ? { ...a, note: 'a note' } : a));
      expect(isAction(log.find((a) => a.type === 'plan/commit'))).toBe(true);
      parse.mockClear();
      const r = replay(scn, 8, log);
      expect(r.ok && r.state.log.length).toBe(end.log.length);
      expect(parse).not.toHaveBeenCalled();
      // step() checks every action it is sent, and the schema decides what the quick check leaves in doubt.
      setFreezing(true);
      step(end, { type: 'plan/commit', chair: 'srsg', note: 'x' }, scn);
      expect(parse).toHaveBeenCalled();
    } finally {
      setFreezing(true);
      parse.mockRestore();
    }
  });
});

describe("the facilitator's refusals", () => {
  it('say which of their four faults it is', () => {
    const s = playGame(scn, 2, seatAll(DOCTRINES['report']!), undefined, 1);
    const code = (a: Action, at: GameState = s) => {
      const r = step(at, a, scn);
      return r.ok ? null : r.rejection.code;
    };
    expect(code({ type: 'facilitator/inject', event: 'no-such', reason: 'x' })).toBe('facilitator/unknown-event');
    expect(
      code({
        type: 'facilitator/custom',
        title: 't',
        effects: [{ do: 'violence', region: 'atlantis', by: 3 }],
        reason: 'x',
      }),
    ).toBe('facilitator/unknown-place');
    expect(
      code({
        type: 'facilitator/custom',
        title: 't',
        effects: [{ do: 'stance', actor: 'nobody', by: 3 }],
        reason: 'x',
      }),
    ).toBe('facilitator/unknown-place');
    expect(
      code({
        type: 'facilitator/custom',
        title: 't',
        effects: [{ do: 'request-unit', unit: 'no-such-unit' }],
        reason: 'x',
      }),
    ).toBe('facilitator/unknown-reinforcement');
    const withChoice = scn.events.find((e) => e.choices.length > 0)!;
    let sitrep = s;
    while (sitrep.phase !== 'sitrep') sitrep = playGame(scn, 2, seatAll(DOCTRINES['report']!), sitrep, sitrep.turn);
    const injected = step(sitrep, { type: 'facilitator/inject', event: withChoice.id, reason: 'x' }, scn);
    expect(injected.ok).toBe(true);
    if (injected.ok)
      expect(code({ type: 'facilitator/inject', event: withChoice.id, reason: 'x' }, injected.state)).toBe(
        'facilitator/event-pending',
      );
  });
});
