// What each chair may do now: the one door for the UI, the bots and the server.
import type { Card, Chair, Condition, Scenario } from '../scenario/schema.js';
import { holds } from './conditions.js';
import { deepFreeze, isFreezing } from './freeze.js';
import { canServe, itemCost, planCost, targetsNow } from './eligibility.js';
import { knownTo } from './knowledge.js';
import { factsOf, movesFrom, unitsByRegion, type Facts, type Move } from './legal-facts.js';
import { capacityOf, indexOf } from './scenario-index.js';
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
 * What legality needs to know about one chair in one state, worked out once and passed down (as
 * chessops passes its Context to `dests` and `isLegal`): the chair's plan, its cost so far, the cards
 * it has planned, the units it moves, where the mission's units stand, and each card's targets.
 * Built lazily and kept per (state, chair), so listing every candidate costs one pass, not one per candidate.
 */
export interface LegalityContext {
  readonly state: GameState;
  readonly scenario: Scenario;
  readonly chair: Chair;
  /** The chair's plan items now. */
  readonly items: readonly PlanItem[];
  /** Why the chair's plan cannot be edited now, or null if it can. */
  readonly closed: Rejection | null;
  /** The action points the plan uses now. */
  readonly cost: number;
  readonly capacity: number;
  readonly plannedCards: ReadonlySet<string>;
  readonly movingUnits: ReadonlySet<string>;
  /** The units standing in each region. */
  readonly unitsIn: ReadonlyMap<string, readonly string[]>;
  /** The ids a card may target now, before unit checks (as targetsOf). */
  targets(card: Card): readonly string[];
  /** Whether a card's own conditions allow it now, whatever its target: null if they do. */
  cardAllowed(card: Card): Rejection | null;
}

/**
 * Whether a card's condition holds for a chair. The one place legality reads a card's conditions, so
 * that they can be read on what the chair may know rather than the true state.
 */
export function cardConditionHolds(ctx: Pick<LegalityContext, 'state' | 'chair' | 'scenario'>, c: Condition): boolean {
  // On the chair's knowledge: what it may play tells it no more than its view (a planned card then resolves as it is).
  return holds(c, ctx.state, knownTo(ctx.state, ctx.scenario, ctx.chair));
}

const contexts = new WeakMap<GameState, Map<Chair, Context>>();

/** The legality context of a chair in a state: computed once and kept while the state lives. */
export function legalityContext(s: GameState, scn: Scenario, chair: Chair): LegalityContext {
  return contextOf(s, scn, chair);
}

function contextOf(s: GameState, scn: Scenario, chair: Chair): Context {
  let byChair = contexts.get(s);
  if (!byChair) contexts.set(s, (byChair = new Map()));
  let ctx = byChair.get(chair);
  if (!ctx || ctx.scenario !== scn) {
    ctx = makeContext(s, scn, chair);
    byChair.set(chair, ctx);
  }
  return ctx;
}

function makeContext(s: GameState, scn: Scenario, chair: Chair): Context {
  return new Context(s, scn, chair);
}

/** A LegalityContext whose parts are worked out when first read (one object: no closures per state). */
class Context implements LegalityContext {
  readonly items: readonly PlanItem[];
  readonly capacity: number;
  #closed: Rejection | null | undefined;
  #cost: number | undefined;
  #plannedCards: Set<string> | undefined;
  #movingUnits: Set<string> | undefined;
  #unitsIn: ReadonlyMap<string, readonly string[]> | undefined;
  #facts: Facts | undefined;

  constructor(
    readonly state: GameState,
    readonly scenario: Scenario,
    readonly chair: Chair,
  ) {
    this.items = state.plans[chair]?.items ?? [];
    this.capacity = capacityOf(scenario, chair);
  }

  get closed(): Rejection | null {
    return this.#closed === undefined ? (this.#closed = planOpen(this.state, this.chair)) : this.#closed;
  }

