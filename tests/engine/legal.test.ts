// Legality's shortcuts answer as its long way does: reviewAllowed as the legal list, and the plan/add actions a list
// offers are the scenario's own objects, shared by every list and frozen under tests.
import { describe, expect, it } from 'vitest';
import { legalActions, newGame, type Action, type GameState } from '../../src/engine/index.js';
import { checkAllowed, legalList, reviewAllowed } from '../../src/engine/legal.js';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';
import { playGame, seatAll } from '../../src/sim/play.js';
import { shallowCopy } from '../../src/engine/tape.js';
import type { DraftState } from '../../src/engine/types.js';
import { loadShipped, statesAlong } from '../helpers/factory.js';

const CHAIRS = ['srsg', 'force', 'envoy', 'police'] as const;

/** Every state step() makes along a game the report bots play, until `until`. */
function stepped(id: string, seed: number, until: number): GameState[] {
  const scn = loadShipped(id);
  return statesAlong(scn, newGame(scn, seed), playGame(scn, seed, seatAll(DOCTRINES['report']!), undefined, until).log);
}

const offersReview = (legal: readonly Action[]) => legal.some((a) => a.type === 'mandate/review');

describe('reviewAllowed', () => {
  for (const [id, until] of [
    ['monusco-2013', 6],
    ['minusma-2014', 9],
  ] as const) {
    it(`answers whether the legal list offers a review, on every state of a game and its review months (${id})`, () => {
      const scn = loadShipped(id);
      const answers = new Set<boolean>();
      const review = (s: GameState) => {
        for (const chair of CHAIRS) {
          const listed = offersReview(legalActions(s, scn, chair));
          expect(reviewAllowed(s, scn, chair), `${chair} ${s.turn} ${s.phase} ${s.mandate.join()}`).toBe(listed);
          answers.add(listed);
        }
      };
      const states = stepped(id, 5, until);
      for (const s of states) review(s);
      // The review month's sitrep with other mandates: emptied, one task (required or not), every task, an unknown
      // task, and once reviewed.
      const at = states.find((s) => s.phase === 'sitrep' && scn.mandate.reviewTurns.includes(s.turn));
      expect(at).toBeDefined();
      const thawed = JSON.parse(JSON.stringify(at)) as GameState;
      const tasks = scn.mandate.tasks;
      const required = tasks.filter((t) => t.required).map((t) => t.id);
      const optional = tasks.filter((t) => !t.required).map((t) => t.id);
      for (const mandate of [
        [],
        required.slice(0, 1),
        optional.slice(0, 1),
        required,
        tasks.map((t) => t.id),
        ['no-such-task'],
        [...required, 'no-such-task'],
      ])
        for (const reviewed of [false, true]) review({ ...thawed, mandate, reviewed });
      expect([...answers].sort()).toEqual([false, true]);
      // With every task required, a full mandate can be neither cut nor added to; one task short, it can be added to.
      const strict = { ...scn, mandate: { ...scn.mandate, tasks: tasks.map((t) => ({ ...t, required: true })) } };
      for (const mandate of [tasks.map((t) => t.id), tasks.slice(1).map((t) => t.id)])
        for (const chair of CHAIRS) {
          const s = { ...thawed, mandate };
          expect(reviewAllowed(s, strict, chair)).toBe(offersReview(legalActions(s, strict, chair)));
          expect(reviewAllowed(s, strict, chair)).toBe(chair === 'srsg' && mandate.length < tasks.length);
        }
    });
  }
});

describe('the plan/add actions of the legal list', () => {
  it('are one object per card and target, whichever state lists them, and frozen under tests', () => {
    const scn = loadShipped('monusco-2013');
    const seen = new Map<string, Action>();
    let shared = 0;
    for (const s of stepped('monusco-2013', 7, 4).filter((x) => x.phase === 'planning'))
      for (const chair of CHAIRS)
        for (const a of legalList(s, scn, chair)) {
          if (a.type !== 'plan/add' || a.item.kind !== 'card') continue;
          expect(Object.isFrozen(a) && Object.isFrozen(a.item)).toBe(true);
          const key = JSON.stringify(a);
          const before = seen.get(key);
          if (before) {
            expect(a).toBe(before);
            shared++;
          } else seen.set(key, a);
        }
    expect(shared).toBeGreaterThan(0);
  });
});

