// Each lesson's mechanic moves the state the way the report says, on a small purpose-made scenario.
import { describe, expect, it } from 'vitest';
import { netChange, viewFor, fogSpread, type GameState } from '../../src/engine/index.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import {
  L,
  card,
  ledgerSum,
  makeScenario,
  playTurn,
  run,
  toPlanning,
  toStrategy,
  playTurns,
} from '../helpers/factory.js';

const mech = (m: string) => (e: GameState['ledger'][number]) => e.cause.kind === 'mechanic' && e.cause.mechanic === m;
const processOf = (s: GameState) => s.indicators.process;

function withCards(extra: NonNullable<ScenarioInput['actions']>, edit: (s: ScenarioInput) => void = () => {}) {
  return makeScenario((s) => {
    s.actions = [...s.actions, ...extra];
    edit(s);
  });
}

describe('L-primacy: force serves a political strategy', () => {
  const scn = withCards([
    {
      id: 'squeeze',
      chair: 'force',
      name: L('Squeeze'),
      text: L('t'),
      target: 'actor',
      tags: ['military', 'pressure'],
      effects: [{ do: 'strength', actor: '$target', by: -5 }],
    },
    {
      id: 'parley',
      chair: 'srsg',
      name: L('Parley'),
      text: L('t'),
      target: 'actor',
      tags: ['talks'],
      effects: [{ do: 'stance', actor: '$target', by: 2 }],
    },
  ]);

  it('adds leverage to the talks when the strategy names the target, the process is live and a chair talks with it', () => {
    const s = playTurn(scn, toPlanning(scn, { strategy: 'talks' }), {
      force: [card('squeeze', 'rebels')],
      srsg: [card('parley', 'rebels')],
    });
    expect(ledgerSum(s, mech('primacy-leverage'))).toBeGreaterThan(0);
    expect(ledgerSum(s, mech('force-substitution'))).toBe(0);
  });

  it('counts force as substitution when nobody talks with the target that turn, and tallies it', () => {
    const s = playTurn(scn, toPlanning(scn, { strategy: 'talks' }), { force: [card('squeeze', 'rebels')] });
    expect(ledgerSum(s, mech('primacy-leverage'))).toBe(0);
    expect(ledgerSum(s, mech('force-substitution'))).toBeLessThan(0);
    expect(s.tally?.['force-substitution']).toBe(1);
  });

  it('erodes the process and consent when force substitutes for a political track', () => {
    const s = playTurn(scn, toPlanning(scn, { strategy: 'none' }), { force: [card('squeeze', 'rebels')] });
    expect(netChange(s.ledger.filter(mech('force-substitution')), { kind: 'indicator', id: 'process' })).toBeLessThan(
      0,
    );
    expect(netChange(s.ledger.filter(mech('force-substitution')), { kind: 'indicator', id: 'consent' })).toBeLessThan(
      0,
    );
  });

  it('gives no leverage when the process is not live, even under a track strategy', () => {
    const low = withCards(
      scn.actions.filter((a) => a.id === 'squeeze') as never,
      (s) => (s.indicators.process.initial = 20),
    );
    const s = playTurn(low, toPlanning(low, { strategy: 'talks' }), { force: [card('squeeze', 'rebels')] });
    expect(ledgerSum(s, mech('primacy-leverage'))).toBe(0);
    expect(ledgerSum(s, mech('force-substitution'))).toBeLessThan(0);
  });

  it('lets the process drift down in a turn with no political work', () => {
    const scnDrift = makeScenario((s) => (s.mechanics = { decay: 0, presence: 0, drift: 3 }));
    const s = playTurn(scnDrift, toPlanning(scnDrift), {});
    expect(ledgerSum(s, mech('process-drift'))).toBe(-3);
  });
});

describe('L-stalled: technical talks without a political track', () => {
  const scn = withCards([
    {
      id: 'ceasefire',
      chair: 'srsg',
      name: L('Ceasefire'),
      text: L('t'),
      tags: ['ceasefire-technical'],
      effects: [{ do: 'indicator', id: 'process', by: 5 }],
    },
  ]);

  it('are futile and cost cohesion and credibility', () => {
    const s = playTurn(scn, toPlanning(scn, { strategy: 'none' }), { srsg: [card('ceasefire')] });
    expect(processOf(s)).toBe(50);
    expect(ledgerSum(s, mech('futile-technical-talks'))).toBe(-2);
  });

  it('work while the track is live', () => {
    const s = playTurn(scn, toPlanning(scn, { strategy: 'talks' }), { srsg: [card('ceasefire')] });
    expect(processOf(s)).toBe(55);
  });
});

