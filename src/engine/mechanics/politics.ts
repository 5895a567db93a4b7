// The political world each turn: host-state distance, regional exclusion, agreements, expectations.
import type { Actor, Scenario } from '../../scenario/schema.js';
import { change, INDICATOR, stepEntries } from '../ledger.js';
import { indexOf, mechanicCause, trackOf } from '../scenario-index.js';
import { Recent } from '../recent.js';
import type { DraftState, GameState, LedgerEntry, Track } from '../types.js';
import type { MechanicId } from '../../scenario/lessons.js';
import { type PracticeMemo, practiceStale } from './modifiers.js';

/**
 * 100 minus the weighted violence: how protected civilians are. Each region weighs by its share of
 * the population and, for `areaWeight`, alike across the mission area, since the mandate to protect
 * applies wherever the mission is deployed, not only where most people live (L-population, report
 * ¶15; L-nimble ¶11: the mission must reach remote areas, not only the capital).
 */
export function protection(s: GameState | DraftState, scn: Scenario): number {
  let w = weightsOf.get(scn);
  if (!w) weightsOf.set(scn, (w = protectionWeights(scn)));
  let weighted = 0;
  for (const r of scn.regions) weighted += (w[r.id] ?? 0) * (s.violence[r.id] ?? 0);
  return scn.regions.length === 0 ? 100 : Math.round(100 - weighted);
}

/** protectionWeights per scenario, for `protection`, which every month's assessment and expectation gap read. */
const weightsOf = new WeakMap<Scenario, Readonly<Record<string, number>>>();

/**
 * Each region's weight in protection (they sum to 1): `1 - areaWeight` by population, `areaWeight` shared alike by the
 * regions where the mandate applies (`mandate.areas`; every region when it names none).
 */
export function protectionWeights(scn: Scenario): Record<string, number> {
  let pop = 0;
  for (const r of scn.regions) pop += r.population;
  const area = scn.mechanics.areaWeight;
  const n = scn.regions.length;
  const applies = scn.mandate.areas.length > 0 ? new Set(scn.mandate.areas) : new Set(scn.regions.map((r) => r.id));
  return Object.fromEntries(
    scn.regions.map((r) => [
      r.id,
      (1 - area) * (pop === 0 ? 1 / n : r.population / pop) + (applies.has(r.id) ? area / applies.size : 0),
    ]),
  );
}

/** Where each mechanic's last count stood in the entries of the step being made (or of the ledger outside a step). */
const counted = new Recent<readonly LedgerEntry[], Map<MechanicId, number>>(4);

/**
 * Starts a mechanic's next count here: entries made before (by the same mechanic, on a branch that is not counted)
 * do not count for it. Returns where the count starts.
 */
export function tallyFrom(d: DraftState, mechanic: MechanicId): number {
  const made = stepEntries(d);
  // A Map, not a record: each step adds its mechanics' names in its own order, which made every record a new shape.
  let marks = counted.get(made);
  if (!marks) counted.set(made, (marks = new Map()));
  const from = marks.get(mechanic) ?? 0;
  marks.set(mechanic, made.length);
  return from;
}

/**
 * Counts one more time a mechanic that marks a broken lesson weighed on the mission (read by conditions, and shown in
 * every chair's view). It counts only when the mechanic left an entry in the ledger since its last count: a change
 * held at its bound is not recorded, and a count with nothing to show for it would tell a chair that a hidden number
 * stood at its bound (or which way a hidden threshold fell) where the ledger tells it nothing.
 */
export function tally(d: DraftState, mechanic: MechanicId): void {
  const from = tallyFrom(d, mechanic);
  const made = stepEntries(d);
  // From the newest back: the entry that shows the count is nearly always the one just made, and a mechanic's first
  // count in a step starts at the step's first entry (a month makes a hundred or more before it).
  let shown = false;
  for (let i = made.length - 1; i >= from && !shown; i--) {
    const e = made[i]!;
    shown = e.turn === d.turn && e.cause.kind === 'mechanic' && e.cause.mechanic === mechanic;
  }
  if (!shown) return;
  const t = (d.tally ??= {});
  t[mechanic] = (t[mechanic] ?? 0) + 1;
}

