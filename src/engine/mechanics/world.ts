// The world pushes back each turn: armed violence, mission presence, police, spoiler attacks, deployments.
import type { Scenario } from '../../scenario/schema.js';
import { change, INDICATOR } from '../ledger.js';
import { chance } from '../rng.js';
import { byPairKey, indexOf, mechanicCause, trackOf } from '../scenario-index.js';
import type { DraftState, EngineEvent } from '../types.js';
import { tally } from './politics.js';
import { suppliedUnit } from './council.js';
import { type PracticeMemo, practiceStale } from './modifiers.js';

// The lessons the world's entries name, made once (every entry keeps its list for the game).
const NONE: readonly string[] = [];
const SPOILERS: readonly string[] = ['L-spoilers'];
const POLICE: readonly string[] = ['L-police'];
const POLICE_ANALYSIS: readonly string[] = ['L-police', 'L-analysis'];
const NIMBLE: readonly string[] = ['L-nimble'];
const NIMBLE_MANDATE: readonly string[] = ['L-nimble', 'L-mandate'];
const NIMBLE_POPULATION: readonly string[] = ['L-nimble', 'L-population'];
const ANALYSIS: readonly string[] = ['L-analysis'];

/** Hostile armed actors add violence where they operate, in proportion to their strength. */
export function armedViolence(d: DraftState, scn: Scenario): void {
  const idx = indexOf(scn);
  for (const a of scn.actors) {
    const st = d.actors[a.id];
    if (!st || a.aggression === 0 || st.stance >= 0 || st.strength === 0) continue;
    const add = (a.aggression * st.strength) / 100;
    const cause = mechanicCause(idx, 'armed-violence', a.id);
    const lessons = a.kind === 'spoiler' ? SPOILERS : NONE;
    for (const r of a.regions) change(d, scn, trackOf(idx, 'violence', r), add, cause, lessons);
  }
}

/** Mission units dampen violence where they stand; police do more in towns and feed analysis (L-police). */
export function missionPresence(d: DraftState, scn: Scenario, practice?: PracticeMemo): void {
  const idx = indexOf(scn);
  const force = new Map<string, number>();
  let policeSiloed = false;
  for (const c of idx.chairs)
    if (
      (idx.cardsByChairTag.get(c)?.get('police')?.length ?? 0) > 0 &&
      practiceStale(d, scn, c, 'coordination', scn.mechanics.siloTurns, practice)
    ) {
      policeSiloed = true;
      break;
    }
  for (const id in d.units) {
    const u = d.units[id]!;
    const def = idx.units.get(id);
    if (!def) continue;
    force.set(u.region, (force.get(u.region) ?? 0) + def.strength * def.performance);
    if (def.capability === 'police' && idx.regions.get(u.region)?.urban) {
      const cause = mechanicCause(idx, 'police-presence', id);
      change(d, scn, trackOf(idx, 'violence', u.region), -scn.mechanics.policeUnrest, cause, POLICE);
      // L-police ¶7, L-cohesion ¶8: what police see reaches the mission's analysis through the joint structures;
      // a police chair working in a silo keeps it to itself.
      if (!policeSiloed) change(d, scn, INDICATOR.analysis, scn.mechanics.policeAnalysis, cause, POLICE_ANALYSIS);
    }
  }
  // By region id, as a sort of the [region, force] pairs orders them: the scenario's regions are ordered once.
  let sorted: string[] = [];
  for (const r of idx.regionOrder) if (force.has(r)) sorted.push(r);
  if (sorted.length !== force.size) sorted = [...force.keys()].sort(byPairKey);
  for (const region of sorted) {
    const f = force.get(region)!;
    const cause = mechanicCause(idx, 'mission-presence', region);
    change(d, scn, trackOf(idx, 'violence', region), -(scn.mechanics.presence * f) / 4, cause, NONE);
  }
  for (const r of scn.regions) {
    const v = d.violence[r.id] ?? 0;
    const cause = mechanicCause(idx, 'armed-violence', r.id);
    change(d, scn, trackOf(idx, 'violence', r.id), -(v * scn.mechanics.decay) / 100, cause, NONE);
  }
}