describe('L-cohesion: a united mission gets more from every action', () => {
  const build = (cohesion: number) =>
    withCards(
      [
        {
          id: 'mediate',
          chair: 'srsg',
          name: L('Mediate'),
          text: L('t'),
          effects: [{ do: 'indicator', id: 'regional', by: 10 }],
        },
      ],
      (s) => (s.indicators.cohesion.initial = cohesion),
    );

  it('scales favourable effects with cohesion and records the share', () => {
    const lo = build(20);
    const hi = build(90);
    const a = playTurn(lo, toPlanning(lo), { srsg: [card('mediate')] });
    const b = playTurn(hi, toPlanning(hi), { srsg: [card('mediate')] });
    expect(a.indicators.regional).toBe(57);
    expect(b.indicators.regional).toBe(64);
    expect(ledgerSum(a, mech('cohesion-multiplier'))).toBe(-3);
  });

  it('flags an offensive against a group another chair is negotiating with, outside the strategy, and it costs cohesion', () => {
    const scn = withCards([
      {
        id: 'strike',
        chair: 'force',
        name: L('Strike'),
        text: L('t'),
        target: 'actor',
        tags: ['military', 'offensive'],
        effects: [],
      },
      {
        id: 'parley',
        chair: 'srsg',
        name: L('Parley'),
        text: L('t'),
        target: 'actor',
        tags: ['talks'],
        effects: [{ do: 'indicator', id: 'process', by: 4 }],
      },
    ]);
    let s = toPlanning(scn, { strategy: 'none' });
    s = run(scn, s, [
      { type: 'plan/add', chair: 'srsg', item: card('parley', 'rebels') },
      { type: 'plan/add', chair: 'force', item: card('strike', 'rebels') },
      { type: 'plan/commit', chair: 'srsg' },
      { type: 'plan/commit', chair: 'force' },
    ]);
    expect(s.phase).toBe('coordination');
    expect(s.conflicts).toEqual([{ kind: 'offensive-vs-talks', chairs: ['force', 'srsg'], subject: 'rebels' }]);
    const resolved = run(scn, s, [
      { type: 'plan/confirm', chair: 'srsg' },
      { type: 'plan/confirm', chair: 'force' },
    ]);
    expect(ledgerSum(resolved, mech('plan-conflicts'))).toBeLessThan(0);
  });

  it('clears the conflict when the chair revises its plan in coordination', () => {
    const scn = withCards([
      {
        id: 'strike',
        chair: 'force',
        name: L('Strike'),
        text: L('t'),
        target: 'actor',
        tags: ['military', 'offensive'],
        effects: [],
      },
      { id: 'parley', chair: 'srsg', name: L('Parley'), text: L('t'), target: 'actor', tags: ['talks'], effects: [] },
    ]);
    let s = toPlanning(scn, { strategy: 'none' });
    s = run(scn, s, [
      { type: 'plan/add', chair: 'srsg', item: card('parley', 'rebels') },
      { type: 'plan/add', chair: 'force', item: card('strike', 'rebels') },
      { type: 'plan/commit', chair: 'srsg' },
      { type: 'plan/commit', chair: 'force' },
      { type: 'plan/revise', chair: 'force' },
      { type: 'plan/remove', chair: 'force', index: 0 },
      { type: 'plan/commit', chair: 'force' },
    ]);
    expect(s.conflicts).toEqual([]);
  });

  it('sees no conflict when the same pair serves the strategy: pressure while talking is leverage', () => {
    const scn = withCards([
      {
        id: 'strike',
        chair: 'force',
        name: L('Strike'),
        text: L('t'),
        target: 'actor',
        tags: ['military', 'pressure'],
        effects: [],
      },
      { id: 'parley', chair: 'srsg', name: L('Parley'), text: L('t'), target: 'actor', tags: ['talks'], effects: [] },
    ]);
    let s = toPlanning(scn, { strategy: 'talks' });
    s = run(scn, s, [
      { type: 'plan/add', chair: 'srsg', item: card('parley', 'rebels') },
      { type: 'plan/add', chair: 'force', item: card('strike', 'rebels') },
      { type: 'plan/commit', chair: 'srsg' },
      { type: 'plan/commit', chair: 'force' },
    ]);
    expect(s.conflicts).toEqual([]);
  });
});

