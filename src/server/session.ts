// One group session, held by the server: its game folded from its event log, its seats, bots and clocks.
// Every change is written to the store (one transaction per request) before anyone hears of it.
import {
  isFacilitatorAction,
  newGame,
  replay,
  step,
  type Action,
  type GameKeys,
  type GameState,
  type Phase,
} from '../engine/index.js';
import { randomBytes } from 'node:crypto';
import { isSecret, secretFromBytes, seedSecret } from '../engine/hash.js';
import { indexOf } from '../engine/scenario-index.js';
import type { Chair, Scenario } from '../scenario/schema.js';
import type { Doctrine } from '../sim/doctrine.js';
import { DOCTRINES, doctrineByName } from '../sim/doctrines/index.js';
import { nextActionsFor, nextChair, timeoutActionsFor, type ChairSituation } from '../net/autopilot.js';
import { situationOf } from '../sim/driver.js';
import {
  positionOf,
  TIMED_PHASES,
  type ErrorCode,
  type FacilitatorCommand,
  type Notice,
  type ScheduledItem,
  type SeatKind,
  type SessionStatus,
  type TimedPhase,
} from '../net/protocol.js';
import type { ActorKey, EventRow, NewEvent, SeatRow, SessionEvent, SessionRow, SessionStore } from './db.js';
import { engineActionOf, undoTarget } from './facilitator.js';
import { hashToken, newSeatId, newToken } from './tokens.js';

/** Where the world key of a seed is noted once it has gone out in a record (see `Session.releaseWorld`). */
const releasedKey = (seed: number) => `world-released:${seed >>> 0}`;

/** Kept as a session's world key when it was played before keyed draws (its world is the generator of its seed). */
const LEGACY_WORLD = 'legacy';

export type Reply =
  | { readonly ok: true; readonly seq: number; readonly duplicate?: true }
  | { readonly ok: false; readonly code: ErrorCode; readonly message: string };

export interface Deadline {
  readonly turn: number;
  readonly phase: Phase;
  /** Server ms; null when the clock of this phase was stopped. */
  readonly at: number | null;
}

export interface SessionDeps {
  readonly store: SessionStore;
  readonly now: () => number;
  /** Called after every committed change (and seat change), before the request that caused it is answered. */
  readonly onChange: (s: Session) => void;
  readonly log?: (line: string) => void;
}

/** A bot whose doctrine keeps proposing refused actions gives up after this many rounds. */
const MAX_BOT_ROUNDS = 4000;
/** On resume, a running clock gets at least this much time back. */
const MIN_REMAINING_MS = 5000;

const fail = (code: ErrorCode, message: string): Reply => ({ ok: false, code, message });

export class Session {
  readonly id: string;
  readonly doctrine: Doctrine;
  state: GameState;
  /** The seq of the last event written. */
  seq = 0;
  started = false;
  paused = false;
  endReason: string | null = null;
  timers: Partial<Record<TimedPhase, number>> = {};
  deadline: Deadline | null = null;
  pausedAt: number | null = null;
  /** People in chairs, and projectors, by seat. */
  readonly seats = new Map<string, SeatRow>();
  /** Set when the log no longer replays (the scenario file changed under it); the session is then read-only. */
  broken: string | null = null;
  /** Bots play on without waiting for people at each month's end. */
  autoplay = false;
  /** The last month the bots may play with nobody in a chair (-1: not even the mandate). */
  openTurn = -1;
  /** Cards for every screen, and the facilitator's private notes, oldest first. */
  readonly notices: Notice[] = [];
  readonly notes: { turn: number; title: string; text: string }[] = [];
  /** Stop after each month for the room's discussion; the month being discussed (the session is paused meanwhile). */
  monthStop = false;
  discussing: number | null = null;
  /** The last month discussed: each month stops once (an undo does not stop it again). */
  private discussed = 0;
  /** The plan of injects and messages, and why planned items were skipped. */
  schedule: readonly ScheduledItem[] = [];
  readonly skipped = new Map<string, string>();

  private phases: Phase[] = [];
  private readonly intents = new Map<string, number>();
  private pending: NewEvent[] = [];
  private timeout: ReturnType<typeof setTimeout> | null = null;
  private wasEnded = false;
  private closed = false;

  private constructor(
    readonly row: SessionRow,
    readonly scn: Scenario,
    private readonly deps: SessionDeps,
    /**
     * The fog's key and the world's (engine/fog.ts, engine/rng.ts): kept in the store's meta table, never sent to a
     * chair or a projector while the game runs.
     */
    private readonly keys: GameKeys,
  ) {
    this.id = row.id;
    this.doctrine = doctrineByName(row.doctrine) ?? DOCTRINES['report']!;
    this.state = newGame(scn, row.seed, keys);
  }

