// A game played forward in place: the path of replay, bot games and rollouts (step.ts is the path of every other).
import type { Scenario } from '../scenario/schema.js';
import { checkAllowed } from './legal.js';
import { isAction } from './action-shape.js';
import { deepFreeze, isFreezing } from './freeze.js';
import { collectorOf, retape, sealedCopy, tapesFor, workingCopy, type Tape } from './tape.js';
import { apply, ownBranches } from './apply.js';
import { freezeState, MALFORMED } from './step.js';
import type { Action, DraftState, EngineEvent, GameState, LedgerEntry, Rejection } from './types.js';

/**
 * A game played forward in place: replay, bot games and rollouts, which step one line of a game and hand out only
 * some of its states. Every step works on one working copy (tape.ts `workingCopy`), made at the first step and written
 * in place from then on: no one else ever reads it, and its identity is never a cache's key (the actions are checked
 * on it by `checkAllowed`, which keeps nothing by a state's identity), so no cache keyed by a state ever sees one
 * object change. Its branches are others' until a step makes them its own: those the rules write are copied
 * for each step that runs mechanics, as `step` copies them (so the caches keyed by a branch, in knowledge.ts and
 * legal-facts.ts, never see one branch change either), and the plans once a state handed out (`state()`) or the
 * game's start holds them. The log and the ledger are appended in place to buffers no earlier state reads past its
 * length. The difference from `step` is what is not done for every step: no state is made, with accessors or
 * without, nothing is frozen, and only the branches a step writes are copied.
 *
 * The rules are `step`'s own (`checkAllowed`, then `apply` on a draft that owns what the action writes), so a game
 * played here is the game `step` plays. The states handed out are sealed copies, frozen like `step`'s under tests,
 * whose branches the working copy never writes in place.
 *
 * The actions are trusted to be well formed (the bot driver's are typed, a saved log is parsed once by save-parse):
 * their shape is checked only where states are frozen (tests, development), with `step`'s verdict. Input from
 * outside goes through `step`.
 */
export class Working {
  /** The working copy every step writes, made at the first step (until then the game stands at its start). */
  #draft: DraftState | undefined;
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
    this.#out = from;
    this.#log = t.log;
    this.#ledger = t.ledger;
  }

  /** How many actions this game has taken since it was made here. */
  get steps(): number {
    return this.#steps;
  }

  get phase(): GameState['phase'] {
    return (this.#draft ?? this.#out).phase;
  }

  get turn(): number {
    return (this.#draft ?? this.#out).turn;
  }

  /** Takes `a` if the rules allow it, as `step` would; a refused action changes nothing. */
  play(a: Action): Rejection | null {
    if (isFreezing() && !isAction(a)) return MALFORMED;
    const scn = this.scenario;
    let d = this.#draft;
    if (d) retape(d, this.#log, this.#ledger);
    // Judged on the state handed out when it is still the game's (the driver's first action after a decision: its
    // legality context is the one the legal list was made with), else on the working copy, for this check alone.
    const rejection = this.#fresh ? checkAllowed(this.#out, a, scn) : checkAllowed(d as GameState, a, scn);
    if (rejection) return rejection;
    if (!d) d = this.#draft = workingCopy(this.#out, this.#log, this.#ledger);
    ownBranches(d, d, a, scn, this.#out.plans);
    const events = this.#events;
    // Emptied only when a step left some (most leave none): setting the length is a call into the runtime.
    if (events.length !== 0) events.length = 0;
    apply(d, a, scn, events);
    const entries = collectorOf(d)!;
    if (isFreezing()) {
      deepFreeze(a);
      for (const e of entries) deepFreeze(e);
    }
    this.#log = this.#log.appendOne(a);
    this.#ledger = this.#ledger.append(entries);
    this.#fresh = false;
    this.#steps++;
    return null;
  }

  /** The game as it stands, as an immutable state (the same object until the next step). */
  state(): GameState {
    if (this.#fresh) return this.#out;
    const s = sealedCopy(this.#draft!, this.#log, this.#ledger);
    if (isFreezing()) freezeState(s);
    this.#out = s;
    this.#fresh = true;
    return s;
  }
}
