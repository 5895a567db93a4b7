// The one bot driver: which chair's doctrine acts next and the actions it takes, phase by phase.
// sim/play.ts, store/bots.ts, the server's bots (net/autopilot.ts) and the clock's timeout all use it.
import type { Chair, Scenario } from '../scenario/schema.js';
import { viewFor, type Action, type ChairView, type GameState, type PlanItem } from '../engine/index.js';
import { legalList, reviewAllowed } from '../engine/legal.js';
import { unitsAfter } from '../engine/rng.js';
import { indexOf } from '../engine/scenario-index.js';
import { phaseRule } from '../engine/phases/table.js';
import type { Doctrine, DoctrineContext } from './doctrine.js';

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

/** The situation of a chair in a true state; the view and the legal list are built only if read. */
export function situationOf(
  s: GameState,
  scn: Scenario,
  chair: Chair,
  random: () => number = botRandom(s, chair),
): ChairSituation {
  let view: ChairView | undefined;
  let legal: readonly Action[] | undefined;
  return {
    chair,
    scenario: scn,
    random,
    get view() {
      // The last few turns of the ledger: enough for a bot to know what it played recently (the
      // repetition, practice and exclusion mechanics look that far back), without copying the whole history.
      const back = Math.max(2, scn.mechanics.practiceTurns, scn.mechanics.siloTurns, scn.mechanics.exclusionTurns);
      return (view ??= viewFor(s, scn, chair, { ledgerFrom: Math.max(0, s.turn - back) }));
    },
    get legal() {
      return (legal ??= legalList(s, scn, chair));
    },
    get reviewAllowed() {
      return legal ? legal.some((a) => a.type === 'mandate/review') : reviewAllowed(s, scn, chair);
    },
  };
}

/**
 * Stateless draws keyed on the seed, the month, the phase, the chair and how far its plan has got, so a resumed game
 * draws the same, and two games on one seed that took different decisions still give a chair the same draws at the
 * same point of a month (common random numbers: paired study games differ by their decisions, not by their dice).
 */
export function botRandom(s: GameState, chair: Chair): () => number {
  let n = 0;
  const planned = s.plans[chair]?.items.length ?? 0;
  const draw = unitsAfter(s.seed, ['bot', s.turn, s.phase, chair, planned]);
  return () => draw(n++);
}

function contextOf(s: ChairSituation): DoctrineContext {
  // Getters pass through, so a doctrine that never reads the view or the legal list never builds them.
  return {
    chair: s.chair,
    scenario: s.scenario,
    random: s.random,
    get view() {
      return s.view;
    },
    get legal() {
      return s.legal;
    },
  };
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
  const { chair, view, scenario: scn } = s;
  const mine = view.plans[chair];
  const ownItems = mine?.items?.length ?? 0;
  const ctx = contextOf(s);
  switch (view.phase) {
    case 'over':
      return null;
    case 'setup': {
      if (chair !== 'srsg') return null;
      const tasks = d.adoptMandate(ctx);
      const fallback = s.legal.find((a) => a.type === 'mandate/adopt');
      return fallback ? [{ type: 'mandate/adopt', chair, tasks }, fallback] : [{ type: 'mandate/adopt', chair, tasks }];
    }
    case 'sitrep': {
      for (const ev of view.pendingChoices) {
        if (deciderOf(scn, ev) !== chair) continue;
        const first = indexOf(scn).events.get(ev)?.choices[0]?.id ?? '';
        return [
          { type: 'event/choose', chair, event: ev, choice: d.choose(ctx, ev) },
          { type: 'event/choose', chair, event: ev, choice: first },
        ];
      }
      if (view.pendingChoices.length > 0 || chair !== 'srsg') return null;
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
    case 'planning':
      if (mine?.committed) return null;
      return [...refill(chair, ownItems, d.plan(ctx)), { type: 'plan/commit', chair }];
    case 'coordination': {
      if (!mine || mine.confirmed) return null;
      if (!mine.committed)
        return [
          ...refill(chair, ownItems, d.plan(ctx)),
          { type: 'plan/commit', chair },
          { type: 'plan/confirm', chair },
        ];
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
