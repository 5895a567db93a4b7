// The group-session wire protocol: every message between a client and the authoritative server, as strict zod shapes.
import { z } from 'zod';
import { ActionShape } from '../engine/action-shape.js';
import type { Action, ChairView, GameState, Outcome, Phase, RejectionCode, SaveFile } from '../engine/index.js';
import { PHASES } from '../engine/types.js';
import { CHAIRS, CORE_INDICATORS, type Chair, type IndicatorId } from '../scenario/constants.js';
import { Effect } from '../scenario/effect.js';
import { CODE_ALPHABET, CODE_LENGTH } from './codes.js';

/** Bumped when a message changes shape; `hello` and `resume` carry it and the server refuses others. */
export const PROTOCOL = 1;

/** The WebSocket path on the server. */
export const WS_PATH = '/ws';

/** Messages above this many bytes are refused with an error (the socket itself closes above HARD_MAX_BYTES). */
export const MAX_MESSAGE_BYTES = 16 * 1024;
export const HARD_MAX_BYTES = 64 * 1024;

/** Join codes: defined in a zod-free module so the title screen can check a typed code without loading zod. */
export { CODE_ALPHABET, CODE_LENGTH };

/** The phases a facilitator can put a clock on. Setup (the mandate) is never timed. */
export const TIMED_PHASES = ['sitrep', 'strategy', 'planning', 'coordination'] as const satisfies readonly Phase[];
export type TimedPhase = (typeof TIMED_PHASES)[number];

export const SEATS = [...CHAIRS, 'projector'] as const;
/** What a joined player can claim: a chair, or a projector (the shared screen: map and public indicators). */
export type SeatKind = (typeof SEATS)[number];

const noControl = (s: string) => ![...s].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);

/** A client-chosen id of one request; for intents it is the idempotency key. */
export const MsgId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _.:- only');
export const Token = z
  .string()
  .min(16)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, 'a token');
export const SessionId = z.string().regex(/^s-[0-9a-f]{12}$/, 'a session id');
export const JoinCode = z
  .string()
  .length(CODE_LENGTH)
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(new RegExp(`^[${CODE_ALPHABET}]+$`), 'a join code'));
export const Name = z.string().trim().min(1).max(40).refine(noControl, 'no control characters');
const Reason = z.string().trim().min(1).max(280).refine(noControl, 'no control characters');
const ScenarioId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'a scenario id');
const Seconds = z.number().int().min(1).max(7200);
/** Text for every screen (an inject's card, a broadcast): shown to players and the projector. */
const PublicText = z.string().trim().min(1).max(500).refine(noControl, 'no control characters');
/** The facilitator's private note on an inject: kept for the facilitator's console, never sent to a chair or a projector. */
const Note = z.string().trim().min(1).max(280).refine(noControl, 'no control characters');
/** A PIN a seated player is shown, to take the chair back from another device. */
export const Pin = z.string().regex(/^[0-9]{6}$/, 'six digits');

/** Seconds per phase; null switches a phase's clock off, an absent key leaves it as it is. */
export const TimerSettings = z.strictObject(
  Object.fromEntries(TIMED_PHASES.map((p) => [p, Seconds.nullable().optional()])) as Record<
    TimedPhase,
    z.ZodOptional<z.ZodNullable<typeof Seconds>>
  >,
);
export type TimerSettings = z.infer<typeof TimerSettings>;

/** `reason` is public (the players' results show it); `note` is the facilitator's own, never sent to a player. */
const InjectCommand = z.strictObject({
  do: z.literal('inject'),
  event: z.string().min(1).max(64),
  reason: Reason,
  note: Note.optional(),
});
const CustomInjectCommand = z.strictObject({
  do: z.literal('custom-inject'),
  title: z.string().trim().min(1).max(200).refine(noControl),
  effects: z.array(Effect).min(1).max(10),
  reason: Reason,
  note: Note.optional(),
});
/** A message on every screen of the session (players, projectors). */
const BroadcastCommand = z.strictObject({ do: z.literal('broadcast'), text: PublicText });

