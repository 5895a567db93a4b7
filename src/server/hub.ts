// The hub: WebSocket connections in, sessions behind. Checks size, rate, shape and who is asking; answers each
// connection with only what its role may see.
import type { RawData, WebSocket } from 'ws';
import type { Action } from '../engine/index.js';
import {
  MAX_MESSAGE_BYTES,
  MAX_PLANS,
  MsgId,
  PROTOCOL,
  parseClientMessage,
  type ErrorCode,
  type ParsedClientMessage,
  type Role,
  type ServerMessage,
  type SessionSummary,
} from '../net/protocol.js';
import type { SeatRow, SessionStore } from './db.js';
import { isFacilitatorToken } from './facilitator.js';
import { qrSvg } from './http.js';
import { addressKey, JoinThrottle, type GuessAlarm, type JoinThrottleOptions } from './guard.js';
import { Strikes, TokenBucket, type RateLimit } from './rate-limit.js';
import type { Session } from './session.js';
import { Sessions } from './sessions.js';
import { hashToken } from './tokens.js';
import { Publisher, type Outlet } from './publish.js';
import { LiveList } from './live-list.js';
import { deskOf, InjectPlans } from './room.js';
import { Seats } from './seats.js';

/** What one connection, address or session may hold; every limit has a default. */
export interface HubLimits {
  /**
   * Connections without a token (not yet in a session, or in a lobby) one address may hold (default 32). Past it,
   * or past maxConnections, a new connection may only present a token: the facilitator and seated players always
   * get in, strangers do not.
   */
  readonly maxPerAddress?: number;
  /** Connections the facilitator and seated players may open beyond maxConnections (default 64). */
  readonly reserve?: number;
  /** Projector seats per session (default 8): a new one takes over the oldest disconnected one. */
  readonly maxProjectors?: number;
  /** People in a session's lobby who have not taken a seat yet (default 32). */
  readonly maxLobby?: number;
  /** Connections one seat token may hold at once (default 4: a reload, a second tab). */
  readonly maxPerSeat?: number;
  /** How long a connection may stay without saying hello (default 10 s), and without joining a session after it (default 120 s). */
  readonly greetingMs?: number;
  readonly anonymousMs?: number;
  readonly joinThrottle?: JoinThrottleOptions;
  /** Bytes queued on a connection above which its views wait (default 1 MiB), and above which it is dropped (default 8 MiB). */
  readonly softBufferBytes?: number;
  readonly hardBufferBytes?: number;
}

export interface HubOptions extends HubLimits {
  readonly store: SessionStore;
  /** The SHA-256 of the facilitator's secret (see hashToken): the secret itself is not kept. */
  readonly facilitatorTokenHash: string;
  readonly rate: RateLimit;
  readonly maxMessageBytes?: number;
  readonly maxConnections?: number;
  /** The address a player opens to join with a code (e.g. http://192.168.1.20:8787/?join=CODE). */
  readonly joinLink: (code: string) => string;
  readonly now?: () => number;
  readonly log?: (line: string) => void;
}

interface Conn extends Outlet {
  readonly id: number;
  /** Where it comes from (see addressKey). */
  readonly address: string;
  readonly bucket: TokenBucket;
  readonly strikes: Strikes;
  greeted: boolean;
  session: Session | null;
  name: string;
  /** Sessions a facilitator watches. */
  readonly watching: Set<string>;
  alive: boolean;
  /** Counted among its address's connections without a token. */
  counted: boolean;
  /** Let in past a limit: it may only present a token, and soon. */
  probation: boolean;
  /** Wrong join codes and attempts refused as too soon, on this connection. */
  wrongCodes: number;
  throttled: number;
  closing: boolean;
  timer: ReturnType<typeof setTimeout> | null;
  /** When it connected. */
  readonly since: number;
}

