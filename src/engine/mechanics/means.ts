// Unrequested means: capabilities the mission's own actions call for, never asked for (L-nimble).
import type { Scenario } from '../../scenario/schema.js';
import { change } from '../ledger.js';
import { indexOf } from '../scenario-index.js';
import type { DraftState } from '../types.js';
import { tally } from './politics.js';

const CREDIBILITY = { kind: 'indicator', id: 'credibility' } as const;
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
  const caps = new Set<string>();
  for (const id in d.units) {
    const def = idx.units.get(id);
    if (def) caps.add(def.capability);
  }
  let gaps = 0;
  for (const [cap, reinforcements] of closableNeeds(scn)) {
    if (caps.has(cap) || (cap === 'infantry' && caps.has('combat'))) continue;
    if (d.deployments.some((x) => reinforcements.includes(x.reinforcement))) continue;
    gaps++;
    const cause = { kind: 'mechanic', mechanic: 'capability-gap', subject: cap } as const;
    change(d, scn, CREDIBILITY, -scn.mechanics.gapCost, cause, NIMBLE);
  }
  if (gaps > 0) tally(d, 'capability-gap');
}
