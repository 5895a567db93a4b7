// The session store: SQLite (WAL), written synchronously. A session is its row plus its append-only event log.
import { chmodSync, closeSync, existsSync, openSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Action, Phase } from '../engine/index.js';
import type { Chair } from '../scenario/schema.js';
import type { Notice, ScheduledItem, SeatKind, TimedPhase } from '../net/protocol.js';

/** One entry of a session's log. With the scenario and the seed, the log is the whole session. */
export type SessionEvent =
  | { readonly kind: 'start' }
  | { readonly kind: 'action'; readonly action: Action }
  | { readonly kind: 'pause' }
  | { readonly kind: 'resume' }
  | { readonly kind: 'timers'; readonly seconds: Readonly<Partial<Record<TimedPhase, number | null>>> }
  /** The clock of one phase of one turn: closes at `at` (server ms), or stopped (null). */
  | { readonly kind: 'deadline'; readonly turn: number; readonly phase: Phase; readonly at: number | null }
  /** Back to the first `to` game actions; what followed stays in this log but not in the game. */
  | { readonly kind: 'undo'; readonly to: number; readonly reason: string }
  | { readonly kind: 'end'; readonly reason: string }
  /** A chair freed by the facilitator (for the record: seats themselves live in the seats table). */
  | { readonly kind: 'release'; readonly chair: Chair }
  /** The bots may play this month through although nobody sits in a chair (the facilitator said so). */
  | { readonly kind: 'open-month'; readonly turn: number }
  | { readonly kind: 'autoplay'; readonly on: boolean }
  /** A card for every screen. */
  | { readonly kind: 'notice'; readonly notice: Notice }
  /** The facilitator's private note on an inject (never sent to a chair or a projector). */
  | { readonly kind: 'note'; readonly turn: number; readonly title: string; readonly text: string }
  /** The session's plan of injects and messages (replaces the one before). */
  | { readonly kind: 'schedule'; readonly items: readonly ScheduledItem[] }
  /** A planned item that could not be sent in its month (logged under its `plan:` intent, so it is not tried again). */
  | { readonly kind: 'skipped'; readonly key: string; readonly why: string }
  /** Stop after each month for a discussion (on), or play on (off). */
  | { readonly kind: 'month-stop'; readonly on: boolean }
  /** The session stops (a pause follows) for the room to discuss this month, just resolved. */
  | { readonly kind: 'discuss'; readonly turn: number };

/** Who caused an event: `facilitator`, `seat:<id>` (a person in a chair), `bot:<chair>`, `timer` or `server`. */
export type ActorKey = string;

export interface EventRow {
  readonly seq: number;
  readonly actor: ActorKey;
  readonly intent: string | null;
  readonly at: number;
  readonly event: SessionEvent;
}

export interface NewEvent {
  readonly actor: ActorKey;
  readonly intent: string | null;
  readonly at: number;
  readonly event: SessionEvent;
}

export interface SessionRow {
  readonly id: string;
  readonly code: string;
  readonly scenario: string;
  readonly scenarioHash: string;
  readonly seed: number;
  readonly team: string;
  readonly doctrine: string;
  readonly createdAt: number;
  readonly endedAt: number | null;
}

export interface SeatRow {
  readonly id: string;
  readonly session: string;
  readonly seat: SeatKind;
  readonly name: string;
  readonly tokenHash: string;
  readonly createdAt: number;
  readonly releasedAt: number | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, scenario TEXT NOT NULL, scenario_hash TEXT NOT NULL,
  seed INTEGER NOT NULL, team TEXT NOT NULL, doctrine TEXT NOT NULL, created_at INTEGER NOT NULL, ended_at INTEGER);
CREATE TABLE IF NOT EXISTS events (
  session TEXT NOT NULL, seq INTEGER NOT NULL, actor TEXT NOT NULL, intent TEXT, at INTEGER NOT NULL, body TEXT NOT NULL,
  PRIMARY KEY (session, seq)) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS events_intent ON events(session, actor, intent) WHERE intent IS NOT NULL;
