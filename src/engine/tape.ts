// Tapes: the log and the ledger, which only grow, kept so that the states of one game share their prefix.
//
// A tape is a length over a buffer that is only ever appended to. A step appends its action and its
// ledger entries to the buffer of the state before in place when nothing was appended to it since (the
// common case: a game moving forward), and to a copy of the prefix otherwise (a state stepped twice, as a
// search does), so appending costs the entries appended, not the length of the game. Callers still see
// plain immutable arrays: a state's `log` and `ledger` are properties that make the array the first time
// they are read (the tape's own buffer when the tape is the newest of it, then closed to appending).
// A game played in place (working.ts `Working`) appends to the same tapes, without making a state for each step.
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
    const items = this.appendable();
    for (const x of more) items.push(x);
    return new Tape(this.buffer.items === items ? this.buffer : { items, closed: false }, items.length);
  }

  /** This tape followed by one item; this tape is unchanged. */
  appendOne(x: T): Tape<T> {
    const items = this.appendable();
    items.push(x);
    return new Tape(this.buffer.items === items ? this.buffer : { items, closed: false }, items.length);
  }

  /** The buffer when this tape is its newest and it is open, else a copy of this tape's items to append to. */
  private appendable(): T[] {
    const b = this.buffer;
    return !b.closed && b.items.length === this.length ? b.items : b.items.slice(0, this.length);
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
  /** The ledger entries of the step a draft is being made by (see `collectorOf`); none once the step is done. */
  readonly entries?: LedgerEntry[];
}

/**
 * The tapes over the plain arrays of states made outside the engine (a parsed save, a copy made by spreading), made
 * once per state: states made by `step`, sealed states and working copies keep theirs on themselves (`OWN`).
 */
const tapes = new WeakMap<object, Tapes>();

