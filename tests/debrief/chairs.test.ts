// Each chair's own contribution: an actor left out is charged to the chair that alone could have brought it in.
import { describe, expect, it } from 'vitest';
import { chairContributions } from '../../src/debrief/chairs.js';
import type { GameState } from '../../src/engine/index.js';
import type { Chair, ScenarioInput } from '../../src/scenario/schema.js';
import { L, card, makeScenario, toPlanning, playTurns } from '../helpers/factory.js';

/** Civil society only the envoy can consult by name; `also` lets the SRSG consult it too. The SRSG acts every turn. */
function play(also: boolean, envoyConsults: boolean): { s: GameState; scn: ReturnType<typeof makeScenario> } {
  const scn = makeScenario((s: ScenarioInput) => {
    s.turns = 5;
    s.chairs.envoy = { capacity: 2 };
    s.mechanics = { decay: 0, presence: 0, drift: 0, exclusionTurns: 2 };
    s.actors.push({ id: 'cs', name: L('Platform'), kind: 'civil-society', stance: 10, strength: 10 });
    const consult = (id: string, chair: Chair) => ({
      id,
      chair,
      name: L(id),
      text: L('t'),
      tags: ['outreach' as const],
      target: 'actor' as const,
      targets: ['cs'],
      effects: [],
    });
    s.actions!.push(consult('envoy-consult', 'envoy'));
    if (also) s.actions!.push(consult('srsg-consult', 'srsg'));
    s.actions!.push({
      id: 'brief',
      chair: 'srsg',
      name: L('Brief'),
      text: L('t'),
      effects: [{ do: 'indicator', id: 'consent', by: 1 }],
    });
  });
  const plans = { srsg: [card('brief')], envoy: envoyConsults ? [card('envoy-consult', 'cs')] : [] };
  return { s: playTurns(scn, toPlanning(scn), 4, plans, 'talks'), scn };
}

const leftOut = (s: GameState) => s.ledger.some((e) => e.cause.kind === 'mechanic' && e.cause.subject === 'cs');

describe('chair contributions: civil society left out', () => {
  it('is the cost of the chair that alone could consult it, not of the chair that acted last', () => {
    const { s, scn } = play(false, false);
    expect(leftOut(s)).toBe(true);
    const c = chairContributions(scn, s.ledger);
    expect(c.envoy.dimensions.process).toBeLessThan(0);
    expect(c.envoy.dimensions.trust).toBeLessThan(0);
    expect(c.srsg.dimensions.process).toBe(0);
    expect(c.srsg.dimensions.consent).toBeGreaterThan(0);
  });

  it('is nobody’s own when several chairs could have consulted it', () => {
    const { s, scn } = play(true, false);
    expect(leftOut(s)).toBe(true);
    const c = chairContributions(scn, s.ledger);
    expect(c.envoy.dimensions.process).toBe(0);
    expect(c.srsg.dimensions.process).toBe(0);
  });

  it('costs the envoy nothing when it consults', () => {
    const { s, scn } = play(false, true);
    expect(leftOut(s)).toBe(false);
    expect(chairContributions(scn, s.ledger).envoy.dimensions.process).toBe(0);
  });
});