/** A client that keeps flooding past its rate limit: this many refusals at once, forgiven at this rate, then it is closed. */
const MAX_REFUSED = 100;
const REFUSALS_FORGIVEN_PER_SECOND = 5;
/** A connection is closed after this many wrong join codes, or this many attempts made too soon. */
const MAX_WRONG_CODES = 3;
const MAX_THROTTLED = 10;
/** A connection let in past a limit has this long to present a token. */
const PROBATION_MS = 5000;
/** …and cannot be pushed out by newer ones for this long. */
const PROBATION_GRACE_MS = 1000;
const HEARTBEAT_MS = 30_000;

export class Hub {
  private readonly registry: Sessions;
  private readonly members = new Map<string, Set<Conn>>();
  private readonly conns = new Set<Conn>();
  /** Connections without a token, per address. */
  private readonly unauthenticated = new Map<string, number>();
  /** Connections let in past a limit, oldest first. */
  private readonly probation = new Set<Conn>();
  private readonly joins: JoinThrottle;
  private readonly out: Publisher;
  private readonly seats: Seats;
  private readonly plans: InjectPlans;
  private nextId = 1;
  private readonly now: () => number;
  private readonly maxBytes: number;
  private readonly heartbeat: ReturnType<typeof setInterval>;

  constructor(private readonly opts: HubOptions) {
    this.now = opts.now ?? Date.now;
    this.maxBytes = opts.maxMessageBytes ?? MAX_MESSAGE_BYTES;
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
    this.joins = new JoinThrottle(opts.joinThrottle ?? {}, this.now);
    this.registry = new Sessions({
      store: opts.store,
      now: this.now,
      joinLink: opts.joinLink,
      changed: (s) => this.publish(s),
      discarded: (id) => {
        this.list.forget(id);
        this.out.forgetSession(id);
      },
      ...(opts.log ? { log: opts.log } : {}),
    });
    this.seats = new Seats(
      {
        maxProjectors: opts.maxProjectors ?? 8,
        members: (id) => this.members.get(id) ?? [],
        send: (c, m) => this.send(c as Conn, m),
        error: (c, code, message, id) => this.error(c as Conn, code, message, id),
        authenticated: (c) => this.authenticated(c as Conn),
        unseated: (c, s) => {
          this.count(c as Conn, true);
          this.out.forget(c as Conn, s.id);
        },
        publish: (s, only) => this.publish(s, only as Conn | undefined),
        publishLobby: (s) => this.publishLobby(s),
        throttle: (address) => this.joins.check(address),
        failed: (address) => {
          const alarm = this.joins.fail(address);
          if (alarm) this.alarm(alarm);
        },
      },
      opts.store,
    );
    this.plans = new InjectPlans(opts.store);
    this.out = new Publisher({
      desk: (s) => {
        const conns = [...(this.members.get(s.id) ?? [])];
        const online = (seatId: string) => conns.some((c) => c.seat?.id === seatId);
        return JSON.stringify({
          type: 'desk',
          session: s.id,
          ...deskOf(s, online, this.seats.rejoins),
        } satisfies ServerMessage);
      },
      now: this.now,
      members: (id) => this.members.get(id) ?? [],
      session: (id) => this.sessions.get(id) ?? null,
      sessions: () => this.sessions.values(),
      ...(opts.softBufferBytes !== undefined ? { softBufferBytes: opts.softBufferBytes } : {}),
      ...(opts.hardBufferBytes !== undefined ? { hardBufferBytes: opts.hardBufferBytes } : {}),
      ...(opts.log ? { log: opts.log } : {}),
    });
  }

  /** Every session in memory, by id. */
  get sessions(): ReadonlyMap<string, Session> {
    return this.registry.all;
  }

  /** Resumes every open session from its log (see Sessions.resumeAll). */
  resumeAll(): { resumed: number; broken: number } {
    return this.registry.resumeAll();
  }

  summary(s: Session): SessionSummary {
    return this.registry.summary(s);
  }

  // ---- connections ----------------------------------------------------------------------------

