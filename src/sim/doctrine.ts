// The doctrine interface: an action-choosing policy for one chair that sees only that chair's view.
import type { Chair, Scenario } from '../scenario/schema.js';
import type { Action, ChairBoard, ChairView, PlanItem } from '../engine/index.js';
import type { Reader } from '../engine/conditions.js';
import type { History } from './history.js';

/** What a doctrine is shown when asked to decide. It never sees the true state. */
export interface DoctrineContext {
  readonly chair: Chair;
  readonly view: ChairView;
  /**
   * The view's fields that are the state's own (turn, phase, strategy, mandate, agreement, units, deployments, plans,
   * conflicts, events fired and pending, flags): `board.strategy` is `view.strategy`, without building the view's
   * numbers, warnings and ledger.
   */
  readonly board: ChairBoard;
  /**
   * The view's numbers one at a time: `numbers.indicator(id)` is `view.indicators[id].value`, `violence(region)`,
   * `stance(actor)` and `strength(actor)` likewise (0 for an actor the scenario does not have). A decision that needs a
   * few numbers reads them here without building the view.
   */
  readonly numbers: Reader;
  /**
   * When each chair last played each card and each actor or region was last acted on, as the view's ledger shows it
   * (its last few turns), without reading the ledger entry by entry.
   */
  readonly history: History;
  readonly scenario: Scenario;
  /** Every action the chair may take now, as the rules list them. */
  readonly legal: readonly Action[];
  /** A seeded random number in [0, 1), for doctrines that draw. */
  readonly random: () => number;
}

/**
 * A doctrine decides for one chair at each point where a decision is needed. Every answer goes
 * through the engine's `step`, so a doctrine cannot break a rule: an illegal answer is skipped.
 * Write your own as an ES module whose default export is a Doctrine (see docs/doctrines.md).
 */
export interface Doctrine {
  readonly name: string;
  /** True for doctrines that search with rollouts: costly, so studies and benches may leave them out. */
  readonly searches?: boolean;
  /** SRSG, before turn 1: the mandate tasks to adopt. */
  adoptMandate(ctx: DoctrineContext): string[];
  /** SRSG, at the start of a review turn: tasks to drop and to add, or null to leave it. */
  reviewMandate(ctx: DoctrineContext): { drop: string[]; add: string[] } | null;
  /** The decider of a fired event: which choice to take. */
  choose(ctx: DoctrineContext, event: string): string;
  /** SRSG: the political strategy for the turn. */
  strategy(ctx: DoctrineContext): string;
  /** Each chair: the plan for the turn, in order of priority (items over capacity are dropped). */
  plan(ctx: DoctrineContext): PlanItem[];
  /** In coordination, after the reveal: a new plan to replace this chair's, or null to confirm. */
  revise(ctx: DoctrineContext): PlanItem[] | null;
}

/** The parts of the Doctrine interface, for checking modules loaded from files. */
export const DOCTRINE_METHODS = ['adoptMandate', 'reviewMandate', 'choose', 'strategy', 'plan', 'revise'] as const;

export function isDoctrine(x: unknown): x is Doctrine {
  if (x === null || typeof x !== 'object') return false;
  const o = x as Record<string, unknown>;
  return typeof o['name'] === 'string' && DOCTRINE_METHODS.every((m) => typeof o[m] === 'function');
}
