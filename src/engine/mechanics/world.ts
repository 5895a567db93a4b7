// The world pushes back each turn: armed violence, mission presence, police, spoiler attacks, deployments.
import type { Scenario } from '../../scenario/schema.js';
import { change } from '../ledger.js';
import { chance } from '../rng.js';
import { byPairKey, indexOf } from '../scenario-index.js';
import type { DraftState, EngineEvent } from '../types.js';
import { tally } from './politics.js';
import { suppliedUnit } from './council.js';
import { practiceStale } from './modifiers.js';

/** Hostile armed actors add violence where they operate, in proportion to their strength. */
export function armedViolence(d: DraftState, scn: Scenario): void {
  for (const a of scn.actors) {
    const st = d.actors[a.id];
    if (!st || a.aggression === 0 || st.stance >= 0 || st.strength === 0) continue;
    const add = (a.aggression * st.strength) / 100;
    for (const r of a.regions) {
      change(
        d,
        scn,
        { kind: 'violence', id: r },
        add,
        { kind: 'mechanic', mechanic: 'armed-violence', subject: a.id },
        a.kind === 'spoiler' ? ['L-spoilers'] : [],
      );
    }
  }
}

/** Mission units dampen violence where they stand; police do more in towns and feed analysis (L-police). */
export function missionPresence(d: DraftState, scn: Scenario): void {
  const idx = indexOf(scn);
  const force = new Map<string, number>();
  let policeSiloed = false;
  for (const c of idx.chairs)
    if (
      (idx.cardsByChairTag.get(c)?.get('police')?.length ?? 0) > 0 &&
      practiceStale(d, scn, c, 'coordination', scn.mechanics.siloTurns)
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
      const cause = { kind: 'mechanic', mechanic: 'police-presence', subject: id } as const;
      change(d, scn, { kind: 'violence', id: u.region }, -scn.mechanics.policeUnrest, cause, ['L-police']);
      // L-police ¶7, L-cohesion ¶8: what police see reaches the mission's analysis through the joint structures;
      // a police chair working in a silo keeps it to itself.
      if (!policeSiloed)
        change(d, scn, { kind: 'indicator', id: 'analysis' }, scn.mechanics.policeAnalysis, cause, [
          'L-police',
          'L-analysis',
        ]);
    }
  }
  // By region id, as a sort of the [region, force] pairs orders them: the scenario's regions are ordered once.
  let sorted: string[] = [];
  for (const r of idx.regionOrder) if (force.has(r)) sorted.push(r);
  if (sorted.length !== force.size) sorted = [...force.keys()].sort(byPairKey);
  for (const region of sorted) {
    const f = force.get(region)!;
    change(
      d,
      scn,
      { kind: 'violence', id: region },
      -(scn.mechanics.presence * f) / 4,
      { kind: 'mechanic', mechanic: 'mission-presence', subject: region },
      [],
    );
  }
  for (const r of scn.regions) {
    const v = d.violence[r.id] ?? 0;
    change(
      d,
      scn,
      { kind: 'violence', id: r.id },
      -(v * scn.mechanics.decay) / 100,
      { kind: 'mechanic', mechanic: 'armed-violence', subject: r.id },
      [],
    );
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
      if (!exposed || !chance(d, (st.strength / 300) * warning, 'spoiler', `${a.id}/${r}`)) continue;
      const cause = { kind: 'mechanic', mechanic: 'spoiler-attacks', subject: a.id } as const;
      change(d, scn, { kind: 'indicator', id: 'casualties' }, 3, cause, ['L-spoilers']);
      change(d, scn, { kind: 'indicator', id: 'credibility' }, -1, cause, ['L-spoilers']);
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
      change(
        d,
        scn,
        { kind: 'indicator', id: 'credibility' },
        -scn.mechanics.deployCost,
        { kind: 'mechanic', mechanic: 'deployment-lead-time', subject: x.reinforcement },
        ['L-nimble'],
      );
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
  const caps = new Set<string>();
  const occupied = new Set<string>();
  for (const id in d.units) {
    const u = d.units[id]!;
    const def = idx.units.get(id);
    if (def) caps.add(def.capability);
    occupied.add(u.region);
  }
  const able = (need: string) => caps.has(need) || (need === 'infantry' && caps.has('combat'));
  let gaps = 0;
  for (const task of d.mandate) {
    const lacking = (idx.taskNeeds.get(task) ?? []).some((need) => !able(need));
    if (!lacking) continue;
    gaps++;
    change(
      d,
      scn,
      { kind: 'indicator', id: 'credibility' },
      -scn.mechanics.gapCost,
      { kind: 'mechanic', mechanic: 'capability-gap', subject: task },
      ['L-nimble', 'L-mandate'],
    );
  }
  const bare = scn.regions.filter((r) => !occupied.has(r.id) && (d.violence[r.id] ?? 0) >= scn.mechanics.gapViolence);
  if (bare.length >= 2) {
    gaps++;
    const cause = { kind: 'mechanic', mechanic: 'capability-gap', subject: bare[0]!.id } as const;
    change(d, scn, { kind: 'indicator', id: 'credibility' }, -scn.mechanics.gapCost, cause, [
      'L-nimble',
      'L-population',
    ]);
    if (bare.length >= 3) change(d, scn, { kind: 'indicator', id: 'trust' }, -1, cause, ['L-nimble', 'L-population']);
  }
  if (gaps > 0) tally(d, 'capability-gap');
}

/** L-analysis, report ¶10: the picture of the conflict goes stale unless the mission keeps analysing. */
export function analysisDecay(d: DraftState, scn: Scenario): void {
  change(
    d,
    scn,
    { kind: 'indicator', id: 'analysis' },
    -scn.mechanics.analysisDecay,
    { kind: 'mechanic', mechanic: 'analysis-decay' },
    ['L-analysis'],
  );
}
