// The hub: WebSocket connections in, sessions behind. Checks size, rate, shape and who is asking; answers each
// connection with only what its role may see.
import { randomBytes } from 'node:crypto';
import type { RawData, WebSocket } from 'ws';
import type { Action } from '../engine/index.js';
import { DOCTRINES } from '../sim/doctrines/index.js';
import {
  MAX_MESSAGE_BYTES,
  PROTOCOL,
  parseClientMessage,
  type ErrorCode,
  type ParsedClientMessage,
  type Role,
  type ServerMessage,
  type SessionSummary,
} from '../net/protocol.js';
import type { SeatRow, SessionRow, SessionStore } from './db.js';
import { isFacilitatorToken } from './facilitator.js';
import { qrSvg } from './http.js';
import { TokenBucket, type RateLimit } from './rate-limit.js';
import { scenarioById } from './scenarios.js';
import { Session } from './session.js';
import { hashToken, newJoinCode, newSessionId } from './tokens.js';
import { Publisher, type Outlet } from './publish.js';

export interface HubOptions {
  readonly store: SessionStore;
  readonly facilitatorToken: string;
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
  readonly bucket: TokenBucket;
  greeted: boolean;
  session: Session | null;
  name: string;
  /** Sessions a facilitator watches. */
  readonly watching: Set<string>;
  alive: boolean;
  refused: number;
}

/** A client that keeps flooding past its rate limit is disconnected after this many refusals in a row. */
const MAX_REFUSED = 200;
const GREETING_MS = 30_000;
const HEARTBEAT_MS = 30_000;
/** How many past sessions the facilitator's list reaches back to. */
const RECENT_SESSIONS = 100;

export class Hub {
  readonly sessions = new Map<string, Session>();
  private readonly byCode = new Map<string, Session>();
  private readonly members = new Map<string, Set<Conn>>();
  private readonly conns = new Set<Conn>();
  private readonly out: Publisher;
  private nextId = 1;
  private readonly now: () => number;
  private readonly maxBytes: number;
  private readonly heartbeat: ReturnType<typeof setInterval>;

  constructor(private readonly opts: HubOptions) {
    this.now = opts.now ?? Date.now;
    this.maxBytes = opts.maxMessageBytes ?? MAX_MESSAGE_BYTES;
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
    this.out = new Publisher({ now: this.now, members: (id) => this.members.get(id) ?? [] });
  }

  /** Resumes every open session from its log. Returns how many. */
  resumeAll(): number {
    let n = 0;
    for (const row of this.opts.store.openSessions()) if (this.load(row)) n++;
    return n;
  }

  private load(row: SessionRow): Session | null {
    const hit = this.sessions.get(row.id);
    if (hit) return hit;
    const scn = scenarioById(row.scenario);
    if (!scn.ok) {
      this.opts.log?.(`session ${row.id}: scenario '${row.scenario}' cannot be loaded: ${scn.message}`);
      return null;
    }
    if (scn.value.hash !== row.scenarioHash) this.opts.log?.(`session ${row.id}: scenario '${row.scenario}' has changed since the session was created; replaying anyway`);
    const s = Session.open(row, scn.value.scenario, { store: this.opts.store, now: this.now, onChange: (x) => this.publish(x), ...(this.opts.log ? { log: this.opts.log } : {}) });
    this.sessions.set(row.id, s);
    this.byCode.set(row.code, s);
    s.carryOn();
    return s;
  }

  private sessionById(id: string): Session | null {
    const hit = this.sessions.get(id);
    if (hit) return hit;
    const row = this.opts.store.session(id);
    return row ? this.load(row) : null;
  }

  // ---- connections ----------------------------------------------------------------------------