  get cost(): number {
    return (this.#cost ??= planCost(this.scenario, this.items));
  }

  get plannedCards(): ReadonlySet<string> {
    if (this.#plannedCards) return this.#plannedCards;
    const out = new Set<string>();
    for (const it of this.items) if (it.kind === 'card') out.add(it.card);
    return (this.#plannedCards = out);
  }

  get movingUnits(): ReadonlySet<string> {
    if (this.#movingUnits) return this.#movingUnits;
    const out = new Set<string>();
    for (const it of this.items) if (it.kind === 'move') out.add(it.unit);
    return (this.#movingUnits = out);
  }

  get unitsIn(): ReadonlyMap<string, readonly string[]> {
    return (this.#unitsIn ??= unitsByRegion(this.state.units));
  }

  /** What this chair's legality reads besides its plan, shared with the other states that read the same. */
  get facts(): Facts {
    return (this.#facts ??= factsOf(this.state, this.scenario, this.chair));
  }

  targets(card: Card): readonly string[] {
    const facts = this.facts;
    let t = facts.targets.get(card);
    if (!t) facts.targets.set(card, (t = targetsNow(this.state, this.scenario, card)));
    return t;
  }

  cardAllowed(card: Card): Rejection | null {
    const facts = this.facts;
    let r = facts.level.get(card);
    if (r === undefined) facts.level.set(card, (r = cardLevelRejection(this.state, this.scenario, this.chair, card)));
    if (r) return r;
    return this.plannedCards.has(card.id) ? no('card/already-planned', `'${card.id}' is already in the plan`) : null;
  }
}

/** The plan/add actions the legal list offers for an open card: the card, or each of its targets a unit can serve. */
function addsOf(ctx: Context, card: Card): readonly Action[] {
  const facts = ctx.facts;
  let adds = facts.adds.get(card);
  if (adds) return adds;
  const chair = ctx.chair;
  const out: Action[] = [];
  if (card.target === 'none') out.push({ type: 'plan/add', chair, item: { kind: 'card', card: card.id } });
  else
    for (const t of ctx.targets(card))
      if (targetRejection(ctx, card, t) === null)
        out.push({ type: 'plan/add', chair, item: { kind: 'card', card: card.id, target: t } });
  adds = isFreezing() ? deepFreeze(out) : out;
  facts.adds.set(card, adds);
  return adds;
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
 * The checks on a card that depend neither on its target nor on the chair's plan, in the order cardRejection makes
 * them (the plan's own check, already planned, comes after: Context.cardAllowed).
 */
function cardLevelRejection(s: GameState, scn: Scenario, chair: Chair, card: Card): Rejection | null {
  if (card.chair !== chair) return no('card/other-chair', `'${card.id}' belongs to the ${card.chair} chair`);
  if (card.task && !s.mandate.includes(card.task))
    return no('card/task-not-mandated', `task '${card.task}' is not in the mandate`);
  const last = s.played[card.id];
  if (last !== undefined && s.turn - last <= card.cooldown)
    return no('card/cooldown', `'${card.id}' was played in turn ${last}`);
  if (card.requires && !cardConditionHolds({ state: s, scenario: scn, chair }, card.requires))
    return no('card/requires', `'${card.id}' is not possible now`);
  return null;
}

function hasUnitIn(ctx: Context, card: Card, target: string): boolean {
  const facts = ctx.facts;
  let byTarget = facts.served.get(card);
  if (!byTarget) facts.served.set(card, (byTarget = new Map()));
  let ok = byTarget.get(target);
  if (ok === undefined) {
    ok = false;
    if (card.target === 'region') ok = hasUnitInRegion(ctx, card, target);
    else
      for (const r of indexOf(ctx.scenario).actors.get(target)?.regions ?? [])
        if (hasUnitInRegion(ctx, card, r)) {
          ok = true;
          break;
        }
    byTarget.set(target, ok);
  }
  return ok;
}

function hasUnitInRegion(ctx: LegalityContext, card: Card, region: string): boolean {
  const units = ctx.unitsIn.get(region);
  if (units) for (const id of units) if (canServe(ctx.scenario, card, id)) return true;
  return false;
}

function cardRejection(ctx: Context, item: Extract<PlanItem, { kind: 'card' }>): Rejection | null {
  const scn = ctx.scenario;
  const card = indexOf(scn).cards.get(item.card);
  if (!card) return no('card/unknown', `no action '${item.card}' in this scenario`);
  const why = ctx.cardAllowed(card);
  if (why) return why;
  if (card.target === 'none') {
    if (item.target !== undefined) return no('card/target', `'${card.id}' takes no target`);
  } else {
    if (item.target === undefined) return no('card/target', `'${card.id}' needs a ${card.target} target`);
    if (!ctx.targets(card).includes(item.target)) {
      const actor = indexOf(scn).actors.get(item.target);
      if (card.tags.includes('talks') && actor && !actor.negotiable)
        return no('card/non-negotiable', `'${item.target}' is outside any negotiation`);
      return no('card/target', `'${item.target}' is not a target for '${card.id}'`);
    }
    return targetRejection(ctx, card, item.target);
  }
  return null;
}

/**
 * The checks on one of a card's targets (`ctx.targets(card)` holds it, so a talks card's target is negotiable:
 * cardRejection refuses the others with `card/non-negotiable`).
 */
function targetRejection(ctx: Context, card: Card, target: string): Rejection | null {
  if (card.needsUnit && !hasUnitIn(ctx, card, target))
    return no('card/no-unit', `no ${card.needsUnit} unit able to act at '${target}'`);
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
  if (ctx.movingUnits.has(item.unit)) {
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
export function addRejection(ctx: Context, item: PlanItem): Rejection | null {
  if (ctx.closed) return ctx.closed;
  if (ctx.items.length >= MAX_PLAN_ITEMS) return no('plan/too-long', `at most ${MAX_PLAN_ITEMS} items`);
  const why = item.kind === 'card' ? cardRejection(ctx, item) : moveRejection(ctx, item);
  if (why) return why;
  if (ctx.cost + itemCost(ctx.scenario, item) > ctx.capacity) {
    return no('card/capacity', `over the ${ctx.chair} chair's capacity of ${ctx.capacity}`);
  }
  return null;
}

/** The SRSG's own decisions: refused to any other chair. A function, not a closure per check (every step checks). */
const srsgOnly = (chair: Chair): Rejection | null =>
  chair === 'srsg' ? null : no('chair/not-allowed', 'only the SRSG does this');

/**
 * Why an action may not be taken now, or null if it may. Reads the state; changes nothing. `keep` false: `s` is a
 * draft that changes in place after (working.ts), so no legality context is kept for it.
 */
export function checkAllowed(s: GameState, a: Action, scn: Scenario, keep = true): Rejection | null {
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
      return addRejection(keep ? contextOf(s, scn, a.chair) : makeContext(s, scn, a.chair), a.item);
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

/** The legal lists made, by state and chair: a state is immutable, so its lists are made once. */
const legalLists = new WeakMap<GameState, Map<Chair, { readonly scn: Scenario; readonly list: readonly Action[] }>>();

/**
 * legalActions, shared: made once per (state, chair) and kept while the state lives, for readers that do not change
 * it (the bots; frozen where states are, so a writer throws under tests).
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
  if (!idx.chairs.includes(chair) || s.phase !== 'sitrep') return false;
  for (const t of s.mandate)
    if (checkAllowed(s, { type: 'mandate/review', chair, drop: [t], add: [] }, scn) === null) return true;
  for (const t of idx.tasks.keys())
    if (!s.mandate.includes(t) && checkAllowed(s, { type: 'mandate/review', chair, drop: [], add: [t] }, scn) === null)
      return true;
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
      const ctx = contextOf(s, scn, chair);
      if (ctx.closed === null) {
        if (ctx.items.length < MAX_PLAN_ITEMS) {
          for (const card of idx.cardsByChair.get(chair) ?? []) {
            // addRejection's checks, with those that hold for every target (and every plan) made once per card.
            if (ctx.cardAllowed(card) !== null || ctx.cost + card.cost > ctx.capacity) continue;
            for (const a of addsOf(ctx, card)) out.push(a);
          }
          if (chair === 'force')
            for (const m of movesOf(ctx))
              if (!ctx.movingUnits.has(m.unit) && ctx.cost + m.cost <= ctx.capacity) out.push(m.action);
        }
        // Any item may be removed and the plan committed while it is open (checkAllowed's checks, made above).
        for (let i = 0; i < ctx.items.length; i++) out.push({ type: 'plan/remove', chair, index: i });
        out.push({ type: 'plan/commit', chair });
      }
      pushAllowed(out, s, { type: 'plan/revise', chair }, scn);
      pushAllowed(out, s, { type: 'plan/confirm', chair }, scn);
      break;
    }
  }
  return out;
}
