// What each connection of a session is sent: the lobby, pause and end notices, its own view (the long lists
// incrementally), the clock, and the game record once the session has ended.
import type { WebSocket } from 'ws';
import { hashScenario, type GameState, type SaveFile } from '../engine/index.js';
import { SAVE_VERSION } from '../engine/save.js';
import type { Role, SeatInfo, ServerMessage } from '../net/protocol.js';
import type { Chair, Scenario } from '../scenario/schema.js';
import type { SeatRow } from './db.js';
import { compareOf, frameOf, SessionViews, type Held, type Split } from './frames.js';
import type { Session } from './session.js';

/** The part of a connection the publisher reads and keeps its notes in. */
export interface Outlet {
  readonly ws: WebSocket;
  role: Role;
  seat: SeatRow | null;
  /** What was last sent, per session and kind: identical frames are not sent again. */
  readonly last: Map<string, string>;
  /** How much of each list of a view (ledger, log) it holds, per session and list. */
  readonly held: Map<string, Held>;
}

export interface PublisherDeps {
  readonly now: () => number;
  /** The connections of a session: its chairs, projectors, people in its lobby and the facilitator watching it. */
  readonly members: (session: string) => Iterable<Outlet>;
  /** Looks a session up again when a deferred sending falls due (null: it is gone). */
  readonly session: (id: string) => Session | null;
  /** Bytes queued on a connection above which its views wait until it has read (default 1 MiB). */
  readonly softBufferBytes?: number;
  /** Bytes queued above which a connection that does not read is dropped (default 8 MiB). */
  readonly hardBufferBytes?: number;
  /** The room dashboard's frame of a session, for facilitators only (see room.ts). */
  readonly desk?: (s: Session) => string;
  /** A whole view again (a sync) at most this often per connection and session (default 1 s). */
  readonly syncEveryMs?: number;
  readonly log?: (line: string) => void;
  /**
   * Every session the server holds: a team's record goes to a chair or a projector only once no other team on the
   * same world key plays on (see worldPeers). Without it, every session is taken to have a world of its own.
   */
  readonly sessions?: () => Iterable<Session>;
}

/** What waits to be sent to a connection: a session's news, and whether it is to go whole (a sync). */
interface Deferred {
  whole: boolean;
  notBefore: number;
}

/** Scenario hashes, worked out once per scenario. */
const scenarioHashes = new WeakMap<Scenario, string>();
function scenarioHash(scn: Scenario): string {
  let h = scenarioHashes.get(scn);
  if (h === undefined) scenarioHashes.set(scn, (h = hashScenario(scn)));
  return h;
}

/** The facilitator's view of a busy session is refreshed at most this often. */
const FACILITATOR_EVERY_MS = 200;

/**
 * While play runs, the facilitator's view carries the hash of an earlier state (see SessionViews.facilitatorHash);
 * once a session's state has stood this long, its own hash is made, in a task of its own, and the view sent again.
 */
const HASH_QUIET_MS = 1000;

/**
 * A session's news goes to its connections a few at a time: after this long of sending, the rest waits for the next
 * turn of the event loop, so that the messages that came in meanwhile are answered first.
 */
const SLICE_MS = 2;

export class Publisher {
  private readonly views = new Map<string, SessionViews>();
  private readonly records = new Map<string, { state: GameState; text: string }>();
  private readonly facilitatorSent = new Map<string, number>();
  private readonly facilitatorTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly hashTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Sendings held back per connection and session: it was not reading, or it asked for a whole view too soon. */
  private readonly deferred = new Map<Outlet, Map<string, Deferred>>();
  private readonly synced = new WeakMap<Outlet, Map<string, number>>();
  private pump: ReturnType<typeof setInterval> | null = null;
  /** Connections still to be sent a session's news, by session, in the order the sessions changed (see publish). */
  private readonly due = new Map<string, Set<Outlet>>();
  private slicer: ReturnType<typeof setImmediate> | null = null;
  private readonly settled: (() => void)[] = [];
  private readonly soft: number;
  private readonly hard: number;
  private readonly syncEvery: number;