  /**
   * The session's keys. The fog's secret is made with crypto randomness the first time the session is opened, and
   * kept. The world's key is the room's for the session's seed: made with crypto randomness for the first session on
   * that seed and kept, so teams on the same seed meet the same world (the same true starting values, the same draws
   * for the same event in the same month). A session that has events from before keys existed keeps what it was
   * played with (the secret derived from its seed; the generator seeded by the seed), so that its log replays.
   */
  private static keysOf(row: SessionRow, store: SessionStore, events: readonly EventRow[]): GameKeys {
    const fresh = events.length === 0;
    const [secretKey, worldKey] = Session.metaKeys(row.id);
    let secret = store.meta(secretKey);
    if (!isSecret(secret)) {
      secret = fresh ? secretFromBytes(randomBytes(16)) : seedSecret(row.seed);
      store.setMeta(secretKey, secret);
    }
    const kept = store.meta(worldKey);
    if (isSecret(kept)) return { secret, world: kept };
    if (kept === LEGACY_WORLD || !fresh) {
      if (kept !== LEGACY_WORLD) store.setMeta(worldKey, LEGACY_WORLD);
      return { secret, world: null };
    }
    const roomKey = `world-seed:${row.seed >>> 0}`;
    let world = store.meta(roomKey);
    // A key that has gone out in a team's record keys no new game: a team started later on the seed gets a new world.
    if (!isSecret(world) || store.meta(releasedKey(row.seed)) === world) {
      world = secretFromBytes(randomBytes(16));
      store.setMeta(roomKey, world);
    }
    store.setMeta(worldKey, world);
    return { secret, world };
  }

  /** The store's meta keys that belong to one session: its fog secret and its world key. */
  static metaKeys(id: string): [secret: string, world: string] {
    return [`fog-secret:${id}`, `world-key:${id}`];
  }

  /**
   * The world key has gone out in this session's record to a chair's or a projector's screen (once every team on it
   * has ended): sessions created on the seed from now on get a new world key.
   */
  releaseWorld(): void {
    if (this.keys.world !== null) this.deps.store.setMeta(releasedKey(this.row.seed), this.keys.world);
  }

  /** Rebuilds a session from its log alone (and its seat table), then lets bots and clocks carry on. */
  static open(row: SessionRow, scn: Scenario, deps: SessionDeps): Session {
    const events = deps.store.events(row.id);
    const s = new Session(row, scn, deps, Session.keysOf(row, deps.store, events));
    s.fold(events);
    for (const seat of deps.store.seats(row.id)) s.seats.set(seat.id, seat);
    s.wasEnded = s.ended;
    return s;
  }

  /** After a (re)start: bots act if it is their move, clocks are rescheduled. Writes what that produces. */
  carryOn(): void {
    // Nobody could act while the server was down: a clock that ran out meanwhile gets a little time back.
    const d = this.currentDeadline();
    const now = this.deps.now();
    if (d?.at != null && !this.paused && !this.ended && d.at < now + this.minRemaining(d.phase)) {
      this.record({
        actor: 'server',
        intent: null,
        at: now,
        event: { kind: 'deadline', turn: d.turn, phase: d.phase, at: now + this.minRemaining(d.phase) },
      });
    }
    this.runBots();
    this.syncDeadline();
    this.commit();
  }

  get ended(): boolean {
    return this.endReason !== null || this.state.phase === 'over' || this.broken !== null;
  }

  status(): SessionStatus {
    return {
      started: this.started,
      paused: this.paused,
      ended: this.ended,
      endReason: this.endReason ?? this.broken,
      ...(this.discussing !== null && this.paused && !this.ended ? { discussion: this.discussing } : {}),
    };
  }

  chairs(): readonly Chair[] {
    return indexOf(this.scn).chairs;
  }

  /** The seat holding a chair, if a person holds it. */
  holderOf(chair: Chair): SeatRow | undefined {
    for (const seat of this.seats.values()) if (seat.seat === chair) return seat;
    return undefined;
  }

  isBot(chair: Chair): boolean {
    return this.holderOf(chair) === undefined;
  }

  /** Whether a person holds a chair (projectors do not count). */
  hasPeople(): boolean {
    for (const seat of this.seats.values()) if (seat.seat !== 'projector') return true;
    return false;
  }

