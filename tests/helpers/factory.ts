// Test factories: small purpose-made scenarios, and drivers that walk a game to a given phase.
import { loadLessons, loadScenario } from '../../src/scenario/load-node.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { formatProblem } from '../../src/scenario/problems.js';
import type { Scenario, ScenarioInput } from '../../src/scenario/schema.js';
import { newGame, step, type Action, type GameState, type PlanItem } from '../../src/engine/index.js';
import type { Chair } from '../../src/scenario/schema.js';
import type { SessionRow } from '../../src/server/db.js';

/** Scenario text with the same words in both languages, for purpose-made scenarios. */
export const L = (en: string) => ({ en, fr: en });

/** A minimal valid scenario: two regions, a negotiable group, a host state, one card per chair. */
export function baseScenario(): ScenarioInput {
  const ind = (initial: number, observed: 'exact' | 'estimated' = 'exact') => ({ name: L('x'), initial, observed });
  return {
    schemaVersion: 1,
    id: 'test',
    title: L('Test'),
    briefing: L('Test'),
    start: '2020-01',
    turns: 4,
    chairs: { srsg: { capacity: 3 }, force: { capacity: 3 } },
    indicators: {
      process: ind(50),
      consent: ind(50),
      impartiality: ind(50),
      trust: ind(50),
      expectations: ind(30),
      cohesion: ind(50),
      credibility: ind(50),
      regional: ind(50),
      analysis: ind(50),
      casualties: ind(0),
      closeness: ind(50),
    },
    regions: [
      { id: 'capital', name: L('Capital'), x: 100, y: 100, population: 100, violence: 20, links: ['north'] },
      { id: 'north', name: L('North'), x: 500, y: 100, population: 100, violence: 20, links: ['capital'] },
    ],
    actors: [
      { id: 'gov', name: L('Gov'), kind: 'host-state', party: true, stance: 20, strength: 50 },
      {
        id: 'rebels',
        name: L('Rebels'),
        kind: 'armed-group',
        party: true,
        stance: -20,
        strength: 50,
        regions: ['north'],
      },
    ],
    units: [{ id: 'bn', name: L('Battalion'), capability: 'combat', region: 'north', strength: 4 }],
    mandate: { tasks: [{ id: 'politics', name: L('Politics'), expectation: 0, required: true }], focus: 5 },
    strategies: [
      { id: 'talks', name: L('Talks'), text: L('t'), track: ['rebels'] },
      { id: 'none', name: L('No track'), text: L('t') },
    ],
    actions: [
      { id: 'note', chair: 'srsg', name: L('Note'), text: L('t'), cost: 1, effects: [] },
      { id: 'hold', chair: 'force', name: L('Hold'), text: L('t'), cost: 1, effects: [] },
    ],
    scoring: {
      weights: { process: 1, protection: 1, credibility: 1, consent: 1, trust: 1, cohesion: 1, casualties: 1 },
      threshold: 50,
    },
    epilogues: [{ id: 'end', text: L('The end') }],
    mechanics: { decay: 0, presence: 0, drift: 0 },
  };
}

/** Parses a scenario object through the real parser; fails the test with the problems if invalid. */
export function makeScenario(edit: (s: ScenarioInput) => void = () => {}): Scenario {
  const s = baseScenario();
  edit(s);
  const lessons = loadLessons();
  if (!lessons.ok) throw new Error('lessons catalogue does not load');
  const r = parseScenario(JSON.stringify(s), 'test.json', lessons.value);
  if (!r.ok) throw new Error(r.error.map(formatProblem).join('\n'));
  return r.value;
}

export function loadShipped(id: string): Scenario {
  const r = loadScenario(id);
  if (!r.ok) throw new Error(r.error.map(formatProblem).join('\n'));
  return r.value;
}

export const card = (c: string, target?: string): PlanItem =>
  target === undefined ? { kind: 'card', card: c } : { kind: 'card', card: c, target };

/** Applies actions that must all be legal. */
export function run(scn: Scenario, s: GameState, actions: readonly Action[]): GameState {
  for (const a of actions) {
    const r = step(s, a, scn);
    if (!r.ok) throw new Error(`${JSON.stringify(a)} refused: ${r.rejection.code} ${r.rejection.message}`);
    s = r.state;
  }
  return s;
}