describe('L-leadership: SRSG and Envoy must coordinate', () => {
  const scn = withCards(
    [
      { id: 'srsg-talks', chair: 'srsg', name: L('t'), text: L('t'), target: 'actor', tags: ['talks'], effects: [] },
      { id: 'envoy-talks', chair: 'envoy', name: L('t'), text: L('t'), target: 'actor', tags: ['talks'], effects: [] },
      { id: 'joint', chair: 'envoy', name: L('t'), text: L('t'), tags: ['coordination'], effects: [] },
    ],
    (s) => (s.chairs.envoy = { capacity: 2 }),
  );
  const plan = (withJoint: boolean) => {
    let s = toPlanning(scn, { strategy: 'talks' });
    s = run(scn, s, [
      { type: 'plan/add', chair: 'srsg', item: card('srsg-talks', 'rebels') },
      { type: 'plan/add', chair: 'envoy', item: card('envoy-talks', 'rebels') },
      ...(withJoint ? [{ type: 'plan/add', chair: 'envoy', item: card('joint') } as const] : []),
      { type: 'plan/commit', chair: 'srsg' },
      { type: 'plan/commit', chair: 'envoy' },
      { type: 'plan/commit', chair: 'force' },
    ]);
    return s.conflicts.map((c) => c.kind);
  };

  it('flags two mediators working without a coordination step', () => {
    expect(plan(false)).toContain('uncoordinated-mediation');
  });

  it('is satisfied by a joint step', () => {
    expect(plan(true)).not.toContain('uncoordinated-mediation');
  });
});

describe('L-mandate: focus, expectations and review', () => {
  const scn = makeScenario((s) => {
    s.mandate = {
      tasks: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, name: L(id), expectation: 4 })),
      focus: 2,
      reviewTurns: [2],
    };
    s.actions.push({
      id: 'task-card',
      chair: 'srsg',
      name: L('t'),
      text: L('t'),
      task: 'a',
      effects: [{ do: 'indicator', id: 'regional', by: 10 }],
    });
    s.indicators.cohesion.initial = 50;
    // Analysis 53 stays at or above the frank threshold (50) after a turn's decay (analysis-decay).
    s.indicators.analysis.initial = 53;
  });

  it('raises expectations with every task adopted', () => {
    const s = toPlanning(scn, { tasks: ['a', 'b', 'c', 'd', 'e', 'f'] });
    expect(s.indicators.expectations).toBe(30 + 24);
  });

  it('concentrates effect on a focused mandate and dilutes it on a Christmas tree', () => {
    const focused = playTurn(scn, toPlanning(scn, { tasks: ['a'] }), { srsg: [card('task-card')] });
    const tree = playTurn(scn, toPlanning(scn, { tasks: ['a', 'b', 'c', 'd', 'e', 'f'] }), {
      srsg: [card('task-card')],
    });
    expect(focused.indicators.regional).toBe(62);
    expect(tree.indicators.regional).toBe(56);
  });

  it('refuses an action whose task is not mandated', () => {
    const s = toPlanning(scn, { tasks: ['b'] });
    const r = run.bind(null, scn, s);
    expect(() => r([{ type: 'plan/add', chair: 'srsg', item: card('task-card') }])).toThrow(/card\/task-not-mandated/);
  });

  it('rewards a frank review backed by analysis, and narrows expectations', () => {
    let s = playTurn(scn, toPlanning(scn, { tasks: ['a', 'b', 'c'] }), {});
    expect(s.turn).toBe(2);
    const before = s.indicators.expectations;
    s = run(scn, s, [{ type: 'mandate/review', chair: 'srsg', drop: ['b', 'c'], add: [] }]);
    expect(s.mandate).toEqual(['a']);
    expect(s.indicators.expectations).toBe(before - 4);
    expect(ledgerSum(s, mech('mandate-review'))).toBe(3);
  });

  it('earns nothing for a review that changes nothing', () => {
    let s = playTurn(scn, toPlanning(scn, { tasks: ['a', 'b', 'c'] }), {});
    s = run(scn, s, [{ type: 'mandate/review', chair: 'srsg', drop: [], add: [] }]);
    expect(s.mandate).toEqual(['a', 'b', 'c']);
    expect(ledgerSum(s, mech('mandate-review'))).toBe(0);
  });

  it('costs credibility when the review is not backed by analysis', () => {
    const blind = makeScenario((x) => {
      x.mandate = {
        tasks: [
          { id: 'a', name: L('a') },
          { id: 'b', name: L('b') },
        ],
        reviewTurns: [2],
      };
      x.indicators.analysis.initial = 20;
    });
    let s = playTurn(blind, toPlanning(blind, { tasks: ['a', 'b'] }), {});
    s = run(blind, s, [{ type: 'mandate/review', chair: 'srsg', drop: ['b'], add: [] }]);
    expect(ledgerSum(s, mech('mandate-review'))).toBe(-2);
  });
});