  attach(ws: WebSocket): void {
    if (this.opts.maxConnections !== undefined && this.conns.size >= this.opts.maxConnections) {
      ws.close(1013, 'server full');
      return;
    }
    const conn: Conn = {
      id: this.nextId++,
      ws,
      bucket: new TokenBucket(this.opts.rate, this.now),
      greeted: false,
      role: 'anonymous',
      session: null,
      seat: null,
      name: '',
      watching: new Set(),
      last: new Map(),
      held: new Map(),
      alive: true,
      refused: 0,
    };
    this.conns.add(conn);
    const greet = setTimeout(() => {
      if (!conn.greeted) ws.close(1008, 'say hello');
    }, GREETING_MS);
    greet.unref();
    ws.on('message', (data, isBinary) => this.receive(conn, data, isBinary));
    ws.on('pong', () => (conn.alive = true));
    ws.on('close', () => {
      clearTimeout(greet);
      this.detach(conn);
    });
    ws.on('error', () => ws.terminate());
  }

  private detach(conn: Conn): void {
    this.conns.delete(conn);
    const touched = new Set<string>(conn.watching);
    if (conn.session) touched.add(conn.session.id);
    for (const id of touched) this.members.get(id)?.delete(conn);
    if (conn.session) this.publishLobby(conn.session);
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

  private send(conn: Conn, msg: ServerMessage): void {
    this.sendText(conn, JSON.stringify(msg));
  }

  private sendText(conn: Conn, text: string): void {
    if (conn.ws.readyState === conn.ws.OPEN) conn.ws.send(text);
  }

  private error(conn: Conn, code: ErrorCode, message: string, id?: string): void {
    this.send(conn, { type: 'error', code, message, ...(id !== undefined ? { id } : {}) });
  }

  private receive(conn: Conn, data: RawData, isBinary: boolean): void {
    if (!conn.bucket.take()) {
      if (++conn.refused > MAX_REFUSED) conn.ws.close(1008, 'too many messages');
      else this.error(conn, 'message/rate-limited', 'too many messages: slow down');
      return;
    }
    conn.refused = 0;
    const bytes = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data instanceof ArrayBuffer ? data.byteLength : data.length;
    if (bytes > this.maxBytes) return this.error(conn, 'message/too-large', `messages are at most ${this.maxBytes} bytes`);
    if (isBinary) return this.error(conn, 'message/not-json', 'send text frames of JSON');
    const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as Buffer).toString('utf8');
    const parsed = parseClientMessage(text);
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
      if (conn.greeted) return this.error(conn, 'auth/forbidden', 'this connection has said hello already; open a new one to change who you are', msg.id);
      return msg.type === 'hello' ? this.welcome(conn, 'anonymous', msg.id) : this.resume(conn, msg.token, msg.id);
    }
    if (!conn.greeted) return this.error(conn, 'auth/hello-first', 'send hello or resume first', msg.id);
    switch (msg.type) {
      case 'create-session':
        if (conn.role !== 'facilitator') return this.error(conn, 'auth/forbidden', 'only the facilitator creates sessions', msg.id);
        return void this.createSession(conn, msg).catch((e: unknown) => {
          this.opts.log?.(`internal error on create-session: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
          this.error(conn, 'internal', 'the session could not be created', msg.id);
        });
      case 'list-sessions':
        if (conn.role !== 'facilitator') return this.error(conn, 'auth/forbidden', 'only the facilitator lists sessions', msg.id);
        return this.send(conn, { type: 'sessions', ...(msg.id !== undefined ? { id: msg.id } : {}), sessions: this.listSessions() });
      case 'watch': {
        if (conn.role !== 'facilitator') return this.error(conn, 'auth/forbidden', 'only the facilitator watches sessions', msg.id);
        const s = this.sessionById(msg.session);
        if (!s) return this.error(conn, 'session/unknown', `no session ${msg.session}`, msg.id);
        conn.watching.add(s.id);
        this.join(conn, s);
        return this.publish(s, conn);
      }
      case 'join':
        return this.joinByCode(conn, msg.code, msg.name, msg.id);
      case 'claim-chair':
        return this.claim(conn, msg.seat, msg.id);
      case 'intent': {
        if (conn.role !== 'chair' || !conn.session || !conn.seat) {
          return this.error(conn, 'auth/forbidden', conn.role === 'facilitator' ? 'the facilitator steers with facilitator commands, not chair actions' : 'only a seated chair acts', msg.id);
        }
        const reply = conn.session.intent(conn.seat, msg.id, msg.action as Action, msg.expect);
        // No seq for a chair: the session's event count would let it count other chairs' hidden plan edits.
        return reply.ok ? this.send(conn, { type: 'ack', id: msg.id, ...(reply.duplicate ? { duplicate: true as const } : {}) }) : this.error(conn, reply.code, reply.message, msg.id);
      }
      case 'facilitator': {
        if (conn.role !== 'facilitator') return this.error(conn, 'auth/forbidden', 'only the facilitator does this', msg.id);
        const s = this.sessionById(msg.session);
        if (!s) return this.error(conn, 'session/unknown', `no session ${msg.session}`, msg.id);
        const reply = s.command(msg.command, msg.id);
        if (!reply.ok) return this.error(conn, reply.code, reply.message, msg.id);
        if (msg.command.do === 'release-chair') this.unseatReleased(s);
        // The facilitator who asked sees the result before the ack, as a chair does.
        this.publish(s, conn);
        return this.send(conn, { type: 'ack', id: msg.id, seq: reply.seq, ...(reply.duplicate ? { duplicate: true as const } : {}) });
      }
      case 'sync': {
        const s = conn.role === 'facilitator' ? (msg.session !== undefined ? this.sessionById(msg.session) : null) : conn.session;
        if (!s) return this.error(conn, conn.role === 'facilitator' ? 'session/unknown' : 'auth/not-joined', 'no session to sync', msg.id);
        if (conn.role === 'facilitator' && !conn.watching.has(s.id)) return this.error(conn, 'auth/forbidden', 'watch the session first', msg.id);
        this.out.forget(conn, s.id);
        this.publish(s, conn);
        return;
      }
    }
  }

  private welcome(conn: Conn, role: Role, id: string | undefined, extra: { session?: string; seat?: SeatRow['seat']; name?: string } = {}): void {
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
    if (isFacilitatorToken(token, this.opts.facilitatorToken)) {
      this.welcome(conn, 'facilitator', id);
      this.send(conn, { type: 'sessions', sessions: this.listSessions() });
      return;
    }
    const seat = this.opts.store.seatByToken(hashToken(token));
    const s = seat ? this.sessionById(seat.session) : null;
    if (!seat || !s || !s.seats.has(seat.id)) return this.error(conn, 'auth/bad-token', 'this token opens no seat', id);
    conn.session = s;
    conn.seat = seat;
    conn.name = seat.name;
    this.join(conn, s);
    this.welcome(conn, seat.seat === 'projector' ? 'projector' : 'chair', id, { session: s.id, seat: seat.seat, name: seat.name });
    this.publish(s, conn);
    this.publishLobby(s);
  }

  private joinByCode(conn: Conn, code: string, name: string, id: string | undefined): void {
    if (conn.role !== 'anonymous') return this.error(conn, 'auth/forbidden', 'this connection is in a session already', id);
    const s = this.byCode.get(code);
    if (!s || s.ended) return this.error(conn, 'code/unknown', 'no open session has this code', id);
    conn.role = 'member';
    conn.session = s;
    conn.name = name;
    this.join(conn, s);
    this.send(conn, { type: 'joined', ...(id !== undefined ? { id } : {}), session: s.id, team: s.row.team, scenario: s.row.scenario });
    this.publishLobby(s);
  }

  private claim(conn: Conn, seat: SeatRow['seat'], id: string | undefined): void {
    if (conn.role !== 'member' || !conn.session) return this.error(conn, 'auth/not-joined', 'join a session with its code first', id);
    const r = conn.session.claim(seat, conn.name);
    if (!r.ok) return this.error(conn, r.code, r.message, id);
    conn.role = seat === 'projector' ? 'projector' : 'chair';
    conn.seat = r.row;
    this.send(conn, { type: 'seated', ...(id !== undefined ? { id } : {}), session: conn.session.id, seat, token: r.token });
    this.publish(conn.session, conn);
    this.publishLobby(conn.session);
  }

  /** Connections whose chair the facilitator freed go back to the lobby, where they may claim another. */
  private unseatReleased(s: Session): void {
    for (const c of this.members.get(s.id) ?? []) {
      if (c.seat && !s.seats.has(c.seat.id)) {
        c.seat = null;
        c.role = 'member';
        this.out.forget(c, s.id);
        this.error(c, 'auth/bad-token', 'the facilitator has freed your chair; you are back in the lobby');
        this.publishLobby(s);
      }
    }
  }

  private async createSession(conn: Conn, msg: Extract<ParsedClientMessage, { type: 'create-session' }>): Promise<void> {
    const scn = scenarioById(msg.scenario);
    if (!scn.ok) return this.error(conn, 'scenario/unknown', scn.message, msg.id);
    const doctrine = msg.doctrine ?? 'report';
    if (!DOCTRINES[doctrine]) return this.error(conn, 'doctrine/unknown', `no doctrine '${doctrine}' (${Object.keys(DOCTRINES).join(', ')})`, msg.id);
    let code = newJoinCode();
    while (this.opts.store.sessionByCode(code)) code = newJoinCode();
    const row: SessionRow = {
      id: newSessionId(),
      code,
      scenario: msg.scenario,
      scenarioHash: scn.value.hash,
      seed: msg.seed ?? randomBytes(4).readUInt32BE(0),
      team: msg.team,
      doctrine,
      createdAt: this.now(),
      endedAt: null,
    };
    this.opts.store.createSession(row);
    const s = this.load(row);
    if (!s) return this.error(conn, 'internal', 'the session could not be opened', msg.id);
    conn.watching.add(s.id);
    this.join(conn, s);
    const summary = this.summary(s);
    const qr = await qrSvg(summary.link ?? '');
    this.send(conn, { type: 'session-created', id: msg.id, session: summary, qr: `data:image/svg+xml;base64,${Buffer.from(qr).toString('base64')}` });
    this.publish(s, conn);
  }

  // ---- what each connection is sent ---------------------------------------------------------

  /** Every session in memory and the most recent ones in the store (ended ones too, for the debrief), newest first. */
  private listSessions(): SessionSummary[] {
    for (const row of this.opts.store.recentSessions(RECENT_SESSIONS)) this.sessionById(row.id);
    return [...this.sessions.values()].sort((a, b) => b.row.createdAt - a.row.createdAt).map((s) => this.summary(s));
  }

  summary(s: Session): SessionSummary {
    const open = !s.ended;
    return {
      session: s.id,
      team: s.row.team,
      scenario: s.row.scenario,
      seed: s.row.seed,
      doctrine: s.doctrine.name,
      code: open ? s.row.code : null,
      link: open ? this.opts.joinLink(s.row.code) : null,
      turn: s.state.turn,
      phase: s.state.phase,
      status: s.status(),
    };
  }

  private publishLobby(s: Session): void {
    this.out.publishLobby(s);
  }

  /** Sends each connection of a session what changed for it (see Publisher.publish). */
  publish(s: Session, only?: Conn): void {
    this.out.publish(s, only);
  }

  /** Closes every connection and stops every clock; the store stays open for the caller to close. */
  close(): void {
    clearInterval(this.heartbeat);
    this.out.close();
    for (const c of this.conns) c.ws.close(1001, 'server shutting down');
    for (const s of this.sessions.values()) s.close();
  }

  connectionCount(): number {
    return this.conns.size;
  }
}