  /**
   * A new connection from `remote` (the peer's address). Past the server's or the address's limit for connections
   * without a token, it is let in on probation: it may only present a token (the facilitator's, a seat's), within
   * a few seconds; the oldest such connection makes room for a new one, so they cannot fill the reserve either.
   */
  attach(ws: WebSocket, remote?: string): void {
    const max = this.opts.maxConnections ?? Infinity;
    const reserve = this.opts.reserve ?? 64;
    if (this.conns.size >= max + 2 * reserve) {
      ws.close(1013, 'server full');
      return;
    }
    const address = addressKey(remote);
    const crowded =
      this.conns.size - this.probation.size >= max ||
      (this.unauthenticated.get(address) ?? 0) >= (this.opts.maxPerAddress ?? 32);
    // The reserve is full: the oldest waiting connection makes room, once it has had a second to present a token;
    // while every one is younger, the newcomer is turned away (and its client tries again a little later).
    const oldest: Conn | undefined =
      crowded && this.probation.size >= reserve ? this.probation.values().next().value : undefined;
    if (oldest && this.now() - oldest.since < PROBATION_GRACE_MS) {
      ws.close(1013, 'server full');
      return;
    }
    const conn: Conn = {
      id: this.nextId++,
      address,
      ws,
      bucket: new TokenBucket(this.opts.rate, this.now),
      strikes: new Strikes(MAX_REFUSED, REFUSALS_FORGIVEN_PER_SECOND, this.now),
      greeted: false,
      role: 'anonymous',
      session: null,
      seat: null,
      name: '',
      watching: new Set(),
      last: new Map(),
      held: new Map(),
      alive: true,
      counted: false,
      probation: crowded,
      wrongCodes: 0,
      throttled: 0,
      closing: false,
      timer: null,
      since: this.now(),
    };
    this.conns.add(conn);
    if (crowded) {
      if (oldest) {
        this.leaveProbation(oldest);
        this.shut(oldest, 1013, 'server full');
      }
      this.probation.add(conn);
      this.deadline(conn, PROBATION_MS, () => this.shut(conn, 1013, 'server full'));
    } else {
      this.count(conn, true);
      this.deadline(conn, this.opts.greetingMs ?? 10_000, () => {
        if (!conn.greeted) this.shut(conn, 1008, 'say hello');
      });
    }
    ws.on('message', (data, isBinary) => this.receive(conn, data, isBinary));
    ws.on('pong', () => (conn.alive = true));
    ws.on('close', () => this.detach(conn));
    ws.on('error', () => ws.terminate());
  }

  /** One timer per connection: the next thing it must have done by then. */
  private deadline(conn: Conn, ms: number, fn: () => void): void {
    if (conn.timer) clearTimeout(conn.timer);
    conn.timer = setTimeout(() => {
      conn.timer = null;
      fn();
    }, ms);
    conn.timer.unref?.();
  }

  /** Counts (or stops counting) a connection among its address's connections without a token. */
  private count(conn: Conn, on: boolean): void {
    if (conn.counted === on) return;
    conn.counted = on;
    const n = (this.unauthenticated.get(conn.address) ?? 0) + (on ? 1 : -1);
    if (n > 0) this.unauthenticated.set(conn.address, n);
    else this.unauthenticated.delete(conn.address);
  }

  private leaveProbation(conn: Conn): void {
    conn.probation = false;
    this.probation.delete(conn);
  }

  /** Closes a connection and reads nothing more from it; one that does not answer the close is cut a second later. */
  private shut(conn: Conn, code: number, reason: string): void {
    if (conn.closing) return;
    conn.closing = true;
    conn.ws.close(code, reason);
    setTimeout(() => conn.ws.terminate(), 1000).unref?.();
  }

  private detach(conn: Conn): void {
    if (conn.timer) clearTimeout(conn.timer);
    conn.timer = null;
    this.count(conn, false);
    this.leaveProbation(conn);
    this.out.drop(conn);
    this.conns.delete(conn);
    const touched = new Set<string>(conn.watching);
    if (conn.session) touched.add(conn.session.id);
    for (const id of touched) this.members.get(id)?.delete(conn);
    if (conn.session) this.publishLobby(conn.session);
    for (const id of this.seats.rejoins.drop(conn)) {
      const s = this.sessions.get(id);
      if (s && s !== conn.session) this.publishLobby(s);
    }
  }

