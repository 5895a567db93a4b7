// Lookups into a checked scenario by id, built once per scenario and cached.
import type {
  Actor,
  Card,
  Chair,
  Effect,
  Event,
  Region,
  Rule,
  Scenario,
  Strategy,
  Task,
  Unit,
} from '../scenario/schema.js';
import type { Tag } from '../scenario/constants.js';
import type { MechanicId } from '../scenario/lessons.js';
import { compile, type Test } from './conditions.js';
import type { EffectContext } from './effects.js';
import type { Cause, Track } from './types.js';

/** The kinds of number a ledger entry names by id. */
export type IdTrack = Exclude<Track, { kind: 'implementation' }>;

/**
 * An effect made ready once per scenario (`readyEffects`), in one shape: the scenario's effects come in eleven (their
 * fields by kind), which made every read of one megamorphic, and each number's track was looked up by kind and id
 * each time it applied (effects.ts `applyReady`).
 */
export interface Ready {
  readonly effect: Effect;
  /** The kind of number it changes by id, or `other` (flags, the agreement, deployments...: effects.ts). */
  readonly kind: IdTrack['kind'] | 'other';
  /** The number's track when the effect names it; undefined for `$target` (known as it applies) and for `other`. */
  readonly track: IdTrack | undefined;
  /** Its change (0 for `other`). */
  readonly by: number;
}

/** An actor rule with what resolution needs to run it, made once: the subject of its world draw and its cause. */
export interface RuleRun {
  readonly actor: Actor;
  readonly rule: Rule;
  /** `actor/rule`, the subject of the rule's world draw. */
  readonly subject: string;
  /** How its effects are ledgered: its cause and lessons (the same every month it fires). */
  readonly context: EffectContext;
  /** The rule's `when` as a test (`compile`): always true without one. */
  readonly when: Test;
  /** Its effects made ready (`readyEffects`). */
  readonly effects: readonly Ready[];
}

/**
 * An event with what the sitrep and the warnings read of it each month, made once in one shape: the scenario's events
 * come in several (their optional fields), and the month reads each one's window, repeat and warning.
 */
export interface EventRun {
  readonly event: Event;
  readonly id: string;
  /** Its window's first and last turns (every turn without a window). */
  readonly from: number;
  readonly to: number;
  readonly repeat: boolean;
  /** Whether analysis may see it coming, and from what level (`warnAt`). */
  readonly warns: boolean;
  readonly warnAt: number;
  readonly chance: number;
  /** Its `when` as a test (`compile`). */
  readonly when: Test;
  /** How its effects are ledgered when it fires (its cause `{ kind: 'event', event }`, its lessons). */
  readonly context: EffectContext;
  /** Its effects made ready (`readyEffects`). */
  readonly effects: readonly Ready[];
}

export interface ScenarioIndex {
  readonly cards: ReadonlyMap<string, Card>;
  readonly events: ReadonlyMap<string, Event>;
  readonly actors: ReadonlyMap<string, Actor>;
  readonly regions: ReadonlyMap<string, Region>;
  readonly strategies: ReadonlyMap<string, Strategy>;
  readonly tasks: ReadonlyMap<string, Task>;
  /** Units at the start and those that can arrive as reinforcements (asked for, or offered in their place). */
  readonly units: ReadonlyMap<string, Unit>;
  readonly chairs: readonly Chair[];
  readonly cardsByChair: ReadonlyMap<Chair, readonly Card[]>;
  readonly hostState: Actor | null;
  /** Each region's neighbours: its own links, then the regions that link to it, without repeats. */
  readonly neighbours: ReadonlyMap<string, readonly string[]>;
  /** Each chair's cards carrying a tag, in the scenario's order (the practice and silo rules read them each step). */
  readonly cardsByChairTag: ReadonlyMap<Chair, ReadonlyMap<Tag, readonly Card[]>>;
  /** The unit capabilities each mandate task's cards need, one entry per card that needs a unit (capability gaps). */
  readonly taskNeeds: ReadonlyMap<string, readonly string[]>;
  /** Region ids in the order a sort of `[region, value]` pairs puts them (ids hold no comma: by `id + ','`). */
  readonly regionOrder: readonly string[];
  /** Every actor's rules in the order resolution runs them (actors, then each one's rules). */
  readonly rules: readonly RuleRun[];
  /** Each event as the month reads it, in the scenario's order of events. */
  readonly eventRuns: readonly EventRun[];
  /** Each end condition's `when` as a test (`compile`), in the scenario's order of ends (every month's assessment). */
  readonly endTests: readonly Test[];
  /** Shared tracks and causes, made as they are first asked for (`trackOf`, `mechanicCause`). */
  readonly shared: {
    readonly tracks: { readonly [K in IdTrack['kind']]: Map<string, IdTrack> };
    readonly causes: Map<MechanicId, Map<string | undefined, Cause>>;
  };
}