  /** Waiting at a month's end for a person to sit down or the facilitator to let the bots play the month. */
  held(): boolean {
    return this.started && !this.ended && !this.autoplay && this.state.turn > this.openTurn && !this.hasPeople();
  }

  /** Whether a planned item has been sent (or skipped) already. */
  fired(key: string): boolean {
    return this.intents.has(`facilitator|plan:${key}`);
  }

  // ---- requests -------------------------------------------------------------------------------

  /** Marks the session broken (read-only, ended for everyone) and stops its clock; says why in the log. */
  markBroken(why: string): void {
    if (this.broken) return;
    this.broken = why;
    this.pending = [];
    if (this.timeout) clearTimeout(this.timeout);
    this.timeout = null;
    this.deps.log?.(`session ${this.id}: ${why}; it is kept read-only, the other sessions go on`);
  }

  /**
   * Runs a request; if anything in it throws (a bot, the rules, the store), what it did in memory is dropped
   * and the session goes back to what the store holds, then the error goes on to the caller.
   */
  private guarded<T>(run: () => T): T {
    try {
      return run();
    } catch (e) {
      this.pending = [];
      try {
        this.reload();
      } catch (again) {
        this.markBroken(
          `it could not be reloaded after an error (${again instanceof Error ? again.message : String(again)})`,
        );
      }
      throw e;
    }
  }

  /** A person's intent: authorized (a chair acts only as itself), checked by the rules, logged, then bots and clocks follow. */
  intent(seat: SeatRow, intentId: string, action: Action, expect?: number): Reply {
    return this.guarded(() => this.intentOf(seat, intentId, action, expect));
  }

  private intentOf(seat: SeatRow, intentId: string, action: Action, expect?: number): Reply {
    const actor: ActorKey = `seat:${seat.id}`;
    const dup = this.intents.get(`${actor}|${intentId}`);
    if (dup !== undefined) return { ok: true, seq: dup, duplicate: true };
    if (seat.seat === 'projector') return fail('auth/forbidden', 'a projector only watches');
    if (isFacilitatorAction(action)) return fail('auth/forbidden', 'only the facilitator does this');
    if (action.chair !== seat.seat)
      return fail('auth/forbidden', `you hold the ${seat.seat} chair, not the ${action.chair} chair`);
    const closed = this.closedFor('player');
    if (closed) return closed;
    // Compared with what the chair's view shows (month and phase), and answered without numbers: no hidden counter.
    if (expect !== undefined && expect !== positionOf(this.state.turn, this.state.phase))
      return fail('session/stale', 'the game has moved on since you looked');
    const rejection = this.act(action, actor, intentId);
    if (rejection) return rejection;
    const seq = this.seq + this.pending.length;
    this.runBots();
    this.syncDeadline();
    this.commit();
    return { ok: true, seq };
  }

  /** A facilitator command. Game changes go through the engine's facilitator actions; the rest steer the session. */
  command(cmd: FacilitatorCommand, intentId: string): Reply {
    return this.guarded(() => this.commandOf(cmd, intentId));
  }

  private commandOf(cmd: FacilitatorCommand, intentId: string): Reply {
    const actor: ActorKey = 'facilitator';
    const dup = this.intents.get(`${actor}|${intentId}`);
    if (dup !== undefined) return { ok: true, seq: dup, duplicate: true };
    if (this.ended && !(cmd.do === 'undo-last-resolution' && this.endReason === null && this.broken === null))
      return fail('session/ended', 'the session has ended');
    const r = this.runCommand(cmd, actor, intentId);
    if (!r.ok) {
      this.pending = [];
      return r;
    }
    this.runBots();
    this.syncDeadline();
    this.commit();
    return r;
  }