  constructor(private readonly deps: PublisherDeps) {
    this.soft = deps.softBufferBytes ?? 1 << 20;
    this.hard = deps.hardBufferBytes ?? 8 << 20;
    this.syncEvery = deps.syncEveryMs ?? 1000;
  }

  /**
   * A whole view of a session again (a sync): at once, or when the last one is `syncEveryMs` old. Syncs in
   * between are one, so a client asking again and again costs the server one view a second, not one a message.
   */
  resync(c: Outlet, s: Session): void {
    let times = this.synced.get(c);
    if (!times) this.synced.set(c, (times = new Map()));
    const due = (times.get(s.id) ?? -Infinity) + this.syncEvery;
    if (this.deps.now() < due || this.overloaded(c)) return this.defer(c, s.id, true, due);
    times.set(s.id, this.deps.now());
    this.forget(c, s.id);
    this.publish(s, c);
  }

  /** Whether a connection has so much queued that its views are to wait. */
  private overloaded(c: Outlet): boolean {
    return c.ws.bufferedAmount > this.soft;
  }

  private defer(c: Outlet, session: string, whole: boolean, notBefore = 0): void {
    let map = this.deferred.get(c);
    if (!map) this.deferred.set(c, (map = new Map()));
    const d = map.get(session);
    if (d) {
      d.whole ||= whole;
      d.notBefore = Math.max(d.notBefore, notBefore);
    } else map.set(session, { whole, notBefore });
    this.pump ??= setInterval(() => this.flush(), 50);
    this.pump.unref?.();
  }

  /** Sends what was held back to the connections that have read what they had, once it is due. */
  private flush(): void {
    const now = this.deps.now();
    for (const [c, map] of this.deferred) {
      if (c.ws.readyState !== c.ws.OPEN) {
        this.deferred.delete(c);
        continue;
      }
      if (this.overloaded(c)) continue;
      for (const [id, d] of map) {
        if (d.notBefore > now) continue;
        map.delete(id);
        const s = this.deps.session(id);
        if (!s) continue;
        if (d.whole) {
          this.synced.get(c)?.set(id, now);
          this.forget(c, id);
        }
        this.publish(s, c);
      }
      if (map.size === 0) this.deferred.delete(c);
    }
    if (this.deferred.size === 0 && this.pump) {
      clearInterval(this.pump);
      this.pump = null;
    }
  }

  /** A session that is no more (it could not be made whole): what was kept for it goes. */
  forgetSession(id: string): void {
    this.due.delete(id);
    this.views.delete(id);
    this.records.delete(id);
    this.facilitatorSent.delete(id);
    for (const timers of [this.facilitatorTimers, this.hashTimers]) {
      const timer = timers.get(id);
      if (timer) clearTimeout(timer);
      timers.delete(id);
    }
  }

  /** A connection has gone: nothing more is kept for it. */
  drop(c: Outlet): void {
    this.deferred.delete(c);
    for (const set of this.due.values()) set.delete(c);
  }

  /**
   * Sends a frame, unless the connection already has more queued than it may: then it is dropped (it is not
   * reading), and the server's memory stays bounded. `droppable` frames (refusals of a flood) are left out
   * above the soft limit instead.
   */
  deliver(c: Outlet, text: string, droppable = false): void {
    if (c.ws.readyState !== c.ws.OPEN) return;
    const queued = c.ws.bufferedAmount;
    if (droppable && queued > this.soft) return;
    if (queued + text.length > this.hard) {
      this.deps.log?.(`a connection (${c.role}) did not read ${queued} bytes queued for it: dropped`);
      this.deferred.delete(c);
      c.ws.terminate();
      return;
    }
    this.cork(c.ws);
    c.ws.send(text);
  }

  /** Sockets corked until the end of this tick: the frames a message brings a connection go out in one write. */
  private readonly corked = new Set<{ cork(): void; uncork(): void }>();

