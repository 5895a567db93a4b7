// The game's state, the actions that change it, and the typed refusals: plain JSON throughout.
import type { Chair, Effect, IndicatorId, Tag } from '../scenario/schema.js';
import type { MechanicId } from '../scenario/lessons.js';

export type { Chair, IndicatorId, Tag };

/**
 * Bumped when GameState's shape changes; saves carry it. 3: the world's chance is keyed (`world`, rng.ts) and the
 * true starting values of hidden numbers are offset from the published ones (knowledge.ts). Games of format 2 (and
 * 1, which had no secret) still replay as they were: their state has `rng` and no `world`.
 */
export const STATE_FORMAT = 3;
export type StateFormat = 2 | typeof STATE_FORMAT;

/**
 * The keys a game is made with. `secret` keys the fog; `world` keys the world's chance and the true starting values,
 * or is null for a game of format 2, whose chance is a generator seeded by the seed (saves made before keyed draws).
 */
export interface GameKeys {
  readonly secret: string;
  readonly world: string | null;
}

export const PHASES = ['setup', 'sitrep', 'strategy', 'planning', 'coordination', 'over'] as const;
/** The phases a player acts in; resolution and assessment run inside the step that ends coordination. */
export type Phase = (typeof PHASES)[number];

/** The order in which chairs' plans resolve. */
export const CHAIR_ORDER: readonly Chair[] = ['srsg', 'envoy', 'police', 'force'];

export type PlanItem =
  | { readonly kind: 'card'; readonly card: string; readonly target?: string }
  | { readonly kind: 'move'; readonly unit: string; readonly to: string };

export interface Plan {
  readonly items: readonly PlanItem[];
  readonly committed: boolean;
  /** Each chair may reopen its plan once, in coordination. */
  readonly revised: boolean;
  readonly confirmed: boolean;
  /** One line of why, written when the plan was committed. */
  readonly note: string;
}

export type ConflictKind = 'offensive-vs-talks' | 'opposed-strategy' | 'uncoordinated-mediation';

/** Two chairs' plans that work against each other this turn. */
export interface Conflict {
  readonly kind: ConflictKind;
  readonly chairs: readonly Chair[];
  /** The actor or strategy at stake. */
  readonly subject: string;
}

/** What a ledger entry's change is about. */
export type Track =
  | { readonly kind: 'indicator'; readonly id: IndicatorId }
  | { readonly kind: 'violence'; readonly id: string }
  | { readonly kind: 'stance'; readonly id: string }
  | { readonly kind: 'strength'; readonly id: string }
  | { readonly kind: 'implementation' };

export type Cause =
  | { readonly kind: 'action'; readonly chair: Chair; readonly card: string; readonly target?: string }
  | { readonly kind: 'event'; readonly event: string; readonly choice?: string }
  | { readonly kind: 'rule'; readonly actor: string; readonly rule: string }
  | { readonly kind: 'mechanic'; readonly mechanic: MechanicId; readonly subject?: string }
  | { readonly kind: 'facilitator'; readonly reason: string; readonly event?: string };

/** One change to one number, with why it happened. The debrief is built from these alone. */
export interface LedgerEntry {
  readonly turn: number;
  readonly track: Track;
  /** The change actually applied, after bounds. */
  readonly delta: number;
  readonly cause: Cause;
  readonly lessons: readonly string[];
}

export interface ActorState {
  readonly stance: number;
  readonly strength: number;
  /** Last turn any chair engaged this actor (0: never). */
  readonly engaged: number;
}

export interface UnitState {
  readonly region: string;
  /** Set for units that arrived as reinforcements. */
  readonly reinforcement?: string;
}

export interface Deployment {
  readonly reinforcement: string;
  readonly requested: number;
  readonly arrives: number;
}

export interface Agreement {
  readonly status: 'none' | 'signed' | 'implemented';
  readonly progress: number;
  readonly signed: number;
}

export interface Outcome {
  readonly result: 'success' | 'failure';
  /** The end condition that ended the game, or null when the last turn was played. */
  readonly end: string | null;
  readonly score: number;
  readonly dimensions: Readonly<Record<string, number>>;
  readonly epilogue: string;
}

export interface FiredEvent {
  readonly event: string;
  readonly turn: number;
  readonly choice: string | null;
}

export interface GameState {
  readonly format: StateFormat;
  readonly scenario: { readonly id: string; readonly version: number };
  readonly seed: number;
  /**
   * The fog's key (128 bits as 32 hex digits): the estimates' errors are drawn from it (fog.ts). Made with crypto
   * randomness when a game is created; never in any chair's view. Simulations and tests derive it from the seed.
   */
  readonly secret: string;
  /**
   * The world's key (format 3; 32 hex digits): every chance of the world is drawn from it (rng.ts), and the true
   * starting values of hidden numbers. Never in any chair's view. Simulations and tests derive it from the seed.
   */
  readonly world?: string;
  /** The generator of a game of format 2, from before keyed draws; absent from format 3. */
  readonly rng?: readonly [number, number, number, number];
  readonly turn: number;
  readonly phase: Phase;
  readonly indicators: Readonly<Record<IndicatorId, number>>;
  readonly violence: Readonly<Record<string, number>>;
  readonly actors: Readonly<Record<string, ActorState>>;
  readonly units: Readonly<Record<string, UnitState>>;
  readonly deployments: readonly Deployment[];
  readonly mandate: readonly string[];
  readonly reviewed: boolean;
  readonly strategy: string | null;
  readonly flags: readonly string[];
  readonly fired: readonly FiredEvent[];
  /** Events fired this turn that still wait for their decider's choice. */
  readonly pendingChoices: readonly string[];
  /** Events the mission's analysis saw coming for next turn. */
  readonly warnings: readonly string[];
  readonly plans: Readonly<Partial<Record<Chair, Plan>>>;
  readonly conflicts: readonly Conflict[];
  /** Turn each card was last played. */
  readonly played: Readonly<Record<string, number>>;
  readonly agreement: Agreement;
  /** Contributors perform better up to and including this turn. */
  readonly consultedUntil: number;
  readonly ledger: readonly LedgerEntry[];
  /** Every accepted action, in order. With the scenario, the seed and the secret it is the whole game. */
  readonly log: readonly Action[];
  readonly outcome: Outcome | null;
  /** The score at each monthly assessment so far; the final score blends their mean with the end. */
  readonly assessed?: readonly number[];
  /** How many times each engine mechanic that marks a broken lesson has weighed on the mission. */
  readonly tally?: Readonly<Partial<Record<MechanicId, number>>>;
  /** The game's length in months when it was set shorter than the scenario's (facilitator/length); see length.ts. */
  readonly months?: number;
}

