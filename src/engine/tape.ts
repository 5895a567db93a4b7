// Tapes: the log and the ledger, which only grow, kept so that the states of one game share their prefix.
//
// A tape is a length over a buffer that is only ever appended to. A step appends its action and its
// ledger entries to the buffer of the state before in place when nothing was appended to it since (the
// common case: a game moving forward), and to a copy of the prefix otherwise (a state stepped twice, as a
// search does), so appending costs the entries appended, not the length of the game. Callers still see
// plain immutable arrays: a state's `log` and `ledger` are properties that make the array the first time
// they are read (the tape's own buffer when the tape is the newest of it, then closed to appending).
import { deepFreeze, isFreezing } from './freeze.js';
import type { Action, DraftState, GameState, LedgerEntry } from './types.js';

interface Buffer<T> {
  readonly items: T[];
  /** Set once the buffer itself was handed out as an array: it is never appended to again. */
  closed: boolean;
}

const plain = new WeakMap<readonly unknown[], Tape<unknown>>();

export class Tape<T> {
  private array: readonly T[] | undefined;

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
      t.array = items;
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
    const b = this.buffer;
    if (!b.closed && b.items.length === this.length) {
      for (const x of more) b.items.push(x);
      return new Tape(b, this.length + more.length);
    }
    const items = b.items.slice(0, this.length);
    for (const x of more) items.push(x);
    return new Tape({ items, closed: false }, items.length);
  }

  /** The tape as an array, made once. Frozen when states are (freeze.ts). */
  toArray(): readonly T[] {
    if (this.array) return this.array;
    const b = this.buffer;
    let out: T[];
    if (b.items.length === this.length) {
      b.closed = true;
      out = b.items;
    } else out = b.items.slice(0, this.length);
    this.array = isFreezing() ? Object.freeze(out) : out;
    return this.array;
  }
}

interface Tapes {
  readonly log: Tape<Action>;
  readonly ledger: Tape<LedgerEntry>;
}

/** The tapes behind states made by `step` (other states hold plain arrays: see `tapesOf`). */
const tapes = new WeakMap<object, Tapes>();

function tapesOfThis(self: object): Tapes {
  const t = tapes.get(self);
  if (!t) throw new Error('a game state copied with its property descriptors lost its log and ledger');
  return t;
}

const LOG: PropertyDescriptor = {
  get(this: object) {
    return tapesOfThis(this).log.toArray();
  },
  enumerable: true,
  configurable: false,
};
const LEDGER: PropertyDescriptor = {
  get(this: object) {
    return tapesOfThis(this).ledger.toArray();
  },
  enumerable: true,
  configurable: false,
};

/** The tapes of a state: its own when `step` made it, else tapes over its plain arrays (made once per state). */
export function tapesOf(s: GameState | DraftState): Tapes {
  let t = tapes.get(s);
  if (!t) {
    t = { log: Tape.of(s.log), ledger: Tape.of(s.ledger) };
    tapes.set(s, t);
  }
  return t;
}

/** The ledger of a state as a tape, for readers in the engine that need not make it an array. */
export function ledgerTape(s: GameState | DraftState): Tape<LedgerEntry> {
  return tapesOf(s).ledger;
}

/**
 * A mutable copy of `s`'s own properties for a step to work on, in the same order; its log and ledger are
 * those of `s` until `setTapes` gives it new ones. Every other branch is shared with `s`.
 */
export function shallowCopy(s: GameState): DraftState {
  const t = tapesOf(s);
  const d: Record<string, unknown> = {};
  for (const k in s) {
    if (k === 'log') Object.defineProperty(d, 'log', LOG);
    else if (k === 'ledger') Object.defineProperty(d, 'ledger', LEDGER);
    else d[k] = (s as unknown as Record<string, unknown>)[k];
  }
  tapes.set(d, t);
  return d as unknown as DraftState;
}

/** Gives a copy made by `shallowCopy` its log and ledger, with this step's action and entries appended. */
export function appendTapes(d: DraftState, action: Action, entries: readonly LedgerEntry[]): void {
  const t = tapes.get(d)!;
  if (isFreezing()) {
    deepFreeze(action);
    for (const e of entries) deepFreeze(e);
  }
  tapes.set(d, { log: t.log.append([action]), ledger: t.ledger.append(entries) });
}
