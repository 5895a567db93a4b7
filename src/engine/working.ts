// A game played forward in place: the path of replay, bot games and rollouts (step.ts is the path of every other).
import type { Scenario } from '../scenario/schema.js';
import { checkAllowed } from './legal.js';
import { isAction } from './action-shape.js';
import { deepFreeze, isFreezing } from './freeze.js';
import { collectorOf, sealedCopy, tapesFor, workingCopy, type Tape } from './tape.js';
import { apply, ownBranches } from './apply.js';
import { freezeState, MALFORMED } from './step.js';
import type { Action, DraftState, EngineEvent, GameState, LedgerEntry, Rejection } from './types.js';

/**
 * A game played forward in place: replay, bot games and rollouts, which step one line of a game and hand out only
 * some of its states. Each step works on a fresh working copy of the last (tape.ts `workingCopy`: its own identity,
 * so that no cache keyed by a state ever sees one object change) which shares every branch the action does not
 * write; the log and the ledger are appended in place to buffers no earlier state reads past its length. The
 * difference from `step` is what is not done for every step: no state is made with accessors, nothing is frozen,
 * and plans are copied only when a state handed out (`state()`) or the game's start still holds them.
 *
 * The rules are `step`'s own (`checkAllowed`, then `apply` on a draft that owns what the action writes), so a game
 * played here is the game `step` plays. Nothing keeps a working copy: the states handed out are sealed copies,
 * frozen like `step`'s under tests, whose branches the working copies never write in place (the branches the rules
 * write are copied for each step that runs mechanics, as `step` copies them; the plans, after a state was handed out).
 *
 * The actions are trusted to be well formed (the bot driver's are typed, a saved log is parsed once by save-parse):
 * their shape is checked only where states are frozen (tests, development), with `step`'s verdict. Input from
 * outside goes through `step`.
 */
export class Working {
  /** The state the next step starts from: the start, or the last working copy. */
  #at: GameState | DraftState;
  #log: Tape<Action>;
  #ledger: Tape<LedgerEntry>;
  /** The state last handed out (or the start): its plans are others' to keep, and it is `state()` until a step. */
  #out: GameState;
  #fresh = true;
  #steps = 0;
  readonly #events: EngineEvent[] = [];

  constructor(
    readonly scenario: Scenario,
    from: GameState,
  ) {
    const t = tapesFor(from);
    this.#at = from;
    this.#out = from;
    this.#log = t.log;
    this.#ledger = t.ledger;
  }

  /** How many actions this game has taken since it was made here. */
  get steps(): number {
    return this.#steps;
  }

  get phase(): GameState['phase'] {
    return this.#at.phase;
  }

  get turn(): number {
    return this.#at.turn;
  }

  /** Takes `a` if the rules allow it, as `step` would; a refused action changes nothing. */
  play(a: Action): Rejection | null {
    if (isFreezing() && !isAction(a)) return MALFORMED;
    const scn = this.scenario;
    const prev = this.#at;
    const d = workingCopy(prev, this.#log, this.#ledger);
    // Judged on the state handed out when it is still the game's (the driver's first action after a decision: its
    // legality context is the one the legal list was made with), else on the working copy, which no one else reads.
    const rejection = checkAllowed(this.#fresh ? this.#out : (d as GameState), a, scn);
    if (rejection) return rejection;
    ownBranches(d, prev, a, scn, this.#out.plans);
    const events = this.#events;
    events.length = 0;
    apply(d, a, scn, events);
    const entries = collectorOf(d)!;
    if (isFreezing()) {
      deepFreeze(a);
      for (const e of entries) deepFreeze(e);
    }
    this.#log = this.#log.appendOne(a);
    this.#ledger = this.#ledger.append(entries);
    this.#at = d;
    this.#fresh = false;
    this.#steps++;
    return null;
  }

  /** The game as it stands, as an immutable state (the same object until the next step). */
  state(): GameState {
    if (this.#fresh) return this.#out;
    const s = sealedCopy(this.#at, this.#log, this.#ledger);
    if (isFreezing()) freezeState(s);
    this.#out = s;
    this.#fresh = true;
    return s;
  }
}
