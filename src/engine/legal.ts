// What each chair may do now: the one door for the UI, the bots and the server.
import type { Card, Chair, Scenario } from '../scenario/schema.js';
import type { Reader, Test } from './conditions.js';
import { deepFreeze, isFreezing } from './freeze.js';
import { itemCost, planCost, targetsNow, testsStrength } from './eligibility.js';
import { knownTo } from './knowledge.js';
import {
  addAction,
  cardTable,
  factsOf,
  lastPlayed,
  movesFrom,
  unitsByRegion,
  type Facts,
  type Move,
} from './legal-facts.js';
import { capacityOf, indexOf } from './scenario-index.js';
import { Recent } from './recent.js';
import {
  isFacilitatorAction,
  MAX_NOTE,
  MAX_PLAN_ITEMS,
  type Action,
  type FacilitatorAction,
  type GameState,
  type PlanItem,
  type Rejection,
  type RejectionCode,
} from './types.js';

const no = (code: RejectionCode, message: string): Rejection => ({ code, message });

/**
 * What legality needs to know about one chair in one state, passed down (as chessops passes its Context to `dests`
 * and `isLegal`): the chair's plan, its cost, and the facts it shares with the other states of the phase (legal-facts.ts).
 * Made for each legal list and each check and kept by none: what is worth keeping is in the Facts, and a game played
 * in place checks its actions on one working copy that changes after (working.ts), which nothing may keep.
 */
class Context {
  readonly items: readonly PlanItem[];
  readonly capacity: number;
  #cost = -1;
  #facts: Facts | undefined;

  constructor(
    readonly state: GameState,
    readonly scenario: Scenario,
    readonly chair: Chair,
  ) {
    this.items = state.plans[chair]?.items ?? [];
    this.capacity = cardTable(scenario).capacity[chair];
  }

  /** The action points the plan uses now. */
  get cost(): number {
    return this.#cost >= 0 ? this.#cost : (this.#cost = planCost(this.scenario, this.items));
  }