/** Items in one plan, and named plans the server keeps. */
export const MAX_PLAN_ITEMS = 100;
export const MAX_PLANS = 50;

/** One planned inject or message of a session's plan: what is sent, and in which month. */
export const ScheduledItem = z.strictObject({
  key: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only'),
  month: z.number().int().min(1).max(60),
  command: z.discriminatedUnion('do', [InjectCommand, CustomInjectCommand, BroadcastCommand]),
});
export type ScheduledItem = z.infer<typeof ScheduledItem>;

/** The facilitator's commands. Those that change the game become engine actions ledgered under the facilitator with the reason. */
export const FacilitatorCommand = z.discriminatedUnion('do', [
  /**
   * Sessions wait in the lobby until started; then bots take the chairs nobody claimed. Unless `autoplay`, the bots
   * never begin a month while no person holds a chair: they wait for someone to sit, or for `play-month`.
   */
  z.strictObject({ do: z.literal('start'), autoplay: z.boolean().optional() }),
  /** Lets the bots play the current month through (a session with nobody seated waits at each month's end). */
  z.strictObject({ do: z.literal('play-month') }),
  /** Bots play on without waiting for people (on), or wait again at each month's end (off). */
  z.strictObject({ do: z.literal('autoplay'), on: z.boolean() }),
  /** More time on the running clock of the current phase. */
  z.strictObject({ do: z.literal('add-time'), seconds: Seconds }),
  /** Ends the current phase now, as its clock running out would (late chairs' plans are committed as they stand). */
  z.strictObject({ do: z.literal('end-phase') }),
  BroadcastCommand,
  z.strictObject({ do: z.literal('pause') }),
  z.strictObject({ do: z.literal('resume') }),
  z.strictObject({ do: z.literal('set-timer'), seconds: TimerSettings }),
  InjectCommand,
  CustomInjectCommand,
  z.strictObject({
    do: z.literal('adjust-indicator'),
    indicator: z.enum(CORE_INDICATORS),
    by: z
      .number()
      .int()
      .min(-50)
      .max(50)
      .refine((n) => n !== 0, 'a change'),
    reason: Reason,
    note: Note.optional(),
  }),
  /** Back to the start of the last resolved turn's coordination: plans revealed, every chair free to revise. Pauses the session. */
  z.strictObject({ do: z.literal('undo-last-resolution'), reason: Reason }),
  z.strictObject({ do: z.literal('end-game'), reason: Reason }),
  /**
   * The game's length in months: it ends after that month's assessment and is scored against the scenario's threshold
   * for that length (scoring.lengths). Set before the start or during the game, never to a month already behind it.
   */
  z.strictObject({ do: z.literal('set-length'), months: z.number().int().min(1).max(120) }),
  /** Frees a chair (its token stops working); the bot takes it until someone claims it again. */
  z.strictObject({ do: z.literal('release-chair'), chair: z.enum(CHAIRS) }),
  /** Injects and messages planned ahead: each fires once, at the start of its month. Replaces the session's plan. */
  z.strictObject({ do: z.literal('schedule'), items: z.array(ScheduledItem).max(MAX_PLAN_ITEMS) }),
  /** Stops after each month (on) for the room's discussion, its questions on the projector, until the facilitator resumes. */
  z.strictObject({ do: z.literal('month-stop'), on: z.boolean() }),
  /** Gives a chair to the person asking for it from another device (see `rejoin`), or turns them away. */
  z.strictObject({ do: z.literal('approve-rejoin'), chair: z.enum(CHAIRS), approve: z.boolean() }),
]);
export type FacilitatorCommand = z.infer<typeof FacilitatorCommand>;