  /**
   * Seats a person (or a projector). A chair is taken by one person at a time; the token is shown once. A session
   * has at most `maxProjectors` projector seats: a new one takes over the oldest whose screen is not connected
   * (its token stops working), and when every one is connected there is no room.
   */
  claim(
    seat: SeatKind,
    name: string,
    limits: { maxProjectors: number; online: (seatId: string) => boolean } = {
      maxProjectors: Infinity,
      online: () => false,
    },
  ): { ok: true; token: string; row: SeatRow } | { ok: false; code: ErrorCode; message: string } {
    if (this.ended) return { ok: false, code: 'session/ended', message: 'the session has ended' };
    if (seat !== 'projector') {
      if (!this.chairs().includes(seat))
        return { ok: false, code: 'seat/unknown', message: `this scenario has no ${seat} chair` };
      if (this.holderOf(seat)) return { ok: false, code: 'seat/taken', message: `the ${seat} chair is taken` };
    } else {
      const projectors = [...this.seats.values()].filter((x) => x.seat === 'projector');
      if (projectors.length >= limits.maxProjectors) {
        const idle = projectors.find((x) => !limits.online(x.id));
        if (!idle)
          return {
            ok: false,
            code: 'session/full',
            message: `this session has ${limits.maxProjectors} projector screens connected already`,
          };
        // Its row goes: projector rows stay as many as the limit, however often screens come and go.
        this.deps.store.forgetProjector(idle.id);
        this.seats.delete(idle.id);
      }
    }
    const token = newToken();
    const row: SeatRow = {
      id: newSeatId(),
      session: this.id,
      seat,
      name,
      tokenHash: hashToken(token),
      createdAt: this.deps.now(),
      releasedAt: null,
    };
    this.deps.store.addSeat(row);
    this.seats.set(row.id, row);
    // A person sat down: bots waiting for people at a month's end may play on.
    if (this.started && !this.ended && seat !== 'projector')
      this.guarded(() => {
        this.runBots();
        this.syncDeadline();
        this.commit();
      });
    else this.deps.onChange(this);
    return { ok: true, token, row };
  }

  /** A seat's new token (the chair taken back on another device): the old token stops working. */
  rekey(seatId: string): string | null {
    const row = this.seats.get(seatId);
    if (!row) return null;
    const token = newToken();
    const next = { ...row, tokenHash: hashToken(token) };
    this.deps.store.setSeatToken(row.id, next.tokenHash);
    this.seats.set(row.id, next);
    return token;
  }

  // ---- internals ------------------------------------------------------------------------------

  private closedFor(who: 'player' | 'facilitator'): Reply | null {
    if (this.broken) return fail('session/ended', `the session cannot continue: ${this.broken}`);
    if (this.ended) return fail('session/ended', 'the session has ended');
    if (!this.started) return fail('session/not-started', 'the facilitator has not started the session');
    if (this.paused && who === 'player') return fail('session/paused', 'the facilitator has paused the session');
    return null;
  }

