// What a card can reach, read from the scenario and the chair's knowledge: the cost of a plan item, the targets a
// card may take now, and the units able to carry it out. Legality (legal.ts) and the rules (mechanics/modifiers.ts)
// both ask these questions; neither owns them.
import type { Card, Scenario } from '../scenario/schema.js';
import type { Reader } from './conditions.js';
import { knownTo } from './knowledge.js';
import { indexOf } from './scenario-index.js';
import type { GameState, PlanItem } from './types.js';

/** The action-point cost of a plan item. Moving into a hard-to-reach region costs one more. */
export function itemCost(scn: Scenario, item: PlanItem): number {
  const idx = indexOf(scn);
  if (item.kind === 'card') return idx.cards.get(item.card)?.cost ?? 0;
  return 1 + ((idx.regions.get(item.to)?.access ?? 0) >= 60 ? 1 : 0);
}

export function planCost(scn: Scenario, items: readonly PlanItem[]): number {
  let sum = 0;
  for (const it of items) sum += itemCost(scn, it);
  return sum;
}

/** The ids a card may target now, before unit checks: judged on what the card's chair knows, never the hidden truth. */
export function targetsOf(s: GameState, scn: Scenario, card: Card): string[] {
  return [...targetsNow(s, scn, card)];
}

/**
 * targetsOf, shared: the scenario's part is listed once per card, only the strength test is made per state (on `known`,
 * the card's chair's knowledge of `s` when the caller has it at hand).
 */
export function targetsNow(s: GameState, scn: Scenario, card: Card, known?: Reader): readonly string[] {
  if (card.target === 'none') return [];
  const allowed = staticTargets(scn, card);
  if (!testsStrength(card)) return allowed;
  const read = known ?? knownTo(s, scn, card.chair);
  return allowed.filter((t) => read.strength(t) > 0);
}

/**
 * Whether a card's targets are tested on the strength the chair knows: a group the mission sees as defeated is no
 * longer a target for force (talks are open to every negotiable party).
 */
export function testsStrength(card: Card): boolean {
  return (
    card.target === 'actor' &&
    !card.tags.includes('talks') &&
    (card.tags.includes('offensive') || card.tags.includes('pressure'))
  );
}

/** What a card may target by the scenario alone (its kind, its list, negotiable parties for talks), by scenario. */
const cardTargets = new WeakMap<Scenario, Map<Card, readonly string[]>>();

function staticTargets(scn: Scenario, card: Card): readonly string[] {
  let byCard = cardTargets.get(scn);
  if (!byCard) cardTargets.set(scn, (byCard = new Map()));
  let t = byCard.get(card);
  if (!t) {
    const idx = indexOf(scn);
    const all = card.target === 'region' ? [...idx.regions.keys()] : [...idx.actors.keys()];
    const allowed = card.targets ? all.filter((x) => card.targets!.includes(x)) : all;
    t = card.tags.includes('talks') ? allowed.filter((x) => idx.actors.get(x)?.negotiable) : allowed;
    byCard.set(card, t);
  }
  return t;
}

/** Regions where a card's unit must stand: the target region, or the target actor's regions. */
export function unitRegions(scn: Scenario, card: Card, target: string | undefined): string[] {
  if (target === undefined) return [];
  if (card.target === 'region') return [target];
  return indexOf(scn).actors.get(target)?.regions ?? [];
}

/** The scenario's units (reinforcements too) able to carry out a card, by scenario and card (they read only the scenario). */
const servers = new WeakMap<Scenario, Map<Card, ReadonlySet<string>>>();

/**
 * The units of the scenario able to carry out a card, listed once per card: a caller asks it once and then of each
 * unit it looks at (a unit not in the scenario serves no card).
 */
export function serversOf(scn: Scenario, card: Card): ReadonlySet<string> {
  let byCard = servers.get(scn);
  if (!byCard) servers.set(scn, (byCard = new Map()));
  let units = byCard.get(card);
  if (!units) {
    const able = new Set<string>();
    for (const id of indexOf(scn).units.keys()) if (serves(scn, card, id)) able.add(id);
    byCard.set(card, (units = able));
  }
  return units;
}

function serves(scn: Scenario, card: Card, unitId: string): boolean {
  const def = indexOf(scn).units.get(unitId);
  if (!def) return false;
  if (card.tags.includes('offensive') && def.caveats.includes('no-offensive')) return false;
  return def.capability === card.needsUnit || (card.needsUnit === 'infantry' && def.capability === 'combat');
}

/** The mission units able to carry out a card on a target, best first. */
export function eligibleUnits(s: GameState, scn: Scenario, card: Card, target: string | undefined): string[] {
  if (!card.needsUnit) return [];
  const idx = indexOf(scn);
  const where = unitRegions(scn, card, target);
  const able = serversOf(scn, card);
  const out: string[] = [];
  for (const id in s.units) if (where.includes(s.units[id]!.region) && able.has(id)) out.push(id);
  return out.sort(
    (a, b) => (idx.units.get(b)?.performance ?? 0) - (idx.units.get(a)?.performance ?? 0) || (a < b ? -1 : 1),
  );
}

/**
 * The first of `eligibleUnits` without listing and sorting them all: the able unit with the best performance, the
 * lowest id among equals (the rules read only the best: mechanics/modifiers.ts).
 */
export function bestUnit(s: GameState, scn: Scenario, card: Card, target: string | undefined): string | undefined {
  if (!card.needsUnit) return undefined;
  const idx = indexOf(scn);
  const where = unitRegions(scn, card, target);
  const able = serversOf(scn, card);
  let best: string | undefined;
  let bestPerf = 0;
  for (const id in s.units) {
    if (!where.includes(s.units[id]!.region) || !able.has(id)) continue;
    const perf = idx.units.get(id)?.performance ?? 0;
    if (best === undefined || perf > bestPerf || (perf === bestPerf && id < best)) {
      best = id;
      bestPerf = perf;
    }
  }
  return best;
}
