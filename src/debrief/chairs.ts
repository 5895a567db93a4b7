// Each chair's own contribution, from the ledger alone: what the actions that chair took changed,
// so a trainee playing one chair beside bots sees what their chair gained or cost, apart from the bots.
import { CHAIRS, DIMENSIONS, type Chair, type Dimension } from '../scenario/constants.js';
import type { MechanicId } from '../scenario/lessons.js';
import type { Scenario } from '../scenario/schema.js';
import { protectionWeights } from '../engine/mechanics/politics.js';
import type { LedgerEntry } from '../engine/types.js';

export interface ChairContribution {
  /** Net change to each dimension (on its 0–100, higher-is-better scale) from this chair's actions. */
  readonly dimensions: Readonly<Record<Dimension, number>>;
  /** The same, weighted as the score weighs the dimensions: the chair's points on the end score. */
  readonly score: number;
  /** How many of this chair's actions used force in place of politics (force-substitution). */
  readonly forceWithoutPolitics: number;
}

/** Mechanics whose entries follow the action they scale or answer, and so belong to its chair. */
const ATTACHED: ReadonlySet<MechanicId> = new Set([
  'cohesion-multiplier',
  'mandate-focus',
  'host-state-distance',
  'expectation-gap',
  'analysis-targeting',
  'contributor-consultation',
  'plan-conflicts',
  'strategy-track',
  'regional-alignment',
  'repetition',
  'silo-working',
  'civil-society',
  'regional-practice',
  'analysis-practice',
  'primacy-leverage',
  'force-substitution',
]);

/** The exclusion mechanics: an actor left out costs the mission each turn (their entries name the actor). */
const EXCLUSION: ReadonlySet<MechanicId> = new Set(['civil-society', 'regional-exclusion']);

/**
 * For each actor, the one chair whose cards can work with it by name, when only one can: an actor left out that only
 * this chair could have brought in is this chair's cost (the Envoy who never consults the platform only it reaches).
 * An actor several chairs could reach is left to none of them.
 */
function soleReach(scn: Scenario): Map<string, Chair> {
  const reach = new Map<string, Set<Chair>>();
  for (const c of scn.actions) {
    if (c.target !== 'actor') continue;
    for (const a of c.targets ?? scn.actors.map((x) => x.id)) {
      const set = reach.get(a) ?? new Set<Chair>();
      reach.set(a, set.add(c.chair));
    }
  }
  const sole = new Map<string, Chair>();
  for (const [a, set] of reach) if (set.size === 1) sole.set(a, [...set][0]!);
  return sole;
}

/** Per-chair sums of what the chairs' own actions changed, from the ledger (world, events and rules excluded). */
export function chairContributions(scn: Scenario, ledger: readonly LedgerEntry[]): Record<Chair, ChairContribution> {
  const dims = Object.fromEntries(
    CHAIRS.map((c) => [c, Object.fromEntries(DIMENSIONS.map((d) => [d, 0])) as Record<Dimension, number>]),
  ) as Record<Chair, Record<Dimension, number>>;
  const force = Object.fromEntries(CHAIRS.map((c) => [c, 0])) as Record<Chair, number>;
  const pw = protectionWeights(scn);
  const cardChair = new Map(scn.actions.map((a) => [a.id, a.chair]));
  const sole = soleReach(scn);
  let last: Chair | null = null;
  let lastTurn = -1;
  for (const e of ledger) {
    if (e.turn !== lastTurn) {
      last = null;
      lastTurn = e.turn;
    }
    let chair: Chair | null = null;
    if (e.cause.kind === 'action') chair = last = e.cause.chair;
    else if (e.cause.kind === 'mechanic' && e.cause.mechanic === 'futile-technical-talks')
      chair = cardChair.get(e.cause.subject ?? '') ?? null;
    else if (e.cause.kind === 'mechanic' && e.cause.mechanic === 'silo-working' && e.cause.subject !== undefined)
      chair = e.cause.subject as Chair;
    // An actor left out is no action's effect: it is the cost of the chair that alone could have brought it in.
    else if (e.cause.kind === 'mechanic' && EXCLUSION.has(e.cause.mechanic) && e.cause.subject !== undefined)
      chair = sole.get(e.cause.subject) ?? null;
    else if (
      e.cause.kind === 'mechanic' &&
      ATTACHED.has(e.cause.mechanic) &&
      !(e.cause.mechanic === 'plan-conflicts' && e.track.kind === 'indicator' && e.track.id === 'cohesion')
    )
      chair = last;
    else if (e.cause.kind !== 'mechanic') last = null;
    if (!chair) continue;
    if (
      e.cause.kind === 'mechanic' &&
      e.cause.mechanic === 'force-substitution' &&
      e.track.kind === 'indicator' &&
      e.track.id === 'process'
    )
      force[chair]++;
    const d = dims[chair];
    const t = e.track;
    if (t.kind === 'violence') d.protection -= (pw[t.id] ?? 0) * e.delta;
    else if (t.kind === 'indicator') {
      if (t.id === 'process' || t.id === 'credibility' || t.id === 'trust' || t.id === 'cohesion') d[t.id] += e.delta;
      else if (t.id === 'consent' || t.id === 'impartiality') d.consent += e.delta / 2;
      else if (t.id === 'casualties') d.casualties -= e.delta;
    }
  }
  const wsum = DIMENSIONS.reduce((a, k) => a + scn.scoring.weights[k], 0) || 1;
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return Object.fromEntries(
    CHAIRS.map((c) => {
      const d = Object.fromEntries(DIMENSIONS.map((k) => [k, r1(dims[c][k])])) as Record<Dimension, number>;
      return [
        c,
        {
          dimensions: d,
          score: r1(DIMENSIONS.reduce((a, k) => a + scn.scoring.weights[k] * dims[c][k], 0) / wsum),
          forceWithoutPolitics: force[c],
        },
      ];
    }),
  ) as Record<Chair, ChairContribution>;
}
