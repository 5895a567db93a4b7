// Unrequested means (mechanics/means.ts): a capability the mission's actions need, that reinforcements could bring,
// costs credibility each turn nobody has asked for it; a request under way stops the cost. Fails without the mechanic.
import { describe, expect, it } from 'vitest';
import type { GameState } from '../../src/engine/index.js';
import { L, card, makeScenario, playTurn, run, toPlanning } from '../helpers/factory.js';

const gapsOn = (s: GameState, turn: number) =>
  s.ledger
    .filter((e) => e.turn === turn && e.cause.kind === 'mechanic' && e.cause.mechanic === 'capability-gap')
    .map((e) => [e.cause.kind === 'mechanic' ? e.cause.subject : '', e.delta]);

const scn = makeScenario((x) => {
  x.turns = 4;
  x.reinforcements = {
    drones: { leadTime: 2, unit: { id: 'uav', name: L('Drones'), capability: 'isr', region: 'north', strength: 1 } },
  };
  x.actions = [
    ...x.actions,
    { id: 'scan', chair: 'force', name: L('Scan'), text: L('t'), target: 'region', needsUnit: 'isr', effects: [] },
    { id: 'ask', chair: 'force', name: L('Ask'), text: L('t'), effects: [{ do: 'request-unit', unit: 'drones' }] },
  ];
});

describe('unrequested means', () => {
  it('costs credibility each turn a needed, obtainable capability is neither in theatre nor asked for', () => {
    let s = playTurn(scn, toPlanning(scn, { strategy: 'talks' }), {});
    expect(gapsOn(s, 1)).toEqual([['isr', -1]]);
    s = run(scn, s, [
      { type: 'sitrep/close', chair: 'srsg' },
      { type: 'strategy/set', chair: 'srsg', strategy: 'talks' },
    ]);
    s = playTurn(scn, s, { force: [card('ask')] });
    expect(gapsOn(s, 2)).toEqual([]);
  });

  it('a capability no reinforcement offers is not held against the mission here', () => {
    const none = makeScenario((x) => {
      x.actions = [
        ...x.actions,
        { id: 'fly', chair: 'force', name: L('Fly'), text: L('t'), target: 'region', needsUnit: 'air', effects: [] },
      ];
    });
    const s = playTurn(none, toPlanning(none, { strategy: 'talks' }), {});
    expect(gapsOn(s, 1)).toEqual([]);
  });
});