describe('L-agreement: signing is a beginning', () => {
  const scn = withCards([
    {
      id: 'sign',
      chair: 'srsg',
      name: L('t'),
      text: L('t'),
      requires: { test: 'agreement', status: 'none' },
      effects: [{ do: 'sign-agreement' }],
    },
    {
      id: 'implement',
      chair: 'srsg',
      name: L('t'),
      text: L('t'),
      tags: ['implementation'],
      requires: { test: 'agreement', status: 'signed' },
      effects: [{ do: 'implement', by: 60 }],
    },
  ]);

  it('stalls and drags the process down when implementation is neglected', () => {
    let s = playTurn(scn, toPlanning(scn), { srsg: [card('sign')] });
    expect(s.agreement.status).toBe('signed');
    s = playTurn(scn, toStrategy(scn, s, 'talks'), {});
    expect(ledgerSum(s, mech('agreement-implementation'))).toBeLessThan(0);
  });

  it('is implemented by steady work', () => {
    let s = playTurn(scn, toPlanning(scn), { srsg: [card('sign')] });
    s = playTurn(scn, toStrategy(scn, s, 'talks'), { srsg: [card('implement')] });
    s = playTurn(scn, toStrategy(scn, s, 'talks'), { srsg: [card('implement')] });
    expect(s.agreement.status).toBe('implemented');
  });
});

describe('L-analysis: what the chairs see', () => {
  it('widens the fog as analysis falls, and never shows another chair’s plan before the reveal', () => {
    const blind = makeScenario((s) => {
      s.indicators.analysis.initial = 0;
      s.indicators.process.observed = 'estimated';
    });
    const s = toPlanning(blind);
    expect(fogSpread(s, blind)).toBe(20);
    const v = viewFor(s, blind, 'force');
    expect(v.indicators.process.spread).toBe(20);
    expect(Math.abs(v.indicators.process.value - s.indicators.process)).toBeLessThanOrEqual(20);
    const s2 = run(blind, s, [{ type: 'plan/add', chair: 'srsg', item: card('note') }]);
    expect(viewFor(s2, blind, 'force').plans.srsg?.items).toBeNull();
    expect(viewFor(s2, blind, 'srsg').plans.srsg?.items).toHaveLength(1);
  });

  it('warns a turn ahead only when analysis is good enough', () => {
    const build = (analysis: number) =>
      makeScenario((s) => {
        s.indicators.analysis.initial = analysis;
        s.events = [
          { id: 'raid', title: L('Raid'), text: L('t'), window: { from: 2, to: 2 }, warnAt: 60, effects: [] },
        ];
      });
    const good = build(70);
    const poor = build(30);
    expect(toPlanning(good).warnings).toEqual(['raid']);
    expect(toPlanning(poor).warnings).toEqual([]);
  });
});