export const ClientMessage = z.discriminatedUnion('type', [
  /** The first message of an anonymous client (a player about to join with a code). */
  z.strictObject({ type: z.literal('hello'), protocol: z.literal(PROTOCOL), id: MsgId.optional() }),
  /** The first message of a client holding a token: the facilitator's, or a seat's from `seated`. */
  z.strictObject({ type: z.literal('resume'), protocol: z.literal(PROTOCOL), token: Token, id: MsgId.optional() }),
  z.strictObject({
    type: z.literal('create-session'),
    id: MsgId,
    scenario: ScenarioId,
    team: Name,
    seed: z.number().int().min(0).max(0xffffffff).optional(),
    /** The doctrine the bots play by (src/sim/doctrines); `report` by default. */
    doctrine: z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/)
      .optional(),
    /** The game's length in months, when shorter than the scenario's (see the set-length command). */
    months: z.number().int().min(1).max(120).optional(),
  }),
  z.strictObject({ type: z.literal('list-sessions'), id: MsgId.optional() }),
  /** Facilitator: receive this session's lobby, timer and true state from now on. */
  z.strictObject({ type: z.literal('watch'), session: SessionId, id: MsgId.optional() }),
  z.strictObject({ type: z.literal('join'), code: JoinCode, name: Name, id: MsgId.optional() }),
  z.strictObject({ type: z.literal('claim-chair'), seat: z.enum(SEATS), id: MsgId.optional() }),
  /**
   * Takes back one's chair from another device: with the PIN the chair's screen shows, at once; without it, the
   * facilitator is asked (the answer is `seated`, or an error).
   */
  z.strictObject({ type: z.literal('rejoin'), seat: z.enum(CHAIRS), pin: Pin.optional(), id: MsgId.optional() }),
  z.strictObject({
    type: z.literal('intent'),
    id: MsgId,
    action: ActionShape,
    /**
     * Optional guard: the position in the game the client last saw (`positionOf(view.turn, view.phase)`); refused as
     * stale if the game has moved on to another phase or month. Only what the chair's view shows counts: a count of
     * actions would tell a chair how often the others had edited their hidden plans.
     */
    expect: z.number().int().min(0).optional(),
  }),
  z.strictObject({ type: z.literal('facilitator'), id: MsgId, session: SessionId, command: FacilitatorCommand }),
  /** Ask for a fresh view (and lobby and timer) now. */
  z.strictObject({ type: z.literal('sync'), session: SessionId.optional(), id: MsgId.optional() }),
  /**
   * Facilitator: keeps a named inject plan on the server (replacing one of that name; no items deletes it), for every
   * facilitator device and the printable pack. The answer is `plans`, sent to every facilitator connection.
   */
  z.strictObject({
    type: z.literal('save-plan'),
    id: MsgId,
    name: Name,
    items: z.array(ScheduledItem).max(MAX_PLAN_ITEMS),
  }),
]);
export type ClientMessage = z.input<typeof ClientMessage>;
export type ParsedClientMessage = z.output<typeof ClientMessage>;

export const SERVER_ERRORS = [
  'message/not-json',
  'message/too-large',
  'message/shape',
  'message/rate-limited',
  'auth/hello-first',
  'auth/bad-token',
  'auth/forbidden',
  'auth/not-joined',
  'session/unknown',
  'session/not-started',
  'session/started',
  'session/paused',
  'session/ended',
  'session/stale',
  'code/unknown',
  /** Too many wrong codes from this connection or address: wait before trying again. */
  'code/throttled',
  /** The server is full (or the address has too many connections): only a token can get in now. */
  'server/full',
  /** The session has as many screens (projectors, people in the lobby) as it takes, or the seat is open on too many. */
  'session/full',
  'seat/taken',
  'seat/unknown',
  'scenario/unknown',
  'doctrine/unknown',
  'undo/nothing',
  /** No clock runs in this phase (to add time to). */
  'clock/none',
  /** A wrong PIN, or the PIN no longer works after too many wrong ones (the facilitator can still approve). */
  'pin/wrong',
  'pin/locked',
  /** The facilitator turned the request down, or nobody is asking for that chair. */
  'rejoin/refused',
  'rejoin/none',
  /** The server keeps as many inject plans as it takes: delete one first. */
  'plan/full',
  'internal',
] as const;
export type ServerErrorCode = (typeof SERVER_ERRORS)[number];
/** A refusal: the server's own codes, or the engine's rejection code when the rules refuse an action. */
export type ErrorCode = ServerErrorCode | RejectionCode;

