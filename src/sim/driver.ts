// The one bot driver: which chair's doctrine acts next and the actions it takes, phase by phase.
// sim/play.ts, store/bots.ts, the server's bots (net/autopilot.ts) and the clock's timeout all use it.
import type { Chair, Scenario } from '../scenario/schema.js';
import {
  itemCost,
  knownTo,
  MAX_PLAN_ITEMS,
  viewFor,
  boardFor,
  type Action,
  type ChairBoard,
  type ChairView,
  type GameState,
  type PlanItem,
} from '../engine/index.js';
import type { Reader } from '../engine/conditions.js';
import { legalList, reviewAllowed } from '../engine/legal.js';
import { unitsAfter } from '../engine/rng.js';
import { capacityOf, indexOf } from '../engine/scenario-index.js';
import { phaseRule } from '../engine/phases/table.js';
import type { Doctrine, DoctrineContext } from './doctrine.js';
import { historyIn, historyOf, type History } from './history.js';

/** What one chair knows when its doctrine decides: its view, its legal actions, the scenario and its draws. */
export interface ChairSituation {
  readonly chair: Chair;
  readonly view: ChairView;
  readonly legal: readonly Action[];
  /** Whether `legal` holds a mandate review, when it can be told without making the list (situationOf can). */
  readonly reviewAllowed?: boolean;
  readonly scenario: Scenario;
  readonly random: () => number;
}

/** What the driver reads of a chair's own plan, in its view or (its own) in the true state. */
interface OwnPlan {
  readonly committed: boolean;
  readonly confirmed: boolean;
  readonly revised: boolean;
  readonly items: readonly unknown[] | null;
}

const NO_PLAN: OwnPlan = Object.freeze({ committed: false, confirmed: false, revised: false, items: [] });

/** What the driver reads of a true state to know what a chair has to do, without building the chair's view. */
let stateOf: (x: TrueSituation) => GameState;

/**
 * A chair's situation in a true state: the view and the legal list are built only if read, once. It is also the
 * context its doctrine is given (DoctrineContext): one object a decision, with nothing of the state in reach but
 * through the view and the legal list (the state is a private field, read by the driver alone).
 */
class TrueSituation implements ChairSituation, DoctrineContext {
  readonly #s: GameState;
  #view: ChairView | undefined;
  #board: ChairBoard | undefined;
  #legal: readonly Action[] | undefined;
  #numbers: Reader | undefined;

  static {
    stateOf = (x) => x.#s;
  }

  constructor(
    s: GameState,
    readonly scenario: Scenario,
    readonly chair: Chair,
    readonly random: () => number,
  ) {
    this.#s = s;
  }

