// The world pushes back each turn: armed violence, mission presence, police, spoiler attacks, deployments.
import type { Scenario } from '../../scenario/schema.js';
import { change, INDICATOR } from '../ledger.js';
import { chances } from '../rng.js';
import { byPairKey, indexOf, mechanicCause, trackOf, type ScenarioIndex } from '../scenario-index.js';
import type { Cause, DraftState, EngineEvent, Track } from '../types.js';
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

/** A region as the month's world mechanics read it, made once per scenario (`worldOf`). */
interface Place {
  readonly id: string;
  /** Its position in the index's `regionOrder` (the order mission presence is ledgered in). */
  readonly at: number;
  readonly urban: boolean;
  readonly violence: Track;
  /** The causes of mission presence and of violence's decay there. */
  readonly presence: Cause;
  readonly decay: Cause;
}

/** A unit that may serve, as mission presence reads it: its weight (strength × performance), and its cause if police. */
interface Serving {
  readonly force: number;
  readonly police: Cause | undefined;
}

/** A hostile actor's violence where it operates: its cause, lessons and the violence tracks of its regions. */
interface Armed {
  readonly id: string;
  readonly aggression: number;
  readonly cause: Cause;
  readonly lessons: readonly string[];
  readonly tracks: readonly Track[];
}

/**
 * What the month's world mechanics read of the scenario alone, made once: each month ledgers violence in every region
 * and presence for every unit, and looked up each track and cause by kind and id every time.
 */
interface World {
  readonly places: ReadonlyMap<string, Place>;
  /** The places in the index's `regionOrder`, and in the scenario's order. */
  readonly ordered: readonly Place[];
  readonly regions: readonly Place[];
  readonly units: ReadonlyMap<string, Serving>;
  /** The actors with some aggression, in the scenario's order. */
  readonly armed: readonly Armed[];
  /** Each place's force (by `at`), and whether a unit stands there, refilled by every `missionPresence`. */
  readonly force: Float64Array;
  readonly here: Uint8Array;
}

const worlds = new WeakMap<Scenario, World>();

function worldOf(scn: Scenario, idx: ScenarioIndex): World {
  let w = worlds.get(scn);
  if (w) return w;
  const at = new Map(idx.regionOrder.map((id, i) => [id, i] as const));
  const places = new Map<string, Place>(
    scn.regions.map((r) => [
      r.id,
      {
        id: r.id,
        at: at.get(r.id)!,
        urban: r.urban === true,
        violence: trackOf(idx, 'violence', r.id),
        presence: mechanicCause(idx, 'mission-presence', r.id),
        decay: mechanicCause(idx, 'armed-violence', r.id),
      },
    ]),
  );
  const units = new Map<string, Serving>();
  for (const [id, def] of idx.units)
    units.set(id, {
      force: def.strength * def.performance,
      police: def.capability === 'police' ? mechanicCause(idx, 'police-presence', id) : undefined,
    });
  w = {
    places,
    ordered: idx.regionOrder.map((id) => places.get(id)!),
    regions: scn.regions.map((r) => places.get(r.id)!),
    units,
    armed: scn.actors
      .filter((a) => a.aggression !== 0)
      .map((a) => ({
        id: a.id,
        aggression: a.aggression,
        cause: mechanicCause(idx, 'armed-violence', a.id),
        lessons: a.kind === 'spoiler' ? SPOILERS : NONE,
        tracks: a.regions.map((r) => trackOf(idx, 'violence', r)),
      })),
    force: new Float64Array(scn.regions.length),
    here: new Uint8Array(scn.regions.length),
  };
  worlds.set(scn, w);
  return w;
}

/** Hostile armed actors add violence where they operate, in proportion to their strength. */
export function armedViolence(d: DraftState, scn: Scenario): void {
  for (const a of worldOf(scn, indexOf(scn)).armed) {
    const st = d.actors[a.id];
    if (!st || st.stance >= 0 || st.strength === 0) continue;
    const add = (a.aggression * st.strength) / 100;
    for (const t of a.tracks) change(d, scn, t, add, a.cause, a.lessons);
  }
}

