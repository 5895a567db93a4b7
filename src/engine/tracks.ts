// The scenario's numbers as one table by place: every indicator, each region's violence, each actor's stance and
// strength, with what the fog and the estimates read of each (whether it is estimated, its bounds, its published start,
// its fog key). Scenario data, made once per scenario; knowledge.ts and view.ts read numbers through it.
import { CORE_INDICATORS } from '../scenario/constants.js';
import type { Scenario } from '../scenario/schema.js';
import type { Track } from './types.js';

/** Whether a track is seen through the fog while the game runs. */
export function isEstimated(scn: Scenario, t: Track): boolean {
  if (t.kind === 'indicator') return scn.indicators[t.id].observed === 'estimated';
  return t.kind !== 'implementation';
}

/**
 * The numbers a view shows, in its order: every indicator, each region's violence, each actor's stance then strength.
 * Made once per scenario, so that reading a number costs an index, not a key made and looked up.
 */
export interface Tracks {
  readonly list: readonly Track[];
  readonly estimated: readonly boolean[];
  readonly lo: readonly number[];
  readonly hi: readonly number[];
  /** The scenario's published starting value, rounded (the indicators' initial, each region's and actor's numbers). */
  readonly published: readonly number[];
  readonly fogKeys: readonly string[];
  /** Each number's place by its fog key. */
  readonly byFogKey: ReadonlyMap<string, number>;
  /** Where the violence of the regions, then the actors' numbers, start in the list (the indicators start it). */
  readonly violenceAt: number;
  readonly actorsAt: number;
  readonly indicator: ReadonlyMap<string, number>;
  readonly violence: ReadonlyMap<string, number>;
  readonly stance: ReadonlyMap<string, number>;
  readonly strength: ReadonlyMap<string, number>;
}

const trackTables = new WeakMap<Scenario, Tracks>();

export function tracksOf(scn: Scenario): Tracks {
  let tr = trackTables.get(scn);
  if (tr) return tr;
  const list: Track[] = [];
  const indicator = new Map<string, number>();
  const violence = new Map<string, number>();
  const stance = new Map<string, number>();
  const strength = new Map<string, number>();
  for (const id of CORE_INDICATORS) {
    indicator.set(id, list.length);
    list.push({ kind: 'indicator', id });
  }
  const violenceAt = list.length;
  for (const r of scn.regions) {
    violence.set(r.id, list.length);
    list.push({ kind: 'violence', id: r.id });
  }
  const actorsAt = list.length;
  for (const a of scn.actors) {
    stance.set(a.id, list.length);
    list.push({ kind: 'stance', id: a.id });
    strength.set(a.id, list.length);
    list.push({ kind: 'strength', id: a.id });
  }
  const fogKeys = list.map(fogKey);
  tr = {
    list,
    estimated: list.map((t) => isEstimated(scn, t)),
    lo: list.map((t) => bounds(scn, t)[0]),
    hi: list.map((t) => bounds(scn, t)[1]),
    published: list.map((t) => Math.round(publishedOf(scn, t))),
    fogKeys,
    byFogKey: new Map(fogKeys.map((k, at) => [k, at])),
    violenceAt,
    actorsAt,
    indicator,
    violence,
    stance,
    strength,
  };
  trackTables.set(scn, tr);
  return tr;
}

/** A track's place in the table, or -1 (the implementation, or an id the scenario does not have). */
export function placeOf(tr: Tracks, t: Track): number {
  switch (t.kind) {
    case 'indicator':
      return tr.indicator.get(t.id) ?? -1;
    case 'violence':
      return tr.violence.get(t.id) ?? -1;
    case 'stance':
      return tr.stance.get(t.id) ?? -1;
    case 'strength':
      return tr.strength.get(t.id) ?? -1;
    case 'implementation':
      return -1;
  }
}

/** A number's starting value as the scenario publishes it (the implementation's: 0). */
function publishedOf(scn: Scenario, t: Track): number {
  switch (t.kind) {
    case 'indicator':
      return scn.indicators[t.id].initial;
    case 'violence':
      return scn.regions.find((r) => r.id === t.id)?.violence ?? 0;
    case 'stance':
      return scn.actors.find((a) => a.id === t.id)?.stance ?? 0;
    case 'strength':
      return scn.actors.find((a) => a.id === t.id)?.strength ?? 0;
    case 'implementation':
      return 0;
  }
}

export function bounds(scn: Scenario, t: Track): [number, number] {
  if (t.kind === 'indicator') return [scn.indicators[t.id].min, scn.indicators[t.id].max];
  return t.kind === 'stance' ? [-100, 100] : [0, 100];
}

export function fogKey(t: Track): string {
  switch (t.kind) {
    case 'indicator':
      return `i:${t.id}`;
    case 'violence':
      return `v:${t.id}`;
    case 'stance':
      return `s:${t.id}`;
    case 'strength':
      return `t:${t.id}`;
    case 'implementation':
      return 'implementation';
  }
}
