// What a doctrine reads of the ledger (DoctrineContext.history): when each chair last played each card and when each
// actor or region was last acted on, as the chair's view of the ledger shows it. Worked out along a game's ledger as it
// grows, each entry read once, rather than in a pass over the view's last few turns for each decision.
import type { Chair } from '../scenario/schema.js';
import type { Cause, GameState } from '../engine/types.js';
import { ledgerTape } from '../engine/tape.js';
import { Recent } from '../engine/recent.js';

/** When things were last done, among the ledger entries of the chair's view (`view.ledger`). */
export interface History {
  /** The last turn in which a card of `chair` changed something, or undefined. */
  lastPlayed(chair: Chair, card: string): number | undefined;
  /** The last turn before the view's in which a card of `chair` changed something, or undefined. */
  lastPlayedBefore(chair: Chair, card: string): number | undefined;
  /** The last turn in which an action on `target` (an actor or a region) changed something, or undefined. */
  lastTargeted(target: string): number | undefined;
}

/** What the digest reads of a ledger entry (a true one or a view's). */
interface Entry {
  readonly turn: number;
  readonly cause: Cause;
}

/** The last two turns of the entries read for one card or target (-1: none). */
interface Turns {
  last: number;
  before: number;
}

/** Notes that something happened in `turn`: the entries come in turn order, so the last turns are the latest. */
function note(m: Map<string, Turns>, key: string, turn: number): void {
  const t = m.get(key);
  if (!t) m.set(key, { last: turn, before: -1 });
  else if (t.last !== turn) {
    t.before = t.last;
    t.last = turn;
  }
}

/** The entries of one ledger read so far, from its first: a ledger only grows, so a later one is read on from here. */
class Digest {
  /** How many entries were read. */
  at = 0;
  readonly cards = new Map<Chair, Map<string, Turns>>();
  readonly targets = new Map<string, Turns>();

  read(entries: readonly Entry[], to: number): this {
    for (let i = this.at; i < to; i++) {
      const e = entries[i]!;
      const c = e.cause;
      if (c.kind !== 'action') continue;
      if (c.target !== undefined) note(this.targets, c.target, e.turn);
      let byCard = this.cards.get(c.chair);
      if (!byCard) this.cards.set(c.chair, (byCard = new Map()));
      note(byCard, c.card, e.turn);
    }
    this.at = to;
    return this;
  }
}

/**
 * A digest as of one point of a ledger: its first `length` entries, those of turns from `from` on (the view's ledger
 * starts there), before `turn` for `lastPlayedBefore` (no entry is of a turn after the state's).
 */
class HistoryAt implements History {
  // Private: the entries are the true ledger's (a view's hides some amounts), and the buffer may hold later ones.
  #digest: Digest;
  readonly #entries: readonly Entry[];
  readonly #length: number;
  readonly #from: number;
  readonly #turn: number;

  constructor(digest: Digest, entries: readonly Entry[], length: number, from: number, turn: number) {
    this.#digest = digest;
    this.#entries = entries;
    this.#length = length;
    this.#from = from;
    this.#turn = turn;
  }

  /** The digest of this point: the shared one has read on past it when a later state of the game was asked about. */
  #read(): Digest {
    const d = this.#digest;
    return d.at === this.#length ? d : (this.#digest = new Digest().read(this.#entries, this.#length));
  }

  #within(t: number): number | undefined {
    return t >= this.#from ? t : undefined;
  }

  lastPlayed(chair: Chair, card: string): number | undefined {
    return this.#within(this.#read().cards.get(chair)?.get(card)?.last ?? -1);
  }

  lastPlayedBefore(chair: Chair, card: string): number | undefined {
    const t = this.#read().cards.get(chair)?.get(card);
    return t === undefined ? undefined : this.#within(t.last < this.#turn ? t.last : t.before);
  }

  lastTargeted(target: string): number | undefined {
    return this.#within(this.#read().targets.get(target)?.last ?? -1);
  }
}

/** The digests of the last few ledgers read, by the buffer their tape appends to (tape.ts: a game's states share it). */
const digests = new Recent<readonly unknown[], Digest>(8);

/**
 * The history a chair's view of `s` shows, its ledger read from turn `from` on. The digest of the state's ledger is
 * read on from where the last state of the game left it; a state behind it (a search going back) gets its own.
 */
export function historyOf(s: GameState, from: number): History {
  const tape = ledgerTape(s);
  const entries = tape.items;
  let d = digests.get(entries);
  if (!d || d.at > tape.length) digests.set(entries, (d = new Digest()));
  return new HistoryAt(d.read(entries, tape.length), entries, tape.length, from, s.turn);
}

/** The digests of the last few views' ledgers (a view made outside the driver: its ledger is an array of its own). */
const viewDigests = new Recent<readonly Entry[], Digest>(8);

/** The history in a view's ledger (`view.ledger`, whatever turns it holds), for a view of turn `turn`. */
export function historyIn(ledger: readonly Entry[], turn: number): History {
  let d = viewDigests.get(ledger);
  if (!d) viewDigests.set(ledger, (d = new Digest().read(ledger, ledger.length)));
  return new HistoryAt(d, ledger, ledger.length, 0, turn);
}