CREATE TABLE IF NOT EXISTS seats (
  id TEXT PRIMARY KEY, session TEXT NOT NULL, seat TEXT NOT NULL, name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL, released_at INTEGER);
CREATE INDEX IF NOT EXISTS seats_session ON seats(session);
`;

interface RawSession {
  id: string;
  code: string;
  scenario: string;
  scenario_hash: string;
  seed: number;
  team: string;
  doctrine: string;
  created_at: number;
  ended_at: number | null;
}
interface RawSeat {
  id: string;
  session: string;
  seat: string;
  name: string;
  token_hash: string;
  created_at: number;
  released_at: number | null;
}
interface RawEvent {
  seq: number;
  actor: string;
  intent: string | null;
  at: number;
  body: string;
}

const toSession = (r: RawSession): SessionRow => ({
  id: r.id,
  code: r.code,
  scenario: r.scenario,
  scenarioHash: r.scenario_hash,
  seed: r.seed,
  team: r.team,
  doctrine: r.doctrine,
  createdAt: r.created_at,
  endedAt: r.ended_at,
});
const toSeat = (r: RawSeat): SeatRow => ({
  id: r.id,
  session: r.session,
  seat: r.seat as SeatKind,
  name: r.name,
  tokenHash: r.token_hash,
  createdAt: r.created_at,
  releasedAt: r.released_at,
});

export type Durability = 'full' | 'normal';

/** How often the checkpointer copies the write-ahead log back into the database file. */
const CHECKPOINT_EVERY_MS = 1000;

/**
 * The checkpointer: a thread with its own connection to the file that copies the write-ahead log back into the
 * database now and then (a passive checkpoint, which never waits on the server's writes nor holds them up). SQLite
 * would otherwise do it itself, inside whichever commit crosses 1,000 pages of log, with an fsync of the database
 * file: a pause of tens of milliseconds for every player whose move happened to come then.
 */
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('synchronous = ' + workerData.synchronous);
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (e) {
    parentPort.postMessage({ failed: String(e && e.message ? e.message : e) });
  }
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** The database cannot be used (read-only, not a database, damaged): said in one line, for the person starting the server. */
export class StoreError extends Error {}

/** The first line of what SQLite or the file system said, with its code. */
function why(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
  return typeof code === 'string' && !msg.includes(code) ? `${msg} (${code})` : msg;
}

export class SessionStore {
  private readonly db: Database.Database;
  private readonly stmts;
  private readonly appendTx: (session: string, lastSeq: number, events: readonly NewEvent[]) => void;
  private checkpointer: Worker | null = null;
  private readonly deleteTx: (id: string, metaKeys: readonly string[]) => void;

  /**
   * `normal` (the default) survives a crash or kill of the process with nothing lost: in WAL mode a
   * committed transaction is in the log file before the call returns. `full` also survives a power cut.
   */
  constructor(path: string, durability: Durability = 'normal') {
    // The file holds every game and the seats' token hashes: readable by its owner only. SQLite gives its -wal
    // and -shm files the same mode.
    try {
      if (path !== ':memory:' && !existsSync(path)) closeSync(openSync(path, 'a', 0o600));
      // Group and others lose every right; the owner keeps what it had (a file made read-only stays so, and is refused below).
      if (path !== ':memory:') chmodSync(path, statSync(path).mode & 0o600);
    } catch (e) {
      if (!existsSync(path)) throw new StoreError(`the database ${path} cannot be created: ${why(e)}`);
      // Not ours to change (another owner): it is used as it is.
    }
    let db: Database.Database;
    try {
      db = new Database(path, { fileMustExist: path !== ':memory:' });
    } catch (e) {
      throw new StoreError(`the database ${path} cannot be opened: ${why(e)}`);
    }
    this.db = db;
    try {
      if (db.readonly) throw new Error('the file is read-only');
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`it is damaged: ${String(check)}`);
      db.exec(SCHEMA);
      // A write now, rather than a refusal at the first move of the first game: a read-only file or directory shows here.
      db.prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      ).run('opened_at', String(Date.now()));
    } catch (e) {
      db.close();
      throw new StoreError(`the database ${path} cannot be used: ${why(e)}`);
    }
    this.stmts = {
      getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      setMeta: db.prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      ),
      insertSession: db.prepare(
        'INSERT INTO sessions (id, code, scenario, scenario_hash, seed, team, doctrine, created_at, ended_at) VALUES (@id, @code, @scenario, @scenarioHash, @seed, @team, @doctrine, @createdAt, NULL)',
      ),
      session: db.prepare<[string], RawSession>('SELECT * FROM sessions WHERE id = ?'),
      sessionByCode: db.prepare<[string], RawSession>('SELECT * FROM sessions WHERE code = ?'),
      openSessions: db.prepare<[], RawSession>('SELECT * FROM sessions WHERE ended_at IS NULL ORDER BY created_at'),
      recentSessions: db.prepare<[number], RawSession>('SELECT * FROM sessions ORDER BY created_at DESC LIMIT ?'),
      setEnded: db.prepare('UPDATE sessions SET ended_at = ? WHERE id = ?'),
      events: db.prepare<[string], RawEvent>(
        'SELECT seq, actor, intent, at, body FROM events WHERE session = ? ORDER BY seq',
      ),
      insertEvent: db.prepare('INSERT INTO events (session, seq, actor, intent, at, body) VALUES (?, ?, ?, ?, ?, ?)'),
      intent: db.prepare<[string, string, string], { seq: number }>(
        'SELECT seq FROM events WHERE session = ? AND actor = ? AND intent = ?',
      ),
      insertSeat: db.prepare(
        'INSERT INTO seats (id, session, seat, name, token_hash, created_at, released_at) VALUES (@id, @session, @seat, @name, @tokenHash, @createdAt, NULL)',
      ),
      seatsOf: db.prepare<[string], RawSeat>(
        'SELECT * FROM seats WHERE session = ? AND released_at IS NULL ORDER BY created_at',
      ),
      seatByToken: db.prepare<[string], RawSeat>('SELECT * FROM seats WHERE token_hash = ? AND released_at IS NULL'),
      releaseSeat: db.prepare('UPDATE seats SET released_at = ? WHERE id = ?'),
      setSeatToken: db.prepare('UPDATE seats SET token_hash = ? WHERE id = ?'),
      deleteSeat: db.prepare("DELETE FROM seats WHERE id = ? AND seat = 'projector'"),
      deleteEvents: db.prepare('DELETE FROM events WHERE session = ?'),
      deleteSeats: db.prepare('DELETE FROM seats WHERE session = ?'),
      deleteSessionRow: db.prepare('DELETE FROM sessions WHERE id = ?'),
      deleteMeta: db.prepare('DELETE FROM meta WHERE key = ?'),
    };
    this.deleteTx = db.transaction((id: string, metaKeys: readonly string[]) => {
      this.stmts.deleteEvents.run(id);
      this.stmts.deleteSeats.run(id);
      for (const k of metaKeys) this.stmts.deleteMeta.run(k);
      this.stmts.deleteSessionRow.run(id);
    });
    const insert = this.stmts.insertEvent;
    this.appendTx = db.transaction((session: string, lastSeq: number, events: readonly NewEvent[]) => {
      events.forEach((e, i) => insert.run(session, lastSeq + 1 + i, e.actor, e.intent, e.at, JSON.stringify(e.event)));
    });
    if (path !== ':memory:') this.startCheckpointer(path, durability);
  }

  /** Checkpoints move to their own thread (see CHECKPOINTER); if it cannot run, SQLite checkpoints as it did. */
  private startCheckpointer(path: string, durability: Durability): void {
    let worker: Worker;
    try {
      worker = new Worker(CHECKPOINTER, {
        eval: true,
        workerData: {
          path,
          driver: createRequire(import.meta.url).resolve('better-sqlite3'),
          synchronous: durability === 'full' ? 'FULL' : 'NORMAL',
          everyMs: CHECKPOINT_EVERY_MS,
        },
      });
    } catch {
      return;
    }
    this.db.pragma('wal_autocheckpoint = 0');
    worker.unref();
    const fallBack = () => {
      if (this.checkpointer !== worker) return;
      this.checkpointer = null;
      if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
    };
    worker.on('message', (m: { failed?: string }) => {
      if (m.failed === undefined) return;
      fallBack();
      void worker.terminate();
    });
    worker.on('error', fallBack);
    worker.on('exit', fallBack);
    this.checkpointer = worker;
  }

  meta(key: string): string | undefined {
    return this.stmts.getMeta.get(key)?.value;
  }

  setMeta(key: string, value: string): void {
    this.stmts.setMeta.run(key, value);
  }

  createSession(row: SessionRow): void {
    this.stmts.insertSession.run({ ...row });
  }

  session(id: string): SessionRow | undefined {
    const r = this.stmts.session.get(id);
    return r && toSession(r);
  }

  sessionByCode(code: string): SessionRow | undefined {
    const r = this.stmts.sessionByCode.get(code);
    return r && toSession(r);
  }

  /** The sessions still open, oldest first. */
  openSessions(): SessionRow[] {
    return this.stmts.openSessions.all().map(toSession);
  }

  /** The latest sessions, open or ended, newest first. */
  recentSessions(limit: number): SessionRow[] {
    return this.stmts.recentSessions.all(limit).map(toSession);
  }

  /**
   * Removes a session that could not be made whole at its creation (its row, log, seats and the meta keys given),
   * all or nothing. Sessions that were played are never removed: their log is the record.
   */
  deleteSession(id: string, metaKeys: readonly string[]): void {
    this.deleteTx(id, metaKeys);
  }

  setEnded(id: string, at: number | null): void {
    this.stmts.setEnded.run(at, id);
  }

  /** A session's log. A body that is not JSON comes back as a null event, for the session to refuse (it is then broken). */
  events(session: string): EventRow[] {
    return this.stmts.events.all(session).map((r) => {
      let event: SessionEvent;
      try {
        event = JSON.parse(r.body) as SessionEvent;
      } catch {
        event = null as unknown as SessionEvent;
      }
      return { seq: r.seq, actor: r.actor, intent: r.intent, at: r.at, event };
    });
  }

  deleteMeta(key: string): void {
    this.stmts.deleteMeta.run(key);
  }

  /** Appends events after `lastSeq`, all or none. Returns the new last seq. */
  append(session: string, lastSeq: number, events: readonly NewEvent[]): number {
    if (events.length === 0) return lastSeq;
    this.appendTx(session, lastSeq, events);
    return lastSeq + events.length;
  }

  /** The seq of an intent already applied for this actor, if any. */
  intentSeq(session: string, actor: ActorKey, intent: string): number | undefined {
    return this.stmts.intent.get(session, actor, intent)?.seq;
  }

  addSeat(row: SeatRow): void {
    this.stmts.insertSeat.run({ ...row });
  }

  seats(session: string): SeatRow[] {
    return this.stmts.seatsOf.all(session).map(toSeat);
  }

  seatByToken(tokenHash: string): SeatRow | undefined {
    const r = this.stmts.seatByToken.get(tokenHash);
    return r && toSeat(r);
  }

  releaseSeat(id: string, at: number): void {
    this.stmts.releaseSeat.run(at, id);
  }

  /** A seat's new token (the chair taken back from another device): the old one stops working. */
  setSeatToken(id: string, tokenHash: string): void {
    this.stmts.setSeatToken.run(tokenHash, id);
  }

  /** Forgets a projector seat taken over by a new screen (projectors act on nothing, so no record of them is kept). */
  forgetProjector(id: string): void {
    this.stmts.deleteSeat.run(id);
  }

  /**
   * Closes the store; the promise settles once the checkpointer has closed its connection too. Until then the thread
   * may still write to the folder (the last connection to close checkpoints the log and removes it), so whoever removes
   * or moves the database's folder waits for it.
   */
  close(): Promise<void> {
    const worker = this.checkpointer;
    this.checkpointer = null;
    const ended = worker ? new Promise<void>((ok) => worker.once('exit', () => ok())) : Promise.resolve();
    // It closes its connection and ends; the last connection to close checkpoints what is left.
    worker?.postMessage('close');
    this.db.close();
    return ended;
  }
}
