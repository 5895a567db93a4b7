// Seats: a person or a projector takes a seat in a session, and a chair is taken back on another device (with the
// PIN its player was shown, or once the facilitator approves); chairs the facilitator frees send their screens back to
// the lobby. The hub holds the connections; this module decides who sits where and says so.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { ErrorCode, ParsedClientMessage, Role, ServerMessage } from '../net/protocol.js';
import type { Chair } from '../scenario/schema.js';
import type { SeatRow, SessionStore } from './db.js';
import type { Session } from './session.js';

/** A connection as the seats see it (the hub's own connections are these and more). */
export interface SeatConn {
  role: Role;
  session: Session | null;
  seat: SeatRow | null;
  name: string;
  readonly address: string;
  readonly closing: boolean;
}

/** What the seats need of the hub: its connections, its messages and what it publishes. */
export interface SeatHub {
  readonly maxProjectors: number;
  members(session: string): Iterable<SeatConn>;
  send(conn: SeatConn, msg: ServerMessage): void;
  error(conn: SeatConn, code: ErrorCode, message: string, id?: string): void;
  /** The connection now holds a token: it no longer counts against its address. */
  authenticated(conn: SeatConn): void;
  /** The connection lost its seat: it counts against its address again, and its next views are whole. */
  unseated(conn: SeatConn, s: Session): void;
  publish(s: Session, only?: SeatConn): void;
  publishLobby(s: Session): void;
  /** Whether the address may try a PIN now (wrong ones slow it down as wrong join codes do). */
  throttle(address: string): { ok: true } | { ok: false; waitMs: number };
  /** A wrong PIN from the address: counted with its wrong codes (the facilitator hears of many). */
  failed(address: string): void;
}

/** Wrong PINs a chair takes before its PIN stops working (the facilitator can still give the chair back). */
export const MAX_WRONG_PINS = 5;

/** The PIN's hash, salted with the seat: the database holds no PIN, and one hash opens one seat. */
function pinHash(seatId: string, pin: string): string {
  return createHash('sha256').update(`${seatId}:${pin}`, 'utf8').digest('hex');
}

/**
 * Chairs taken back from another device. Each chair's player is shown a six-digit PIN when seated (only its hash is
 * kept, in the store's meta table); typed on a new device with the chair, it gives that device a new token. Without
 * the PIN, the request waits for the facilitator. Wrong PINs count per seat and lock it after MAX_WRONG_PINS.
 */
export class Rejoins {
  /** Who asks for which chair, per session: the asking connection is the hub's. */
  private readonly asking = new Map<string, Map<Chair, { name: string; conn: object }>>();

  constructor(private readonly store: SessionStore) {}

  /** A new PIN for a seat (replacing any before); returns it to show its player once. */
  issue(seatId: string): string {
    const pin = String(randomInt(0, 1_000_000)).padStart(6, '0');
    this.store.setMeta(`seat-pin:${seatId}`, pinHash(seatId, pin));
    this.store.deleteMeta(`seat-pin-wrong:${seatId}`);
    return pin;
  }

  /** Checks a PIN: ok, wrong (counted), or locked (too many wrong ones). */
  check(seatId: string, pin: string): 'ok' | 'wrong' | 'locked' {
    const wrong = Number(this.store.meta(`seat-pin-wrong:${seatId}`) ?? '0');
    if (wrong >= MAX_WRONG_PINS) return 'locked';
    const kept = this.store.meta(`seat-pin:${seatId}`);
    const x = Buffer.from(pinHash(seatId, pin), 'hex');
    const y = Buffer.from(kept ?? '', 'hex');
    if (y.length === x.length && timingSafeEqual(x, y)) return 'ok';
    this.store.setMeta(`seat-pin-wrong:${seatId}`, String(wrong + 1));
    return wrong + 1 >= MAX_WRONG_PINS ? 'locked' : 'wrong';
  }

  ask(session: string, chair: Chair, name: string, conn: object): void {
    let m = this.asking.get(session);
    if (!m) this.asking.set(session, (m = new Map()));
    m.set(chair, { name, conn });
  }

  /** The request for a chair, taken out of the list. */
  take(session: string, chair: Chair): { name: string; conn: object } | null {
    const r = this.asking.get(session)?.get(chair) ?? null;
    this.asking.get(session)?.delete(chair);
    return r;
  }

  /** A connection gone: its requests go with it. Returns the sessions whose list changed. */
  drop(conn: object): string[] {
    const out: string[] = [];
    for (const [sid, m] of this.asking)
      for (const [chair, r] of m)
        if (r.conn === conn) {
          m.delete(chair);
          out.push(sid);
        }
    return out;
  }

  requests(session: string): { chair: Chair; name: string }[] {
    return [...(this.asking.get(session) ?? [])].map(([chair, r]) => ({ chair, name: r.name }));
  }
}

/** Who sits where, for the hub: claims, rejoins (PIN or approval) and chairs freed by the facilitator. */
export class Seats {
  readonly rejoins: Rejoins;

  constructor(
    private readonly hub: SeatHub,
    store: SessionStore,
  ) {
    this.rejoins = new Rejoins(store);
  }

