// Lookups into a checked scenario by id, built once per scenario and cached.
import type { Actor, Card, Chair, Event, Region, Scenario, Strategy, Task, Unit } from '../scenario/schema.js';

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
}

const cache = new WeakMap<Scenario, ScenarioIndex>();

const byId = <T extends { id: string }>(xs: readonly T[]) => new Map(xs.map((x) => [x.id, x] as const));

export function indexOf(scn: Scenario): ScenarioIndex {
  const hit = cache.get(scn);
  if (hit) return hit;
  const chairs = (['srsg', 'envoy', 'police', 'force'] as const).filter((c) => scn.chairs[c] !== undefined);
  const units = byId([
    ...scn.units,
    ...Object.values(scn.reinforcements).flatMap((r) => (r.offered ? [r.unit, r.offered] : [r.unit])),
  ]);
  const idx: ScenarioIndex = {
    cards: byId(scn.actions),
    events: byId(scn.events),
    actors: byId(scn.actors),
    regions: byId(scn.regions),
    strategies: byId(scn.strategies),
    tasks: byId(scn.mandate.tasks),
    units,
    chairs,
    cardsByChair: new Map(chairs.map((c) => [c, scn.actions.filter((a) => a.chair === c)] as const)),
    hostState: scn.actors.find((a) => a.kind === 'host-state') ?? null,
    neighbours: new Map(
      scn.regions.map((r) => {
        const links = new Set(r.links);
        for (const o of scn.regions) if (o.links.includes(r.id)) links.add(o.id);
        return [r.id, [...links]] as const;
      }),
    ),
  };
  cache.set(scn, idx);
  return idx;
}

export function capacityOf(scn: Scenario, chair: Chair): number {
  return scn.chairs[chair]?.capacity ?? 0;
}
