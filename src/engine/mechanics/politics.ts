// The political world each turn: host-state distance, regional exclusion, agreements, expectations.
import type { Scenario } from '../../scenario/schema.js';
import { change, stepEntries } from '../ledger.js';
import { indexOf } from '../scenario-index.js';
import type { DraftState, GameState, LedgerEntry } from '../types.js';
import type { MechanicId } from '../../scenario/lessons.js';
import { practiceStale } from './modifiers.js';

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
const counted = new WeakMap<readonly LedgerEntry[], Partial<Record<MechanicId, number>>>();

/**
 * Starts a mechanic's next count here: entries made before (by the same mechanic, on a branch that is not counted)
 * do not count for it. Returns where the count starts.
 */
export function tallyFrom(d: DraftState, mechanic: MechanicId): number {
  const made = stepEntries(d);
  const marks = counted.get(made) ?? {};
  counted.set(made, marks);
  const from = marks[mechanic] ?? 0;
  marks[mechanic] = made.length;
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
  let shown = false;
  for (let i = from; i < made.length && !shown; i++) {
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
  const host = indexOf(scn).hostState;
  if (!host) return;
  const c = d.indicators.closeness;
  const cause = { kind: 'mechanic', mechanic: 'host-state-distance', subject: host.id } as const;
  change(d, scn, { kind: 'indicator', id: 'consent' }, (c - 50) / 15, cause, ['L-hoststate']);
  if (host.party && c > 55)
    change(d, scn, { kind: 'indicator', id: 'impartiality' }, -(c - 50) / 12, cause, ['L-hoststate']);
}

/** L-regional: neighbours and regional organizations left out drift away and spoil. */
export function regionalExclusion(d: DraftState, scn: Scenario): void {
  for (const a of scn.actors) {
    if (a.kind !== 'neighbour' && a.kind !== 'regional-org') continue;
    const st = d.actors[a.id];
    if (!st || d.turn - st.engaged < scn.mechanics.exclusionTurns) continue;
    const cause = { kind: 'mechanic', mechanic: 'regional-exclusion', subject: a.id } as const;
    change(d, scn, { kind: 'stance', id: a.id }, -3, cause, ['L-regional']);
    change(d, scn, { kind: 'indicator', id: 'regional' }, -1, cause, ['L-regional']);
    tally(d, 'regional-exclusion');
  }
  civilSocietyExclusion(d, scn);
  // L-regional, report ¶4 and ¶13: a process the region does not back loses ground every turn,
  // signed or not (the scenario's rules may add to this, the engine carries it).
  const short = scn.mechanics.regionalFloor - d.indicators.regional;
  if (short > 0) {
    change(
      d,
      scn,
      { kind: 'indicator', id: 'process' },
      -Math.ceil(short / 10),
      { kind: 'mechanic', mechanic: 'regional-alignment' },
      ['L-regional'],
    );
  }
}

/**
 * L-population, report ¶15: civil society should be consulted before and while solutions are designed. While the
 * agreement is not yet implemented, a civil-society actor that some action could consult by name but that no chair has
 * engaged for `exclusionTurns` turns turns away (stance −3), the settlement designed without it loses ownership
 * (process −1) and the people it speaks for lose trust in the mission (trust −1). Informing the public at large
 * (outreach with no target) does not consult it. How large the cost is goes beyond the report.
 */
function civilSocietyExclusion(d: DraftState, scn: Scenario): void {
  if (d.agreement.status === 'implemented') return;
  for (const a of scn.actors) {
    if (a.kind !== 'civil-society' || !consultable(scn).has(a.id)) continue;
    const st = d.actors[a.id];
    if (!st || d.turn - st.engaged < scn.mechanics.exclusionTurns) continue;
    const cause = { kind: 'mechanic', mechanic: 'civil-society', subject: a.id } as const;
    change(d, scn, { kind: 'stance', id: a.id }, -3, cause, ['L-population']);
    change(d, scn, { kind: 'indicator', id: 'process' }, -1, cause, ['L-population']);
    change(d, scn, { kind: 'indicator', id: 'trust' }, -1, cause, ['L-population']);
    tally(d, 'civil-society');
  }
}

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
    change(d, scn, { kind: 'indicator', id: 'process' }, -scn.mechanics.neglect, cause, ['L-agreement']);
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
export function siloWorking(d: DraftState, scn: Scenario): void {
  for (const chair of indexOf(scn).chairs) {
    if (!practiceStale(d, scn, chair, 'coordination', scn.mechanics.siloTurns)) continue;
    change(
      d,
      scn,
      { kind: 'indicator', id: 'cohesion' },
      -scn.mechanics.siloCost,
      { kind: 'mechanic', mechanic: 'silo-working', subject: chair },
      ['L-cohesion'],
    );
    tally(d, 'silo-working');
  }
}

/** L-population: the gap between what people expect and the protection they get moves their trust. */
export function expectationGap(d: DraftState, scn: Scenario): void {
  const gap = d.indicators.expectations - protection(d, scn);
  const delta = gap > 0 ? -Math.ceil(gap / 15) : Math.min(2, Math.floor(-gap / 15));
  change(d, scn, { kind: 'indicator', id: 'trust' }, delta, { kind: 'mechanic', mechanic: 'expectation-gap' }, [
    'L-population',
  ]);
}

/**
 * L-primacy: a political process nobody works on loses ground; the mission must lead it. Political
 * work counts only under a strategy that names a political track: report ¶3, a strategy that is
 * only about security lets the process drift however much the mission talks.
 */
export function processDrift(d: DraftState, scn: Scenario, worked: boolean): void {
  const st = d.strategy ? indexOf(scn).strategies.get(d.strategy) : undefined;
  if ((worked && (st?.track.length ?? 0) > 0) || scn.mechanics.drift === 0) return;
  change(
    d,
    scn,
    { kind: 'indicator', id: 'process' },
    -scn.mechanics.drift,
    { kind: 'mechanic', mechanic: 'process-drift' },
    ['L-primacy'],
  );
}
