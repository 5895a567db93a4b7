// Who is brought in, and by whom: regional actors and civil society are engaged by work with them by name, by a chair
// that shares what it does (not in a silo); police information reaches the mission through the joint structures.
import { describe, expect, it } from 'vitest';
import type { GameState } from '../../src/engine/index.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { L, card, ledgerSum, makeScenario, toPlanning, playTurns } from '../helpers/factory.js';

const mech = (m: string) => (e: GameState['ledger'][number]) => e.cause.kind === 'mechanic' && e.cause.mechanic === m;
type Card = NonNullable<ScenarioInput['actions']>[number];
const srsgCard = (id: string, extra: Partial<Card>): Card => ({
  id,
  chair: 'srsg',
  name: L(id),
  text: L('t'),
  effects: [],
  ...extra,
});

/** Plays `turns` turns with the same SRSG plan each turn. */
function play(edit: (s: ScenarioInput) => void, plan: ReturnType<typeof card>[], turns = 3): GameState {
  const scn = makeScenario((s) => {
    s.turns = turns + 1;
    s.mechanics = { decay: 0, presence: 0, drift: 0, exclusionTurns: 2, siloTurns: 2 };
    edit(s);
  });
  return playTurns(scn, toPlanning(scn), turns, { srsg: plan }, 'talks');
}

const neighbour = (s: ScenarioInput) =>
  s.actors.push({ id: 'nb', name: L('Neighbour'), kind: 'neighbour', stance: 0, strength: 50 });
const briefing = srsgCard('brief', { tags: ['regional'], effects: [{ do: 'indicator', id: 'regional', by: 1 }] });
const visit = srsgCard('visit', { tags: ['regional'], target: 'actor', targets: ['nb'], cooldown: 0 });
const joint = srsgCard('joint', { tags: ['coordination'], cooldown: 0 });

describe('regional-exclusion: a neighbour is brought in by name', () => {
  it('a briefing to the region at large does not keep a neighbour from being left out', () => {
    const s = play(
      (x) => {
        neighbour(x);
        x.actions!.push(briefing, joint);
      },
      [card('brief'), card('joint')],
    );
    expect(ledgerSum(s, mech('regional-exclusion'))).toBeLessThan(0);
  });

  it('work with the neighbour by name does', () => {
    const s = play(
      (x) => {
        neighbour(x);
        x.actions!.push(visit, joint);
      },
      [card('visit', 'nb'), card('joint')],
    );
    expect(ledgerSum(s, mech('regional-exclusion'))).toBe(0);
  });

  it('a chair in a silo meets the neighbour, but the mission does not bring it in', () => {
    const s = play(
      (x) => {
        neighbour(x);
        x.actions!.push(visit, joint);
      },
      [card('visit', 'nb')],
      4,
    );
    expect(ledgerSum(s, mech('silo-working'))).toBeLessThan(0);
    expect(ledgerSum(s, mech('regional-exclusion'))).toBeLessThan(0);
  });
});

describe('civil-society: civil society consulted while solutions are designed', () => {
  const society = (s: ScenarioInput) =>
    s.actors.push({ id: 'cs', name: L('Civil society'), kind: 'civil-society', stance: 10, strength: 10 });
  const consult = srsgCard('consult', { tags: ['outreach'], target: 'actor', targets: ['cs'], cooldown: 0 });
  const radio = srsgCard('radio', { tags: ['outreach'], effects: [{ do: 'indicator', id: 'expectations', by: -1 }] });
  const process = (s: GameState) =>
    s.ledger.filter(mech('civil-society')).reduce((a, e) => a + (e.track.kind === 'indicator' ? e.delta : 0), 0);

  it('left out, costs the process and trust each turn', () => {
    const s = play(
      (x) => {
        society(x);
        x.actions!.push(consult, radio);
      },
      [card('radio')],
    );
    expect(process(s)).toBeLessThan(0);
    const last = s.ledger.filter(mech('civil-society'));
    expect(last.some((e) => e.track.kind === 'indicator' && e.track.id === 'process')).toBe(true);
    expect(last.some((e) => e.track.kind === 'indicator' && e.track.id === 'trust')).toBe(true);
  });

  it('consulted by name, costs nothing', () => {
    const s = play(
      (x) => {
        society(x);
        x.actions!.push(consult, radio);
      },
      [card('consult', 'cs')],
    );
    expect(ledgerSum(s, mech('civil-society'))).toBe(0);
  });

  it('is not held against a mission that has no way to consult it', () => {
    const s = play(
      (x) => {
        society(x);
        x.actions!.push(radio);
      },
      [card('radio')],
    );
    expect(ledgerSum(s, mech('civil-society'))).toBe(0);
  });
});