/** L-spoilers: groups outside any process strike the mission where it stands among them. */
export function spoilerAttacks(d: DraftState, scn: Scenario): void {
  // Where the mission stands (no unit moves while the spoilers strike).
  let occupied: Set<string> | undefined;
  for (const a of scn.actors) {
    const st = d.actors[a.id];
    if (!st || a.negotiable || st.strength === 0) continue;
    if (!occupied) {
      occupied = new Set();
      for (const id in d.units) occupied.add(d.units[id]!.region);
    }
    for (const r of a.regions) {
      const exposed = occupied.has(r);
      // L-analysis: early warning lets the mission see some attacks coming.
      const warning = 1.3 - (0.6 * d.indicators.analysis) / 100;
      if (!exposed || !chance(d, (st.strength / 300) * warning, 'spoiler', a.id, r)) continue;
      const cause = mechanicCause(indexOf(scn), 'spoiler-attacks', a.id);
      change(d, scn, INDICATOR.casualties, 3, cause, SPOILERS);
      change(d, scn, INDICATOR.credibility, -1, cause, SPOILERS);
    }
  }
}

/** L-nimble: reinforcements arrive after their lead time; every turn past the grace costs credibility. */
export function deployments(d: DraftState, scn: Scenario, out: EngineEvent[]): void {
  const keep: typeof d.deployments = [];
  for (const x of d.deployments) {
    const r = scn.reinforcements[x.reinforcement];
    if (!r) continue;
    if (x.arrives <= d.turn) {
      const unit = suppliedUnit(d, scn, r, x.requested, x.reinforcement);
      d.units[unit.id] = { region: unit.region, reinforcement: x.reinforcement };
      out.push({ type: 'unit-arrived', unit: unit.id, region: unit.region });
      continue;
    }
    if (d.turn - x.requested >= scn.mechanics.deployGrace) {
      const cause = mechanicCause(indexOf(scn), 'deployment-lead-time', x.reinforcement);
      change(d, scn, INDICATOR.credibility, -scn.mechanics.deployCost, cause, NIMBLE);
    }
    keep.push(x);
  }
  d.deployments = keep;
}

/**
 * L-nimble, L-mandate: a mission is judged on what it has, not on what it asked for. Each turn a
 * mandated task some of whose actions need a capability no unit in theatre has, or two or more violent regions
 * (violence ≥ `gapViolence`) where no mission unit stands, cost credibility (and, with two or more
 * with three or more, trust). Arrived units count; requests do not. Report ¶2 (mandates matched to the
 * means actually available) and ¶11 (logistical and operational gaps).
 */
export function capabilityGaps(d: DraftState, scn: Scenario): void {
  const idx = indexOf(scn);
  const caps = capabilitiesOf(d, scn);
  const occupied = new Set<string>();
  for (const id in d.units) occupied.add(d.units[id]!.region);
  let gaps = 0;
  for (const task of d.mandate) {
    let lacking = false;
    for (const need of idx.taskNeeds.get(task) ?? NONE) if (!able(caps, need)) lacking = true;
    if (!lacking) continue;
    gaps++;
    const cause = mechanicCause(idx, 'capability-gap', task);
    change(d, scn, INDICATOR.credibility, -scn.mechanics.gapCost, cause, NIMBLE_MANDATE);
  }
  const bare = scn.regions.filter((r) => !occupied.has(r.id) && (d.violence[r.id] ?? 0) >= scn.mechanics.gapViolence);
  if (bare.length >= 2) {
    gaps++;
    const cause = mechanicCause(idx, 'capability-gap', bare[0]!.id);
    change(d, scn, INDICATOR.credibility, -scn.mechanics.gapCost, cause, NIMBLE_POPULATION);
    if (bare.length >= 3) change(d, scn, INDICATOR.trust, -1, cause, NIMBLE_POPULATION);
  }
  if (gaps > 0) tally(d, 'capability-gap');
}

/** The capabilities of the mission's units in theatre (arrived units count; requests do not). */
export function capabilitiesOf(d: DraftState, scn: Scenario): Set<string> {
  const idx = indexOf(scn);
  const caps = new Set<string>();
  for (const id in d.units) {
    const def = idx.units.get(id);
    if (def) caps.add(def.capability);
  }
  return caps;
}

/** Whether units with capabilities `caps` meet a need: combat units serve where infantry is needed. */
export function able(caps: ReadonlySet<string>, need: string): boolean {
  return caps.has(need) || (need === 'infantry' && caps.has('combat'));
}

/** L-analysis, report ¶10: the picture of the conflict goes stale unless the mission keeps analysing. */
export function analysisDecay(d: DraftState, scn: Scenario): void {
  change(
    d,
    scn,
    INDICATOR.analysis,
    -scn.mechanics.analysisDecay,
    mechanicCause(indexOf(scn), 'analysis-decay'),
    ANALYSIS,
  );
}
