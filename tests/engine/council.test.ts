// The Security Council and headquarters as part of play (issue #19, report ¶5, ¶8, ¶15, ¶16): generic mechanics read
// from the scenario's `council` block, its actor of kind `council`, the mandate's draft and review turns, and the
// reinforcements' `offered` units.
import { describe, expect, it } from 'vitest';
import { newGame, type GameState } from '../../src/engine/index.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { protectionWeights } from '../../src/engine/mechanics/politics.js';
import { loadLessons } from '../../src/scenario/load-node.js';
import { L, card, ledgerSum, loadShipped, makeScenario, playTurn, run, toStrategy } from '../helpers/factory.js';

/** The base scenario with a Council (stance given), a penholder backing `hr`, and a review at turn 2. */
function withCouncil(stance: number, edit: (s: ScenarioInput) => void = () => {}) {
  return makeScenario((s) => {
    s.turns = 4;
    s.actors.push({ id: 'sc', name: L('Council'), kind: 'council', negotiable: false, stance, strength: 0 });
    s.council = { penholder: L('Penholder'), backs: ['hr'], divided: 0, hqCuts: 1 };
    s.mandate = {
      tasks: [
        { id: 'politics', name: L('Politics'), expectation: 0, required: true },
        { id: 'hr', name: L('Human rights'), expectation: 0 },
        { id: 'elections', name: L('Elections'), expectation: 0 },
        { id: 'mines', name: L('Mines'), expectation: 0 },
      ],
      draft: ['politics', 'hr', 'elections', 'mines'],
      focus: 5,
      reviewTurns: [2],
    };
    edit(s);
  });
}

const mech = (m: string) => (e: GameState['ledger'][number]) => e.cause.kind === 'mechanic' && e.cause.mechanic === m;

/** Adopts `tasks`, plays turn 1 with empty plans, and opens turn 2 (a review turn). */
function toReview(scn: ReturnType<typeof withCouncil>, tasks: string[]): GameState {
  let s = run(scn, newGame(scn, 1), [{ type: 'mandate/adopt', chair: 'srsg', tasks }]);
  s = toStrategy(scn, s, 'talks');
  return playTurn(scn, s, {});
}

describe('the Security Council', () => {
  it('moves credibility at its renewal with its backing: a united Council adds, a divided one takes and costs consent', () => {
    const united = toReview(withCouncil(60), ['politics', 'hr']);
    const divided = toReview(withCouncil(-60), ['politics', 'hr']);
    const at2 = (id: string) => (e: GameState['ledger'][number]) =>
      mech('council-renewal')(e) && e.turn === 2 && e.track.kind === 'indicator' && e.track.id === id;
    expect(ledgerSum(united, at2('credibility'))).toBe(3);
    expect(ledgerSum(divided, at2('credibility'))).toBe(-3);
    expect(ledgerSum(united, at2('consent'))).toBe(0);
    expect(ledgerSum(divided, at2('consent'))).toBe(-2);
    // only on the renewal timetable: nothing at turn 1
    expect(united.ledger.some((e) => mech('council-renewal')(e) && e.turn === 1)).toBe(false);
  });

  it('grants no new task when divided (and asking costs credibility), but does when united', () => {
    const review = { type: 'mandate/review', chair: 'srsg', drop: [], add: ['elections'] } as const;
    const u = withCouncil(60);
    const united = run(u, toReview(u, ['politics', 'hr']), [review]);
    expect(united.mandate).toContain('elections');
    const d = withCouncil(-60);
    const before = toReview(d, ['politics', 'hr']);
    const divided = run(d, before, [review]);
    expect(divided.mandate).not.toContain('elections');
    expect(divided.indicators.credibility).toBe(before.indicators.credibility - 1);
    expect(
      divided.ledger.some(
        (e) => mech('council-renewal')(e) && e.cause.kind === 'mechanic' && e.cause.subject === 'elections',
      ),
    ).toBe(true);
  });

  it('loses backing when a task the penholder backs is left out at adoption or dropped at a review', () => {
    const scn = withCouncil(30);
    const leftOut = run(scn, newGame(scn, 1), [{ type: 'mandate/adopt', chair: 'srsg', tasks: ['politics'] }]);
    const kept = run(scn, newGame(scn, 1), [{ type: 'mandate/adopt', chair: 'srsg', tasks: ['politics', 'hr'] }]);
    // the true starting stance carries the game's secret offset (knowledge.ts): compare with the stance it started at
    const start = newGame(scn, 1).actors['sc']!.stance;
    expect(leftOut.actors['sc']!.stance).toBe(start - 8);
    expect(kept.actors['sc']!.stance).toBe(start);
    const atReview = toReview(scn, ['politics', 'hr', 'elections']);
    const dropped = run(scn, atReview, [{ type: 'mandate/review', chair: 'srsg', drop: ['hr'], add: [] }]);
    expect(dropped.actors['sc']!.stance).toBe(atReview.actors['sc']!.stance - 8);
    const other = run(scn, atReview, [{ type: 'mandate/review', chair: 'srsg', drop: ['elections'], add: [] }]);
    expect(other.actors['sc']!.stance).toBe(atReview.actors['sc']!.stance);
  });

  it('is left out entirely when the scenario brings no Council: the same game, no council entries', () => {
    const scn = makeScenario();
    const s = run(scn, newGame(scn, 1), [{ type: 'mandate/adopt', chair: 'srsg', tasks: ['politics'] }]);
    const council = ['council-renewal', 'penholder', 'policy-committee', 'force-supply'];
    expect(s.ledger.filter((e) => e.cause.kind === 'mechanic' && council.includes(e.cause.mechanic))).toEqual([]);
  });
});