  /** A connection now holds a token (the facilitator's, a seat's): it no longer counts against its address. */
  private authenticated(conn: Conn): void {
    this.count(conn, false);
    this.leaveProbation(conn);
    if (conn.timer) clearTimeout(conn.timer);
    conn.timer = null;
  }

  private join(conn: Conn, s: Session): void {
    let set = this.members.get(s.id);
    if (!set) this.members.set(s.id, (set = new Set()));
    set.add(conn);
  }

  private beat(): void {
    for (const c of this.conns) {
      if (!c.alive) {
        c.ws.terminate();
        continue;
      }
      c.alive = false;
      c.ws.ping();
    }
  }

  private send(conn: Conn, msg: ServerMessage, droppable = false): void {
    this.out.deliver(conn, JSON.stringify(msg), droppable);
  }

  private error(conn: Conn, code: ErrorCode, message: string, id?: string, droppable = false): void {
    this.send(conn, { type: 'error', code, message, ...(id !== undefined ? { id } : {}) }, droppable);
  }

  private receive(conn: Conn, data: RawData, isBinary: boolean): void {
    if (conn.closing) return;
    const bytes = Array.isArray(data)
      ? data.reduce((n, b) => n + b.length, 0)
      : data instanceof ArrayBuffer
        ? data.byteLength
        : data.length;
    const text = () =>
      Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as Buffer).toString('utf8');
    if (!conn.bucket.take()) {
      // Refusals add up, whatever gets through in between: a steady flood is closed, a burst now and then is not.
      // (The facilitator's console may burst, e.g. watching every team at once: it is refused, never closed.)
      if (!conn.strikes.strike() && conn.role !== 'facilitator') return this.shut(conn, 1008, 'too many messages');
      return this.error(
        conn,
        'message/rate-limited',
        'too many messages: slow down',
        bytes <= this.maxBytes ? requestId(text()) : undefined,
        true,
      );
    }
    if (bytes > this.maxBytes)
      return this.error(conn, 'message/too-large', `messages are at most ${this.maxBytes} bytes`, requestId(text()));
    if (isBinary) return this.error(conn, 'message/not-json', 'send text frames of JSON', requestId(text()));
    const parsed = parseClientMessage(text());
    if (!parsed.ok) return this.error(conn, parsed.code, parsed.message, parsed.id);
    const msg = parsed.message;
    try {
      this.dispatch(conn, msg);
    } catch (e) {
      this.opts.log?.(`internal error on ${msg.type}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      this.error(conn, 'internal', 'the server could not do this; nothing was changed', msg.id);
    }
  }

  private dispatch(conn: Conn, msg: ParsedClientMessage): void {
    if (msg.type === 'hello' || msg.type === 'resume') {
      if (conn.greeted)
        return this.error(
          conn,
          'auth/forbidden',
          'this connection has said hello already; open a new one to change who you are',
          msg.id,
        );
      if (msg.type === 'resume') return this.resume(conn, msg.token, msg.id);
      if (conn.probation) {
        this.error(conn, 'server/full', 'the server is full: try again in a moment', msg.id);
        return this.shut(conn, 1013, 'server full');
      }
      this.welcome(conn, 'anonymous', msg.id);
      // Said hello: it has a while to join a session with its code.
      this.deadline(conn, this.opts.anonymousMs ?? 120_000, () => {
        if (conn.role === 'anonymous') this.shut(conn, 1008, 'join a session with its code');
      });
      return;
    }
    if (!conn.greeted) return this.error(conn, 'auth/hello-first', 'send hello or resume first', msg.id);
    switch (msg.type) {
      case 'create-session':
        if (conn.role !== 'facilitator')
          return this.error(conn, 'auth/forbidden', 'only the facilitator creates sessions', msg.id);
        return void this.createSession(conn, msg).catch((e: unknown) => {
          this.opts.log?.(
            `internal error on create-session: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
          );
          this.error(conn, 'internal', 'the session could not be created', msg.id);
        });
      case 'list-sessions':
        if (conn.role !== 'facilitator')
          return this.error(conn, 'auth/forbidden', 'only the facilitator lists sessions', msg.id);
        return this.send(conn, {
          type: 'sessions',
          ...(msg.id !== undefined ? { id: msg.id } : {}),
          sessions: this.registry.list(),
        });
      case 'save-plan': {
        if (conn.role !== 'facilitator')
          return this.error(conn, 'auth/forbidden', 'only the facilitator keeps inject plans', msg.id);
        if (!this.plans.save(msg.name, msg.items))
          return this.error(
            conn,
            'plan/full',
            `the server keeps ${MAX_PLANS} inject plans at most: delete one first`,
            msg.id,
          );
        const plans = this.plans.all();
        // The facilitator who saved hears of it with its request's id, the others without.
        this.send(conn, { type: 'plans', ...(msg.id !== undefined ? { id: msg.id } : {}), plans });
        return this.toFacilitators(JSON.stringify({ type: 'plans', plans } satisfies ServerMessage), false, conn);
      }
      case 'watch': {
        if (conn.role !== 'facilitator')
          return this.error(conn, 'auth/forbidden', 'only the facilitator watches sessions', msg.id);
        const s = this.registry.byId(msg.session);
        if (!s) return this.error(conn, 'session/unknown', `no session ${msg.session}`, msg.id);
        conn.watching.add(s.id);
        this.join(conn, s);
        return this.publish(s, conn);
      }
      case 'join':
        return this.joinByCode(conn, msg.code, msg.name, msg.id);
      case 'claim-chair':
        return this.seats.claim(conn, msg.seat, msg.id);
      case 'rejoin':
        return this.seats.rejoin(conn, msg.seat, msg.pin, msg.id);
      case 'intent': {
        if (conn.role !== 'chair' || !conn.session || !conn.seat) {
          return this.error(
            conn,
            'auth/forbidden',
            conn.role === 'facilitator'
              ? 'the facilitator steers with facilitator commands, not chair actions'
              : 'only a seated chair acts',
            msg.id,
          );
        }
        const reply = conn.session.intent(conn.seat, msg.id, msg.action as Action, msg.expect);
        if (!reply.ok) return this.error(conn, reply.code, reply.message, msg.id);
        // The chair sees what it did before the ack; the session's other screens hear of it a moment later (see
        // Publisher.later).
        this.out.acted(conn.session, conn);
        // No seq for a chair: the session's event count would let it count other chairs' hidden plan edits.
        return this.send(conn, { type: 'ack', id: msg.id, ...(reply.duplicate ? { duplicate: true as const } : {}) });
      }
      case 'facilitator': {
        if (conn.role !== 'facilitator')
          return this.error(conn, 'auth/forbidden', 'only the facilitator does this', msg.id);
        const s = this.registry.byId(msg.session);
        if (!s) return this.error(conn, 'session/unknown', `no session ${msg.session}`, msg.id);
        if (msg.command.do === 'approve-rejoin') return this.seats.approve(conn, s, msg.command, msg.id);
        const reply = s.command(msg.command, msg.id);
        if (!reply.ok) return this.error(conn, reply.code, reply.message, msg.id);
        this.out.now(s);
        if (msg.command.do === 'release-chair') this.seats.unseatReleased(s);
        // The facilitator who asked sees the result before the ack, as a chair does.
        this.publish(s, conn);
        return this.send(conn, {
          type: 'ack',
          id: msg.id,
          seq: reply.seq,
          ...(reply.duplicate ? { duplicate: true as const } : {}),
        });
      }
      case 'sync': {
        const s =
          conn.role === 'facilitator'
            ? msg.session !== undefined
              ? this.registry.byId(msg.session)
              : null
            : conn.session;
        if (!s)
          return this.error(
            conn,
            conn.role === 'facilitator' ? 'session/unknown' : 'auth/not-joined',
            'no session to sync',
            msg.id,
          );
        if (conn.role === 'facilitator' && !conn.watching.has(s.id))
          return this.error(conn, 'auth/forbidden', 'watch the session first', msg.id);
        // The facilitator's syncs go at once; anyone else's at most one whole view a second (see Publisher.resync).
        if (conn.role === 'facilitator') {
          this.out.forget(conn, s.id);
          this.publish(s, conn);
        } else this.out.resync(conn, s);
        return;
      }
    }
  }

  private welcome(
    conn: Conn,
    role: Role,
    id: string | undefined,
    extra: { session?: string; seat?: SeatRow['seat']; name?: string } = {},
  ): void {
    conn.greeted = true;
    conn.role = role;
    this.send(conn, {
      type: 'welcome',
      ...(id !== undefined ? { id } : {}),
      protocol: PROTOCOL,
      role,
      serverTime: this.now(),
      ...extra,
      limits: { maxMessageBytes: this.maxBytes, perSecond: this.opts.rate.perSecond, burst: this.opts.rate.burst },
    });
  }

  private resume(conn: Conn, token: string, id: string | undefined): void {
    if (isFacilitatorToken(token, this.opts.facilitatorTokenHash)) {
      this.authenticated(conn);
      this.welcome(conn, 'facilitator', id);
      this.send(conn, { type: 'sessions', sessions: this.registry.list() });
      this.send(conn, { type: 'plans', plans: this.plans.all() });
      return;
    }
    const seat = this.opts.store.seatByToken(hashToken(token));
    const s = seat ? this.registry.byId(seat.session) : null;
    if (!seat || !s || !s.seats.has(seat.id)) {
      this.error(conn, 'auth/bad-token', 'this token opens no seat', id);
      // Let in past a limit to present a token, and it opened nothing: no second try on this connection.
      if (conn.probation) this.shut(conn, 1013, 'server full');
      return;
    }
    let open = 0;
    for (const c of this.members.get(s.id) ?? []) if ((c as Conn).seat?.id === seat.id) open++;
    if (open >= (this.opts.maxPerSeat ?? 4)) {
      this.error(conn, 'session/full', 'this seat is open on too many screens already', id);
      return this.shut(conn, 1008, 'seat open elsewhere');
    }
    this.authenticated(conn);
    conn.session = s;
    conn.seat = seat;
    conn.name = seat.name;
    this.join(conn, s);
    this.welcome(conn, seat.seat === 'projector' ? 'projector' : 'chair', id, {
      session: s.id,
      seat: seat.seat,
      name: seat.name,
    });
    this.publish(s, conn);
    this.publishLobby(s);
  }

  /**
   * A join code, checked only when the address may try one now: wrong codes slow the address down (the delay
   * doubles), close the connection after a few, and past a few from one address the facilitator hears of it.
   */
  private joinByCode(conn: Conn, code: string, name: string, id: string | undefined): void {
    if (conn.role !== 'anonymous')
      return this.error(conn, 'auth/forbidden', 'this connection is in a session already', id);
    const verdict = this.joins.check(conn.address);
    if (!verdict.ok) {
      this.error(
        conn,
        'code/throttled',
        `too many wrong codes from your network: wait ${Math.ceil(verdict.waitMs / 1000)} s and try again`,
        id,
      );
      if (++conn.throttled >= MAX_THROTTLED) this.shut(conn, 1008, 'too many join attempts');
      return;
    }
    const s = this.registry.withCode(code);
    if (!s || s.ended) {
      const alarm = this.joins.fail(conn.address);
      if (alarm) this.alarm(alarm);
      this.error(conn, 'code/unknown', 'no open session has this code', id);
      if (++conn.wrongCodes >= MAX_WRONG_CODES) this.shut(conn, 1008, 'too many wrong codes');
      return;
    }
    let waiting = 0;
    for (const c of this.members.get(s.id) ?? []) if (c.role === 'member') waiting++;
    if (waiting >= (this.opts.maxLobby ?? 32))
      return this.error(
        conn,
        'session/full',
        'the lobby of this session is full: wait for people to take their seats',
        id,
      );
    if (conn.timer) clearTimeout(conn.timer);
    conn.timer = null;
    conn.role = 'member';
    conn.session = s;
    conn.name = name;
    this.join(conn, s);
    this.send(conn, {
      type: 'joined',
      ...(id !== undefined ? { id } : {}),
      session: s.id,
      team: s.row.team,
      scenario: s.row.scenario,
    });
    this.publishLobby(s);
  }

  private async createSession(
    conn: Conn,
    msg: Extract<ParsedClientMessage, { type: 'create-session' }>,
  ): Promise<void> {
    const made = this.registry.create(msg);
    if (!made.ok) return this.error(conn, made.code, made.message, msg.id);
    const s = made.session;
    conn.watching.add(s.id);
    this.join(conn, s);
    const summary = this.summary(s);
    const qr = await qrSvg(summary.link ?? '');
    this.send(conn, {
      type: 'session-created',
      id: msg.id,
      session: summary,
      qr: `data:image/svg+xml;base64,${Buffer.from(qr).toString('base64')}`,
    });
    this.publish(s, conn);
  }

  // ---- what each connection is sent ---------------------------------------------------------

  private publishLobby(s: Session): void {
    this.out.publishLobby(s);
  }

  /** Tells every facilitator connection (and the log) that an address keeps trying join codes. */
  private alarm(a: GuessAlarm): void {
    this.opts.log?.(`alarm: ${a.attempts} wrong join codes from ${a.address}; it is being slowed down`);
    const text = JSON.stringify({
      type: 'alarm',
      kind: 'join-guessing',
      address: a.address,
      attempts: a.attempts,
      at: this.now(),
    } satisfies ServerMessage);
    this.toFacilitators(text);
  }

  /** Sends a frame to every facilitator connection (but `except`). */
  private toFacilitators(text: string, droppable = false, except?: Conn): void {
    for (const c of this.conns) if (c.role === 'facilitator' && c !== except) this.out.deliver(c, text, droppable);
  }

  /** Sends each connection of a session what changed for it (see Publisher.publish). */
  publish(s: Session, only?: Conn): void {
    this.out.publish(s, only);
    this.list.changed(s);
  }

  /** Every facilitator's list of sessions follows their months, phases and states (see LiveList). */
  private readonly list = new LiveList({
    summary: (s) => this.summary(s),
    send: (changed) => {
      const text = JSON.stringify({ type: 'sessions', sessions: changed, changed: true } satisfies ServerMessage);
      this.toFacilitators(text, true);
    },
  });

  /** Closes every connection and stops every clock; the store stays open for the caller to close. */
  close(): void {
    clearInterval(this.heartbeat);
    this.out.close();
    this.list.close();
    for (const c of this.conns) c.ws.close(1001, 'server shutting down');
    this.registry.close();
  }

  connectionCount(): number {
    return this.conns.size;
  }

  /** Connections, and the bytes queued on them for clients still to read (the most on one of them too). */
  stats(): { connections: number; queuedBytes: number; maxQueuedBytes: number } {
    let queued = 0;
    let most = 0;
    for (const c of this.conns) {
      queued += c.ws.bufferedAmount;
      most = Math.max(most, c.ws.bufferedAmount);
    }
    return { connections: this.conns.size, queuedBytes: queued, maxQueuedBytes: most };
  }
}

/** The id of a request, if the text is JSON carrying a well-formed one: refusals name the request they refuse. */
function requestId(text: string): string | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const id =
    data !== null && typeof data === 'object' && !Array.isArray(data)
      ? (data as Record<string, unknown>)['id']
      : undefined;
  const ok = MsgId.safeParse(id);
  return ok.success ? ok.data : undefined;
}