  private cork(ws: WebSocket): void {
    // ws keeps its TCP socket as `_socket`; without one (a test double), frames go one by one.
    const socket = (ws as unknown as { _socket?: { cork(): void; uncork(): void } })._socket;
    if (!socket || this.corked.has(socket)) return;
    if (this.corked.size === 0)
      process.nextTick(() => {
        for (const x of this.corked) x.uncork();
        this.corked.clear();
      });
    this.corked.add(socket);
    socket.cork();
  }

  /** Forgets what a connection was sent of a session, so that everything goes again, whole (a sync, a changed seat). */
  forget(c: Outlet, session: string): void {
    for (const map of [c.last, c.held]) for (const k of [...map.keys()]) if (k.startsWith(`${session}:`)) map.delete(k);
  }

  publishLobby(s: Session): void {
    const lobby = this.lobbyText(s);
    let desk: string | undefined;
    for (const c of this.deps.members(s.id)) {
      if (this.overloaded(c)) this.defer(c, s.id, false);
      else {
        this.sendOnce(c, `${s.id}:lobby`, lobby);
        if (c.role === 'facilitator' && this.deps.desk) this.sendOnce(c, `${s.id}:desk`, (desk ??= this.deps.desk(s)));
      }
    }
  }

  /** The latest cards for every screen (injects, messages): the same frame for every role. */
  private noticesText(s: Session): string | null {
    if (s.notices.length === 0) return null;
    return JSON.stringify({ type: 'notices', session: s.id, notices: s.notices.slice(-5) } satisfies ServerMessage);
  }

  /**
   * Sends each connection of a session what changed for it: lobby, pause and end notices, its own
   * view, the clock, the record. A frame identical to the last one sent is not sent again, so a chair
   * learns nothing, not even timing, from what other chairs do in secret.
   */
  publish(s: Session, only?: Outlet): void {
    // One connection (it asked, it sat down): its news goes now, before the answer that follows it.
    if (only) return this.publishTo(s, [only], true);
    this.later(s);
    // The last team on a world to end releases the records of the teams that ended before it.
    if (s.ended && s.state.world !== undefined) {
      const peers = this.worldPeers(s);
      if (peers.length > 0 && peers.every((o) => o.ended)) for (const o of peers) this.later(o);
    }
  }

  /**
   * A session changed: each of its connections is sent the news in turn, a slice of them per turn of the event loop
   * (see SLICE_MS). At a month's end every chair's view is remade; with forty teams ending a month in the same second,
   * sending them all at once held up every other message for tens of milliseconds. A connection is always sent the
   * session's latest state, so one that acted is served at once with `publish(s, conn)` before its ack (and its
   * place here then finds nothing new to send), and frames to one connection never overtake each other: each
   * session's frames go in publishTo's order, whole, in one slice.
   */
  /**
   * What a chair that acted is sent before its ack: its news, but the game record, which goes with the session's
   * other news (see later) a moment after. Making a record hashes the whole final state, the ledger included: at the
   * end of a long game that is milliseconds, and the ack need not wait for it.
   */
  acted(s: Session, c: Outlet): void {
    this.publishTo(s, [c], true, false);
  }

  /**
   * Sends a session's due news now, in this task. The facilitator's commands (a chair freed, an inject, the end)
   * are rare and change what every screen shows: they are told at once, before what the command does next.
   */
  now(s: Session): void {
    const set = this.due.get(s.id);
    if (!set) return;
    this.due.delete(s.id);
    const conns = [...set].filter((c) => c.ws.readyState === c.ws.OPEN && this.isMember(c, s.id));
    // Sent as one publication, as before slices: the facilitator's view at the facilitators' pace, the rest at once.
    this.publishTo(s, conns, false);
    if (this.due.size === 0) for (const f of this.settled.splice(0)) f();
  }