  private runCommand(cmd: FacilitatorCommand, actor: ActorKey, intentId: string): Reply {
    const now = this.deps.now();
    const at = () => this.seq + this.pending.length;
    const record = (event: SessionEvent, withIntent = true) =>
      this.record({ actor, intent: withIntent ? intentId : null, at: now, event });
    switch (cmd.do) {
      case 'start': {
        if (this.started) return fail('session/started', 'the session has started already');
        record({ kind: 'start' });
        const seq = at();
        if (cmd.autoplay) record({ kind: 'autoplay', on: true }, false);
        return { ok: true, seq };
      }
      case 'play-month': {
        const closed = this.closedFor('facilitator');
        if (closed) return closed;
        if (this.openTurn < this.state.turn) record({ kind: 'open-month', turn: this.state.turn });
        return { ok: true, seq: at() };
      }
      case 'autoplay':
        if (this.autoplay !== cmd.on) record({ kind: 'autoplay', on: cmd.on });
        return { ok: true, seq: at() };
      case 'add-time': {
        const closed = this.closedFor('facilitator');
        if (closed) return closed;
        const d = this.currentDeadline();
        if (d?.at == null) return fail('clock/none', 'no clock runs in this phase');
        // Paused, the time left is counted from the pause: moving the deadline adds to it all the same.
        const base = this.paused
          ? Math.max(d.at, (this.pausedAt ?? now) + this.minRemaining(d.phase))
          : Math.max(d.at, now);
        record({ kind: 'deadline', turn: d.turn, phase: d.phase, at: base + cmd.seconds * 1000 });
        return { ok: true, seq: at() };
      }
      case 'end-phase': {
        const closed = this.closedFor('facilitator');
        if (closed) return closed;
        if (!(TIMED_PHASES as readonly Phase[]).includes(this.state.phase))
          return fail('phase/wrong', 'only a sitrep, strategy, planning or coordination phase can be ended early');
        const { turn, phase } = this.state;
        this.timeUp();
        if (this.state.turn === turn && this.state.phase === phase)
          return fail('phase/wrong', 'nothing could move this phase on: a decision is still to be taken');
        return { ok: true, seq: at() };
      }
      case 'broadcast': {
        const closed = this.closedFor('facilitator');
        if (closed) return closed;
        record({ kind: 'notice', notice: this.notice({ kind: 'message', text: cmd.text }) });
        return { ok: true, seq: at() };
      }
      case 'schedule':
        record({ kind: 'schedule', items: cmd.items });
        return { ok: true, seq: at() };
      case 'month-stop':
        if (this.monthStop !== cmd.on) record({ kind: 'month-stop', on: cmd.on });
        return { ok: true, seq: at() };
      case 'approve-rejoin':
        // The hub answers it (it holds the connection asking); it never changes the game.
        return fail('rejoin/none', 'nobody is asking for that chair');
      case 'pause':
        if (!this.started) return fail('session/not-started', 'start the session first');
        if (!this.paused) record({ kind: 'pause' });
        return { ok: true, seq: at() };
      case 'resume': {
        if (!this.started) return fail('session/not-started', 'start the session first');
        if (!this.paused) return { ok: true, seq: at() };
        const d = this.currentDeadline();
        const left =
          d?.at != null && this.pausedAt !== null ? Math.max(this.minRemaining(d.phase), d.at - this.pausedAt) : null;
        record({ kind: 'resume' });
        if (d && left !== null) record({ kind: 'deadline', turn: d.turn, phase: d.phase, at: now + left }, false);
        return { ok: true, seq: at() - (d && left !== null ? 1 : 0) };
      }
      case 'set-timer': {
        const seconds = Object.fromEntries(
          TIMED_PHASES.filter((p) => cmd.seconds[p] !== undefined).map((p) => [p, cmd.seconds[p] ?? null]),
        );
        record({ kind: 'timers', seconds });
        const seq = at();
        const phase = this.state.phase as TimedPhase;
        if (this.started && cmd.seconds[phase] !== undefined) {
          const dur = this.timers[phase];
          record(
            {
              kind: 'deadline',
              turn: this.state.turn,
              phase,
              at: dur ? (this.paused ? (this.pausedAt ?? now) : now) + dur * 1000 : null,
            },
            false,
          );
        }
        return { ok: true, seq };
      }
      case 'inject':
      case 'custom-inject':
      case 'adjust-indicator': {
        const closed = this.closedFor('facilitator');
        if (closed) return closed;
        // Names that select scenario data are the scenario's own, never a property every object has (`constructor`).
        const stray =
          cmd.do === 'custom-inject'
            ? cmd.effects.find((e) => e.do === 'request-unit' && !Object.hasOwn(this.scn.reinforcements, e.unit))
            : undefined;
        if (stray?.do === 'request-unit')
          return fail('facilitator/unknown-event', `the scenario has no reinforcement '${stray.unit}'`);
        const rejection = this.act(engineActionOf(cmd)!, actor, intentId);
        if (rejection) return rejection;
        const seq = at();
        const title = cmd.do === 'custom-inject' ? cmd.title : cmd.do === 'inject' ? cmd.event : cmd.indicator;
        // The card for every screen carries the public reason; the private note stays in the facilitator's log.
        if (cmd.do !== 'adjust-indicator')
          record(
            {
              kind: 'notice',
              notice: this.notice({
                kind: 'inject',
                ...(cmd.do === 'inject' ? { event: cmd.event } : { title: cmd.title }),
                text: cmd.reason,
              }),
            },
            false,
          );
        if (cmd.note) record({ kind: 'note', turn: this.state.turn, title, text: cmd.note }, false);
        return { ok: true, seq };
      }
      case 'undo-last-resolution': {
        if (!this.started) return fail('session/not-started', 'start the session first');
        const to = undoTarget(this.phases);
        if (to === null) return fail('undo/nothing', 'no turn has been resolved yet');
        record({ kind: 'undo', to, reason: cmd.reason });
        const seq = at();
        if (!this.paused) record({ kind: 'pause' }, false);
        // The phase gone back to gets its whole time again (not what was left of it when it closed).
        const phase = this.state.phase as TimedPhase;
        const dur = this.timers[phase];
        if (dur)
          record({ kind: 'deadline', turn: this.state.turn, phase, at: (this.pausedAt ?? now) + dur * 1000 }, false);
        return { ok: true, seq };
      }
      case 'end-game': {
        // A game ended early still gets its outcome and score, as the state stands.
        if (this.started && this.state.phase !== 'over' && this.state.phase !== 'setup') {
          const rejection = this.act({ type: 'facilitator/end', reason: cmd.reason }, actor, null);
          if (rejection) return rejection;
        }
        record({ kind: 'end', reason: cmd.reason });
        return { ok: true, seq: at() };
      }
      case 'set-length': {
        // Before the start too: a session is made for the room's half-day. The engine refuses a month already behind.
        if (this.broken) return fail('session/ended', `the session cannot continue: ${this.broken}`);
        const rejection = this.act({ type: 'facilitator/length', months: cmd.months }, actor, intentId);
        return rejection ?? { ok: true, seq: at() };
      }
      case 'release-chair': {
        const seat = this.holderOf(cmd.chair);
        if (!seat) return fail('seat/unknown', `nobody holds the ${cmd.chair} chair`);
        this.deps.store.releaseSeat(seat.id, now);
        this.seats.delete(seat.id);
        record({ kind: 'release', chair: cmd.chair });
        return { ok: true, seq: at() };
      }
    }
  }