describe('L-nimble: deployment takes time', () => {
  const scn = withCards(
    [
      { id: 'ask', chair: 'force', name: L('t'), text: L('t'), effects: [{ do: 'request-unit', unit: 'extra' }] },
      { id: 'rush', chair: 'force', name: L('t'), text: L('t'), effects: [{ do: 'expedite' }] },
    ],
    (s) => {
      s.turns = 8;
      s.reinforcements = {
        extra: {
          leadTime: 4,
          unit: { id: 'bn2', name: L('t'), capability: 'infantry', region: 'capital', strength: 3 },
        },
      };
      s.mechanics = { decay: 0, presence: 0, drift: 0, deployGrace: 1, deployCost: 2 };
    },
  );

  it('arrives after its lead time and costs credibility while late', () => {
    let s = playTurns(scn, toPlanning(scn), 4, (i) => (i === 0 ? { force: [card('ask')] } : {}), 'talks');
    expect(s.units['bn2']).toBeUndefined();
    s = playTurn(scn, toStrategy(scn, s, 'talks'), {});
    expect(s.units['bn2']).toBeDefined();
    // waiting in turns 2, 3 and 4 is past the one-turn grace: 3 × 2
    expect(ledgerSum(s, mech('deployment-lead-time'))).toBe(-6);
  });

  it('arrives sooner with emergency support', () => {
    let s = playTurn(scn, toPlanning(scn), { force: [card('ask')] });
    expect(s.deployments[0]?.arrives).toBe(5);
    s = playTurn(scn, toStrategy(scn, s, 'talks'), { force: [card('rush')] });
    expect(s.deployments[0]?.arrives).toBe(4);
    s = playTurn(scn, toStrategy(scn, s, 'talks'), {});
    s = playTurn(scn, toStrategy(scn, s, 'talks'), {});
    expect(s.units['bn2']).toBeDefined();
  });

  it('a contingent already underway arrives on its turn, unasked and at no cost', () => {
    const underwayAt = (turns: number, underway: number) =>
      withCards([], (x) => {
        x.turns = turns;
        x.reinforcements = {
          extra: {
            leadTime: 4,
            underway,
            unit: { id: 'bn2', name: L('t'), capability: 'infantry', region: 'capital', strength: 3 },
          },
        };
        x.mechanics = { decay: 0, presence: 0, drift: 0, deployGrace: 0, deployCost: 2 };
      });
    const scn3 = underwayAt(8, 3);
    let s = playTurn(scn3, toPlanning(scn3), {});
    expect(s.units['bn2']).toBeUndefined();
    expect(s.deployments.map((x) => x.arrives)).toEqual([3]);
    s = playTurn(scn3, toStrategy(scn3, s, 'talks'), {});
    expect(s.units['bn2']).toBeUndefined();
    s = playTurn(scn3, toStrategy(scn3, s, 'talks'), {});
    expect(s.units['bn2']).toEqual({ region: 'capital', reinforcement: 'extra' });
    expect(ledgerSum(s, mech('deployment-lead-time'))).toBe(0);
    expect(() => underwayAt(2, 5)).toThrow(/reinforcements.extra.underway.*after the last turn 2/s);
  });
});