export type Action =
  | { readonly type: 'mandate/adopt'; readonly chair: Chair; readonly tasks: readonly string[] }
  | {
      readonly type: 'mandate/review';
      readonly chair: Chair;
      readonly drop: readonly string[];
      readonly add: readonly string[];
    }
  | { readonly type: 'event/choose'; readonly chair: Chair; readonly event: string; readonly choice: string }
  | { readonly type: 'sitrep/close'; readonly chair: Chair }
  | { readonly type: 'strategy/set'; readonly chair: Chair; readonly strategy: string }
  | { readonly type: 'plan/add'; readonly chair: Chair; readonly item: PlanItem }
  | { readonly type: 'plan/remove'; readonly chair: Chair; readonly index: number }
  | { readonly type: 'plan/commit'; readonly chair: Chair; readonly note?: string }
  | { readonly type: 'plan/revise'; readonly chair: Chair }
  | { readonly type: 'plan/confirm'; readonly chair: Chair }
  // The facilitator's interventions: only a facilitator may send them (the server checks who);
  // their changes are ledgered as the facilitator's, with the stated reason.
  | { readonly type: 'facilitator/inject'; readonly event: string; readonly reason: string }
  | {
      readonly type: 'facilitator/custom';
      readonly title: string;
      readonly effects: readonly Effect[];
      readonly reason: string;
    }
  | {
      readonly type: 'facilitator/adjust';
      readonly indicator: IndicatorId;
      readonly by: number;
      readonly reason: string;
    }
  /** Ends the game now, with the outcome and score of the state as it stands. */
  | { readonly type: 'facilitator/end'; readonly reason: string }
  /** Sets the game's length: it ends after this month's assessment, scored against the scenario's threshold for it. */
  | { readonly type: 'facilitator/length'; readonly months: number };

/** Actions a chair sends; the others are the facilitator's. */
export type ChairAction = Extract<Action, { chair: Chair }>;
export type FacilitatorAction = Exclude<Action, ChairAction>;
export const isFacilitatorAction = (a: Action): a is FacilitatorAction => a.type.startsWith('facilitator/');

export type ActionType = Action['type'];

export const REJECTIONS = [
  'action/malformed',
  'game/over',
  'phase/wrong',
  'chair/absent',
  'chair/not-allowed',
  'mandate/unknown-task',
  'mandate/required-missing',
  'mandate/empty',
  'mandate/not-review',
  'event/not-pending',
  'event/unknown-choice',
  'event/choices-pending',
  'strategy/unknown',
  'plan/committed',
  'plan/not-committed',
  'plan/no-item',
  'plan/revised-already',
  'plan/too-long',
  'card/unknown',
  'card/other-chair',
  'card/capacity',
  'card/requires',
  'card/task-not-mandated',
  'card/cooldown',
  'card/already-planned',
  'card/target',
  'card/non-negotiable',
  'card/no-unit',
  'unit/unknown',
  'unit/route',
  'unit/static',
  'unit/already-moving',
  'note/too-long',
  'facilitator/unknown-event',
  'facilitator/event-pending',
  'facilitator/unknown-place',
  'facilitator/unknown-reinforcement',
  'facilitator/reason',
  'facilitator/length',
] as const;
export type RejectionCode = (typeof REJECTIONS)[number];

export interface Rejection {
  readonly code: RejectionCode;
  /** A plain English explanation for logs and developers; the UI translates the code. */
  readonly message: string;
}

/** Something the UI may animate or report; derived data, never needed to rebuild the state. */
export type EngineEvent =
  | { readonly type: 'phase'; readonly phase: Phase; readonly turn: number }
  | { readonly type: 'event-fired'; readonly event: string }
  | { readonly type: 'unit-moved'; readonly unit: string; readonly from: string; readonly to: string }
  | { readonly type: 'unit-arrived'; readonly unit: string; readonly region: string }
  | { readonly type: 'game-over'; readonly outcome: Outcome };

export type StepResult =
  | { readonly ok: true; readonly state: GameState; readonly events: readonly EngineEvent[] }
  | { readonly ok: false; readonly rejection: Rejection };

/** Mutable view of the state, as immer's draft gives it. */
export type Draft<T> = T extends readonly unknown[]
  ? { -readonly [K in keyof T]: Draft<T[K]> }
  : T extends object
    ? { -readonly [K in keyof T]: Draft<T[K]> }
    : T;
export type DraftState = Draft<GameState>;

export const MAX_PLAN_ITEMS = 12;
export const MAX_NOTE = 280;