/**
 * L-hoststate: closeness buys consent and, where the state is a party, costs impartiality;
 * distance costs consent.
 */
export function hostStateDistance(d: DraftState, scn: Scenario): void {
  const idx = indexOf(scn);
  const host = idx.hostState;
  if (!host) return;
  const c = d.indicators.closeness;
  const cause = mechanicCause(idx, 'host-state-distance', host.id);
  change(d, scn, INDICATOR.consent, (c - 50) / 15, cause, HOSTSTATE);
  if (host.party && c > 55) change(d, scn, INDICATOR.impartiality, -(c - 50) / 12, cause, HOSTSTATE);
}

/**
 * Actors left out drift away, one row per kind of exclusion: the actors it holds to be consulted (per scenario), when
 * it applies, what each month of exclusion past `exclusionTurns` costs (the actor's stance −3, then the indicators) and
 * the lessons. The rows run in this order, each over its actors in the scenario's order.
 */
interface Exclusion {
  readonly mechanic: MechanicId;
  readonly actors: (scn: Scenario) => readonly Actor[];
  readonly applies: (d: DraftState) => boolean;
  readonly costs: readonly Track[];
  readonly lessons: readonly string[];
}

const EXCLUSIONS: readonly Exclusion[] = [
  // L-regional: neighbours and regional organizations left out drift away and spoil.
  {
    mechanic: 'regional-exclusion',
    actors: (scn) => scn.actors.filter((a) => a.kind === 'neighbour' || a.kind === 'regional-org'),
    applies: () => true,
    costs: [INDICATOR.regional],
    lessons: ['L-regional'],
  },
  // L-population, report ¶15: civil society should be consulted before and while solutions are designed. While the
  // agreement is not yet implemented, a civil-society actor that some action could consult by name but that no chair
  // has engaged for `exclusionTurns` turns turns away (stance −3), the settlement designed without it loses ownership
  // (process −1) and the people it speaks for lose trust in the mission (trust −1). Informing the public at large
  // (outreach with no target) does not consult it. How large the cost is goes beyond the report.
  {
    mechanic: 'civil-society',
    actors: (scn) => scn.actors.filter((a) => a.kind === 'civil-society' && consultable(scn).has(a.id)),
    applies: (d) => d.agreement.status !== 'implemented',
    costs: [INDICATOR.process, INDICATOR.trust],
    lessons: ['L-population'],
  },
];

/** Each exclusion row's actors, per scenario. */
const excludable = new WeakMap<Scenario, readonly (readonly Actor[])[]>();

/**
 * L-regional and L-population: the exclusions (EXCLUSIONS), then, L-regional, report ¶4 and ¶13: a process the region
 * does not back loses ground every turn, signed or not (the scenario's rules may add to this, the engine carries it).
 */
export function regionalExclusion(d: DraftState, scn: Scenario): void {
  const idx = indexOf(scn);
  let actors = excludable.get(scn);
  if (!actors) excludable.set(scn, (actors = EXCLUSIONS.map((x) => x.actors(scn))));
  for (let i = 0; i < EXCLUSIONS.length; i++) {
    const x = EXCLUSIONS[i]!;
    if (!x.applies(d)) continue;
    for (const a of actors[i]!) {
      const st = d.actors[a.id];
      if (!st || d.turn - st.engaged < scn.mechanics.exclusionTurns) continue;
      const cause = mechanicCause(idx, x.mechanic, a.id);
      change(d, scn, trackOf(idx, 'stance', a.id), -3, cause, x.lessons);
      for (const t of x.costs) change(d, scn, t, -1, cause, x.lessons);
      tally(d, x.mechanic);
    }
  }
  const short = scn.mechanics.regionalFloor - d.indicators.regional;
  if (short > 0)
    change(d, scn, INDICATOR.process, -Math.ceil(short / 10), mechanicCause(idx, 'regional-alignment'), REGIONAL);
}

