// What a chair's legality reads besides its plan, worked out once and shared by the states of a planning phase that
// read the same (legal.ts `Context` reads it): each card's target-free checks and targets; the routes and the actions.
import type { Card, Chair, Scenario } from '../scenario/schema.js';
import type { Reader } from './conditions.js';
import { deepFreeze, isFreezing } from './freeze.js';
import { itemCost } from './eligibility.js';
import { knownTo } from './knowledge.js';
import { indexOf } from './scenario-index.js';
import { Recent } from './recent.js';
import type { Action, GameState, PlanItem } from './types.js';

/**
 * What legality reads of a state besides the chair's plan: the parts card conditions read (besides the estimates) and
 * the units. A plan edit changes none of them, so the states of one planning phase share one set of facts.
 */
interface FactsFrom {
  readonly scn: Scenario;
  readonly turn: number;
  readonly played: GameState['played'];
  readonly mandate: GameState['mandate'];
  readonly flags: GameState['flags'];
  readonly fired: GameState['fired'];
  readonly strategy: GameState['strategy'];
  readonly agreement: GameState['agreement'];
  readonly units: GameState['units'];
  readonly tally: GameState['tally'];
}

/**
 * A chair's legality, as far as it does not depend on its plan: each card's checks that hold for every target
 * (chair, task, cooldown, conditions: legal.ts `Level`, 0 when they pass), its targets, which of them a unit can
 * serve; the moves the Force Commander's units may make. Worked out when first read, kept for every
 * state that shares the chair's knowledge (knowledge.ts: one reader per set of estimates) and `from`.
 */
export interface Facts {
  readonly from: FactsFrom;
  /** The chair's knowledge the card conditions and targets are read on (knowledge.ts `knownTo`): the key they are kept by. */
  readonly reader: Reader;
  /** What is known of each card asked about so far: one record a card, not one map entry a card and question. */
  readonly cards: Map<Card, CardFacts>;
  moves: readonly Move[] | undefined;
}

/** What the Facts know of one card, each part worked out when first read. */
export interface CardFacts {
  /** The card's checks that hold for every target (legal.ts `Level`), or -1 before they are made. */
  level: number;
  targets: readonly string[] | undefined;
  /** Whether a unit can serve each of `targets`, by its place there: 0 not yet asked, 1 none can, 2 one can. */
  served: Uint8Array | undefined;
}

/** A move the routes allow, with its cost and the action the legal list offers for it. */
export interface Move {
  readonly unit: string;
  readonly cost: number;
  readonly action: Action;
}

/** The facts of the last few knowledge readers asked about (recent.ts: a month makes new readers). */
const factsKept = new Recent<Reader, Map<Chair, Facts>>(16);

function sameFacts(f: FactsFrom, s: GameState, scn: Scenario): boolean {
  return (
    f.scn === scn &&
    f.turn === s.turn &&
    f.played === s.played &&
    f.mandate === s.mandate &&
    f.flags === s.flags &&
    f.fired === s.fired &&
    f.strategy === s.strategy &&
    f.agreement === s.agreement &&
    f.units === s.units &&
    f.tally === s.tally
  );
}

export function factsOf(s: GameState, scn: Scenario, chair: Chair): Facts {
  const reader = knownTo(s, scn, chair);
  let byChair = factsKept.get(reader);
  if (!byChair) factsKept.set(reader, (byChair = new Map()));
  const hit = byChair.get(chair);
  if (hit && sameFacts(hit.from, s, scn)) return hit;
  const { turn, played, mandate, flags, fired, strategy, agreement, units, tally } = s;
  const facts: Facts = {
    from: { scn, turn, played, mandate, flags, fired, strategy, agreement, units, tally },
    reader,
    cards: new Map(),
    moves: undefined,
  };
  byChair.set(chair, facts);
  return facts;
}

/** The moves a unit standing in a region may be ordered to make, by scenario, unit and region (scenario data). */
const routes = new WeakMap<Scenario, Map<string, Map<string, readonly Move[]>>>();

export function movesFrom(scn: Scenario, unit: string, at: string): readonly Move[] {
  let byUnit = routes.get(scn);
  if (!byUnit) routes.set(scn, (byUnit = new Map()));
  let byRegion = byUnit.get(unit);
  if (!byRegion) byUnit.set(unit, (byRegion = new Map()));
  let moves = byRegion.get(at);
  if (moves) return moves;
  // moveRejection's checks that read the scenario alone (the unit, its caveats, the route), made once.
  const idx = indexOf(scn);
  const def = idx.units.get(unit);
  const out: Move[] = [];
  if (def && !def.caveats.includes('static'))
    for (const to of idx.neighbours.get(at) ?? []) {
      if (!idx.regions.get(at)?.links.includes(to) && !idx.regions.get(to)?.links.includes(at)) continue;
      const item: PlanItem = { kind: 'move', unit, to };
      const action: Action = { type: 'plan/add', chair: 'force', item };
      out.push({ unit, cost: itemCost(scn, item), action: isFreezing() ? deepFreeze(action) : action });
    }
  byRegion.set(at, (moves = out));
  return moves;
}

/** The plan/add actions of a scenario's cards, by card and target: scenario data, like the routes' moves. */
const cardActions = new WeakMap<Scenario, Map<Card, Map<string | undefined, Action>>>();

/** The plan/add actions of a card made so far, for `addAction` (read once per card a legal list offers). */
export function addActions(scn: Scenario, card: Card): Map<string | undefined, Action> {
  let byCard = cardActions.get(scn);
  if (!byCard) cardActions.set(scn, (byCard = new Map()));
  let actions = byCard.get(card);
  if (!actions) byCard.set(card, (actions = new Map()));
  return actions;
}

/**
 * The action adding a card (on a target, or none) to its chair's plan: one object for every legal list that offers it
 * (frozen where states are, so a reader that changed one would throw under tests), as the routes' moves are.
 */
export function addAction(actions: Map<string | undefined, Action>, card: Card, target: string | undefined): Action {
  let a = actions.get(target);
  if (a) return a;
  const action: Action =
    target === undefined
      ? { type: 'plan/add', chair: card.chair, item: { kind: 'card', card: card.id } }
      : { type: 'plan/add', chair: card.chair, item: { kind: 'card', card: card.id, target } };
  actions.set(target, (a = isFreezing() ? deepFreeze(action) : action));
  return a;
}

/** The units standing in each region, kept for the last few units records (states that move no unit share one). */
const unitsIndexes = new Recent<GameState['units'], ReadonlyMap<string, readonly string[]>>(8);

export function unitsByRegion(units: GameState['units']): ReadonlyMap<string, readonly string[]> {
  let unitsIn = unitsIndexes.get(units);
  if (unitsIn) return unitsIn;
  const made = new Map<string, string[]>();
  for (const id in units) {
    const r = units[id]!.region;
    const list = made.get(r);
    if (list) list.push(id);
    else made.set(r, [id]);
  }
  unitsIndexes.set(units, (unitsIn = made));
  return unitsIn;
}