export type Role = 'anonymous' | 'member' | 'facilitator' | 'chair' | 'projector';

export interface SessionStatus {
  readonly started: boolean;
  readonly paused: boolean;
  readonly ended: boolean;
  /** Why the session ended, when the facilitator ended it (a finished game ends it with null). */
  readonly endReason: string | null;
  /** Paused at a month's end for the room to discuss that month (the month-stop), until the facilitator resumes. */
  readonly discussion?: number;
}

export interface SeatInfo {
  readonly by: 'human' | 'bot';
  /** The player's name, or the bot's doctrine. */
  readonly name: string;
  readonly connected: boolean;
}

export interface SessionSummary {
  readonly session: string;
  readonly team: string;
  readonly scenario: string;
  readonly seed: number;
  readonly doctrine: string;
  /** Null once the session has ended: codes expire with their session. */
  readonly code: string | null;
  readonly link: string | null;
  readonly turn: number;
  readonly phase: Phase;
  readonly status: SessionStatus;
  /** The game's length in months: the scenario's, or the shorter one set for this session. */
  readonly months?: number;
}

/** What a projector shows: the map and the indicators everyone may see, and nothing of any plan. */
export interface ProjectorView {
  readonly turn: number;
  readonly phase: Phase;
  readonly indicators: Readonly<Partial<Record<IndicatorId, number>>>;
  readonly violence: ChairView['violence'];
  readonly units: ChairView['units'];
  readonly mandate: ChairView['mandate'];
  readonly strategy: string | null;
  readonly fired: ChairView['fired'];
  readonly agreement: ChairView['agreement'];
  readonly plans: Readonly<Partial<Record<Chair, { readonly committed: boolean; readonly confirmed: boolean }>>>;
  readonly outcome: Outcome | null;
}

export type ViewBody =
  | {
      readonly role: 'chair';
      readonly chair: Chair;
      readonly status: SessionStatus;
      readonly view: ChairView;
      readonly legal: readonly Action[];
    }
  | { readonly role: 'projector'; readonly status: SessionStatus; readonly view: ProjectorView }
  | {
      readonly role: 'facilitator';
      readonly status: SessionStatus;
      /** The session's event count when this was made. */
      readonly seq: number;
      /**
       * hashState of the true state after the first `hashAt` actions of its log: equal hashes, equal games. While
       * play runs it may be of an earlier state of this game (hashing is costly); it is of this very state when the
       * game is paused or over, at a month's end, and on a sync.
       */
      readonly hash: string;
      readonly hashAt: number;
      readonly state: GameState;
    };

/**
 * A view as it goes over the wire. The long append-only lists (a chair's ledger, the facilitator's ledger and
 * log) hold only the entries from `ledgerFrom` / `logFrom` on: the ones this connection has not received yet.
 * 0 means the list is whole (the first view of a connection, after a sync, or when the list changed other than
 * by growing: an undo, or the fog lifting at the end). A client appends the entries to the list it holds if it
 * holds exactly `from` of them, and otherwise asks for a sync. `SessionClient` does this: its views are whole.
 */
export type WireViewBody =
  | (Extract<ViewBody, { role: 'chair' }> & { readonly ledgerFrom: number })
  | Extract<ViewBody, { role: 'projector' }>
  | (Extract<ViewBody, { role: 'facilitator' }> & { readonly ledgerFrom: number; readonly logFrom: number });