  private later(s: Session): void {
    let set = this.due.get(s.id);
    if (!set) this.due.set(s.id, (set = new Set()));
    for (const c of this.deps.members(s.id)) set.add(c);
    if (set.size === 0) this.due.delete(s.id);
    else this.slicer ??= setImmediate(() => this.slice());
  }

  /** Sends what is due, for SLICE_MS at most (one connection at least), and leaves the rest to the next turn. */
  private slice(): void {
    this.slicer = null;
    const t0 = performance.now();
    for (const [id, set] of this.due) {
      const s = this.deps.session(id);
      for (const c of set) {
        set.delete(c);
        if (s && c.ws.readyState === c.ws.OPEN && this.isMember(c, id)) this.publishTo(s, [c], false);
        if (performance.now() - t0 >= SLICE_MS) break;
      }
      if (set.size === 0) this.due.delete(id);
      if (performance.now() - t0 >= SLICE_MS) break;
    }
    if (this.due.size > 0) this.slicer = setImmediate(() => this.slice());
    else for (const f of this.settled.splice(0)) f();
  }

  private isMember(c: Outlet, session: string): boolean {
    for (const m of this.deps.members(session)) if (m === c) return true;
    return false;
  }

  /** Settles once every session's news has gone out (for tests, and for a caller that must know). */
  sent(): Promise<void> {
    if (this.due.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.settled.push(resolve));
  }

  /**
   * The other sessions on the same world key as `s` (teams started on the same seed). While one of them plays on, a
   * record for a chair or a projector leaves the key out (it would tell that team what the world will draw).
   */
  private worldPeers(s: Session): Session[] {
    const world = s.state.world;
    if (world === undefined || !this.deps.sessions) return [];
    return [...this.deps.sessions()].filter((o) => o !== s && o.state.world === world);
  }

  /**
   * Sends these connections of a session what changed for them. `asked`: a connection asked for it or acted (a
   * facilitator's view then goes at once, not at the facilitators' pace). Without `withRecord`, an ended session's
   * record is left for later (the connection must be due in a slice: see acted). `hashNow`: the facilitator's view
   * carries the hash of this very state (it asked, or the state has stood still: see HASH_QUIET_MS).
   */
  private publishTo(s: Session, conns: readonly Outlet[], asked: boolean, withRecord = true, hashNow = asked): void {
    if (conns.length === 0) return;
    const status = s.status();
    const splits = new Map<string, Split | string>();
    const lobby = this.lobbyText(s);
    const clock = s.clock();
    const clockKey = JSON.stringify(clock);
    const timer = JSON.stringify({
      type: 'timer',
      session: s.id,
      ...clock,
      serverTime: this.deps.now(),
    } satisfies ServerMessage);
    // The facilitator's record carries the world key; anyone else's, only once no team on the same world plays on.
    const record = status.ended && withRecord ? this.recordText(s) : null;
    const shared = record !== null && this.worldPeers(s).some((o) => !o.ended);
    const notices = this.noticesText(s);
    let desk: string | undefined;
    // The facilitator's true state changes with every action: its view (the whole state, hashed) is made after the
    // request that changed it has been answered, in a task of its own, at most one every FACILITATOR_EVERY_MS per
    // session (the last change always follows); at once when this facilitator asked for it, or when the session has
    // ended (the final view goes before the record, on every screen).
    const t = this.deps.now();
    const facNow = (asked && conns.some((c) => c.role === 'facilitator')) || status.ended;
    for (const c of conns) {
      // A connection that has not read what it was sent gets the news when it has: then only the latest.
      if (this.overloaded(c)) {
        this.defer(c, s.id, false);
        continue;
      }
      let key =
        c.role === 'facilitator'
          ? 'facilitator'
          : c.role === 'projector'
            ? 'projector'
            : c.role === 'chair' && c.seat
              ? `chair:${c.seat.seat}`
              : null;
      if (key === 'facilitator' && !facNow) {
        this.facilitatorLater(s, FACILITATOR_EVERY_MS - (t - (this.facilitatorSent.get(s.id) ?? 0)));
        key = null;
      }
      if (key === 'facilitator' && !asked) this.facilitatorSent.set(s.id, t);
      this.sendOnce(c, `${s.id}:lobby`, lobby);
      if (notices !== null) this.sendOnce(c, `${s.id}:notices`, notices);
      if (c.role === 'facilitator' && this.deps.desk) this.sendOnce(c, `${s.id}:desk`, (desk ??= this.deps.desk(s)));
      const paused = status.paused ? 'paused' : 'resumed';
      if (c.last.has(`${s.id}:paused`) || status.paused)
        this.sendOnce(c, `${s.id}:paused`, JSON.stringify({ type: paused, session: s.id } satisfies ServerMessage));
      if (key !== null) {
        let split = splits.get(key);
        if (split === undefined) splits.set(key, (split = this.split(s, key, hashNow)));
        this.sendView(c, s.id, split);
        this.sendOnce(c, `${s.id}:timer`, timer, clockKey);
      }
      // The end is told after the final view, so a screen that hears of it already shows the outcome.
      if (status.ended)
        this.sendOnce(
          c,
          `${s.id}:ended`,
          JSON.stringify({
            type: 'ended',
            session: s.id,
            reason: status.endReason,
            outcome: s.state.outcome,
          } satisfies ServerMessage),
        );
      else c.last.delete(`${s.id}:ended`);
      // The record follows the final view. After an undo past the end, whoever had it hears that it no longer stands.
      if (record !== null) {
        if (c.role === 'facilitator') this.sendOnce(c, `${s.id}:record`, record);
        else if (!shared) {
          // The key has gone out to a screen other than the facilitator's: it keys no new session.
          if (c.last.get(`${s.id}:record`) !== record) s.releaseWorld();
          this.sendOnce(c, `${s.id}:record`, record);
        }
      } else if (!status.ended && c.last.delete(`${s.id}:record`))
        this.send(c, JSON.stringify({ type: 'reopened', session: s.id } satisfies ServerMessage));
    }
  }