  /** What this chair's legality reads besides its plan, shared with the other states that read the same. */
  get facts(): Facts {
    return (this.#facts ??= factsOf(this.state, this.scenario, this.chair));
  }

  /**
   * The chair's knowledge, kept in the Facts once a check reads it: made from this state, whose estimates are those of
   * every state that shares its Facts (their `from` holds all the estimates are made from).
   */
  get reader(): Reader {
    const f = this.facts;
    return (f.reader ??= knownTo(this.state, this.scenario, this.chair));
  }

  /** Whether the plan holds the card (a plan is short: a scan, not a set made per state). */
  plans(card: string): boolean {
    for (const it of this.items) if (it.kind === 'card' && it.card === card) return true;
    return false;
  }

  /** Whether the plan already orders the unit. */
  moves(unit: string): boolean {
    for (const it of this.items) if (it.kind === 'move' && it.unit === unit) return true;
    return false;
  }

  /**
   * The ids one of the chair's cards, at place `at` of the scenario's cards (legal-facts.ts `CardTable`), may target
   * now (as targetsOf).
   */
  targets(card: Card, at: number): readonly string[] {
    const f = this.facts;
    const i = f.table.slot[at]!;
    return (f.targets[i] ??= targetsNow(this.state, this.scenario, card, testsStrength(card) ? this.reader : BLIND));
  }

  /** A card's checks that hold for every target and every plan, as a Level (OPEN if they pass). */
  level(card: Card, at: number): Level {
    if (card.chair !== this.chair) return OTHER_CHAIR;
    const f = this.facts;
    const i = f.table.slot[at]!;
    let l = f.levels[i]!;
    if (l < 0) {
      const t = f.table;
      const last = f.last ? f.last[at]! : (this.state.played[card.id] ?? -Infinity);
      l = cardLevel(this.state, card, last, t.tests[at]!, t.estimates[at] ? this.reader : BLIND);
      f.levels[i] = l;
    }
    return l as Level;
  }
}

/** The reader of a check that reads no estimate (legal-facts.ts `CardTable.estimates`, `testsStrength`). */
const BLIND: Reader = { indicator: blind, violence: blind, stance: blind, strength: blind };

function blind(): never {
  throw new Error('legality read an estimate it had not asked for');
}

/**
 * Why a card is closed whatever its target and the plan, as a number: the legal list needs only whether, and the
 * Facts keep it for every state of the phase, so the refusal itself is made only when a check returns it.
 */
type Level = 0 | 1 | 2 | 3 | 4;
const OPEN = 0;
const OTHER_CHAIR = 1;
const NOT_MANDATED = 2;
const COOLING = 3;
const NOT_POSSIBLE = 4;

/**
 * The checks on one of the chair's cards that depend neither on its target nor on the chair's plan, in the order
 * cardRejection makes them (the chair's, `Context.level`, first), `last` the month it was last played (legal-facts.ts
 * `Facts.last`) and `requires` its conditions as a test (`CardTable.tests`). The one place legality reads a card's
 * conditions: on `known`, the chair's knowledge (knowledge.ts `knownTo`), not the true state, so what it may play
 * tells it no more than its view (a planned card then resolves as it is).
 */
function cardLevel(s: GameState, card: Card, last: number, requires: Test, known: Reader): Level {
  if (card.task && !s.mandate.includes(card.task)) return NOT_MANDATED;
  if (s.turn - last <= card.cooldown) return COOLING;
  if (!requires(s, known)) return NOT_POSSIBLE;
  return OPEN;
}

/** The refusal a card's Level stands for (in a state whose Facts gave it: the mandate and the cards played are its). */
function levelRejection(s: GameState, card: Card, l: Exclude<Level, 0>): Rejection {
  switch (l) {
    case OTHER_CHAIR:
      return no('card/other-chair', `'${card.id}' belongs to the ${card.chair} chair`);
    case NOT_MANDATED:
      return no('card/task-not-mandated', `task '${card.task}' is not in the mandate`);
    case COOLING:
      return no('card/cooldown', `'${card.id}' was played in turn ${s.played[card.id]}`);
    case NOT_POSSIBLE:
      return no('card/requires', `'${card.id}' is not possible now`);
  }
}

/**
 * The plan/add actions the legal list offers for an open card, added to `out`: the card, or each of its targets a unit
 * can serve. The actions are the scenario's own (legal-facts.ts `addAction`), made once, not once per list.
 */
function pushAdds(out: Action[], ctx: Context, card: Card, at: number): void {
  const actions = ctx.facts.table.actions[at]!;
  if (card.target === 'none') {
    out.push(addAction(actions, card, undefined));
    return;
  }
  const targets = ctx.targets(card, at);
  // targetRejection's check, without its refusal.
  for (let i = 0; i < targets.length; i++)
    if (!card.needsUnit || hasUnitIn(ctx, card, at, i)) out.push(addAction(actions, card, targets[i]));
}

/** The Force Commander's moves the routes allow from where the units stand, in the legal list's order. */
function movesOf(ctx: Context): readonly Move[] {
  const facts = ctx.facts;
  if (facts.moves) return facts.moves;
  const units = ctx.state.units;
  const out: Move[] = [];
  for (const id in units) for (const m of movesFrom(ctx.scenario, id, units[id]!.region)) out.push(m);
  return (facts.moves = out);
}

/**
 * Whether a unit able to carry out a card (at place `at` of the scenario's cards) stands where it can act on the card's
 * target at place `t` of its targets.
 */
function hasUnitIn(ctx: Context, card: Card, at: number, t: number): boolean {
  const targets = ctx.targets(card, at);
  const f = ctx.facts;
  const served = (f.served[f.table.slot[at]!] ??= f.table.unserved.slice(0, targets.length));
  if (served[t] === 0) {
    const target = targets[t]!;
    let ok = false;
    const able = f.table.able[at]!;
    if (card.target === 'region') ok = hasUnitInRegion(ctx, able, target);
    else
      for (const r of indexOf(ctx.scenario).actors.get(target)?.regions ?? [])
        if (hasUnitInRegion(ctx, able, r)) {
          ok = true;
          break;
        }
    served[t] = ok ? 2 : 1;
  }
  return served[t] === 2;
}

/** Whether one of the units standing in a region is `able` (eligibility.ts `serversOf`: able to carry out a card). */
function hasUnitInRegion(ctx: Context, able: ReadonlySet<string>, region: string): boolean {
  const f = ctx.facts;
  const units = (f.unitsIn ??= unitsByRegion(ctx.state.units)).get(region);
  if (units) for (let i = 0; i < units.length; i++) if (able.has(units[i]!)) return true;
  return false;
}

/** The checks on a card item, the card at place `at` of the scenario's cards. */
function cardRejection(
  ctx: Context,
  item: Extract<PlanItem, { kind: 'card' }>,
  card: Card,
  at: number,
): Rejection | null {
  const scn = ctx.scenario;
  const l = ctx.level(card, at);
  if (l !== OPEN) return levelRejection(ctx.state, card, l);
  if (ctx.plans(card.id)) return no('card/already-planned', `'${card.id}' is already in the plan`);
  if (card.target === 'none') {
    if (item.target !== undefined) return no('card/target', `'${card.id}' takes no target`);
  } else {
    if (item.target === undefined) return no('card/target', `'${card.id}' needs a ${card.target} target`);
    const t = ctx.targets(card, at).indexOf(item.target);
    if (t < 0) {
      const actor = indexOf(scn).actors.get(item.target);
      if (card.tags.includes('talks') && actor && !actor.negotiable)
        return no('card/non-negotiable', `'${item.target}' is outside any negotiation`);
      return no('card/target', `'${item.target}' is not a target for '${card.id}'`);
    }
    return targetRejection(ctx, card, at, t);
  }
  return null;
}

/**
 * The checks on the target at place `t` of the targets of a card at place `at` of the scenario's cards
 * (`ctx.targets(card, at)` holds it, so a talks card's target is negotiable: cardRejection refuses the others with
 * `card/non-negotiable`).
 */
function targetRejection(ctx: Context, card: Card, at: number, t: number): Rejection | null {
  if (card.needsUnit && !hasUnitIn(ctx, card, at, t))
    return no('card/no-unit', `no ${card.needsUnit} unit able to act at '${ctx.targets(card, at)[t]}'`);
  return null;
}

function moveRejection(ctx: Context, item: Extract<PlanItem, { kind: 'move' }>): Rejection | null {
  const { state: s, scenario: scn, chair } = ctx;
  if (chair !== 'force') return no('chair/not-allowed', 'only the Force Commander moves units');
  const idx = indexOf(scn);
  const unit = s.units[item.unit];
  const def = idx.units.get(item.unit);
  if (!unit || !def) return no('unit/unknown', `no unit '${item.unit}' in theatre`);
  if (def.caveats.includes('static')) return no('unit/static', `'${item.unit}' may not leave its base`);
  if (
    !idx.regions.get(unit.region)?.links.includes(item.to) &&
    !idx.regions.get(item.to)?.links.includes(unit.region)
  ) {
    return no('unit/route', `'${item.to}' is not next to '${unit.region}'`);
  }
  if (ctx.moves(item.unit)) {
    return no('unit/already-moving', `'${item.unit}' already has orders`);
  }
  return null;
}

function planOpen(s: GameState, chair: Chair): Rejection | null {
  const plan = s.plans[chair];
  if (s.phase !== 'planning' && !(s.phase === 'coordination' && plan && !plan.committed)) {
    return no('phase/wrong', 'plans are made in the planning phase (or after a revision in coordination)');
  }
  if (plan?.committed) return no('plan/committed', 'the plan is committed');
  return null;
}

function facilitatorRejection(s: GameState, a: FacilitatorAction, scn: Scenario): Rejection | null {
  // The length may be set before the game starts (a session made for a half-day workshop), and shortened or
  // lengthened while it runs, never to a month already behind it.
  if (a.type === 'facilitator/length') {
    const from = Math.max(1, s.turn);
    return a.months < from || a.months > scn.turns
      ? no('facilitator/length', `the game can last from ${from} to ${scn.turns} months`)
      : null;
  }
  if (s.phase === 'setup') return no('phase/wrong', 'the game starts when the mandate is adopted');
  if (a.reason.trim() === '') return no('facilitator/reason', 'state a reason');
  if (a.type === 'facilitator/inject') {
    const ev = indexOf(scn).events.get(a.event);
    if (!ev) return no('facilitator/unknown-event', `no event '${a.event}' in this scenario`);
    if (s.pendingChoices.includes(a.event))
      return no('facilitator/event-pending', `'${a.event}' is already waiting for a choice`);
  }
  if (a.type === 'facilitator/custom') {
    const idx = indexOf(scn);
    for (const e of a.effects) {
      const ref = e.do === 'violence' ? e.region : e.do === 'stance' || e.do === 'strength' ? e.actor : null;
      if (ref !== null && !(e.do === 'violence' ? idx.regions.has(ref) : idx.actors.has(ref)))
        return no('facilitator/unknown-place', `no region or actor '${ref}' in this scenario`);
      if (e.do === 'request-unit' && !scn.reinforcements[e.unit])
        return no('facilitator/unknown-reinforcement', `no reinforcement '${e.unit}'`);
    }
  }
  return null;
}

/** Why a plan item may not be added to the chair's plan now, or null if it may. */
function addRejection(ctx: Context, item: PlanItem): Rejection | null {
  const closed = planOpen(ctx.state, ctx.chair);
  if (closed) return closed;
  if (ctx.items.length >= MAX_PLAN_ITEMS) return no('plan/too-long', `at most ${MAX_PLAN_ITEMS} items`);
  let cost: number;
  if (item.kind === 'card') {
    const table = ctx.facts.table;
    const at = table.at.get(item.card);
    if (at === undefined) return no('card/unknown', `no action '${item.card}' in this scenario`);
    const card = table.cards[at]!;
    const why = cardRejection(ctx, item, card, at);
    if (why) return why;
    cost = card.cost;
  } else {
    const why = moveRejection(ctx, item);
    if (why) return why;
    cost = itemCost(ctx.scenario, item);
  }
  if (ctx.cost + cost > ctx.capacity) return overCapacity(ctx.scenario, ctx.chair);
  return null;
}

/** The refusal of an item over a chair's capacity, by scenario and chair. */
const overCapacities = new WeakMap<Scenario, Map<Chair, Rejection>>();

/**
 * The refusal of an item over the chair's capacity: made once per scenario and chair, and frozen (as step.ts MALFORMED)
 * so that no caller that changes one changes the next. The bots' plans end in items they know may not fit, so most
 * refusals a game makes are these.
 */
function overCapacity(scn: Scenario, chair: Chair): Rejection {
  let byChair = overCapacities.get(scn);
  if (!byChair) overCapacities.set(scn, (byChair = new Map()));
  let r = byChair.get(chair);
  if (!r) {
    r = Object.freeze(no('card/capacity', `over the ${chair} chair's capacity of ${capacityOf(scn, chair)}`));
    byChair.set(chair, r);
  }
  return r;
}

/** The SRSG's own decisions: refused to any other chair. A function, not a closure per check (every step checks). */
const srsgOnly = (chair: Chair): Rejection | null =>
  chair === 'srsg' ? null : no('chair/not-allowed', 'only the SRSG does this');

/**
 * Why an action may not be taken now, or null if it may. Reads the state; changes nothing, and keeps nothing by the
 * state's identity (a game played in place checks a draft that changes after: working.ts).
 */
export function checkAllowed(s: GameState, a: Action, scn: Scenario): Rejection | null {
  if (s.phase === 'over') return no('game/over', 'the game is over');
  const idx = indexOf(scn);
  if (isFacilitatorAction(a)) return facilitatorRejection(s, a, scn);
  if (!idx.chairs.includes(a.chair)) return no('chair/absent', `there is no ${String(a.chair)} chair in this scenario`);
  switch (a.type) {
    case 'mandate/adopt': {
      if (s.phase !== 'setup') return no('phase/wrong', 'the mandate is adopted before the first turn');
      if (a.tasks.length === 0) return no('mandate/empty', 'adopt at least one task');
      const unknown = a.tasks.find((t) => !idx.tasks.has(t));
      if (unknown !== undefined) return no('mandate/unknown-task', `no task '${unknown}'`);
      const missing = scn.mandate.tasks.find((t) => t.required && !a.tasks.includes(t.id));
      if (missing) return no('mandate/required-missing', `the Council requires '${missing.id}'`);
      return srsgOnly(a.chair);
    }
    case 'mandate/review': {
      if (s.phase !== 'sitrep' || !scn.mandate.reviewTurns.includes(s.turn) || s.reviewed) {
        return no('mandate/not-review', 'the mandate is reviewed at the start of a review turn, once');
      }
      const unknown = [...a.drop, ...a.add].find((t) => !idx.tasks.has(t));
      if (unknown !== undefined) return no('mandate/unknown-task', `no task '${unknown}'`);
      const required = a.drop.find((t) => idx.tasks.get(t)?.required);
      if (required !== undefined) return no('mandate/required-missing', `the Council requires '${required}'`);
      const after =
        s.mandate.filter((t) => !a.drop.includes(t)).length + a.add.filter((t) => !s.mandate.includes(t)).length;
      if (after === 0) return no('mandate/empty', 'the mandate cannot be empty');
      return srsgOnly(a.chair);
    }
    case 'event/choose': {
      if (s.phase !== 'sitrep') return no('phase/wrong', 'choices are made in the sitrep');
      if (!s.pendingChoices.includes(a.event)) return no('event/not-pending', `no choice is waiting on '${a.event}'`);
      const ev = idx.events.get(a.event);
      if (!ev || ev.decider !== a.chair)
        return no('chair/not-allowed', `the ${ev?.decider ?? 'srsg'} chair decides this`);
      if (!ev.choices.some((c) => c.id === a.choice)) return no('event/unknown-choice', `no choice '${a.choice}'`);
      return null;
    }
    case 'sitrep/close':
      if (s.phase !== 'sitrep') return no('phase/wrong', 'not in the sitrep');
      if (s.pendingChoices.length > 0) return no('event/choices-pending', 'decisions on events are still waiting');
      return srsgOnly(a.chair);
    case 'strategy/set':
      if (s.phase !== 'strategy') return no('phase/wrong', 'the strategy is set in the strategy phase');
      if (!idx.strategies.has(a.strategy)) return no('strategy/unknown', `no strategy '${a.strategy}'`);
      return srsgOnly(a.chair);
    case 'plan/add':
      return addRejection(new Context(s, scn, a.chair), a.item);
    case 'plan/remove': {
      const closed = planOpen(s, a.chair);
      if (closed) return closed;
      const n = s.plans[a.chair]?.items.length ?? 0;
      if (!Number.isInteger(a.index) || a.index < 0 || a.index >= n) return no('plan/no-item', `no item ${a.index}`);
      return null;
    }
    case 'plan/commit': {
      const closed = planOpen(s, a.chair);
      if (closed) return closed;
      if (a.note !== undefined && a.note.length > MAX_NOTE)
        return no('note/too-long', `a note has at most ${MAX_NOTE} characters`);
      return null;
    }
    case 'plan/revise': {
      if (s.phase !== 'coordination') return no('phase/wrong', 'plans are revised in coordination');
      const plan = s.plans[a.chair];
      if (!plan?.committed) return no('plan/not-committed', 'the plan is open already');
      if (plan.revised) return no('plan/revised-already', 'each chair revises once a turn');
      return null;
    }
    case 'plan/confirm': {
      if (s.phase !== 'coordination') return no('phase/wrong', 'plans are confirmed in coordination');
      const plan = s.plans[a.chair];
      if (!plan?.committed) return no('plan/not-committed', 'commit the plan first');
      if (plan.confirmed) return no('plan/committed', 'already confirmed');
      return null;
    }
  }
}

/** Every action the chair may take now. Mandate choices are offered as graded options, not every subset. */
export function legalActions(s: GameState, scn: Scenario, chair: Chair): Action[] {
  return [...legalList(s, scn, chair)];
}

/** The legal lists made, by state and chair, for the last few states (recent.ts): a state is immutable. */
const legalLists = new Recent<GameState, Map<Chair, { readonly scn: Scenario; readonly list: readonly Action[] }>>(8);

/**
 * legalActions, shared: made once per (state, chair) while the state is among the last few asked, for readers that do
 * not change it (the bots; frozen where states are, so a writer throws under tests).
 */
export function legalList(s: GameState, scn: Scenario, chair: Chair): readonly Action[] {
  let byChair = legalLists.get(s);
  if (!byChair) legalLists.set(s, (byChair = new Map()));
  const hit = byChair.get(chair);
  if (hit && hit.scn === scn) return hit.list;
  const made = makeLegal(s, scn, chair);
  const list = isFreezing() ? deepFreeze(made) : made;
  byChair.set(chair, { scn, list });
  return list;
}

/**
 * Whether the chair may review the mandate now: whether its legal list holds a `mandate/review`, without making the
 * list (the bots ask this in every sitrep; the list offers one review per task dropped or added).
 */
export function reviewAllowed(s: GameState, scn: Scenario, chair: Chair): boolean {
  const idx = indexOf(scn);
  // checkAllowed's checks on the reviews makeLegal offers, made without making them.
  if (!idx.chairs.includes(chair) || chair !== 'srsg' || s.phase !== 'sitrep') return false;
  if (!scn.mandate.reviewTurns.includes(s.turn) || s.reviewed) return false;
  const mandate = s.mandate;
  // Dropping one task: a task of the scenario, not required, and not the last of the mandate.
  for (const t of mandate) {
    const task = idx.tasks.get(t);
    if (task && !task.required && mandate.some((x) => x !== t)) return true;
  }
  // Adding one task the mandate does not hold: the mandate after it is never empty.
  for (const t of idx.tasks.keys()) if (!mandate.includes(t)) return true;
  return false;
}

/** Adds `a` to `out` when the rules allow it now. */
function pushAllowed(out: Action[], s: GameState, a: Action, scn: Scenario): void {
  if (checkAllowed(s, a, scn) === null) out.push(a);
}

function makeLegal(s: GameState, scn: Scenario, chair: Chair): Action[] {
  const idx = indexOf(scn);
  const out: Action[] = [];
  if (!idx.chairs.includes(chair) || s.phase === 'over') return out;
  switch (s.phase) {
    case 'setup': {
      const required = scn.mandate.tasks.filter((t) => t.required).map((t) => t.id);
      const optional = scn.mandate.tasks.filter((t) => !t.required).map((t) => t.id);
      for (let k = 0; k <= optional.length; k++)
        pushAllowed(out, s, { type: 'mandate/adopt', chair, tasks: [...required, ...optional.slice(0, k)] }, scn);
      if (scn.mandate.draft.length > 0)
        pushAllowed(
          out,
          s,
          { type: 'mandate/adopt', chair, tasks: [...new Set([...required, ...scn.mandate.draft])] },
          scn,
        );
      break;
    }
    case 'sitrep':
      for (const e of s.pendingChoices)
        for (const c of idx.events.get(e)?.choices ?? [])
          pushAllowed(out, s, { type: 'event/choose', chair, event: e, choice: c.id }, scn);
      for (const t of s.mandate) pushAllowed(out, s, { type: 'mandate/review', chair, drop: [t], add: [] }, scn);
      for (const t of idx.tasks.keys())
        if (!s.mandate.includes(t)) pushAllowed(out, s, { type: 'mandate/review', chair, drop: [], add: [t] }, scn);
      pushAllowed(out, s, { type: 'sitrep/close', chair }, scn);
      break;
    case 'strategy':
      for (const st of scn.strategies) pushAllowed(out, s, { type: 'strategy/set', chair, strategy: st.id }, scn);
      break;
    case 'planning':
    case 'coordination': {
      if (planOpen(s, chair) === null) {
        const ctx = new Context(s, scn, chair);
        if (ctx.items.length < MAX_PLAN_ITEMS) {
          const room = ctx.capacity - ctx.cost;
          // Indexed loops: a list is made a few times a month, too seldom for the iterators to be optimised away.
          const facts = ctx.facts;
          const table = facts.table;
          // Every card's last month, read once for every chair and state of the month (legal-facts.ts `lastPlayed`).
          facts.last ??= lastPlayed(s.played, table);
          const places = table.byChair.get(chair) ?? [];
          for (let i = 0; i < places.length; i++) {
            const at = places[i]!;
            const card = table.cards[at]!;
            // addRejection's checks, with those that hold for every target (and every plan) made once per card.
            if (card.cost > room || ctx.level(card, at) !== OPEN || ctx.plans(card.id)) continue;
            pushAdds(out, ctx, card, at);
          }
          if (chair === 'force') {
            const moves = movesOf(ctx);
            for (let i = 0; i < moves.length; i++) {
              const m = moves[i]!;
              if (m.cost <= room && !ctx.moves(m.unit)) out.push(m.action);
            }
          }
        }
        // Any item may be removed and the plan committed while it is open (checkAllowed's checks, made above).
        for (let i = 0; i < ctx.items.length; i++) out.push({ type: 'plan/remove', chair, index: i });
        out.push({ type: 'plan/commit', chair });
      }
      // Plans are revised and confirmed in coordination alone (checkAllowed refuses both in planning).
      if (s.phase === 'coordination') {
        pushAllowed(out, s, { type: 'plan/revise', chair }, scn);
        pushAllowed(out, s, { type: 'plan/confirm', chair }, scn);
      }
      break;
    }
  }
  return out;
}