function tapesOfThis(self: object): Tapes {
  const t = ownTapes(self) ?? tapes.get(self);
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
function tapesOf(s: GameState | DraftState): Tapes {
  let t = ownTapes(s) ?? tapes.get(s);
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
 * What a state literal holds in `seed` until the seed is set, just after (`newGame`, `fieldsOf`). A seed is a uint32,
 * which V8 keeps as a small integer below 2^31 and as a heap number above: a field that has only held small integers
 * turns into a double field at the first heap number, which deprecates the states' shape and throws away every
 * function optimised on it (MONUSCO, 40 report games: 140 deopts, 800 ms of CPU instead of 440 for the first 40 games
 * on large seeds). Holding no number first makes the field one of any value from the first state made: no seed
 * changes its kind, and copying it copies a pointer.
 */
export const UNSEEDED = undefined as unknown as number;

/** The fields of a state but its log and ledger, as one literal, so that every copy has the same shape. */
function fieldsOf(s: GameState | DraftState): Record<string | symbol, unknown> {
  const d = {
    format: s.format,
    scenario: s.scenario,
    seed: UNSEEDED,
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
  } as Record<string | symbol, unknown>;
  d['seed'] = s.seed;
  return d;
}

/** The optional fields, added after the log and the ledger (as `shallowCopy` always has, so hashes keep their order). */
function addOptional(d: Record<string, unknown>, s: GameState | DraftState): void {
  if (s.world !== undefined) d['world'] = s.world;
  if (s.rng !== undefined) d['rng'] = s.rng;
  if (s.assessed !== undefined) d['assessed'] = s.assessed;
  if (s.tally !== undefined) d['tally'] = s.tally;
  if (s.months !== undefined) d['months'] = s.months;
  // Under tests and in development (freeze.ts), a field of the state this copy does not know of fails at once.
  if (isFreezing())
    for (const k in s)
      if (!(k in d) && (s as unknown as Record<string, unknown>)[k] !== undefined)
        throw new Error(`shallowCopy does not copy the state's '${k}'`);
}

/** A copy of `s` whose log and ledger are the given tapes, read through the accessors (made once as arrays). */
function copyOnTapes(s: GameState | DraftState, t: Tapes): DraftState {
  const d = fieldsOf(s);
  Object.defineProperty(d, 'ledger', LEDGER);
  Object.defineProperty(d, 'log', LOG);
  addOptional(d, s);
  Object.defineProperty(d, OWN, { value: t, writable: true, enumerable: false, configurable: false });
  return d as unknown as DraftState;
}

/**
 * A mutable copy of `s` for a step to work on; its log and ledger are those of `s` until `appendTapes` gives it new
 * ones. Every other branch is shared with `s`. Made as one literal, so that every state has the same shape (copying
 * key by key, or spreading, would either make the properties slow or turn the log and the ledger into arrays).
 */
export function shallowCopy(s: GameState): DraftState {
  const t = tapesOf(s);
  return copyOnTapes(s, { log: t.log, ledger: t.ledger, entries: [] });
}

/**
 * The items of a tape as they stand: the buffer itself while the tape is its newest (no copy; the caller only reads
 * it, and the buffer only grows past this length once the caller is done), else the tape made an array.
 */
function itemsNow<T>(t: Tape<T>): readonly T[] {
  return t.items.length === t.length ? t.items : t.toArray();
}

/**
 * Where a state made by the engine keeps its tapes: on itself, not in a weak map (V8's young-generation collector pays
 * for every weak entry whose key is young, and a bot game seals a state for every decision). The key is no one
 * else's, and it is not enumerable on the states handed out: hashes, saves, spreading and freezing read enumerable
 * string keys only. (A working copy, never handed out, has it as a plain property.)
 */
const OWN = Symbol('tapes');

/** A working copy's tapes, moved on in place after each step (`retape`): no one but the copy holds them. */
interface OwnTapes {
  log: Tape<Action>;
  ledger: Tape<LedgerEntry>;
  entries: LedgerEntry[];
}

/**
 * The working copy of `s` that a game played forward in place (working.ts `Working`) steps in place: the log and the
 * ledger are plain properties over the tapes' buffers (no accessors to define), and each step's ledger entries are
 * collected as in `shallowCopy`. It is never handed out, and its identity is never a cache's key (see working.ts),
 * so one copy serves every step of the game. Made from `fieldsOf` with every other field added in one order (the
 * optional ones possibly undefined, which `sealedCopy` leaves out), so that every working copy has one shape.
 */
export function workingCopy(s: GameState | DraftState, log: Tape<Action>, ledger: Tape<LedgerEntry>): DraftState {
  // The fields in `fieldsOf`'s order, then the same ones added in the same order every time: one shape.
  const d = fieldsOf(s);
  d['ledger'] = itemsNow(ledger);
  d['log'] = itemsNow(log);
  d['world'] = s.world;
  d['rng'] = s.rng;
  d['assessed'] = s.assessed;
  d['tally'] = s.tally;
  d['months'] = s.months;
  d[OWN] = { log, ledger, entries: [] } satisfies OwnTapes;
  return d as unknown as DraftState;
}

/**
 * Sets a working copy on the tapes a step starts from: its log and ledger, as they stand (read again for each step:
 * another game from a state handed out may have appended to the buffers since), and a collector for the step's
 * entries. The collector is kept while it is empty: the mechanics that mark their place in it (politics.ts
 * `tallyFrom`) can only have marked its start then, which is where a new one starts too.
 */
export function retape(d: DraftState, log: Tape<Action>, ledger: Tape<LedgerEntry>): void {
  const t = (d as unknown as { [OWN]: OwnTapes })[OWN];
  d.ledger = itemsNow(ledger) as DraftState['ledger'];
  d.log = itemsNow(log) as DraftState['log'];
  t.log = log;
  t.ledger = ledger;
  if (t.entries.length > 0) t.entries = [];
}

/** The tapes a state made by the engine keeps on itself, if `s` is one. */
const ownTapes = (s: object): Tapes | undefined => (s as { [OWN]?: Tapes })[OWN];

/** An immutable state with the fields of `d` and the given tapes as its log and ledger (frozen by the caller). */
export function sealedCopy(d: GameState | DraftState, log: Tape<Action>, ledger: Tape<LedgerEntry>): GameState {
  return copyOnTapes(d, { log, ledger }) as GameState;
}

/** The tapes of a state (or of a working copy), for a game to append to. */
export function tapesFor(s: GameState | DraftState): {
  readonly log: Tape<Action>;
  readonly ledger: Tape<LedgerEntry>;
} {
  return tapesOf(s);
}

/**
 * The collector of the ledger entries made by the step that `d`, a copy made by `shallowCopy`, is the draft of:
 * the ledger only grows, so a step collects its entries with its draft and `appendTapes` appends them. Undefined for
 * any other object (a copy made outside `step`, whose entries go onto its own ledger: ledger.ts).
 */
export function collectorOf(d: GameState | DraftState): LedgerEntry[] | undefined {
  return ownTapes(d)?.entries;
}

/** Gives a copy made by `shallowCopy` its log and ledger, with this step's action and collected entries appended. */
export function appendTapes(d: DraftState, action: Action): void {
  const t = ownTapes(d)!;
  const entries = t.entries ?? [];
  if (isFreezing()) {
    deepFreeze(action);
    for (const e of entries) deepFreeze(e);
  }
  (d as unknown as { [OWN]: Tapes })[OWN] = { log: t.log.appendOne(action), ledger: t.ledger.append(entries) };
}