export type ServerMessage =
  | {
      readonly type: 'welcome';
      readonly id?: string;
      readonly protocol: typeof PROTOCOL;
      readonly role: Role;
      readonly serverTime: number;
      readonly session?: string;
      readonly seat?: SeatKind;
      readonly name?: string;
      readonly limits: { readonly maxMessageBytes: number; readonly perSecond: number; readonly burst: number };
    }
  | {
      readonly type: 'sessions';
      readonly id?: string;
      readonly sessions: readonly SessionSummary[];
      /** Only these summaries changed: the rest of the list stands (merged by session; a new one goes first). */
      readonly changed?: true;
    }
  /** To the facilitator only: the inject plans kept on the server, by name (A to Z). */
  | { readonly type: 'plans'; readonly id?: string; readonly plans: readonly InjectPlan[] }
  | { readonly type: 'session-created'; readonly id: string; readonly session: SessionSummary; readonly qr: string }
  | {
      readonly type: 'joined';
      readonly id?: string;
      readonly session: string;
      readonly team: string;
      readonly scenario: string;
    }
  | {
      readonly type: 'seated';
      readonly id?: string;
      readonly session: string;
      readonly seat: SeatKind;
      readonly token: string;
      /** For a chair: the PIN that takes it back from another device (shown to its player only). */
      readonly pin?: string;
    }
  | {
      readonly type: 'lobby';
      readonly session: string;
      readonly team: string;
      readonly scenario: string;
      readonly code: string | null;
      readonly seats: Readonly<Partial<Record<Chair, SeatInfo>>>;
      readonly projectors: number;
      readonly status: SessionStatus;
    }
  | { readonly type: 'view'; readonly session: string; readonly body: ViewBody }
  /** `seq`, the session's event count, is sent to the facilitator only: a chair could count others' hidden moves by it. */
  | { readonly type: 'ack'; readonly id: string; readonly seq?: number; readonly duplicate?: true }
  | { readonly type: 'error'; readonly code: ErrorCode; readonly message: string; readonly id?: string }
  /** The latest cards for every screen of the session, oldest first: injects and the facilitator's messages. */
  | { readonly type: 'notices'; readonly session: string; readonly notices: readonly Notice[] }
  /** To the facilitator only: what the room dashboard shows of a session beyond its true state. */
  | ({ readonly type: 'desk'; readonly session: string } & Desk)
  | { readonly type: 'paused'; readonly session: string }
  | { readonly type: 'resumed'; readonly session: string }
  | {
      readonly type: 'timer';
      readonly session: string;
      readonly turn: number;
      readonly phase: Phase;
      /** Absolute server time (ms since the epoch) when the phase closes, or null with no clock running. */
      readonly deadline: number | null;
      /** While paused: the milliseconds that will be left on resume. */
      readonly remaining: number | null;
      readonly serverTime: number;
    }
  | {
      readonly type: 'ended';
      readonly session: string;
      readonly reason: string | null;
      readonly outcome: Outcome | null;
    }
  /**
   * The game record of an ended session, for the debrief on every screen: the engine's save file, with the
   * whole log (the fog lifts at the end). Sent to every connection of the session when it ends, and again on
   * (re)connect and sync while it stays ended. `restoreSave` replays it to the final state.
   */
  | { readonly type: 'record'; readonly session: string; readonly save: SaveFile }
  /** The facilitator undid after the end: the game goes on, and the record sent earlier no longer stands. */
  | { readonly type: 'reopened'; readonly session: string }
  /**
   * To the facilitator only: something looks like an attack. `join-guessing`: an address keeps sending wrong join
   * codes (`attempts` so far); it is being slowed down, and a chair taken by a stranger can be freed in the lobby.
   */
  | {
      readonly type: 'alarm';
      readonly kind: 'join-guessing';
      readonly address: string;
      readonly attempts: number;
      readonly at: number;
    };

export type ServerMessageType = ServerMessage['type'];

/** A server frame as it is on the wire: as ServerMessage, but views carry only the ledger (and log) entries not yet sent. */
export type WireMessage =
  | Exclude<ServerMessage, { type: 'view' }>
  | { readonly type: 'view'; readonly session: string; readonly body: WireViewBody };

