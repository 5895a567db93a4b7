// The ledger history a doctrine reads (sim/history.ts): worked out along the game's ledger, it answers as the view's
// ledger of the last few turns does, read entry by entry.
import { describe, expect, it } from 'vitest';
import { viewFor, type GameState } from '../../src/engine/index.js';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';
import { historyIn, historyOf } from '../../src/sim/history.js';
import { playGame, seatAll } from '../../src/sim/play.js';
import { loadShipped } from '../helpers/factory.js';

/** Each answer read from a ledger's entries one by one, as a doctrine would without the digest. */
function byHand(ledger: GameState['ledger'] | ReturnType<typeof viewFor>['ledger'], turn: number) {
  const last = (pick: (e: (typeof ledger)[number]) => boolean) =>
    ledger.reduce<number | undefined>((t, e) => (pick(e) ? Math.max(t ?? -1, e.turn) : t), undefined);
  return {
    played: (chair: string, card: string) =>
      last((e) => e.cause.kind === 'action' && e.cause.chair === chair && e.cause.card === card),
    before: (chair: string, card: string) =>
      last((e) => e.turn < turn && e.cause.kind === 'action' && e.cause.chair === chair && e.cause.card === card),
    targeted: (target: string) => last((e) => e.cause.kind === 'action' && e.cause.target === target),
  };
}

describe('ledger history', () => {
  it('answers from the state as the view’s last few turns of the ledger do, month after month', () => {
    const scn = loadShipped('monusco-2013');
    const states: GameState[] = [];
    const end = playGame(scn, 3, seatAll(DOCTRINES['strong']!), undefined, undefined, (s) => states.push(s));
    // The end too (its month's cards have changed something: before the month differs from at all), and out of
    // order: a state behind the digest read on by a later one gets its own.
    const order = [...states, end, states[2]!, states[1]!];
    let answers = 0;
    for (const s of order) {
      const from = Math.max(0, s.turn - 3);
      const ledger = viewFor(s, scn, 'srsg', { ledgerFrom: from }).ledger;
      const h = historyOf(s, from);
      const v = historyIn(ledger, s.turn);
      const want = byHand(ledger, s.turn);
      for (const card of scn.actions) {
        for (const [got, name] of [
          [h, 'state'],
          [v, 'view'],
        ] as const) {
          expect([name, got.lastPlayed(card.chair, card.id)]).toEqual([name, want.played(card.chair, card.id)]);
          expect([name, got.lastPlayedBefore(card.chair, card.id)]).toEqual([name, want.before(card.chair, card.id)]);
        }
        answers++;
      }
      for (const a of scn.actors) expect(h.lastTargeted(a.id)).toEqual(want.targeted(a.id));
      for (const r of scn.regions) expect(h.lastTargeted(r.id)).toEqual(want.targeted(r.id));
    }
    expect(answers).toBeGreaterThan(100);
    const h = historyOf(end, 0);
    expect(scn.actions.some((c) => h.lastPlayed(c.chair, c.id) !== h.lastPlayedBefore(c.chair, c.id))).toBe(true);
  });
});
