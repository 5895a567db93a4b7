// Drafts and tapes: the copy a step works on, the state it becomes, and the ledger as a tape its readers share.
//
// A state's `log` and `ledger` are plain frozen arrays (data properties, as in every other state: accessors made
// per state cost more than the copy they saved). A step's draft is one object literal that shares every branch with
// the state before and carries the step's ledger collector; `finish` makes the new state from it, with the log and
// the ledger copied once and appended to (a step that records nothing shares the ledger before).
//
// Readers in the engine that walk the ledger month by month (knowledge.ts, view.ts) read it as a tape: a length over
// a buffer that is only ever appended to, shared by the ledgers of one game, so what they work out per entry is kept
// with the buffer instead of once per ledger. A step appends its entries to the buffer of the ledger before in place
// when nothing was appended to it since (a game moving forward), to a copy of the prefix otherwise (a state stepped
// twice, as a search does).
import { deepFreeze, isFreezing } from './freeze.js';
import { COLLECTOR, type Collecting } from './ledger.js';
import type { Action, DraftState, GameState, LedgerEntry } from './types.js';

interface Buffer<T> {
  readonly items: T[];
  /** Set when the buffer is an array that callers own (a state's ledger): it is never appended to. */
  closed: boolean;
}

const plain = new WeakMap<readonly unknown[], Tape<unknown>>();

export class Tape<T> {
  private constructor(
    private readonly buffer: Buffer<T>,
    /** How many of the buffer's items this tape holds. */
    readonly length: number,
  ) {}

  /** A tape over a plain array that callers own (made once per array): appending copies it first. */
  static of<T>(items: readonly T[]): Tape<T> {
    let t = plain.get(items) as Tape<T> | undefined;
    if (!t) {
      t = new Tape<T>({ items: items as T[], closed: true }, items.length);
      plain.set(items, t);
    }
    return t;
  }

  /** The items of this tape: `items[0 .. length)`. The array may hold more after them, which are not this tape's. */
  get items(): readonly T[] {
    return this.buffer.items;
  }

  /** This tape followed by `more`; this tape is unchanged. */
  append(more: readonly T[]): Tape<T> {
    if (more.length === 0) return this;
    const items = this.appendable();
    for (const x of more) items.push(x);
    return new Tape(this.buffer.items === items ? this.buffer : { items, closed: false }, items.length);
  }

  /** The buffer when this tape is its newest and it is open, else a copy of this tape's items to append to. */
  private appendable(): T[] {
    const b = this.buffer;
    return !b.closed && b.items.length === this.length ? b.items : b.items.slice(0, this.length);
  }

  /** Makes this tape the one `Tape.of(array)` finds (`array` holds this tape's items). */
  adopt(array: readonly T[]): void {
    plain.set(array, this);
  }
}

/** The ledger of a state as a tape, for readers in the engine that walk it month by month. */
export function ledgerTape(s: GameState | DraftState): Tape<LedgerEntry> {
  return Tape.of(s.ledger);
}

/** A step's draft: the state's fields, and the collector of the ledger entries the step makes (ledger.ts). */
type Draft = DraftState & Collecting;

/**
 * A mutable copy of `s` for a step to work on, sharing every branch with `s` (the step copies those it writes:
 * step.ts), with an empty ledger collector. Made as one literal, so that every draft has the same shape.
 */
export function draftOf(s: GameState): DraftState {
  const d: Draft = {
    format: s.format,
    scenario: s.scenario,
    seed: s.seed,
    secret: s.secret,
    turn: s.turn,
    phase: s.phase,
    indicators: s.indicators,
    violence: s.violence,
    actors: s.actors,
    units: s.units,
    deployments: s.deployments,
    mandate: s.mandate,
    reviewed: s.reviewed,
    strategy: s.strategy,
    flags: s.flags,
    fired: s.fired,
    pendingChoices: s.pendingChoices,
    warnings: s.warnings,
    plans: s.plans,
    conflicts: s.conflicts,
    played: s.played,
    agreement: s.agreement,
    consultedUntil: s.consultedUntil,
    outcome: s.outcome,
    ledger: s.ledger,
    log: s.log,
    world: s.world,
    rng: s.rng,
    assessed: s.assessed,
    tally: s.tally,
    months: s.months,
    [COLLECTOR]: [],
  } as unknown as Draft;
  // Under tests and in development (freeze.ts), a field of the state this copy does not know of fails at once.
  if (isFreezing()) for (const k in s) if (!(k in d)) throw new Error(`draftOf does not copy the state's '${k}'`);
  return d;
}

/**
 * The state a step's draft ends as: its fields (those absent left out, as in the state before), the log with
 * `action` appended, and the ledger with the entries collected. Under tests and in development the new state is
 * frozen, with everything new under it (branches shared with older states are frozen already).
 */
export function finish(draft: DraftState, action: Action): GameState {
  const d = draft as Draft;
  const entries = d[COLLECTOR]!;
  const log = (d.log as readonly Action[]).slice();
  log.push(action);
  let ledger = d.ledger as readonly LedgerEntry[];
  if (entries.length > 0) {
    const tape = Tape.of(ledger).append(entries);
    const array = ledger.concat(entries);
    tape.adopt(array);
    ledger = array;
  }
  const s = {
    format: d.format,
    scenario: d.scenario,
    seed: d.seed,
    secret: d.secret,
    turn: d.turn,
    phase: d.phase,
    indicators: d.indicators,
    violence: d.violence,
    actors: d.actors,
    units: d.units,
    deployments: d.deployments,
    mandate: d.mandate,
    reviewed: d.reviewed,
    strategy: d.strategy,
    flags: d.flags,
    fired: d.fired,
    pendingChoices: d.pendingChoices,
    warnings: d.warnings,
    plans: d.plans,
    conflicts: d.conflicts,
    played: d.played,
    agreement: d.agreement,
    consultedUntil: d.consultedUntil,
    outcome: d.outcome,
    ledger,
    log,
  } as Record<string, unknown>;
  if (d.world !== undefined) s['world'] = d.world;
  if (d.rng !== undefined) s['rng'] = d.rng;
  if (d.assessed !== undefined) s['assessed'] = d.assessed;
  if (d.tally !== undefined) s['tally'] = d.tally;
  if (d.months !== undefined) s['months'] = d.months;
  const state = s as unknown as GameState;
  if (isFreezing()) {
    deepFreeze(action);
    for (const e of entries) deepFreeze(e);
    Object.freeze(log);
    Object.freeze(ledger);
    for (const k in state) deepFreeze(s[k]);
    Object.freeze(state);
  }
  return state;
}