  /** Steps the game; on success the action is recorded (in memory now, in the store at commit). */
  private act(action: Action, actor: ActorKey, intent: string | null): Reply | null {
    const r = step(this.state, action, this.scn);
    if (!r.ok) return fail(r.rejection.code, r.rejection.message);
    this.pending.push({ actor, intent, at: this.deps.now(), event: { kind: 'action', action } });
    this.afterAction(r.state, actor, intent);
    return null;
  }

  private record(e: NewEvent): void {
    this.pending.push(e);
    this.apply(e);
  }

  private afterAction(state: GameState, actor: ActorKey, intent: string | null): void {
    this.state = state;
    this.phases.push(state.phase);
    if (intent !== null) this.intents.set(`${actor}|${intent}`, this.seq + this.pending.length);
  }

  /** Applies one event to the in-memory session (used both live and when folding the log). */
  private apply(e: NewEvent, seq = this.seq + this.pending.length): void {
    const ev = e.event;
    if (e.intent !== null) this.intents.set(`${e.actor}|${e.intent}`, seq);
    switch (ev.kind) {
      case 'start':
        this.started = true;
        return;
      case 'action': {
        const r = step(this.state, ev.action, this.scn);
        if (!r.ok) {
          this.broken = `logged action ${seq} is refused by the rules now (${r.rejection.code}: ${r.rejection.message})`;
          return;
        }
        this.state = r.state;
        this.phases.push(r.state.phase);
        return;
      }
      case 'pause':
        this.paused = true;
        this.pausedAt = e.at;
        return;
      case 'resume':
        this.paused = false;
        this.pausedAt = null;
        this.discussing = null;
        return;
      case 'timers':
        for (const [p, v] of Object.entries(ev.seconds) as [TimedPhase, number | null][]) {
          if (v === null) delete this.timers[p];
          else this.timers[p] = v;
        }
        return;
      case 'deadline':
        this.deadline = { turn: ev.turn, phase: ev.phase, at: ev.at };
        return;
      case 'undo': {
        const r = replay(this.scn, this.row.seed, this.state.log.slice(0, ev.to), this.keys);
        if (!r.ok) {
          this.broken = `undo to ${ev.to} does not replay`;
          return;
        }
        this.state = r.state;
        this.phases = this.phases.slice(0, ev.to);
        return;
      }
      case 'end':
        this.endReason = ev.reason;
        return;
      case 'release':
        return;
      case 'open-month':
        this.openTurn = Math.max(this.openTurn, ev.turn);
        return;
      case 'autoplay':
        this.autoplay = ev.on;
        return;
      case 'notice':
        this.notices.push(ev.notice);
        return;
      case 'note':
        this.notes.push({ turn: ev.turn, title: ev.title, text: ev.text });
        return;
      case 'schedule':
        this.schedule = ev.items;
        return;
      case 'skipped':
        this.skipped.set(ev.key, ev.why);
        return;
      case 'month-stop':
        this.monthStop = ev.on;
        return;
      case 'discuss':
        this.discussing = ev.turn;
        this.discussed = Math.max(this.discussed, ev.turn);
        return;
    }
  }

  /** A new card, numbered in the order of the log. */
  private notice(n: Omit<Notice, 'id' | 'turn'>): Notice {
    // Notices are applied as they are recorded: the count already holds the pending ones.
    return { id: this.notices.length + 1, turn: this.state.turn, ...n };
  }

  private fold(rows: readonly EventRow[]): void {
    for (const r of rows) {
      if (this.broken) break;
      const bad = unreadable(r);
      if (bad) {
        this.broken = `logged event ${r.seq} is unreadable (${bad})`;
        break;
      }
      try {
        this.apply({ actor: r.actor, intent: r.intent, at: r.at, event: r.event }, r.seq);
      } catch (e) {
        this.broken = `logged event ${r.seq} cannot be applied (${e instanceof Error ? e.message : String(e)})`;
        break;
      }
      this.seq = r.seq;
    }
    if (this.broken) this.deps.log?.(`session ${this.id}: ${this.broken}`);
  }