describe('L-police, L-spoilers, L-tcc, L-hoststate, L-regional, L-population', () => {
  it('police in a town cut unrest and feed analysis', () => {
    const scn = makeScenario((s) => {
      s.regions[0]!.urban = true;
      s.units!.push({ id: 'fpu', name: L('FPU'), capability: 'police', region: 'capital', strength: 2 });
    });
    // the true start carries the game's secret offset (knowledge.ts): the change from it is what the rules make
    const start = toPlanning(scn);
    const s = playTurn(scn, start, {});
    expect(s.violence['capital']).toBe(start.violence['capital']! - 3);
    // +1 from the police, −2 as the picture goes stale (analysis-decay).
    expect(netChange(s.ledger.filter(mech('police-presence')), { kind: 'indicator', id: 'analysis' })).toBe(1);
    expect(s.indicators.analysis).toBe(49);
  });

  it('spoilers strike the mission where it stands, and cannot be talked to', () => {
    const scn = withCards(
      [{ id: 'parley', chair: 'srsg', name: L('t'), text: L('t'), target: 'actor', tags: ['talks'], effects: [] }],
      (s) => {
        s.turns = 20;
        s.actors.push({
          id: 'cell',
          name: L('Cell'),
          kind: 'spoiler',
          negotiable: false,
          stance: -90,
          strength: 100,
          regions: ['north'],
        });
      },
    );
    let s = toPlanning(scn);
    expect(() => run(scn, s, [{ type: 'plan/add', chair: 'srsg', item: card('parley', 'cell') }])).toThrow(
      /card\/non-negotiable/,
    );
    s = playTurns(scn, s, 12, {}, 'talks');
    expect(s.indicators.casualties).toBeGreaterThan(0);
    expect(
      ledgerSum(s, (e) => mech('spoiler-attacks')(e) && e.track.kind === 'indicator' && e.track.id === 'credibility'),
    ).toBeLessThan(0);
  });

  it('consulted contributors perform better', () => {
    const scn = withCards(
      [
        { id: 'consult', chair: 'force', name: L('t'), text: L('t'), effects: [{ do: 'consult-contributors' }] },
        {
          id: 'patrol',
          chair: 'force',
          name: L('t'),
          text: L('t'),
          target: 'region',
          needsUnit: 'infantry',
          effects: [{ do: 'violence', region: '$target', by: -8 }],
        },
      ],
      (s) => (s.indicators.cohesion.initial = 50),
    );
    const plain = playTurn(scn, toPlanning(scn), { force: [card('patrol', 'north')] });
    const consulted = playTurn(scn, toPlanning(scn), { force: [card('consult'), card('patrol', 'north')] });
    expect(consulted.violence['north']!).toBeLessThan(plain.violence['north']!);
  });

  it('closeness to a host state that is a party buys consent and costs impartiality', () => {
    const scn = makeScenario((s) => (s.indicators.closeness.initial = 80));
    const s = playTurn(scn, toPlanning(scn), {});
    expect(s.indicators.consent).toBeGreaterThan(50);
    expect(s.indicators.impartiality).toBeLessThan(50);
  });

  it('neighbours left out drift away', () => {
    const scn = makeScenario((s) => {
      s.actors.push({ id: 'nb', name: L('Neighbour'), kind: 'neighbour', stance: 0, strength: 50 });
      s.mechanics = { decay: 0, presence: 0, drift: 0, exclusionTurns: 2 };
    });
    const start = toPlanning(scn);
    let s = playTurn(scn, start, {});
    s = playTurn(scn, toStrategy(scn, s, 'talks'), {});
    // the true start carries the game's secret offset (knowledge.ts): the neighbour drifts below where it started
    expect(s.actors['nb']!.stance).toBeLessThan(start.actors['nb']!.stance);
    expect(ledgerSum(s, mech('regional-exclusion'))).toBeLessThan(0);
  });

  it('trust falls when expectations outrun protection', () => {
    const scn = makeScenario((s) => (s.indicators.expectations.initial = 100));
    const s = playTurn(scn, toPlanning(scn), {});
    expect(ledgerSum(s, mech('expectation-gap'))).toBeLessThan(0);
  });
});