describe('the facts legality keeps for the states of a phase', () => {
  it('answer as facts made afresh: every state of a game, asked in order, lists and refuses as its thawed copy', () => {
    const scn = loadShipped('monusco-2013');
    const thaw = (s: GameState) => JSON.parse(JSON.stringify(s)) as GameState;
    const targets = [undefined, ...scn.regions.map((r) => r.id), ...scn.actors.map((a) => a.id)];
    let checked = 0;
    const same = (s: GameState, why: string) => {
      // A thawed copy shares no branch and no tape with `s`, so nothing kept for the states before is found for it.
      const thawed = thaw(s);
      for (const chair of CHAIRS) {
        expect(legalActions(s, scn, chair), `${why}: ${chair}`).toEqual(legalActions(thawed, scn, chair));
        if (s.phase !== 'planning') continue;
        // Every card of the chair on every target, and none: each is refused (or not) for the same reason.
        for (const card of scn.actions.filter((c) => c.chair === chair))
          for (const target of targets) {
            const item =
              target === undefined ? { kind: 'card', card: card.id } : { kind: 'card', card: card.id, target };
            const a = { type: 'plan/add', chair, item } as Action;
            expect(checkAllowed(s, a, scn), `${why}: ${JSON.stringify(item)}`).toEqual(checkAllowed(thawed, a, scn));
            checked++;
          }
      }
    };
    for (const s of stepped('monusco-2013', 11, 5)) {
      same(s, `${s.turn} ${s.phase}`);
      if (s.phase !== 'planning') continue;
      // Copies that share the tapes and every branch of `s` but one, asked right after it: the facts kept for `s` are
      // not theirs.
      const variants: [string, (d: DraftState) => void][] = [
        ['no mandate', (d) => (d.mandate = [])],
        ['every card played now', (d) => (d.played = Object.fromEntries(scn.actions.map((c) => [c.id, d.turn])))],
        ['another strategy', (d) => (d.strategy = scn.strategies.find((x) => x.id !== d.strategy)!.id)],
        [
          'every unit in one region',
          (d) => (d.units = Object.fromEntries(Object.keys(d.units).map((u) => [u, { region: scn.regions[0]!.id }]))),
        ],
        ['a month on', (d) => (d.turn += 1)],
      ];
      for (const [why, change] of variants) {
        const d = shallowCopy(s);
        change(d);
        same(d as GameState, `${s.turn} ${why}`);
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('a check made alone', () => {
  it('refuses as one made after the legal list (which reads every card once for the month: played, estimates)', () => {
    const scn = loadShipped('monusco-2013');
    const thaw = (s: GameState) => JSON.parse(JSON.stringify(s)) as GameState;
    const targets = [undefined, ...scn.regions.map((r) => r.id), ...scn.actors.map((a) => a.id)];
    const codes = new Set<string>();
    for (const s of stepped('monusco-2013', 13, 5).filter((x) => x.phase === 'planning'))
      for (const chair of CHAIRS) {
        const actions = scn.actions
          .filter((c) => c.chair === chair)
          .flatMap((card) =>
            targets.map((target) => {
              const item =
                target === undefined ? { kind: 'card', card: card.id } : { kind: 'card', card: card.id, target };
              return { type: 'plan/add', chair, item } as Action;
            }),
          );
        // Copies that share nothing with `s` or each other: the first is checked before any list is made of it.
        const alone = thaw(s);
        const first = actions.map((a) => checkAllowed(alone, a, scn));
        const listed = thaw(s);
        legalActions(listed, scn, chair);
        actions.forEach((a, i) => {
          expect(checkAllowed(listed, a, scn), `${s.turn} ${JSON.stringify(a)}`).toEqual(first[i]);
          codes.add(first[i]?.code ?? 'ok');
        });
      }
    expect([...codes]).toEqual(expect.arrayContaining(['ok', 'card/cooldown', 'card/requires', 'card/target']));
  });
});