/** Orders ids as the default sort orders `[id, value]` pairs (by their text `id,value`), for ids without commas. */
export function byPairKey(a: string, b: string): number {
  const x = `${a},`;
  const y = `${b},`;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Cards of one chair by tag, each list in the scenario's order. */
function byTag(cards: readonly Card[]): ReadonlyMap<Tag, readonly Card[]> {
  const out = new Map<Tag, Card[]>();
  for (const c of cards)
    for (const t of new Set(c.tags)) {
      const list = out.get(t);
      if (list) list.push(c);
      else out.set(t, [c]);
    }
  return out;
}

const cache = new WeakMap<Scenario, ScenarioIndex>();

const byId = <T extends { id: string }>(xs: readonly T[]) => new Map(xs.map((x) => [x.id, x] as const));

/**
 * The scenario asked for last and its index: nearly every ask is for the scenario of the game being played (the rules
 * ask hundreds of times a month), and comparing it is cheaper than the WeakMap's lookup. Keeps that one scenario alive.
 */
let lastScenario: Scenario | undefined;
let lastIndex: ScenarioIndex | undefined;

export function indexOf(scn: Scenario): ScenarioIndex {
  if (scn === lastScenario) return lastIndex!;
  const idx = cache.get(scn) ?? makeIndex(scn);
  lastScenario = scn;
  lastIndex = idx;
  return idx;
}

function makeIndex(scn: Scenario): ScenarioIndex {
  const chairs = (['srsg', 'envoy', 'police', 'force'] as const).filter((c) => scn.chairs[c] !== undefined);
  const units = byId([
    ...scn.units,
    ...Object.values(scn.reinforcements).flatMap((r) => (r.offered ? [r.unit, r.offered] : [r.unit])),
  ]);
  const cardsByChair = new Map(chairs.map((c) => [c, scn.actions.filter((a) => a.chair === c)] as const));
  const taskNeeds = new Map<string, string[]>();
  for (const c of scn.actions) {
    if (c.task === undefined || c.needsUnit === undefined) continue;
    const list = taskNeeds.get(c.task);
    if (list) list.push(c.needsUnit);
    else taskNeeds.set(c.task, [c.needsUnit]);
  }
  const shared: ScenarioIndex['shared'] = {
    tracks: { indicator: new Map(), violence: new Map(), stance: new Map(), strength: new Map() },
    causes: new Map(),
  };
  const idx: ScenarioIndex = {
    cards: byId(scn.actions),
    events: byId(scn.events),
    actors: byId(scn.actors),
    regions: byId(scn.regions),
    strategies: byId(scn.strategies),
    tasks: byId(scn.mandate.tasks),
    units,
    chairs,
    cardsByChair,
    hostState: scn.actors.find((a) => a.kind === 'host-state') ?? null,
    neighbours: new Map(
      scn.regions.map((r) => {
        const links = new Set(r.links);
        for (const o of scn.regions) if (o.links.includes(r.id)) links.add(o.id);
        return [r.id, [...links]] as const;
      }),
    ),
    cardsByChairTag: new Map([...cardsByChair].map(([c, cards]) => [c, byTag(cards)])),
    taskNeeds,
    regionOrder: scn.regions.map((r) => r.id).sort(byPairKey),
    rules: scn.actors.flatMap((actor) =>
      actor.rules.map((rule) => ({
        actor,
        rule,
        subject: `${actor.id}/${rule.id}`,
        context: { cause: { kind: 'rule', actor: actor.id, rule: rule.id } as const, lessons: rule.lessons },
        when: compile(rule.when),
        effects: readyIn(shared, rule.effects),
      })),
    ),
    eventRuns: scn.events.map((e) => ({
      event: e,
      id: e.id,
      from: e.window?.from ?? -Infinity,
      to: e.window?.to ?? Infinity,
      repeat: e.repeat,
      warns: e.warnAt !== undefined,
      warnAt: e.warnAt ?? 0,
      chance: e.chance,
      when: compile(e.when),
      context: { cause: { kind: 'event', event: e.id } as const, lessons: e.lessons },
      effects: readyIn(shared, e.effects),
    })),
    endTests: scn.end.map((e) => compile(e.when)),
    shared,
  };
  cache.set(scn, idx);
  return idx;
}

/**
 * The track of one number, one object per number and scenario: the ledger's entries are never written, so every entry
 * that names the number shares it (a month makes a hundred entries or more; a fresh track each would be garbage to
 * collect, and kept for the game).
 */
export function trackOf(idx: ScenarioIndex, kind: IdTrack['kind'], id: string): IdTrack {
  return trackIn(idx.shared, kind, id);
}

function trackIn(shared: ScenarioIndex['shared'], kind: IdTrack['kind'], id: string): IdTrack {
  const byId = shared.tracks[kind];
  let t = byId.get(id);
  if (!t) byId.set(id, (t = { kind, id } as IdTrack));
  return t;
}

/** A list of effects made ready (`Ready`), their tracks the scenario's shared ones (`trackOf`). */
export function readyEffects(idx: ScenarioIndex, effects: readonly Effect[]): readonly Ready[] {
  return readyIn(idx.shared, effects);
}

function readyIn(shared: ScenarioIndex['shared'], effects: readonly Effect[]): readonly Ready[] {
  return effects.map((effect): Ready => {
    switch (effect.do) {
      case 'indicator':
        return { effect, kind: 'indicator', track: trackIn(shared, 'indicator', effect.id), by: effect.by };
      case 'violence':
        return { effect, kind: 'violence', track: named(shared, 'violence', effect.region), by: effect.by };
      case 'stance':
      case 'strength':
        return { effect, kind: effect.do, track: named(shared, effect.do, effect.actor), by: effect.by };
      default:
        return { effect, kind: 'other', track: undefined, by: 0 };
    }
  });
}

/** The track an effect names, or none when it names `$target`. */
function named(shared: ScenarioIndex['shared'], kind: IdTrack['kind'], ref: string): IdTrack | undefined {
  return ref === '$target' ? undefined : trackIn(shared, kind, ref);
}

/** A mechanic's cause, `{ kind: 'mechanic', mechanic, subject }` (no subject when undefined), shared as `trackOf`. */
export function mechanicCause(idx: ScenarioIndex, mechanic: MechanicId, subject?: string): Cause {
  const causes = idx.shared.causes;
  let bySubject = causes.get(mechanic);
  if (!bySubject) causes.set(mechanic, (bySubject = new Map()));
  let c = bySubject.get(subject);
  if (!c) {
    c = subject === undefined ? { kind: 'mechanic', mechanic } : { kind: 'mechanic', mechanic, subject };
    bySubject.set(subject, c);
  }
  return c;
}

export function capacityOf(scn: Scenario, chair: Chair): number {
  return scn.chairs[chair]?.capacity ?? 0;
}