  /** A view for one kind of viewer: split (chairs, facilitator) or whole (projector). */
  private viewsOf(s: Session): SessionViews {
    let views = this.views.get(s.id);
    if (!views) this.views.set(s.id, (views = new SessionViews(s.scn)));
    return views;
  }

  private split(s: Session, key: string, hashNow: boolean): Split | string {
    const views = this.viewsOf(s);
    const status = s.status();
    if (key === 'facilitator') {
      // The game held still (paused, over) is when a facilitator reads the hash: it is of this state then.
      const view = views.facilitator(s.state, s.seq, status, hashNow || status.paused || status.ended);
      if (!views.hashedNow(s.state)) this.hashLater(s);
      return view;
    }
    if (key === 'projector') return views.projectorFrame(s.id, s.state, status);
    return views.chair(s.state, key.slice('chair:'.length) as Chair, status);
  }

  /** Sends a connection its view, with only the list entries it does not hold yet. */
  private sendView(c: Outlet, session: string, view: Split | string): void {
    if (typeof view === 'string') return this.sendOnce(c, `${session}:view`, view);
    const held = (list: string) => `${session}:${list}`;
    // Compared before the frame is written out: most publishes change nothing for most screens.
    const compare = compareOf(view);
    if (c.last.get(`${session}:view`) === compare) return;
    c.last.set(`${session}:view`, compare);
    const f = frameOf(session, view, (list) => c.held.get(held(list)));
    view.lists.forEach((l, i) => c.held.set(held(l.name), f.holds[i]!));
    this.send(c, f.text);
  }