describe('silo-working: a chair is held only to the coordination steps the mandate allows it', () => {
  // A force chair whose one coordination step serves a task the mandate may leave out, and an SRSG without any.
  const withForceStep = (task: string | undefined) => (s: ScenarioInput) => {
    s.mandate.tasks.push({ id: 'liaison', name: L('Liaison'), expectation: 0 });
    s.actions!.push({
      id: 'fjoc',
      chair: 'force',
      name: L('JOC'),
      text: L('t'),
      tags: ['coordination'],
      cooldown: 0,
      effects: [],
      ...(task === undefined ? {} : { task }),
    });
  };
  const siloOf = (s: GameState, chair: string) =>
    ledgerSum(s, (e) => mech('silo-working')(e) && e.cause.kind === 'mechanic' && e.cause.subject === chair);

  it('a chair with a coordination step it never takes pays in cohesion', () => {
    expect(siloOf(play(withForceStep(undefined), [], 4), 'force')).toBeLessThan(0);
  });

  it('a chair whose only coordination step serves a task outside the mandate does not', () => {
    expect(siloOf(play(withForceStep('liaison'), [], 4), 'force')).toBe(0);
  });
});

describe('police-presence: police information reaches the mission through the joint structures', () => {
  const withPolice = (s: ScenarioInput) => {
    s.chairs.police = { capacity: 2 };
    s.regions[0]!.urban = true;
    s.units!.push({ id: 'fpu', name: L('FPU'), capability: 'police', region: 'capital', strength: 2 });
    s.actions!.push(
      { id: 'beat', chair: 'police', name: L('Beat'), text: L('t'), tags: ['police'], effects: [] },
      { id: 'pjoc', chair: 'police', name: L('JOC'), text: L('t'), tags: ['coordination'], cooldown: 0, effects: [] },
    );
  };
  const analysisFromPolice = (s: GameState, turn: number) =>
    s.ledger
      .filter((e) => e.turn === turn && mech('police-presence')(e))
      .reduce((a, e) => a + (e.track.kind === 'indicator' && e.track.id === 'analysis' ? e.delta : 0), 0);

  function run(coordinate: boolean): GameState {
    const scn = makeScenario((s) => {
      s.turns = 5;
      s.mechanics = { decay: 0, presence: 0, drift: 0, siloTurns: 2 };
      withPolice(s);
    });
    return playTurns(scn, toPlanning(scn), 3, coordinate ? { police: [card('pjoc')] } : {}, 'talks');
  }

  it('a police chair that coordinates feeds analysis every turn', () => {
    expect(analysisFromPolice(run(true), 3)).toBe(1);
  });

  it('a police chair in a silo keeps what it sees to itself (its units still calm the town)', () => {
    const s = run(false);
    expect(analysisFromPolice(s, 1)).toBe(1);
    expect(analysisFromPolice(s, 3)).toBe(0);
    const calm = s.ledger.filter(
      (e) => e.turn === 3 && mech('police-presence')(e) && e.track.kind === 'violence' && e.delta < 0,
    );
    expect(calm.length).toBeGreaterThan(0);
  });
});
