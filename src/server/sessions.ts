// The sessions a server holds: loaded from the store (resumed at start, or when first asked for), created for the
// facilitator, found by id or join code, summarized for the facilitator's list. The hub holds the connections.
import { randomBytes } from 'node:crypto';
import { checkAllowed, lastTurn, newGame } from '../engine/index.js';
import { DOCTRINES, doctrineByName } from '../sim/doctrines/index.js';
import type { ErrorCode, ParsedClientMessage, SessionSummary } from '../net/protocol.js';
import type { SessionRow, SessionStore } from './db.js';
import { scenarioById } from './scenarios.js';
import { Session } from './session.js';
import { newJoinCode, newSessionId } from './tokens.js';

/** How many past sessions the facilitator's list reaches back to. */
const RECENT_SESSIONS = 100;

export interface SessionsDeps {
  readonly store: SessionStore;
  readonly now: () => number;
  /** The address a player opens to join with a code. */
  readonly joinLink: (code: string) => string;
  /** A session changed: its connections are to hear of it. */
  readonly changed: (s: Session) => void;
  /** A session was forgotten (it could not be made whole): what others keep for it goes too. */
  readonly discarded: (id: string) => void;
  readonly log?: (line: string) => void;
}

export type Created = { ok: true; session: Session } | { ok: false; code: ErrorCode; message: string };

export class Sessions {
  /** Every session in memory, by id. */
  readonly all = new Map<string, Session>();
  private readonly byCode = new Map<string, Session>();
  /** Sessions that could not be loaded at all, with why (they are not tried again). */
  private readonly unloadable = new Map<string, string>();
  private recentLoaded = false;

  constructor(private readonly deps: SessionsDeps) {}

  /**
   * Resumes every open session from its log. Returns how many resumed, and how many could not be: a session
   * that fails to load is left out (or kept read-only, marked broken) and the others resume.
   */
  resumeAll(): { resumed: number; broken: number } {
    let resumed = 0;
    let broken = 0;
    for (const row of this.deps.store.openSessions()) {
      if (this.load(row)?.broken === null) resumed++;
      else broken++;
    }
    return { resumed, broken };
  }

  private load(row: SessionRow): Session | null {
    const hit = this.all.get(row.id);
    if (hit) return hit;
    if (this.unloadable.has(row.id)) return null;
    const scn = scenarioById(row.scenario);
    if (!scn.ok) {
      this.deps.log?.(`session ${row.id}: scenario '${row.scenario}' cannot be loaded: ${scn.message}`);
      this.unloadable.set(row.id, scn.message);
      return null;
    }
    if (scn.value.hash !== row.scenarioHash)
      this.deps.log?.(
        `session ${row.id}: scenario '${row.scenario}' has changed since the session was created; replaying anyway`,
      );
    let s: Session;
    try {
      s = Session.open(row, scn.value.scenario, {
        store: this.deps.store,
        now: this.deps.now,
        onChange: (x) => this.deps.changed(x),
        ...(this.deps.log ? { log: this.deps.log } : {}),
      });
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      this.deps.log?.(`session ${row.id}: cannot be loaded (${why}); the other sessions go on`);
      this.unloadable.set(row.id, why);
      return null;
    }
    this.all.set(row.id, s);
    this.byCode.set(row.code, s);
    try {
      s.carryOn();
    } catch (e) {
      s.markBroken(`it could not carry on after loading (${e instanceof Error ? e.message : String(e)})`);
    }
    return s;
  }

  /** A session by id: in memory, or loaded from the store (null: there is none, or it cannot be loaded). */
  byId(id: string): Session | null {
    const hit = this.all.get(id);
    if (hit) return hit;
    const row = this.deps.store.session(id);
    return row ? this.load(row) : null;
  }

  /** The session a join code opens, if it is in memory. */
  withCode(code: string): Session | null {
    return this.byCode.get(code) ?? null;
  }

  /**
   * A new session, as the facilitator asks. Everything is checked before anything is written (bad input changes
   * nothing), and a failure after the first write takes back what was written: no session is left half made.
   */
  create(msg: Extract<ParsedClientMessage, { type: 'create-session' }>): Created {
    const scn = scenarioById(msg.scenario);
    if (!scn.ok) return { ok: false, code: 'scenario/unknown', message: scn.message };
    const doctrine = msg.doctrine ?? 'report';
    if (!doctrineByName(doctrine))
      return {
        ok: false,
        code: 'doctrine/unknown',
        message: `no doctrine '${doctrine}' (${Object.keys(DOCTRINES).join(', ')})`,
      };
    // The length by the engine's own rule, on a game not yet started, as the new session's will be.
    const scenario = scn.value.scenario;
    if (msg.months !== undefined) {
      const no = checkAllowed(newGame(scenario, 0), { type: 'facilitator/length', months: msg.months }, scenario);
      if (no) return { ok: false, code: no.code, message: no.message };
    }
    let code = newJoinCode();
    while (this.deps.store.sessionByCode(code)) code = newJoinCode();
    const row: SessionRow = {
      id: newSessionId(),
      code,
      scenario: msg.scenario,
      scenarioHash: scn.value.hash,
      seed: msg.seed ?? randomBytes(4).readUInt32BE(0),
      team: msg.team,
      doctrine,
      createdAt: this.deps.now(),
      endedAt: null,
    };
    this.deps.store.createSession(row);
    let s: Session | null;
    let refusal: { code: ErrorCode; message: string } = {
      code: 'internal',
      message: 'the session could not be opened',
    };
    try {
      s = this.load(row);
      if (s && msg.months !== undefined && msg.months < scenario.turns) {
        const r = s.command({ do: 'set-length', months: msg.months }, `${msg.id}:length`);
        if (!r.ok) {
          refusal = r;
          s = null;
        }
      }
    } catch (e) {
      this.deps.log?.(`session ${row.id} could not be created: ${e instanceof Error ? e.message : String(e)}`);
      s = null;
    }
    if (!s) {
      this.discard(row);
      return { ok: false, ...refusal };
    }
    return { ok: true, session: s };
  }

  /** Forgets a session that could not be made whole: in memory, in the store, and wherever `discarded` reaches. */
  private discard(row: SessionRow): void {
    this.all.get(row.id)?.close();
    this.all.delete(row.id);
    this.byCode.delete(row.code);
    this.unloadable.delete(row.id);
    this.deps.discarded(row.id);
    this.deps.store.deleteSession(row.id, Session.metaKeys(row.id));
  }

  /** Every session in memory and the most recent ones in the store (ended ones too, for the debrief), newest first. */
  list(): SessionSummary[] {
    // The recent sessions this server has not loaded (ended before a restart) are loaded once; new ones load as made.
    if (!this.recentLoaded) for (const row of this.deps.store.recentSessions(RECENT_SESSIONS)) this.byId(row.id);
    this.recentLoaded = true;
    return [...this.all.values()].sort((a, b) => b.row.createdAt - a.row.createdAt).map((s) => this.summary(s));
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
      link: open ? this.deps.joinLink(s.row.code) : null,
      turn: s.state.turn,
      phase: s.state.phase,
      status: s.status(),
      months: lastTurn(s.state, s.scn),
    };
  }

  /** Closes every session's clocks. */
  close(): void {
    for (const s of this.all.values()) s.close();
  }
}