describe("headquarters' Policy Committee", () => {
  it('costs cohesion 1 per draft task left out beyond what it tolerates, and 1 per task dropped at a review', () => {
    const scn = withCouncil(30);
    const adopt = (tasks: string[]) => run(scn, newGame(scn, 1), [{ type: 'mandate/adopt', chair: 'srsg', tasks }]);
    const cohesion = (s: GameState) => ledgerSum(s, (e) => mech('policy-committee')(e) && e.track.kind === 'indicator');
    expect(cohesion(adopt(['politics', 'hr', 'elections']))).toBe(0); // one cut, tolerated (hqCuts 1)
    expect(cohesion(adopt(['politics', 'hr']))).toBe(-1);
    expect(cohesion(adopt(['politics']))).toBe(-2);
    const atReview = toReview(scn, ['politics', 'hr', 'elections', 'mines']);
    const dropped = run(scn, atReview, [{ type: 'mandate/review', chair: 'srsg', drop: ['mines'], add: [] }]);
    expect(cohesion(dropped) - cohesion(atReview)).toBe(-1);
  });
});

describe('force generation on supply, not demand', () => {
  const supply = (consult: boolean) =>
    makeScenario((s) => {
      s.turns = 5;
      s.reinforcements = {
        helos: {
          leadTime: 1,
          unit: { id: 'helos', name: L('Helicopters'), capability: 'air', region: 'north', strength: 3 },
          offered: { id: 'coy', name: L('Infantry company'), capability: 'infantry', region: 'north', strength: 2 },
        },
      };
      s.actions.push({
        id: 'ask',
        chair: 'srsg',
        name: L('Ask'),
        text: L('t'),
        cost: 1,
        effects: consult
          ? [{ do: 'consult-contributors' }, { do: 'request-unit', unit: 'helos' }]
          : [{ do: 'request-unit', unit: 'helos' }],
      });
    });

  function play(consult: boolean): GameState {
    const scn = supply(consult);
    let s = run(scn, newGame(scn, 1), [{ type: 'mandate/adopt', chair: 'srsg', tasks: ['politics'] }]);
    s = playTurn(scn, toStrategy(scn, s, 'talks'), { srsg: [card('ask')] });
    s = playTurn(scn, toStrategy(scn, s, 'talks'), {});
    return s;
  }

  it('brings what contributors offer, at a cost in credibility, unless they were consulted', () => {
    const asked = play(false);
    expect(asked.units['coy']).toEqual({ region: 'north', reinforcement: 'helos' });
    expect(asked.units['helos']).toBeUndefined();
    expect(ledgerSum(asked, mech('force-supply'))).toBe(-1);
    const consulted = play(true);
    expect(consulted.units['helos']).toBeDefined();
    expect(consulted.units['coy']).toBeUndefined();
    expect(ledgerSum(consulted, mech('force-supply'))).toBe(0);
  });

  it('does not let the same reinforcement be asked for again once the offered unit has come', () => {
    const scn = supply(false);
    const s = play(false);
    const again = playTurn(scn, toStrategy(scn, s, 'talks'), { srsg: [card('ask')] });
    expect(again.deployments).toEqual([]);
  });
});

