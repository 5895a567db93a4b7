// A group-session client for browser pages (facilitator, player, projector) and for Node (tests, the bench).
// It speaks the protocol, matches answers to requests, reconnects with its token and resends what was not acknowledged.
import type { Action, SaveFile } from '../engine/index.js';
import {
  PROTOCOL,
  parseServerMessage,
  type ClientMessage,
  type ErrorCode,
  type FacilitatorCommand,
  type InjectPlan,
  type ScheduledItem,
  type SeatKind,
  type ServerMessage,
  type ServerMessageType,
  type SessionSummary,
  type ViewBody,
  type WireMessage,
} from './protocol.js';
import type { Chair } from '../scenario/constants.js';

/** The part of a WebSocket the client uses: the browser's WebSocket and the `ws` package both fit. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: never) => void) | null;
  onmessage: ((ev: { readonly data: unknown }) => void) | null;
  onclose: ((ev: { readonly code: number; readonly reason: string }) => void) | null;
  onerror: ((ev: never) => void) | null;
}
export type SocketFactory = (url: string) => SocketLike;

export interface ClientOptions {
  /** ws://host:port/ws; see `sessionUrl`. */
  readonly url: string;
  /** Defaults to the global WebSocket (browsers; Node 22+). In Node 20 pass `(u) => new WebSocket(u)` from `ws`. */
  readonly socket?: SocketFactory;
  /** A token to resume with: the facilitator's, or a seat's from an earlier `seated`. */
  readonly token?: string;
  /** Called with a seat's token when seated: keep it (e.g. in localStorage) to come back to the chair after a reload. */
  readonly onToken?: (token: string) => void;
  /** Reconnect after a dropped connection (default true). */
  readonly reconnect?: boolean;
  /** How long a request waits for its answer (default 15 s). Intents and commands wait across reconnections. */
  readonly timeoutMs?: number;
}

/** A refusal from the server, or a request that could not complete. */
export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode | 'client/timeout' | 'client/closed',
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

type Of<T extends ServerMessageType> = Extract<ServerMessage, { type: T }>;

/**
 * Where the connection stands: `connecting` before the first welcome, `online` once welcomed, `reconnecting` while
 * the server cannot be reached (a dropped connection, or a first attempt that failed under connectPersistently), and
 * `closed` after close() or a token that opens nothing.
 */
export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'closed';
type Listener = (msg: ServerMessage) => void;

interface Pending {
  readonly frame: string;
  /** Intents and commands are resent after a reconnection: the server applies an id once. */
  readonly resend: boolean;
  readonly resolve: (msg: ServerMessage) => void;
  readonly reject: (e: RequestError) => void;
  timer: ReturnType<typeof setTimeout> | null;
}