  get view(): ChairView {
    return (this.#view ??= viewFor(this.#s, this.scenario, this.chair, {
      ledgerFrom: ledgerFrom(this.#s, this.scenario),
    }));
  }

  /** The view's board: the view itself if it was built, else those fields alone. */
  get board(): ChairBoard {
    return this.#view ?? (this.#board ??= boardFor(this.#s, this.scenario, this.chair));
  }

  /** What the view's ledger says of when things were last done, from the state's ledger (history.ts). */
  get history(): History {
    return historyOf(this.#s, ledgerFrom(this.#s, this.scenario));
  }

  get legal(): readonly Action[] {
    return (this.#legal ??= legalList(this.#s, this.scenario, this.chair));
  }

  /** The legal list if it was made (a doctrine read it), else undefined. */
  get legalMade(): readonly Action[] | undefined {
    return this.#legal;
  }

  /** The numbers as the chair's view shows them, read through its knowledge one at a time (knowledge.ts `knownTo`). */
  get numbers(): Reader {
    return (this.#numbers ??= knownTo(this.#s, this.scenario, this.chair));
  }

  get reviewAllowed(): boolean {
    const legal = this.#legal;
    return legal ? legal.some((a) => a.type === 'mandate/review') : reviewAllowed(this.#s, this.scenario, this.chair);
  }
}

/**
 * The first turn of the ledger a bot's view holds: the last few turns, enough for a bot to know what it played recently
 * (the repetition, practice and exclusion mechanics look that far back), without copying the whole history.
 */
function ledgerFrom(s: GameState, scn: Scenario): number {
  const m = scn.mechanics;
  return Math.max(0, s.turn - Math.max(2, m.practiceTurns, m.siloTurns, m.exclusionTurns));
}

/** The situation of a chair in a true state; the view and the legal list are built only if read. */
export function situationOf(
  s: GameState,
  scn: Scenario,
  chair: Chair,
  random: () => number = botRandom(s, chair),
): ChairSituation {
  return new TrueSituation(s, scn, chair, random);
}

/**
 * Stateless draws keyed on the seed, the month, the phase, the chair and how far its plan has got, so a resumed game
 * draws the same, and two games on one seed that took different decisions still give a chair the same draws at the
 * same point of a month (common random numbers: paired study games differ by their decisions, not by their dice).
 * Keyed at the first draw: most decisions (a confirmation, closing the sitrep) draw nothing.
 */
export function botRandom(s: GameState, chair: Chair): () => number {
  let n = 0;
  const planned = s.plans[chair]?.items.length ?? 0;
  let draw: ((last: number) => number) | undefined;
  return () => (draw ??= unitsAfter(s.seed, ['bot', s.turn, s.phase, chair, planned]))(n++);
}

function contextOf(s: ChairSituation): DoctrineContext {
  if (s instanceof TrueSituation) return s;
  // Getters pass through, so a doctrine that never reads the view or the legal list never builds them.
  return {
    chair: s.chair,
    scenario: s.scenario,
    random: s.random,
    get view() {
      return s.view;
    },
    get board() {
      return s.view;
    },
    get legal() {
      return s.legal;
    },
    get history() {
      return historyIn(s.view.ledger, s.view.turn);
    },
    numbers: {
      indicator: (id) => s.view.indicators[id].value,
      violence: (id) => s.view.violence[id]?.value ?? 0,
      stance: (id) => s.view.actors[id]?.stance.value ?? 0,
      strength: (id) => s.view.actors[id]?.strength.value ?? 0,
    },
  };
}

/**
 * The actions that clear the chair's plan of its `current` items and add `items`. When each item is an add the chair's
 * legal list offers (the same item) and the list was made, they are the list's own actions (legal-facts.ts
 * `addAction`: one object for every list), and only those the engine would take: each is then legal alone once the
 * plan is cleared (what an add checks of the plan is whether it holds the card or orders the unit, its length and the
 * capacity), so those it would refuse are left out here, in order, as it would refuse them. The planners list more
 * than fits, and each refusal is a legality check. A plan with any other item is sent whole (`refill`).
 */
function replan(s: ChairSituation, current: number, items: readonly PlanItem[]): Action[] {
  const chair = s.chair;
  const legal = s instanceof TrueSituation ? s.legalMade : s.legal;
  const offered = legal && offeredAll(legal, chair, items);
  if (!offered) return refill(chair, current, items);
  const scn = s.scenario;
  const capacity = capacityOf(scn, chair);
  const out: Action[] = [];
  for (let i = 0; i < current; i++) out.push({ type: 'plan/remove', chair, index: 0 });
  const first = out.length;
  let used = 0;
  for (let i = 0; i < items.length && out.length - first < MAX_PLAN_ITEMS; i++) {
    const it = items[i]!;
    const cost = itemCost(scn, it);
    if (used + cost > capacity || taken(out, first, it)) continue;
    used += cost;
    out.push(offered[i]!);
  }
  return out;
}

/**
 * The legal list's add of each of these items, by the item's place, when it offers every one to this chair (the same
 * object), else null: a scan for each, as a plan is a few items and the list a few dozen actions (a set of the list's
 * items, made for each plan, cost more).
 */
function offeredAll(legal: readonly Action[], chair: Chair, items: readonly PlanItem[]): Action[] | null {
  const offered: Action[] = [];
  for (const item of items) {
    let found: Action | undefined;
    for (let i = 0; i < legal.length; i++) {
      const a = legal[i]!;
      if (a.type === 'plan/add' && a.item === item && a.chair === chair) {
        found = a;
        break;
      }
    }
    if (!found) return null;
    offered.push(found);
  }
  return offered;
}

/** Whether the adds from `first` on hold the item's card or order its unit already (a plan holds a dozen at most). */
function taken(out: readonly Action[], first: number, it: PlanItem): boolean {
  for (let i = first; i < out.length; i++) {
    const a = out[i]!;
    if (a.type !== 'plan/add') continue;
    const x = a.item;
    if (it.kind === 'card' ? x.kind === 'card' && x.card === it.card : x.kind === 'move' && x.unit === it.unit)
      return true;
  }
  return false;
}

/** Clears the chair's plan of its `current` items, then adds `items` (the engine refuses what does not fit). */
export function refill(chair: Chair, current: number, items: readonly PlanItem[]): Action[] {
  const out: Action[] = [];
  for (let i = 0; i < current; i++) out.push({ type: 'plan/remove', chair, index: 0 });
  for (const item of items) out.push({ type: 'plan/add', chair, item });
  return out;
}

const deciderOf = (scn: Scenario, event: string): Chair => indexOf(scn).events.get(event)?.decider ?? 'srsg';

/** What the driver needs of a state or a view to know who acts: both a GameState and a ChairView have it. */
export interface TableSeen {
  readonly phase: GameState['phase'];
  readonly pendingChoices: readonly string[];
  readonly plans: Readonly<
    Partial<Record<Chair, { readonly committed: boolean; readonly confirmed: boolean } | undefined>>
  >;
}

/**
 * The chair that acts next among those `acts` says a doctrine holds, or null when they all wait on a
 * person (or the game is over). Events are decided in the order they fired, then the phase's actor
 * acts (see the phase table); in planning and coordination each chair in the scenario's order.
 */
export function nextChair(s: TableSeen, scn: Scenario, acts: (c: Chair) => boolean): Chair | null {
  if (s.phase === 'over') return null;
  for (const ev of s.phase === 'sitrep' ? s.pendingChoices : []) {
    const decider = deciderOf(scn, ev);
    if (acts(decider)) return decider;
  }
  if (s.phase === 'sitrep' && s.pendingChoices.length > 0) return null;
  const rule = phaseRule(s.phase);
  if (rule.actors === 'srsg') return acts('srsg') ? 'srsg' : null;
  const done =
    rule.actors === 'each-to-commit' ? (c: Chair) => !!s.plans[c]?.committed : (c: Chair) => !!s.plans[c]?.confirmed;
  return indexOf(scn).chairs.find((c) => acts(c) && !done(c)) ?? null;
}

/**
 * The actions this chair's doctrine takes next, in order, or null when the chair has nothing to do
 * now. Send them in order and skip any the rules refuse (each decision is followed by a fallback
 * that is refused when the decision was taken); then ask again.
 */
export function decide(s: ChairSituation, d: Doctrine): Action[] | null {
  const { chair, scenario: scn } = s;
  // From a true state, what the chair has to do is read from it (its phase, the choices pending, its own plan: all
  // in its view), so a decision whose doctrine reads no view (closing the sitrep, adopting a mandate) builds none.
  const seen: GameState | ChairView = s instanceof TrueSituation ? stateOf(s) : s.view;
  // A chair's view shows it its own plan, as an empty one while it has none.
  const mine: OwnPlan | undefined = seen.plans[chair] ?? (s instanceof TrueSituation ? NO_PLAN : undefined);
  const ownItems = mine?.items?.length ?? 0;
  const ctx = contextOf(s);
  switch (seen.phase) {
    case 'over':
      return null;
    case 'setup': {
      if (chair !== 'srsg') return null;
      const tasks = d.adoptMandate(ctx);
      const fallback = s.legal.find((a) => a.type === 'mandate/adopt');
      return fallback ? [{ type: 'mandate/adopt', chair, tasks }, fallback] : [{ type: 'mandate/adopt', chair, tasks }];
    }
    case 'sitrep': {
      for (const ev of seen.pendingChoices) {
        if (deciderOf(scn, ev) !== chair) continue;
        const first = indexOf(scn).events.get(ev)?.choices[0]?.id ?? '';
        return [
          { type: 'event/choose', chair, event: ev, choice: d.choose(ctx, ev) },
          { type: 'event/choose', chair, event: ev, choice: first },
        ];
      }
      if (seen.pendingChoices.length > 0 || chair !== 'srsg') return null;
      const out: Action[] = [];
      if (s.reviewAllowed ?? s.legal.some((a) => a.type === 'mandate/review')) {
        const r = d.reviewMandate(ctx);
        if (r) out.push({ type: 'mandate/review', chair, drop: r.drop, add: r.add });
      }
      out.push({ type: 'sitrep/close', chair });
      return out;
    }
    case 'strategy':
      if (chair !== 'srsg') return null;
      return [
        { type: 'strategy/set', chair, strategy: d.strategy(ctx) },
        { type: 'strategy/set', chair, strategy: scn.strategies[0]!.id },
      ];
    case 'planning': {
      if (mine?.committed) return null;
      const out = replan(s, ownItems, d.plan(ctx));
      out.push({ type: 'plan/commit', chair });
      return out;
    }
    case 'coordination': {
      if (!mine || mine.confirmed) return null;
      if (!mine.committed) {
        const out = replan(s, ownItems, d.plan(ctx));
        out.push({ type: 'plan/commit', chair }, { type: 'plan/confirm', chair });
        return out;
      }
      if (!mine.revised) {
        const items = d.revise(ctx);
        // Revising reopens the plan with its items, which refill clears first.
        if (items)
          return [
            { type: 'plan/revise', chair },
            ...refill(chair, ownItems, items),
            { type: 'plan/commit', chair },
            { type: 'plan/confirm', chair },
          ];
      }
      return [{ type: 'plan/confirm', chair }];
    }
  }
}

/**
 * What the clock does for a chair when a phase's time runs out: commit and confirm what is there,
 * and let the doctrine (as the chair's deputy) take the decisions that have no default.
 */
export function timeoutActions(s: ChairSituation, d: Doctrine): Action[] {
  const { chair, view } = s;
  const mine = view.plans[chair];
  switch (view.phase) {
    case 'sitrep': {
      const out: Action[] = [];
      for (const ev of view.pendingChoices) {
        if (deciderOf(s.scenario, ev) !== chair) continue;
        const first = indexOf(s.scenario).events.get(ev)?.choices[0]?.id ?? '';
        out.push(
          { type: 'event/choose', chair, event: ev, choice: d.choose(contextOf(s), ev) },
          { type: 'event/choose', chair, event: ev, choice: first },
        );
      }
      if (chair === 'srsg') out.push({ type: 'sitrep/close', chair });
      return out;
    }
    case 'strategy':
      return chair === 'srsg' ? (decide(s, d) ?? []) : [];
    case 'planning':
      return mine && !mine.committed ? [{ type: 'plan/commit', chair }] : [];
    case 'coordination': {
      if (!mine || mine.confirmed) return [];
      return mine.committed
        ? [{ type: 'plan/confirm', chair }]
        : [
            { type: 'plan/commit', chair },
            { type: 'plan/confirm', chair },
          ];
    }
    default:
      return [];
  }
}