/** A named inject plan kept on the server: its items go to one or all teams' schedules when loaded. */
export interface InjectPlan {
  readonly name: string;
  readonly items: readonly ScheduledItem[];
}

/** A card on every screen: an inject (a scenario event by id, or a custom one by title) or a message. */
export interface Notice {
  readonly id: number;
  readonly turn: number;
  readonly kind: 'inject' | 'message';
  readonly event?: string;
  readonly title?: string;
  readonly text: string;
}

/** Whom a session waits on now. */
export type Waiting =
  | { readonly on: 'start' | 'paused' | 'ended' | 'nobody' }
  /** At a month's end with nobody in a chair: a person to sit down, or the facilitator's `play-month`. */
  | { readonly on: 'people'; readonly turn: number }
  /** Stopped after a month for the room's discussion: the facilitator resumes. */
  | { readonly on: 'discussion'; readonly turn: number }
  | {
      readonly on: 'chairs';
      readonly chairs: readonly {
        readonly chair: Chair;
        readonly decision: 'mandate' | 'choice' | 'sitrep' | 'strategy' | 'commit' | 'confirm';
        readonly by: 'human' | 'bot';
        readonly name: string;
        readonly connected: boolean;
      }[];
    };

export interface Desk {
  readonly waiting: Waiting;
  readonly autoplay: boolean;
  /** The session stops after each month for a discussion. */
  readonly monthStop: boolean;
  /** The phase clocks set, in seconds. */
  readonly timers: Readonly<Partial<Record<TimedPhase, number>>>;
  /** The facilitator's private notes on injects, oldest first. */
  readonly notes: readonly { readonly turn: number; readonly title: string; readonly text: string }[];
  readonly schedule: readonly ScheduledItem[];
  /** Keys of planned items already sent (or skipped, with why). */
  readonly fired: readonly { readonly key: string; readonly skipped: string | null }[];
  /** People asking for a chair from another device. */
  readonly requests: readonly { readonly chair: Chair; readonly name: string }[];
}

const SERVER_TYPES = [
  'welcome',
  'sessions',
  'plans',
  'session-created',
  'joined',
  'seated',
  'lobby',
  'view',
  'ack',
  'error',
  'paused',
  'resumed',
  'notices',
  'desk',
  'timer',
  'ended',
  'record',
  'reopened',
  'alarm',
] as const satisfies readonly ServerMessageType[];

/** The envelope of a server message, checked by clients; bodies are the server's own projections and typed above. */
export const ServerEnvelope = z.looseObject({ type: z.enum(SERVER_TYPES), id: z.string().optional() });

/** Parses a server frame. Returns null for anything that is not a server message. */
export function parseServerMessage(text: string): WireMessage | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  return ServerEnvelope.safeParse(data).success ? (data as WireMessage) : null;
}

export type ClientParse =
  | { readonly ok: true; readonly message: ParsedClientMessage }
  | {
      readonly ok: false;
      readonly code: 'message/not-json' | 'message/shape';
      readonly message: string;
      readonly id?: string;
    };

/** Parses a client frame: JSON, then the strict shape. The error names the path of the first bad field. */
export function parseClientMessage(text: string): ClientParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, code: 'message/not-json', message: 'not JSON' };
  }
  const r = ClientMessage.safeParse(data);
  if (r.success) return { ok: true, message: r.data };
  const issue = r.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'message';
  const rawId = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)['id'] : undefined;
  const id = MsgId.safeParse(rawId);
  return {
    ok: false,
    code: 'message/shape',
    message: `${where}: ${issue?.message ?? 'not a message of this protocol'}`,
    ...(id.success ? { id: id.data } : {}),
  };
}

/** Where a game stands, as every view shows it: for an intent's `expect` guard. */
export function positionOf(turn: number, phase: Phase): number {
  return turn * PHASES.length + PHASES.indexOf(phase);
}

export type { Chair };