  /**
   * The game record of an ended session: the save file of its final state, made once per state. It is what
   * `makeSave` makes, with the hashes the server keeps (sessions tend to end together, and hashing a whole
   * state and scenario again for each would hold up every other session's players at that moment).
   */
  private recordText(s: Session): string {
    const hit = this.records.get(s.id);
    if (hit?.state === s.state) return hit.text;
    const save: SaveFile = {
      format: 'mandate-save',
      version: s.state.world === undefined ? 2 : SAVE_VERSION,
      scenario: { id: s.scn.id, version: s.scn.version, hash: scenarioHash(s.scn) },
      seed: s.state.seed,
      // Sent when the game is over and the fog has lifted; the secret keys nothing a chair could still gain from.
      secret: s.state.secret,
      // The world's key, for the debrief's replay. It is the room's for this seed: a team still playing on the same
      // seed could learn its coming draws from it, so a chair's or a projector's record goes only once every team
      // on the key has ended (see `worldPeers`), and a key that has gone out keys no new session.
      ...(s.state.world === undefined ? {} : { world: s.state.world }),
      log: s.state.log as SaveFile['log'],
      stateHash: this.viewsOf(s).hash(s.state),
      meta: { label: s.row.team },
    };
    const text = JSON.stringify({ type: 'record', session: s.id, save } satisfies ServerMessage);
    this.records.set(s.id, { state: s.state, text });
    return text;
  }

  private lobbyText(s: Session): string {
    const conns = [...this.deps.members(s.id)];
    const online = (seatId: string) => conns.some((c) => c.seat?.id === seatId);
    const seats: Partial<Record<Chair, SeatInfo>> = {};
    for (const chair of s.chairs()) {
      const h = s.holderOf(chair);
      seats[chair] = h
        ? { by: 'human', name: h.name, connected: online(h.id) }
        : { by: 'bot', name: s.doctrine.name, connected: true };
    }
    const projectors = conns.filter((c) => c.role === 'projector').length;
    return JSON.stringify({
      type: 'lobby',
      session: s.id,
      team: s.row.team,
      scenario: s.row.scenario,
      code: s.ended ? null : s.row.code,
      seats,
      projectors,
      status: s.status(),
    } satisfies ServerMessage);
  }

  private sendOnce(c: Outlet, key: string, text: string, compare = text): void {
    if (c.last.get(key) === compare) return;
    c.last.set(key, compare);
    this.send(c, text);
  }

  private send(c: Outlet, text: string): void {
    this.deliver(c, text);
  }

  /** The facilitators' views of a session, `ms` from now (at the soonest, once the current task is over). */
  private facilitatorLater(s: Session, ms: number): void {
    if (this.facilitatorTimers.has(s.id)) return;
    const timer = setTimeout(
      () => {
        this.facilitatorTimers.delete(s.id);
        const now = this.deps.session(s.id);
        if (!now) return;
        this.facilitatorSent.set(s.id, this.deps.now());
        for (const c of this.deps.members(s.id))
          if (c.role === 'facilitator') this.publishTo(now, [c], true, true, false);
      },
      Math.max(0, ms),
    );
    this.facilitatorTimers.set(s.id, timer);
  }

  /** The facilitators' views of a session again with its state's own hash, once that state has stood HASH_QUIET_MS. */
  private hashLater(s: Session): void {
    if (this.hashTimers.has(s.id)) return;
    const state = s.state;
    const timer = setTimeout(() => {
      this.hashTimers.delete(s.id);
      const now = this.deps.session(s.id);
      if (!now) return;
      // It changed meanwhile: its views go on carrying an earlier hash, and the wait starts again.
      if (now.state !== state) return this.hashLater(now);
      for (const c of this.deps.members(s.id)) if (c.role === 'facilitator') this.publishTo(now, [c], true, true, true);
    }, HASH_QUIET_MS);
    timer.unref?.();
    this.hashTimers.set(s.id, timer);
  }

  close(): void {
    for (const timer of [...this.facilitatorTimers.values(), ...this.hashTimers.values()]) clearTimeout(timer);
    if (this.pump) clearInterval(this.pump);
    this.pump = null;
    this.deferred.clear();
    if (this.slicer) clearImmediate(this.slicer);
    this.slicer = null;
    this.due.clear();
    for (const f of this.settled.splice(0)) f();
  }
}