describe("issue 13: the report's advice is the game's optimum", () => {
  const talksCard = {
    id: 'parley',
    chair: 'srsg' as const,
    name: L('Parley'),
    text: L('t'),
    target: 'actor' as const,
    tags: ['talks' as const],
    effects: [{ do: 'indicator' as const, id: 'process' as const, by: 10 }],
  };

  it('strategy-track: talks outside the named track keep only part of their effect', () => {
    const scn = withCards([talksCard]);
    const on = playTurn(scn, toPlanning(scn, { strategy: 'talks' }), { srsg: [card('parley', 'rebels')] });
    const off = playTurn(scn, toPlanning(scn, { strategy: 'none' }), { srsg: [card('parley', 'rebels')] });
    expect(ledgerSum(on, mech('strategy-track'))).toBe(0);
    expect(ledgerSum(off, mech('strategy-track'))).toBeLessThan(0);
    expect(processOf(off)).toBeLessThan(processOf(on));
  });

  it('strategy-track: a strategy without a political track lets the process drift despite talks', () => {
    const scn = withCards([talksCard], (x) => (x.mechanics = { ...x.mechanics, drift: 2 }));
    const off = playTurn(scn, toPlanning(scn, { strategy: 'none' }), { srsg: [card('parley', 'rebels')] });
    const on = playTurn(scn, toPlanning(scn, { strategy: 'talks' }), { srsg: [card('parley', 'rebels')] });
    expect(ledgerSum(off, mech('process-drift'))).toBe(-2);
    expect(ledgerSum(on, mech('process-drift'))).toBe(0);
  });

  it('capability-gap: a mandated task needing means not in theatre, and a violent region without a unit, cost credibility; requests do not count', () => {
    const scn = withCards(
      [
        {
          id: 'gunship',
          chair: 'force',
          name: L('t'),
          text: L('t'),
          task: 'politics',
          target: 'region',
          needsUnit: 'air',
          effects: [],
        },
      ],
      (x) => {
        x.regions![0]!.violence = 60;
      },
    );
    const s = playTurn(scn, toPlanning(scn), {});
    // The task without its means costs 1; one bare violent region alone is not yet a gap.
    expect(ledgerSum(s, mech('capability-gap'))).toBe(-1);
    expect(s.tally?.['capability-gap']).toBe(1);
  });

  it('repetition: the same card two turns running keeps half its favourable effect; talks are exempt', () => {
    const scn = withCards(
      [
        {
          id: 'brief',
          chair: 'srsg',
          name: L('t'),
          text: L('t'),
          effects: [{ do: 'indicator', id: 'credibility', by: 4 }],
        },
        talksCard,
      ],
      (x) => (x.turns = 4),
    );
    let s = playTurn(scn, toPlanning(scn, { strategy: 'talks' }), { srsg: [card('brief'), card('parley', 'rebels')] });
    expect(ledgerSum(s, mech('repetition'))).toBe(0);
    s = run(scn, s, [
      { type: 'sitrep/close', chair: 'srsg' },
      { type: 'strategy/set', chair: 'srsg', strategy: 'talks' },
    ]);
    s = playTurn(scn, s, { srsg: [card('brief'), card('parley', 'rebels')] });
    const rep = s.ledger.filter(mech('repetition'));
    expect(rep.map((e) => [e.turn, e.track, e.delta])).toEqual([[2, { kind: 'indicator', id: 'credibility' }, -2]]);
  });

  it('monthly-assessment: the final score blends the mean of the monthly scores with the end', () => {
    const scn = makeScenario((x) => (x.turns = 2));
    let s = playTurn(scn, toPlanning(scn), {});
    s = run(scn, s, [
      { type: 'sitrep/close', chair: 'srsg' },
      { type: 'strategy/set', chair: 'srsg', strategy: 'talks' },
    ]);
    s = playTurn(scn, s, {});
    expect(s.phase).toBe('over');
    expect(s.assessed).toHaveLength(2);
    const end = s.assessed![1]!;
    const mean = (s.assessed![0]! + s.assessed![1]!) / 2;
    expect(s.outcome!.score).toBeCloseTo(0.5 * mean + 0.5 * end, 1);
  });

  it('regional-alignment: a process the region does not back loses ground each turn', () => {
    const scn = makeScenario((x) => (x.indicators.regional.initial = 20));
    const s = playTurn(scn, toPlanning(scn), {});
    // 20 short of the floor (40): −ceil(20 / 10).
    expect(ledgerSum(s, mech('regional-alignment'))).toBe(-2);
  });

  it('a mechanic condition reads the tally: epilogues can name force used in place of politics', () => {
    const scn = withCards(
      [
        {
          id: 'squeeze',
          chair: 'force',
          name: L('t'),
          text: L('t'),
          target: 'actor',
          tags: ['military', 'pressure'],
          effects: [{ do: 'strength', actor: '$target', by: -5 }],
        },
      ],
      (x) => {
        x.turns = 1;
        x.epilogues = [
          {
            id: 'force-without-politics',
            when: { test: 'mechanic', mechanic: 'force-substitution', gte: 1 },
            text: L('f'),
          },
          { id: 'end', text: L('The end') },
        ];
      },
    );
    const s = playTurn(scn, toPlanning(scn, { strategy: 'none' }), { force: [card('squeeze', 'rebels')] });
    expect(s.outcome!.epilogue).toBe('force-without-politics');
  });
});
