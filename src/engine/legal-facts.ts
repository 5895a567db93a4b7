// What a chair's legality reads besides its plan, worked out once and shared by the states of a planning phase that
// read the same (legal.ts `Context` reads it): each card's target-free checks and targets; the routes and the actions.
import type { Card, Chair, Condition, Scenario } from '../scenario/schema.js';
import { compile, type Reader, type Test } from './conditions.js';
import { deepFreeze, isFreezing } from './freeze.js';
import { itemCost, serversOf } from './eligibility.js';
import { capacityOf, indexOf } from './scenario-index.js';
import { Recent } from './recent.js';
import { ledgerTape, type Tape } from './tape.js';
import type { Action, GameState, LedgerEntry, PlanItem } from './types.js';

/**
 * What legality reads of a state besides the chair's plan: the parts card conditions read (besides the estimates), the
 * units, and what the estimates are made from (knowledge.ts `knownOf`: the ledger and the numbers, the turn, the keys).
 * A plan edit changes none of them, so the states of one planning phase share one set of facts.
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
  readonly ledger: Tape<LedgerEntry>;
  readonly indicators: GameState['indicators'];
  readonly violence: GameState['violence'];
  readonly actors: GameState['actors'];
  readonly secret: GameState['secret'];
  readonly world: GameState['world'];
}

/**
 * A chair's legality, as far as it does not depend on its plan: each card's checks that hold for every target
 * (chair, task, cooldown, conditions: legal.ts `Level`, 0 when they pass), its targets, which of them a unit can
 * serve; the moves the Force Commander's units may make. Worked out when first read, kept for every state that shares
 * its `from` (and so the chair's knowledge: one reader per set of estimates). The parts of the chair's cards are kept by
 * the card's place among them (`CardTable.slot`): an array read, where a map by card cost a lookup and an entry, and
 * arrays as long as the chair's list, not the scenario's (a chair's list is made once a month, so its Facts are new).
 */
export interface Facts {
  readonly chair: Chair;
  readonly from: FactsFrom;
  /**
   * The chair's knowledge the card conditions and targets are read on (knowledge.ts `knownTo`), made when a check first
   * reads an estimate (legal.ts `Context.reader`): most checks of a replay read none, and making it was a quarter of them.
   */
  reader: Reader | undefined;
  readonly table: CardTable;
  /**
   * The month each card was last played in (`played`), by its place in the scenario's cards (-Infinity if never), once a
   * legal list reads it (`lastPlayed`); a check alone reads its one card's entry in `played`, as a replay's do.
   */
  last: readonly number[] | undefined;
  /** Each of the chair's cards' checks that hold for every target (legal.ts `Level`), by its slot; -1 before made. */
  readonly levels: number[];
  /** The ids each of the chair's cards may target now, by its slot; undefined before they are listed. */
  readonly targets: (readonly string[] | undefined)[];
  /** Whether a unit can serve each of a card's `targets`, by the target's place there: 0 not yet asked, 1 none, 2 one. */
  readonly served: (number[] | undefined)[];
  /** The units standing in each region (`unitsByRegion`), once a card that needs a unit asks. */
  unitsIn: ReadonlyMap<string, readonly string[]> | undefined;
  moves: readonly Move[] | undefined;
}

/** A move the routes allow, with its cost and the action the legal list offers for it. */
export interface Move {
  readonly unit: string;
  readonly cost: number;
  readonly action: Action;
}

/** The scenario's cards by their place in its list, and what legality keeps of each by that place (scenario data). */
export interface CardTable {
  /** The scenario's cards (`scn.actions`), in its order: a card's place here is the key of everything kept of it. */
  readonly cards: readonly Card[];
  /** The place of the card each id names (the one `indexOf(scn).cards` gives). */
  readonly at: ReadonlyMap<string, number>;
  /** Each chair's cards as places, in the order of `indexOf(scn).cardsByChair` (the legal list's order). */
  readonly byChair: ReadonlyMap<Chair, readonly number[]>;
  /** Each card's slot: its place in its chair's list (`byChair`), by its place here. */
  readonly slot: readonly number[];
  /** Each card's conditions (`requires`) as a test (conditions.ts `compile`), by its place. */
  readonly tests: readonly Test[];
  /** Whether each card's conditions read a number the chair estimates, by its place. */
  readonly estimates: readonly boolean[];
  /** The units able to carry out each card that needs one (eligibility.ts `serversOf`), by its place. */
  readonly able: readonly (ReadonlySet<string> | undefined)[];
  /** Each chair's capacity (scenario-index.ts `capacityOf`), in a record of one shape whatever the scenario's chairs. */
  readonly capacity: Readonly<Record<Chair, number>>;
  /** Arrays as long as the list of cards, copied (a copy is one move) to start the arrays of Facts: all -1, ... */
  readonly unmade: readonly number[];
  /** ... all undefined, ... */
  readonly unasked: readonly undefined[];
  /** ... and all -Infinity (no card played); and all 0, as long as the longest list of targets (`Facts.served`). */
  readonly never: readonly number[];
  readonly unserved: readonly number[];
  /** The plan/add actions of each card made so far, by target (see `addAction`), by its place. */
  readonly actions: readonly Map<string | undefined, Action>[];
}

const tables = new WeakMap<Scenario, CardTable>();