  claim(conn: SeatConn, seat: SeatRow['seat'], id: string | undefined): void {
    if (conn.role !== 'member' || !conn.session)
      return this.hub.error(conn, 'auth/not-joined', 'join a session with its code first', id);
    const session = conn.session;
    const online = (seatId: string) => [...this.hub.members(session.id)].some((c) => c.seat?.id === seatId);
    const r = session.claim(seat, conn.name, { maxProjectors: this.hub.maxProjectors, online });
    if (!r.ok) return this.hub.error(conn, r.code, r.message, id);
    // A projector seat taken over from a screen that had left: nothing else to do, its token no longer opens it.
    this.hub.authenticated(conn);
    conn.role = seat === 'projector' ? 'projector' : 'chair';
    conn.seat = r.row;
    this.hub.send(conn, {
      type: 'seated',
      ...(id !== undefined ? { id } : {}),
      session: conn.session.id,
      seat,
      token: r.token,
      ...(seat !== 'projector' ? { pin: this.rejoins.issue(r.row.id) } : {}),
    });
    this.hub.publish(conn.session, conn);
    this.hub.publishLobby(conn.session);
  }

  /**
   * A person in the lobby takes back the chair they hold on another device: with its PIN at once (wrong PINs slow the
   * address down as wrong codes do, and lock the seat's PIN after a few), without it once the facilitator approves.
   */
  rejoin(conn: SeatConn, chair: Chair, pin: string | undefined, id: string | undefined): void {
    if (conn.role !== 'member' || !conn.session)
      return this.hub.error(conn, 'auth/not-joined', 'join a session with its code first', id);
    const s = conn.session;
    const seat = s.holderOf(chair);
    if (!seat || s.ended) return this.hub.error(conn, 'seat/unknown', `nobody holds the ${chair} chair: take it`, id);
    if (pin === undefined) {
      this.rejoins.ask(s.id, chair, conn.name, conn);
      this.hub.publishLobby(s);
      if (id !== undefined) this.hub.send(conn, { type: 'ack', id });
      return;
    }
    const verdict = this.hub.throttle(conn.address);
    if (!verdict.ok)
      return this.hub.error(
        conn,
        'code/throttled',
        `too many wrong codes from your network: wait ${Math.ceil(verdict.waitMs / 1000)} s and try again`,
        id,
      );
    const r = this.rejoins.check(seat.id, pin);
    if (r !== 'ok') {
      this.hub.failed(conn.address);
      return this.hub.error(
        conn,
        r === 'locked' ? 'pin/locked' : 'pin/wrong',
        r === 'locked' ? 'this PIN no longer works: ask the facilitator' : 'this is not the PIN of that chair',
        id,
      );
    }
    this.grant(conn, s, seat, id);
  }

  approve(
    fac: SeatConn,
    s: Session,
    cmd: Extract<ParsedClientMessage, { type: 'facilitator' }>['command'] & { do: 'approve-rejoin' },
    id: string,
  ): void {
    const asked = this.rejoins.take(s.id, cmd.chair);
    const conn = asked?.conn as SeatConn | undefined;
    const seat = s.holderOf(cmd.chair);
    if (!conn || conn.closing || conn.session !== s || conn.role !== 'member' || !seat) {
      this.hub.publishLobby(s);
      return this.hub.error(fac, 'rejoin/none', `nobody is asking for the ${cmd.chair} chair`, id);
    }
    if (cmd.approve) this.grant(conn, s, seat);
    else {
      this.hub.error(conn, 'rejoin/refused', 'the facilitator did not give you this chair');
      this.hub.publishLobby(s);
    }
    this.hub.send(fac, { type: 'ack', id, seq: s.seq });
  }

  /** Gives a chair to a connection in the lobby: a new token (the old one stops working, its screens go to the lobby). */
  private grant(conn: SeatConn, s: Session, seat: SeatRow, id?: string): void {
    this.rejoins.take(s.id, seat.seat as never);
    const token = s.rekey(seat.id);
    const row = s.seats.get(seat.id);
    if (token === null || !row) return this.hub.error(conn, 'seat/unknown', 'that chair is free now: take it', id);
    for (const c of this.hub.members(s.id)) {
      if (c === conn || c.seat?.id !== seat.id) continue;
      this.toLobby(c, s, 'your chair was taken up on another device; you are back in the lobby');
    }
    this.hub.authenticated(conn);
    conn.role = 'chair';
    conn.seat = row;
    conn.name = row.name;
    this.hub.send(conn, {
      type: 'seated',
      ...(id !== undefined ? { id } : {}),
      session: s.id,
      seat: row.seat,
      token,
      pin: this.rejoins.issue(row.id),
    });
    this.hub.publish(s, conn);
    this.hub.publishLobby(s);
  }

  /** Connections whose chair the facilitator freed go back to the lobby, where they may claim another. */
  unseatReleased(s: Session): void {
    for (const c of this.hub.members(s.id)) {
      if (c.seat && !s.seats.has(c.seat.id)) {
        this.toLobby(c, s, 'the facilitator has freed your chair; you are back in the lobby');
        this.hub.publishLobby(s);
      }
    }
  }

  /** A screen whose chair is no longer its own goes back to the lobby, told why. */
  private toLobby(c: SeatConn, s: Session, why: string): void {
    c.seat = null;
    c.role = 'member';
    this.hub.unseated(c, s);
    this.hub.error(c, 'auth/bad-token', why);
  }
}