/** Every state step() makes along `actions` from `s`, one after each action (a refused one throws, as in `run`). */
export function statesAlong(scn: Scenario, s: GameState, actions: readonly Action[]): GameState[] {
  const out: GameState[] = [];
  for (const a of actions) out.push((s = run(scn, s, [a])));
  return out;
}

/** From a new game to turn 1's planning phase, with a mandate and a strategy. */
export function toPlanning(
  scn: Scenario,
  opts: { seed?: number; tasks?: string[]; strategy?: string } = {},
): GameState {
  let s = newGame(scn, opts.seed ?? 1);
  s = run(scn, s, [
    {
      type: 'mandate/adopt',
      chair: 'srsg',
      tasks: opts.tasks ?? scn.mandate.tasks.filter((t) => t.required).map((t) => t.id),
    },
  ]);
  return toStrategy(scn, s, opts.strategy ?? scn.strategies[0]!.id);
}

/** From a sitrep (choices taken with the first option) through the strategy to planning. */
export function toStrategy(scn: Scenario, s: GameState, strategy: string): GameState {
  for (const ev of s.pendingChoices) {
    const e = scn.events.find((x) => x.id === ev)!;
    s = run(scn, s, [{ type: 'event/choose', chair: e.decider, event: ev, choice: e.choices[0]!.id }]);
  }
  return run(scn, s, [
    { type: 'sitrep/close', chair: 'srsg' },
    { type: 'strategy/set', chair: 'srsg', strategy },
  ]);
}

/** Every chair plans the given items (others nothing), commits and confirms: the turn resolves. */
export function playTurn(scn: Scenario, s: GameState, plans: Plans): GameState {
  const chairs = (['srsg', 'envoy', 'police', 'force'] as const).filter((c) => scn.chairs[c]);
  for (const c of chairs) for (const item of plans[c] ?? []) s = run(scn, s, [{ type: 'plan/add', chair: c, item }]);
  for (const c of chairs) if (!s.plans[c]?.committed) s = run(scn, s, [{ type: 'plan/commit', chair: c }]);
  for (const c of chairs) s = run(scn, s, [{ type: 'plan/confirm', chair: c }]);
  return s;
}

/** The plans of a month: each chair's items (others nothing). */
export type Plans = Partial<Record<Chair, PlanItem[]>>;

/**
 * Plays `turns` months from a planning phase, each with the same plans (or the plans of month `i`, from 0), the
 * strategy set to `strategy` between them (sitrep choices take their first option); stops when the game ends. The
 * state is the one after the last month resolved.
 */
export function playTurns(
  scn: Scenario,
  s: GameState,
  turns: number,
  plans: Plans | ((i: number) => Plans) = {},
  strategy: string = scn.strategies[0]!.id,
): GameState {
  for (let i = 0; i < turns && s.phase !== 'over'; i++) {
    if (i > 0) s = toStrategy(scn, s, strategy);
    s = playTurn(scn, s, typeof plans === 'function' ? plans(i) : plans);
  }
  return s;
}

/** An entry of what conflicting plans cost in cohesion (the debrief's conflict cost), read from the ledger. */
export const conflictCostEntry = (e: GameState['ledger'][number]): boolean =>
  e.cause.kind === 'mechanic' &&
  (e.cause.mechanic === 'plan-conflicts' || e.cause.mechanic === 'envoy-coordination') &&
  e.track.kind === 'indicator' &&
  e.track.id === 'cohesion';

/** Sum of the ledger entries of the last resolved turn for a track and a cause filter. */
export function ledgerSum(s: Pick<GameState, 'ledger'>, pred: (e: GameState['ledger'][number]) => boolean): number {
  return s.ledger.filter(pred).reduce((a, e) => a + e.delta, 0);
}

/** A group session's row as the store keeps it: a tutorial session of `report` bots, with the fields a test sets. */
export function sessionRow(fields: Partial<SessionRow> = {}): SessionRow {
  return {
    id: 's1',
    code: 'ABCDEF',
    scenario: 'tutorial',
    scenarioHash: 'x',
    seed: 1,
    team: 'Team',
    doctrine: 'report',
    createdAt: 0,
    endedAt: null,
    ...fields,
  };
}