/** The WebSocket URL of a server from a page's location (http → ws, https → wss). */
export function sessionUrl(loc: { readonly protocol: string; readonly host: string }): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ws`;
}

/** A list held, continued by a frame's entries from index `from` (0: the whole list); null when they do not continue it. */
function continued<T>(held: readonly T[] | undefined, more: readonly T[], from: number): readonly T[] | null {
  if (from === 0) return more;
  if (held === undefined || held.length !== from) return null;
  return more.length === 0 ? held : [...held, ...more];
}

/** A view frame made whole again with the view held of its session; null when a frame was missed. */
function merged(body: Extract<WireMessage, { type: 'view' }>['body'], held: ViewBody | undefined): ViewBody | null {
  switch (body.role) {
    case 'projector':
      return body;
    case 'chair': {
      const { ledgerFrom, ...rest } = body;
      const ledger = continued(
        held?.role === 'chair' && held.chair === body.chair ? held.view.ledger : undefined,
        body.view.ledger,
        ledgerFrom,
      );
      return ledger && { ...rest, view: { ...rest.view, ledger } };
    }
    case 'facilitator': {
      const { ledgerFrom, logFrom, ...rest } = body;
      const h = held?.role === 'facilitator' ? held.state : undefined;
      const ledger = continued(h?.ledger, body.state.ledger, ledgerFrom);
      const log = continued(h?.log, body.state.log, logFrom);
      return ledger && log && { ...rest, state: { ...rest.state, ledger, log } };
    }
  }
}

function randomId(prefix: string): string {
  const bytes = new Uint8Array(9);
  // crypto.getRandomValues works on plain-http LAN pages too (randomUUID needs a secure context).
  globalThis.crypto.getRandomValues(bytes);
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export class SessionClient {
  /** The latest of each, as the server sent them. */
  role: Of<'welcome'>['role'] | null = null;
  session: string | null = null;
  seat: SeatKind | null = null;
  /** Views are whole: the client appends each frame's new ledger (and log) entries to what it holds. */
  view: ViewBody | null = null;
  readonly views = new Map<string, ViewBody>();
  /** The game record of each ended session this client is in or watches, by session id (see `record`). */
  readonly records = new Map<string, SaveFile>();
  lobby: Of<'lobby'> | null = null;
  timer: Of<'timer'> | null = null;
  sessions: readonly SessionSummary[] = [];
  /** The facilitator's inject plans kept on the server, by name. */
  plans: readonly InjectPlan[] = [];
  /** The latest cards for every screen (injects, messages), and the facilitator's dashboard part, by session id. */
  readonly notices = new Map<string, Of<'notices'>['notices']>();
  readonly desks = new Map<string, Of<'desk'>>();
  /** The PIN that takes this chair back from another device, from the last `seated`. */
  pin: string | null = null;
  /** Server clock minus this machine's clock, from the last welcome (ms). */
  clockOffset = 0;
  connection: ConnectionState = 'connecting';
  /** When the server stopped being reachable (this machine's ms), while it is not; clocks stand still from then. */
  lostAt: number | null = null;

  private ws: SocketLike | null = null;
  private token: string | null;
  private joined: { code: string; name: string } | null = null;
  private readonly watching = new Set<string>();
  private readonly pending = new Map<string, Pending>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly connectionListeners = new Set<(state: ConnectionState) => void>();
  private closedByUser = false;
  /** Welcomed on the current connection. */
  private ready = false;
  private attempts = 0;
  private opening: Promise<Of<'welcome'>> | null = null;
  /** Sessions whose view missed a frame, with a sync asked for. */
  private readonly resyncing = new Set<string>();
  /** Syncs asked for while not connected (a reconnection under way): sent once welcomed again. '' is the own session. */
  private readonly queuedSyncs = new Set<string>();

  constructor(private readonly opts: ClientOptions) {
    this.token = opts.token ?? null;
  }

  /** The record of this client's own session once it has ended (the debrief's save file), else null. */
  get record(): SaveFile | null {
    return this.session === null ? null : (this.records.get(this.session) ?? null);
  }

  /** Subscribes to one type of server message ('*' for all). Returns the unsubscribe function. */
  on<T extends ServerMessageType>(type: T, fn: (msg: Of<T>) => void): () => void;
  on(type: '*', fn: Listener): () => void;
  on(type: string, fn: (msg: never) => void): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(fn as Listener);
    return () => set.delete(fn as Listener);
  }

  /** Subscribes to changes of the connection's state (see ConnectionState). Returns the unsubscribe function. */
  onConnection(fn: (state: ConnectionState) => void): () => void {
    this.connectionListeners.add(fn);
    return () => this.connectionListeners.delete(fn);
  }

  private setConnection(state: ConnectionState): void {
    if (state === 'reconnecting') this.lostAt ??= Date.now();
    else this.lostAt = null;
    if (state === this.connection) return;
    this.connection = state;
    for (const fn of this.connectionListeners) fn(state);
  }

  /**
   * Connects, and keeps trying while the server cannot be reached (a page reloaded during an outage waits for it).
   * Resolves on the welcome; rejects only when the server refuses (a token that opens nothing) or close() is called.
   */
  connectPersistently(): Promise<Of<'welcome'>> {
    return new Promise((resolve, reject) => {
      const attempt = () => {
        this.connect().then(resolve, (e: unknown) => {
          const unreachable =
            e instanceof RequestError ? e.code === 'client/closed' || e.code === 'client/timeout' : true;
          if (this.closedByUser || !unreachable) return reject(e instanceof Error ? e : new Error(String(e)));
          this.setConnection('reconnecting');
          const delay = Math.min(5000, 200 * 2 ** this.attempts++) * (0.75 + Math.random() * 0.5);
          setTimeout(attempt, delay);
        });
      };
      attempt();
    });
  }

  /** Opens the connection and says hello (or resumes with the token). */
  connect(): Promise<Of<'welcome'>> {
    this.closedByUser = false;
    this.opening ??= this.open().finally(() => (this.opening = null));
    return this.opening;
  }

  private open(): Promise<Of<'welcome'>> {
    const make =
      this.opts.socket ??
      ((u: string) => new (globalThis as unknown as { WebSocket: new (u: string) => SocketLike }).WebSocket(u));
    return new Promise((resolve, reject) => {
      const ws = make(this.opts.url);
      this.ws = ws;
      let welcomed = false;
      ws.onopen = () => {
        const id = randomId('hello');
        const hello: ClientMessage = this.token
          ? { type: 'resume', protocol: PROTOCOL, token: this.token, id }
          : { type: 'hello', protocol: PROTOCOL, id };
        this.request<'welcome'>(hello, false, true)
          .then(async (w) => {
            welcomed = true;
            this.ready = true;
            this.attempts = 0;
            this.setConnection('online');
            await this.restore();
            resolve(w);
          })
          .catch((e: unknown) => {
            // A token that opens nothing (a freed chair, a wrong link) is dropped; the page decides what next.
            if (e instanceof RequestError && e.code === 'auth/bad-token') {
              this.token = null;
              this.seat = null;
              this.role = null;
              this.closedByUser = true;
              this.setConnection('closed');
              this.failAll('client/closed', 'the token opens no seat');
              ws.close(1000, 'bad token');
            }
            reject(e instanceof Error ? e : new Error(String(e)));
          });
      };
      ws.onmessage = (ev) => this.receive(typeof ev.data === 'string' ? ev.data : String(ev.data));
      ws.onerror = () => {};
      ws.onclose = (ev) => {
        if (this.ws !== ws) return;
        this.ws = null;
        this.ready = false;
        for (const [id, p] of this.pending) {
          if (p.resend) continue;
          this.pending.delete(id);
          if (p.timer) clearTimeout(p.timer);
          p.reject(new RequestError('client/closed', `connection closed (${ev.code})`));
        }
        // A failed attempt is the caller's to retry (scheduleReconnect does); a dropped connection reconnects by itself.
        if (!welcomed)
          reject(new RequestError('client/closed', `connection closed before welcome (${ev.code} ${ev.reason})`));
        else if (!this.closedByUser && this.opts.reconnect !== false) {
          this.setConnection('reconnecting');
          this.scheduleReconnect();
        } else {
          this.setConnection('closed');
          this.failAll('client/closed', 'closed');
        }
      };
    });
  }

  private scheduleReconnect(): void {
    const delay = Math.min(5000, 200 * 2 ** this.attempts++) * (0.75 + Math.random() * 0.5);
    setTimeout(() => {
      if (this.closedByUser || this.ws) return;
      this.connect().catch(() => {
        if (!this.ws && !this.closedByUser) this.scheduleReconnect();
      });
    }, delay);
  }

  /** After a reconnection: back into the lobby or the watched sessions, then resend what was never acknowledged. */
  private async restore(): Promise<void> {
    if (!this.token && this.joined) await this.join(this.joined.code, this.joined.name).catch(() => {});
    for (const s of this.watching) this.send({ type: 'watch', session: s });
    for (const s of this.queuedSyncs) this.send({ type: 'sync', ...(s !== '' ? { session: s } : {}) });
    this.queuedSyncs.clear();
    for (const p of this.pending.values()) if (p.resend) this.ws?.send(p.frame);
  }

  private receive(text: string): void {
    const wire = parseServerMessage(text);
    if (!wire) return;
    const msg = wire.type === 'view' ? this.whole(wire) : wire;
    // A record withdrawn already (a status said the session goes on) is not withdrawn twice.
    if (!msg || (msg.type === 'reopened' && !this.records.has(msg.session))) return;
    const withdrawn = this.remember(msg);
    this.emit(msg);
    if (withdrawn) this.emit({ type: 'reopened', session: withdrawn });
  }

  /** Listeners see whole views; a frame that does not continue the view held is dropped and a sync asked for. */
  private whole(wire: Extract<WireMessage, { type: 'view' }>): Of<'view'> | null {
    const body = merged(wire.body, this.views.get(wire.session));
    if (body) {
      this.resyncing.delete(wire.session);
      return { type: 'view', session: wire.session, body };
    }
    if (!this.resyncing.has(wire.session)) {
      this.resyncing.add(wire.session);
      this.send({ type: 'sync', session: wire.session });
    }
    return null;
  }

  private emit(msg: ServerMessage): void {
    const id = 'id' in msg ? msg.id : undefined;
    if (id !== undefined) {
      const p = this.pending.get(id);
      if (p) {
        this.pending.delete(id);
        if (p.timer) clearTimeout(p.timer);
        if (msg.type === 'error') p.reject(new RequestError(msg.code, msg.message));
        else p.resolve(msg);
      }
    }
    for (const key of [msg.type, '*']) for (const fn of this.listeners.get(key) ?? []) fn(msg);
  }

  /** Keeps the latest of each. Returns the session whose record a live status has just withdrawn, if any. */
  private remember(msg: ServerMessage): string | null {
    switch (msg.type) {
      case 'welcome':
        // A new connection: its first views are whole.
        this.resyncing.clear();
        this.role = msg.role;
        this.clockOffset = msg.serverTime - Date.now();
        if (msg.session !== undefined) this.session = msg.session;
        if (msg.seat !== undefined) this.seat = msg.seat;
        return null;
      case 'joined':
        this.role = 'member';
        this.session = msg.session;
        return null;
      case 'seated':
        this.seat = msg.seat;
        this.role = msg.seat === 'projector' ? 'projector' : 'chair';
        this.token = msg.token;
        this.pin = msg.pin ?? null;
        this.joined = null;
        this.opts.onToken?.(msg.token);
        return null;
      case 'view':
        this.views.set(msg.session, msg.body);
        if (this.session === null || this.session === msg.session) this.view = msg.body;
        return this.withdraw(msg.session, msg.body.status.ended);
      case 'lobby':
        this.lobby = msg;
        return this.withdraw(msg.session, msg.status.ended);
      case 'record':
        this.records.set(msg.session, msg.save);
        return null;
      case 'reopened':
        this.records.delete(msg.session);
        return null;
      case 'timer':
        this.timer = msg;
        return null;
      case 'notices':
        this.notices.set(msg.session, msg.notices);
        return null;
      case 'desk':
        this.desks.set(msg.session, msg);
        return null;
      case 'sessions':
        this.sessions = msg.changed ? mergeSummaries(this.sessions, msg.sessions) : msg.sessions;
        return null;
      case 'plans':
        this.plans = msg.plans;
        return null;
      case 'error':
        // Freed from a chair by the facilitator: the token no longer works, the lobby is where we are.
        if (msg.code === 'auth/bad-token' && msg.id === undefined && this.role === 'chair') {
          this.role = 'member';
          this.seat = null;
          this.view = null;
        }
        return null;
      default:
        return null;
    }
  }

  /** A status saying the session goes on (an undo after the end) withdraws the record held of it. */
  private withdraw(session: string, ended: boolean): string | null {
    return !ended && this.records.delete(session) ? session : null;
  }

  /** Sends on an open, welcomed connection; otherwise nothing (a socket still connecting would throw). */
  private send(msg: ClientMessage): boolean {
    if (!this.ws || !this.ready || this.ws.readyState !== 1) return false;
    this.ws.send(JSON.stringify(msg));
    return true;
  }

  private request<T extends ServerMessageType>(msg: ClientMessage, resend: boolean, force = false): Promise<Of<T>> {
    const id = (msg as { id?: string | undefined }).id ?? randomId(msg.type);
    const frame = JSON.stringify({ ...msg, id });
    return new Promise<Of<T>>((resolve, reject) => {
      const p: Pending = { frame, resend, resolve: resolve as (m: ServerMessage) => void, reject, timer: null };
      const ms = this.opts.timeoutMs ?? 15_000;
      p.timer = setTimeout(
        () => {
          this.pending.delete(id);
          reject(new RequestError('client/timeout', `no answer to ${msg.type} within ${ms} ms`));
        },
        resend ? ms * 4 : ms,
      );
      this.pending.set(id, p);
      if (this.ws && (force || this.ready)) this.ws.send(frame);
      else if (!resend) {
        this.pending.delete(id);
        if (p.timer) clearTimeout(p.timer);
        reject(new RequestError('client/closed', 'not connected'));
      }
    });
  }

  private failAll(code: 'client/closed', message: string): void {
    for (const p of this.pending.values()) {
      if (p.timer) clearTimeout(p.timer);
      p.reject(new RequestError(code, message));
    }
    this.pending.clear();
  }

  // ---- players ------------------------------------------------------------------------------

  /** Joins a session's lobby with its code. */
  async join(code: string, name: string): Promise<Of<'joined'>> {
    const r = await this.request<'joined'>({ type: 'join', code, name }, false);
    this.joined = { code, name };
    return r;
  }

  /** Takes a chair (or a projector seat) in the joined session; the token goes to `onToken`. */
  claimChair(seat: SeatKind): Promise<Of<'seated'>> {
    return this.request<'seated'>({ type: 'claim-chair', seat }, false);
  }

  /**
   * Takes back a chair this person holds on another device: with its PIN the answer is `seated` (a new token); without
   * it the server asks the facilitator, acknowledges, and `seated` (or an error `rejoin/refused`) follows later.
   */
  rejoin(seat: Chair, pin?: string): Promise<Of<'seated'> | Of<'ack'>> {
    return this.request<'seated' | 'ack'>({ type: 'rejoin', seat, ...(pin !== undefined ? { pin } : {}) }, false);
  }

  /** Sends one of this chair's actions. Resolves on the server's ack (after the new view has arrived); rejects with the refusal. */
  act(action: Action, opts: { id?: string; expect?: number } = {}): Promise<Of<'ack'>> {
    const id = opts.id ?? randomId('i');
    return this.request<'ack'>(
      { type: 'intent', id, action: action as never, ...(opts.expect !== undefined ? { expect: opts.expect } : {}) },
      true,
    );
  }

  /** Asks for a fresh view, lobby and clock. While reconnecting, the ask waits and goes once the connection is back. */
  sync(session?: string): void {
    if (!this.send({ type: 'sync', ...(session !== undefined ? { session } : {}) }) && !this.closedByUser)
      this.queuedSyncs.add(session ?? '');
  }

  /** Milliseconds left on the phase clock, by the server's time; null with no clock running. */
  timeLeft(now = Date.now()): number | null {
    return this.timeLeftOf(this.timer, now);
  }

  /**
   * Milliseconds left on a clock message (the facilitator holds one per session). While the server cannot be reached
   * the clock stands still at what was left when it was lost: it resumes with the server's next word.
   */
  timeLeftOf(t: Of<'timer'> | null | undefined, now = Date.now()): number | null {
    if (this.lostAt !== null) now = Math.min(now, this.lostAt);
    if (!t) return null;
    if (t.remaining !== null) return t.remaining;
    if (t.deadline === null) return null;
    // The offset was read as a message arrived, so it counts that message's time in transit as time left: never show
    // more than was left when the server sent the clock.
    return Math.max(0, Math.min(t.deadline - t.serverTime, t.deadline - (now + this.clockOffset)));
  }

  // ---- the facilitator ----------------------------------------------------------------------

  createSession(p: {
    scenario: string;
    team: string;
    seed?: number;
    doctrine?: string;
    /** The game's length in months, when shorter than the scenario's. */
    months?: number;
  }): Promise<Of<'session-created'>> {
    return this.request<'session-created'>({ type: 'create-session', id: randomId('c'), ...p }, false).then((r) => {
      this.watching.add(r.session.session);
      return r;
    });
  }

  listSessions(): Promise<Of<'sessions'>> {
    return this.request<'sessions'>({ type: 'list-sessions' }, false);
  }

  /** Keeps an inject plan on the server under its name (no items deletes it); every facilitator device hears of it. */
  savePlan(name: string, items: readonly ScheduledItem[]): Promise<Of<'plans'>> {
    return this.request<'plans'>({ type: 'save-plan', id: randomId('p'), name, items: [...items] as never }, true);
  }

  /** Follows a session: its lobby, clock and true state. */
  watch(session: string): void {
    this.watching.add(session);
    this.send({ type: 'watch', session });
  }

  command(session: string, command: FacilitatorCommand, opts: { id?: string } = {}): Promise<Of<'ack'>> {
    return this.request<'ack'>(
      { type: 'facilitator', id: opts.id ?? randomId('f'), session, command: command as never },
      true,
    );
  }

  /** Closes for good (no reconnection); requests still waiting are refused. */
  close(): void {
    this.closedByUser = true;
    this.setConnection('closed');
    const ws = this.ws;
    this.ws = null;
    this.ready = false;
    this.failAll('client/closed', 'closed');
    ws?.close(1000, 'bye');
  }

  /** Drops the connection as a network failure would (for tests): the client reconnects by itself. */
  drop(): void {
    this.ws?.close(4000, 'dropped');
  }
}

/** A list of sessions with changed summaries put in: each in its place, a new one first (the list is newest first). */
export function mergeSummaries(
  list: readonly SessionSummary[],
  changed: readonly SessionSummary[],
): readonly SessionSummary[] {
  const byId = new Map(changed.map((x) => [x.session, x]));
  const kept = list.map((x) => byId.get(x.session) ?? x);
  const known = new Set(list.map((x) => x.session));
  return [...changed.filter((x) => !known.has(x.session)).reverse(), ...kept];
}
