// Wear (mechanics/wear.ts): rotating between cards that raise the same scored indicator wears thin, as
// repeating one card does; fails without the mechanic (the rotation would keep its whole effect).
import { describe, expect, it } from 'vitest';
import type { GameState } from '../../src/engine/index.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { L, card, makeScenario, playTurn, run, toPlanning } from '../helpers/factory.js';

const wornOn = (s: GameState, turn: number) =>
  s.ledger
    .filter((e) => e.turn === turn && e.cause.kind === 'mechanic' && e.cause.mechanic === 'repetition')
    .map((e) => [e.track, e.delta]);
const gesture = (id: string, tags: ScenarioInput['actions'][number]['tags'] = []) => ({
  id,
  chair: 'srsg' as const,
  name: L(id),
  text: L(id),
  tags,
  effects: [{ do: 'indicator' as const, id: 'credibility' as const, by: 4 }],
});
const scn = makeScenario((x) => {
  x.turns = 4;
  x.actions = [...x.actions, gesture('brief'), gesture('memo'), gesture('huddle', ['coordination'])];
});
const next = (s: GameState) =>
  run(scn, s, [
    { type: 'sitrep/close', chair: 'srsg' },
    { type: 'strategy/set', chair: 'srsg', strategy: 'talks' },
  ]);

describe('wear: the same result sought by another card', () => {
  it('a card raising what another card of the chair raised last month keeps half its gain on it', () => {
    let s = playTurn(scn, toPlanning(scn, { strategy: 'talks' }), { srsg: [card('brief')] });
    expect(wornOn(s, 1)).toEqual([]);
    s = playTurn(scn, next(s), { srsg: [card('memo')] });
    expect(wornOn(s, 2)).toEqual([[{ kind: 'indicator', id: 'credibility' }, -2]]);
    // Two months after the brief, and a month after the memo: the memo's month counts (half).
    s = playTurn(scn, next(s), { srsg: [card('brief')] });
    expect(wornOn(s, 3)).toEqual([[{ kind: 'indicator', id: 'credibility' }, -2]]);
  });

  it('two steps in one month are one effort, and the practices are never worn', () => {
    let s = playTurn(scn, toPlanning(scn, { strategy: 'talks' }), { srsg: [card('brief'), card('memo')] });
    expect(wornOn(s, 1)).toEqual([]);
    s = playTurn(scn, next(s), { srsg: [card('huddle')] });
    expect(wornOn(s, 2)).toEqual([]);
  });
});