/** Mission units dampen violence where they stand; police do more in towns and feed analysis (L-police). */
export function missionPresence(d: DraftState, scn: Scenario, practice?: PracticeMemo): void {
  const idx = indexOf(scn);
  const w = worldOf(scn, idx);
  let policeSiloed = false;
  for (const c of idx.chairs)
    if (
      (idx.cardsByChairTag.get(c)?.get('police')?.length ?? 0) > 0 &&
      practiceStale(d, scn, c, 'coordination', scn.mechanics.siloTurns, practice)
    ) {
      policeSiloed = true;
      break;
    }
  const { force, here } = w;
  force.fill(0);
  here.fill(0);
  /** The force of units in regions the scenario does not have (never in a game the rules made). */
  let strays: Map<string, number> | undefined;
  for (const id in d.units) {
    const u = d.units[id]!;
    const unit = w.units.get(id);
    if (!unit) continue;
    const place = w.places.get(u.region);
    if (place) {
      force[place.at] = force[place.at]! + unit.force;
      here[place.at] = 1;
    } else (strays ??= new Map()).set(u.region, (strays.get(u.region) ?? 0) + unit.force);
    if (unit.police && place?.urban) {
      change(d, scn, place.violence, -scn.mechanics.policeUnrest, unit.police, POLICE);
      // L-police ¶7, L-cohesion ¶8: what police see reaches the mission's analysis through the joint structures;
      // a police chair working in a silo keeps it to itself.
      if (!policeSiloed) change(d, scn, INDICATOR.analysis, scn.mechanics.policeAnalysis, unit.police, POLICE_ANALYSIS);
    }
  }
  // By region id, as a sort of the [region, force] pairs orders them: the scenario's regions are ordered once.
  const presence = (violence: Track, f: number, cause: Cause) =>
    change(d, scn, violence, -(scn.mechanics.presence * f) / 4, cause, NONE);
  if (strays === undefined) {
    for (const p of w.ordered) if (here[p.at] === 1) presence(p.violence, force[p.at]!, p.presence);
  } else {
    for (const p of w.ordered) if (here[p.at] === 1) strays.set(p.id, force[p.at]!);
    for (const region of [...strays.keys()].sort(byPairKey))
      presence(trackOf(idx, 'violence', region), strays.get(region)!, mechanicCause(idx, 'mission-presence', region));
  }
  for (const p of w.regions) {
    const v = d.violence[p.id] ?? 0;
    change(d, scn, p.violence, -(v * scn.mechanics.decay) / 100, p.decay, NONE);
  }
}

/** L-spoilers: groups outside any process strike the mission where it stands among them. */
export function spoilerAttacks(d: DraftState, scn: Scenario): void {
  // Where the mission stands (no unit moves while the spoilers strike).
  let occupied: Set<string> | undefined;
  const chance = chances(d, 'spoiler');
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
      if (!exposed || !chance((st.strength / 300) * warning, a.id, r)) continue;
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
  let gaps = 0;
  for (const task of d.mandate) {
    let lacking = false;
    for (const need of idx.taskNeeds.get(task) ?? NONE) if (!able(caps, need)) lacking = true;
    if (!lacking) continue;
    gaps++;
    const cause = mechanicCause(idx, 'capability-gap', task);
    change(d, scn, INDICATOR.credibility, -scn.mechanics.gapCost, cause, NIMBLE_MANDATE);
  }
  // The violent regions where no unit stands: how many, and the first in the scenario's order.
  let bare = 0;
  let first = '';
  for (const r of scn.regions)
    if ((d.violence[r.id] ?? 0) >= scn.mechanics.gapViolence && !occupied(d, r.id) && bare++ === 0) first = r.id;
  if (bare >= 2) {
    gaps++;
    const cause = mechanicCause(idx, 'capability-gap', first);
    change(d, scn, INDICATOR.credibility, -scn.mechanics.gapCost, cause, NIMBLE_POPULATION);
    if (bare >= 3) change(d, scn, INDICATOR.trust, -1, cause, NIMBLE_POPULATION);
  }
  if (gaps > 0) tally(d, 'capability-gap');
}

/** Whether a mission unit stands in `region`. */
function occupied(d: DraftState, region: string): boolean {
  for (const id in d.units) if (d.units[id]!.region === region) return true;
  return false;
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
