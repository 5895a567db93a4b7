// Unrequested means: capabilities the mission's own actions call for, never asked for (L-nimble).
import type { Scenario } from '../../scenario/schema.js';
import { change, INDICATOR } from '../ledger.js';
import { indexOf, mechanicCause } from '../scenario-index.js';
import type { DraftState } from '../types.js';
import { tally } from './politics.js';
import { able, capabilitiesOf } from './world.js';

const CREDIBILITY = INDICATOR.credibility;
const NIMBLE: readonly string[] = ['L-nimble'];

/** Per scenario: each capability some action needs and some reinforcement could bring, with the reinforcements. */
const closable = new WeakMap<Scenario, ReadonlyMap<string, readonly string[]>>();
function closableNeeds(scn: Scenario): ReadonlyMap<string, readonly string[]> {
  let m = closable.get(scn);
  if (m) return m;
  const built = new Map<string, string[]>();
  const needs = new Set(scn.actions.flatMap((c) => (c.needsUnit === undefined ? [] : [c.needsUnit])));
  for (const [id, r] of Object.entries(scn.reinforcements)) {
    if (!needs.has(r.unit.capability)) continue;
    built.set(r.unit.capability, [...(built.get(r.unit.capability) ?? []), id]);
  }
  closable.set(scn, (m = built));
  return m;
}

/**
 * L-nimble, report ¶11 (the mission's logistical and operational gaps: helicopters, intelligence,
 * mobility) and ¶2 (means matched to what is asked of the mission): each turn, a capability that some
 * action of the mission needs, that no unit in theatre has, and that reinforcements could bring but
 * nobody has asked for, costs credibility `gapCost`. Mandated tasks' needs are priced by
 * `capabilityGaps` whether asked for or not; here a request under way stops the cost (its lead time is
 * priced by `deployments`), so the gap that costs is the one the mission hides. Goes beyond the report
 * in the figure. Never asking was free: the Council judged the mission only on its tasks.
 */
export function unrequestedMeans(d: DraftState, scn: Scenario): void {
  const idx = indexOf(scn);
  const caps = capabilitiesOf(d, scn);
  let gaps = 0;
  for (const [cap, reinforcements] of closableNeeds(scn)) {
    if (able(caps, cap) || requested(d, reinforcements)) continue;
    gaps++;
    change(d, scn, CREDIBILITY, -scn.mechanics.gapCost, mechanicCause(idx, 'capability-gap', cap), NIMBLE);
  }
  if (gaps > 0) tally(d, 'capability-gap');
}

/** Whether one of `reinforcements` is asked for and on its way. */
function requested(d: DraftState, reinforcements: readonly string[]): boolean {
  for (const x of d.deployments) if (reinforcements.includes(x.reinforcement)) return true;
  return false;
}
