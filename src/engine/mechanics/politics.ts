// The political world each turn: host-state distance, regional exclusion, agreements, expectations.
import type { Scenario } from '../../scenario/schema.js';
import { change } from '../ledger.js';
import { indexOf } from '../scenario-index.js';
import type { DraftState, GameState } from '../types.js';

/** 100 minus the population-weighted violence: how protected civilians are. */
export function protection(s: GameState | DraftState, scn: Scenario): number {
  let pop = 0;
  let weighted = 0;
  for (const r of scn.regions) {
    pop += r.population;
    weighted += r.population * (s.violence[r.id] ?? 0);
  }
  return pop === 0 ? 100 : Math.round(100 - weighted / pop);
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
  if (host.party && c > 55) change(d, scn, { kind: 'indicator', id: 'impartiality' }, -(c - 50) / 12, cause, ['L-hoststate']);
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
  }
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
    change(d, scn, { kind: 'implementation' }, -3, { kind: 'mechanic', mechanic: 'regional-exclusion' }, ['L-regional', 'L-agreement']);
  }
  if (d.agreement.progress >= 100) d.agreement.status = 'implemented';
}

/** L-population: the gap between what people expect and the protection they get moves their trust. */
export function expectationGap(d: DraftState, scn: Scenario): void {
  const gap = d.indicators.expectations - protection(d, scn);
  const delta = gap > 0 ? -Math.ceil(gap / 15) : Math.min(2, Math.floor(-gap / 15));
  change(d, scn, { kind: 'indicator', id: 'trust' }, delta, { kind: 'mechanic', mechanic: 'expectation-gap' }, ['L-population']);
}

/** L-primacy: a political process nobody works on loses ground; the mission must lead it. */
export function processDrift(d: DraftState, scn: Scenario, worked: boolean): void {
  if (worked || scn.mechanics.drift === 0) return;
  change(d, scn, { kind: 'indicator', id: 'process' }, -scn.mechanics.drift, { kind: 'mechanic', mechanic: 'process-drift' }, ['L-primacy']);
}