export function cardTable(scn: Scenario): CardTable {
  let t = tables.get(scn);
  if (t) return t;
  const idx = indexOf(scn);
  const cards = scn.actions;
  const place = new Map<Card, number>();
  for (let i = 0; i < cards.length; i++) place.set(cards[i]!, i);
  const at = new Map<string, number>();
  for (const [id, card] of idx.cards) at.set(id, place.get(card)!);
  const byChair = new Map<Chair, readonly number[]>();
  const slot = cards.map(() => -1);
  for (const [chair, list] of idx.cardsByChair) {
    const places = list.map((c) => place.get(c)!);
    places.forEach((p, i) => (slot[p] = i));
    byChair.set(chair, places);
  }
  t = {
    cards,
    at,
    byChair,
    slot,
    tests: cards.map((c) => compile(c.requires)),
    estimates: cards.map((c) => readsEstimates(c.requires)),
    able: cards.map((c) => (c.needsUnit ? serversOf(scn, c) : undefined)),
    capacity: {
      srsg: capacityOf(scn, 'srsg'),
      envoy: capacityOf(scn, 'envoy'),
      police: capacityOf(scn, 'police'),
      force: capacityOf(scn, 'force'),
    },
    unmade: cards.map(() => -1),
    unasked: cards.map(() => undefined),
    never: cards.map(() => -Infinity),
    unserved: new Array<number>(Math.max(idx.regions.size, idx.actors.size)).fill(0),
    actions: cards.map(() => new Map<string | undefined, Action>()),
  };
  tables.set(scn, t);
  return t;
}

/** Whether a condition reads a number a chair estimates (one a `Reader` gives). */
function readsEstimates(c: Condition | undefined): boolean {
  if (c === undefined) return false;
  switch (c.test) {
    case 'indicator':
    case 'violence':
    case 'stance':
    case 'strength':
      return true;
    case 'turn':
    case 'flag':
    case 'event':
    case 'strategy':
    case 'mandated':
    case 'agreement':
    case 'presence':
    case 'unit':
    case 'mechanic':
      return false;
    case 'all':
    case 'any':
      return c.of.some(readsEstimates);
    case 'not':
      return readsEstimates(c.cond);
  }
}

/**
 * The facts of the last few chairs and states asked about, in a ring (`nextKept` is the slot of the oldest). Found by
 * their `from` alone, without asking knowledge.ts for the reader: equal sources give equal estimates (`from` holds all
 * that `knownOf` reads).
 */
const KEEP = 16;
const factsKept = new Array<Facts | undefined>(KEEP).fill(undefined);
let nextKept = 0;

function sameFacts(f: FactsFrom, s: GameState, scn: Scenario, ledger: Tape<LedgerEntry>): boolean {
  return (
    f.ledger === ledger &&
    f.scn === scn &&
    f.turn === s.turn &&
    f.played === s.played &&
    f.mandate === s.mandate &&
    f.flags === s.flags &&
    f.fired === s.fired &&
    f.strategy === s.strategy &&
    f.agreement === s.agreement &&
    f.units === s.units &&
    f.tally === s.tally &&
    f.indicators === s.indicators &&
    f.violence === s.violence &&
    f.actors === s.actors &&
    f.secret === s.secret &&
    f.world === s.world
  );
}

/** The facts of a chair in a state that is not over (legality asks nothing of a game that is). */
export function factsOf(s: GameState, scn: Scenario, chair: Chair): Facts {
  const ledger = ledgerTape(s);
  for (let i = 1, at = nextKept - 1; i <= KEEP; i++, at--) {
    if (at < 0) at += KEEP;
    const f = factsKept[at];
    if (f === undefined) break;
    if (f.chair === chair && sameFacts(f.from, s, scn, ledger)) return f;
  }
  const { turn, played, mandate, flags, fired, strategy, agreement, units, tally, indicators, violence, actors } = s;
  const table = cardTable(scn);
  const n = table.byChair.get(chair)?.length ?? 0;
  const facts: Facts = {
    chair,
    from: {
      scn,
      turn,
      played,
      mandate,
      flags,
      fired,
      strategy,
      agreement,
      units,
      tally,
      ledger,
      indicators,
      violence,
      actors,
      secret: s.secret,
      world: s.world,
    },
    reader: undefined,
    table,
    last: undefined,
    levels: table.unmade.slice(0, n),
    targets: table.unasked.slice(0, n),
    served: table.unasked.slice(0, n),
    unitsIn: undefined,
    moves: undefined,
  };
  factsKept[nextKept] = facts;
  nextKept = nextKept + 1 === KEEP ? 0 : nextKept + 1;
  return facts;
}

/** The months the cards were last played in, for the last few `played` records (a month's states share one). */
const lasts = new Recent<GameState['played'], { readonly table: CardTable; readonly last: readonly number[] }>(4);

/**
 * The month each card was last played in, by its place in the scenario's cards (-Infinity if never): made once for
 * every chair and state of a month. A card's entry read by its id cost a lookup in a record with as many shapes as
 * orders of play (a dictionary in MONUSCO games) for every card of every list.
 */
export function lastPlayed(played: GameState['played'], table: CardTable): readonly number[] {
  const kept = lasts.get(played);
  if (kept && kept.table === table) return kept.last;
  const last = table.never.slice();
  for (const id in played) {
    const at = table.at.get(id);
    if (at !== undefined) last[at] = played[id]!;
  }
  lasts.set(played, { table, last });
  return last;
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