  /** Writes what is pending, in one transaction, then tells the listeners. */
  private commit(): void {
    const events = this.pending;
    this.pending = [];
    if (events.length > 0) {
      try {
        this.seq = this.deps.store.append(this.id, this.seq, events);
      } catch (e) {
        // The store refused: go back to what it holds, so memory never runs ahead of the disk.
        this.reload();
        throw e;
      }
    }
    if (this.ended !== this.wasEnded) {
      this.wasEnded = this.ended;
      this.deps.store.setEnded(this.id, this.ended ? this.deps.now() : null);
    }
    this.deps.onChange(this);
  }

  private reload(): void {
    this.state = newGame(this.scn, this.row.seed, this.keys);
    this.seq = 0;
    this.started = false;
    this.paused = false;
    this.endReason = null;
    this.timers = {};
    this.deadline = null;
    this.pausedAt = null;
    this.phases = [];
    this.intents.clear();
    this.autoplay = false;
    this.openTurn = -1;
    this.notices.length = 0;
    this.notes.length = 0;
    this.schedule = [];
    this.skipped.clear();
    this.monthStop = false;
    this.discussing = null;
    this.discussed = 0;
    this.fold(this.deps.store.events(this.id));
  }

  private situation(chair: Chair): ChairSituation {
    // Stateless draws keyed on the seed and the log length: a resumed session draws the same.
    return situationOf(this.state, this.scn, chair);
  }

  /** Bots play every chair nobody holds, one decision at a time in the driver's order (sim/driver.ts), until they wait on a person. */
  private runBots(): void {
    for (let round = 0; round < MAX_BOT_ROUNDS; round++) {
      if (!this.started || this.ended) return;
      this.stopForDiscussion();
      this.fireDue();
      if (this.paused || !this.mayPlay()) return;
      const chair = nextChair(this.state, this.scn, (c) => this.isBot(c));
      if (chair === null) return;
      let progress = false;
      for (const a of nextActionsFor(this.situation(chair), this.doctrine) ?? [])
        if (this.act(a, `bot:${chair}`, null) === null) progress = true;
      if (!progress) return;
    }
  }

  /**
   * Whether the bots may play now: with autoplay, or while a person holds a chair (people pace the game), or in a
   * month the facilitator has let them play. With nobody in a chair they wait at the month's end.
   */
  private mayPlay(): boolean {
    return this.autoplay || this.state.turn <= this.openTurn || this.hasPeople();
  }

  /**
   * With the month-end stop on: a month just resolved (the next one's sitrep has begun) pauses the session once for the
   * room to discuss it; the facilitator's resume goes on.
   */
  private stopForDiscussion(): void {
    const { turn, phase } = this.state;
    if (!this.monthStop || this.paused || phase !== 'sitrep' || turn < 2 || this.discussed >= turn - 1) return;
    const at = this.deps.now();
    this.record({ actor: 'server', intent: null, at, event: { kind: 'discuss', turn: turn - 1 } });
    this.record({ actor: 'server', intent: null, at, event: { kind: 'pause' } });
  }

  /** Sends the planned items of the current month not sent yet, each once (its `plan:` intent is in the log). */
  private fireDue(): void {
    const phase = this.state.phase;
    if (phase === 'setup' || phase === 'over') return;
    for (const item of this.schedule) {
      if (item.month !== this.state.turn || this.fired(item.key)) continue;
      const intent = `plan:${item.key}`;
      const r = this.runCommand(item.command, 'facilitator', intent);
      if (!r.ok)
        this.record({
          actor: 'facilitator',
          intent,
          at: this.deps.now(),
          event: { kind: 'skipped', key: item.key, why: r.message },
        });
    }
  }

  private currentDeadline(): Deadline | null {
    const d = this.deadline;
    return d && d.turn === this.state.turn && d.phase === this.state.phase ? d : null;
  }