const REGIONAL: readonly string[] = ['L-regional'];

/** The actors some action of the scenario targets by name (a chair is not held to consult whom it cannot reach). */
const consultables = new WeakMap<Scenario, ReadonlySet<string>>();
function consultable(scn: Scenario): ReadonlySet<string> {
  let set = consultables.get(scn);
  if (!set) {
    set = new Set(scn.actions.flatMap((c) => (c.target === 'actor' ? (c.targets ?? scn.actors.map((a) => a.id)) : [])));
    consultables.set(scn, set);
  }
  return set;
}

/**
 * L-agreement: a signed agreement needs work every turn or it stalls and drags the process down;
 * L-regional: without regional alignment it does not hold.
 */
export function agreementImplementation(d: DraftState, scn: Scenario, worked: boolean): void {
  if (d.agreement.status !== 'signed' || d.agreement.signed === d.turn) return;
  if (!worked) {
    const cause = { kind: 'mechanic', mechanic: 'agreement-implementation' } as const;
    change(d, scn, INDICATOR.process, -scn.mechanics.neglect, cause, ['L-agreement']);
    change(d, scn, { kind: 'implementation' }, -2, cause, ['L-agreement']);
  }
  if (d.indicators.regional < scn.mechanics.regionalFloor) {
    change(d, scn, { kind: 'implementation' }, -3, { kind: 'mechanic', mechanic: 'regional-exclusion' }, [
      'L-regional',
      'L-agreement',
    ]);
  }
  if (d.agreement.progress >= 100) d.agreement.status = 'implemented';
}

/**
 * L-cohesion, report ¶8 (integrated planning across components) and ¶6 (JOC/JMAC underused): a
 * chair that has taken no coordination step for `siloTurns` turns works in a silo, and the
 * mission's cohesion pays each turn. Only chairs that have coordination actions within the adopted
 * mandate are counted (practiceStale, as for siloFactor and police information): a chair is not held
 * to a step the mandate does not allow it.
 */
export function siloWorking(d: DraftState, scn: Scenario, practice?: PracticeMemo): void {
  const idx = indexOf(scn);
  for (const chair of idx.chairs) {
    if (!practiceStale(d, scn, chair, 'coordination', scn.mechanics.siloTurns, practice)) continue;
    change(d, scn, INDICATOR.cohesion, -scn.mechanics.siloCost, mechanicCause(idx, 'silo-working', chair), COHESION);
    tally(d, 'silo-working');
  }
}

/** L-population: the gap between what people expect and the protection they get moves their trust. */
export function expectationGap(d: DraftState, scn: Scenario): void {
  const gap = d.indicators.expectations - protection(d, scn);
  const delta = gap > 0 ? -Math.ceil(gap / 15) : Math.min(2, Math.floor(-gap / 15));
  change(d, scn, INDICATOR.trust, delta, mechanicCause(indexOf(scn), 'expectation-gap'), POPULATION);
}

/**
 * L-primacy: a political process nobody works on loses ground; the mission must lead it. Political
 * work counts only under a strategy that names a political track: report ¶3, a strategy that is
 * only about security lets the process drift however much the mission talks.
 */
export function processDrift(d: DraftState, scn: Scenario, worked: boolean): void {
  const idx = indexOf(scn);
  const st = d.strategy ? idx.strategies.get(d.strategy) : undefined;
  if ((worked && (st?.track.length ?? 0) > 0) || scn.mechanics.drift === 0) return;
  change(d, scn, INDICATOR.process, -scn.mechanics.drift, mechanicCause(idx, 'process-drift'), PRIMACY);
}

// The lessons of the entries made each month, made once (every entry keeps its list for the game).
const HOSTSTATE: readonly string[] = ['L-hoststate'];
const COHESION: readonly string[] = ['L-cohesion'];
const POPULATION: readonly string[] = ['L-population'];
const PRIMACY: readonly string[] = ['L-primacy'];