describe('scenario data for the Council', () => {
  const lessons = loadLessons();
  const parse = (edit: (s: ScenarioInput) => void) => {
    const s = withCouncilInput();
    edit(s);
    if (!lessons.ok) throw new Error('lessons');
    return parseScenario(JSON.stringify(s), 'x.json', lessons.value);
  };
  function withCouncilInput(): ScenarioInput {
    let input: ScenarioInput | undefined;
    withCouncil(0, (s) => (input = structuredClone(s)));
    return input!;
  }

  it('refuses a council block without a council actor, a backed task that does not exist, and two councils', () => {
    const noActor = parse((s) => (s.actors = s.actors.filter((a) => a.kind !== 'council')));
    expect(!noActor.ok && noActor.error.some((p) => p.path === 'council')).toBe(true);
    const badTask = parse((s) => (s.council!.backs = ['nope']));
    expect(!badTask.ok && badTask.error.some((p) => p.path === 'council.backs.0')).toBe(true);
    const two = parse((s) => s.actors.push({ ...s.actors.find((a) => a.kind === 'council')!, id: 'sc2' }));
    expect(!two.ok && two.error.some((p) => p.message.includes("kind 'council'"))).toBe(true);
  });

  it.each(['monusco-2013', 'minusma-2014'])(
    '%s brings the Council into play: France holds the pen, renewals on the timetable',
    (id) => {
      const scn = loadShipped(id);
      expect(scn.council?.penholder.en).toBe('France');
      expect(scn.actors.filter((a) => a.kind === 'council')).toHaveLength(1);
      expect(scn.council!.backs.every((t) => !scn.mandate.tasks.find((x) => x.id === t)!.required)).toBe(true);
      expect(scn.mandate.reviewTurns.length).toBeGreaterThan(0);
    },
  );

  it('gives MINUSMA a reinforcement that force generation answers with what is on offer', () => {
    const scn = loadShipped('minusma-2014');
    expect(Object.values(scn.reinforcements).some((r) => r.offered !== undefined)).toBe(true);
  });
});

describe('protection where the mandate applies', () => {
  it('weighs the regions of mandate.areas alike on top of population, and other regions by population only', () => {
    const scn = makeScenario((s) => {
      s.regions[0]!.population = 900; // the capital, outside the mandate's areas
      s.regions[1]!.population = 100;
      s.mandate.areas = ['north'];
    });
    const w = protectionWeights(scn);
    expect(w['capital']).toBeCloseTo(0.5 * 0.9);
    expect(w['north']).toBeCloseTo(0.5 * 0.1 + 0.5);
    const everywhere = protectionWeights(makeScenario((s) => (s.regions[0]!.population = 900)));
    expect(everywhere['capital']).toBeCloseTo(0.5 * 0.9 + 0.25);
  });

  it('gives MINUSMA’s north and centre more weight in protection than Bamako’s share of the population', () => {
    const scn = loadShipped('minusma-2014');
    const w = protectionWeights(scn);
    const north = scn.mandate.areas.reduce((a, r) => a + (w[r] ?? 0), 0);
    expect(scn.mandate.areas).not.toContain('bamako');
    expect(north).toBeGreaterThan(w['bamako']!);
    expect(north + w['bamako']!).toBeCloseTo(1);
  });
});