  /** Opens the clock of the current phase if it has one, and (re)schedules its expiry. */
  private syncDeadline(): void {
    if (this.timeout) clearTimeout(this.timeout);
    this.timeout = null;
    if (!this.started || this.ended || this.closed || this.held()) return;
    const phase = this.state.phase;
    const dur = (TIMED_PHASES as readonly Phase[]).includes(phase) ? this.timers[phase as TimedPhase] : undefined;
    if (dur && !this.currentDeadline()) {
      this.record({
        actor: 'timer',
        intent: null,
        at: this.deps.now(),
        event: { kind: 'deadline', turn: this.state.turn, phase, at: this.deps.now() + dur * 1000 },
      });
    }
    const d = this.currentDeadline();
    if (this.paused || d?.at == null) return;
    this.timeout = setTimeout(() => this.expire(), Math.max(0, d.at - this.deps.now()));
  }

  /** Time is up: what is there is committed and confirmed, as ordinary logged actions by the timer. */
  private expire(): void {
    this.timeout = null;
    // A clock fires outside any request: whatever goes wrong stays in this session (and the log), never stops the server.
    try {
      this.guarded(() => this.expireNow());
    } catch (e) {
      this.deps.log?.(`session ${this.id}: clock expiry not applied: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private expireNow(): void {
    const d = this.currentDeadline();
    if (!d || d.at === null || this.paused || this.ended || this.closed || this.held()) return;
    this.timeUp();
    this.runBots();
    this.syncDeadline();
    this.commit();
  }

  /** The phase is over: what the chairs have is committed and confirmed, as logged actions by the timer. */
  private timeUp(): void {
    const d = this.currentDeadline();
    const { turn, phase } = this.state;
    const order = (a: Action) => (a.type === 'sitrep/close' ? 1 : 0);
    const acts = this.chairs()
      .flatMap((c) => timeoutActionsFor(this.situation(c), this.doctrine))
      .sort((a, b) => order(a) - order(b));
    for (const a of acts) this.act(a, 'timer', null);
    // If nothing could move the phase on, stop its clock rather than firing again and again.
    if (d?.at != null && this.state.turn === turn && this.state.phase === phase)
      this.record({
        actor: 'timer',
        intent: null,
        at: this.deps.now(),
        event: { kind: 'deadline', turn, phase, at: null },
      });
  }

  /** A resumed clock gets at least a few seconds back, and never more than the phase's whole time. */
  private minRemaining(phase: Phase): number {
    const dur = this.timers[phase as TimedPhase];
    return Math.min(MIN_REMAINING_MS, (dur ?? 0) * 1000);
  }

  /** The clock as clients see it. */
  clock(): { turn: number; phase: Phase; deadline: number | null; remaining: number | null } {
    const d = this.currentDeadline();
    const at = d?.at ?? null;
    if (at === null || this.ended)
      return { turn: this.state.turn, phase: this.state.phase, deadline: null, remaining: null };
    if (this.paused)
      return {
        turn: this.state.turn,
        phase: this.state.phase,
        deadline: null,
        remaining: Math.max(this.minRemaining(this.state.phase), at - (this.pausedAt ?? at)),
      };
    return { turn: this.state.turn, phase: this.state.phase, deadline: at, remaining: null };
  }

  /** Stops the clock (server shutdown); the log stays as it is. */
  close(): void {
    this.closed = true;
    if (this.timeout) clearTimeout(this.timeout);
    this.timeout = null;
  }
}

const EVENT_KINDS: ReadonlySet<string> = new Set([
  'start',
  'action',
  'pause',
  'resume',
  'timers',
  'deadline',
  'undo',
  'end',
  'release',
  'open-month',
  'autoplay',
  'notice',
  'note',
  'schedule',
  'skipped',
  'month-stop',
  'discuss',
]);

/** What is wrong with a logged event as read back from the store (a row edited, truncated or nulled), or null. */
function unreadable(r: EventRow): string | null {
  const e = r.event as unknown;
  if (e === null || typeof e !== 'object' || Array.isArray(e)) return 'not an event';
  const kind = (e as { kind?: unknown }).kind;
  if (typeof kind !== 'string' || !EVENT_KINDS.has(kind)) return 'an unknown kind of event';
  if (
    kind === 'action' &&
    ((e as { action?: unknown }).action === null || typeof (e as { action?: unknown }).action !== 'object')
  )
    return 'an action without its action';
  if (kind === 'undo' && !Number.isInteger((e as { to?: unknown }).to)) return 'an undo without its target';
  if (
    kind === 'timers' &&
    ((e as { seconds?: unknown }).seconds === null || typeof (e as { seconds?: unknown }).seconds !== 'object')
  )
    return 'clocks without their seconds';
  if (kind === 'deadline' && !Number.isInteger((e as { turn?: unknown }).turn)) return 'a deadline without its turn';
  return null;
}
