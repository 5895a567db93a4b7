// View frames for the wire: a view's head (all but its long lists) as one JSON text, and its ledger (and the
// facilitator's log) as streams of entries, so that each connection is sent only the entries it has not received.
import { canonicalJson, type GameState } from '../engine/index.js';
import { hashText } from '../engine/replay.js';
import type { Chair, Scenario } from '../scenario/schema.js';
import type { SessionStatus } from '../net/protocol.js';
import { chairBody, projectorBody } from './views.js';

/** Stamps are unique across every stream and head of the process, so a stale one can never match a new one. */
let nextStamp = 1;

/** What a connection holds of one stream: its generation, and how many entries. */
export interface Held {
  readonly gen: number;
  readonly n: number;
}

/**
 * The entries of an append-only list as JSON texts. The list's entries are the engine's immutable objects,
 * so an unchanged prefix is the same objects; whenever the list did anything but grow (an undo, a reload) or
 * the `mark` the texts depend on changed (the fog lifting at the end), a new generation starts from nothing.
 */
export class Stream {
  gen = nextStamp++;
  readonly texts: string[] = [];
  private basis: readonly unknown[] = [];
  private mark: unknown = null;

  /** `render` writes one entry's text: JSON for the wire, or canonical JSON for hashing. */
  constructor(private readonly render: (entry: unknown) => string = (e) => JSON.stringify(e)) {}

  /** Follows the list `basis`; returns how many of its entries already have their text. */
  follow(basis: readonly unknown[], mark: unknown = null): number {
    if (basis === this.basis && mark === this.mark) return this.texts.length;
    const old = this.basis;
    const grew = mark === this.mark && basis.length >= old.length && old.every((x, i) => basis[i] === x);
    if (!grew) this.restart();
    this.basis = basis;
    this.mark = mark;
    return this.texts.length;
  }

  /** A new generation, with no entries yet. */
  restart(): void {
    this.gen = nextStamp++;
    this.texts.length = 0;
  }

  /** Adds the texts of the entries `entries[i]`, which stand at index `offset + i` of the list, that have none yet. */
  extend(entries: readonly unknown[], offset = 0): void {
    const start = this.texts.length - offset;
    // Entries that start past the last text cannot continue the stream (the caller checks the length).
    if (start < 0) return;
    for (let i = start; i < entries.length; i++) this.texts.push(this.render(entries[i]));
  }

  /** Where a connection holding `held` continues from: where it stopped, or 0 (the whole list) after a break. */
  from(held: Held | undefined): number {
    return held !== undefined && held.gen === this.gen && held.n <= this.texts.length ? held.n : 0;
  }
}

/** A view split for sending: the body without its lists (ending in the close of its innermost object and the body). */
export interface Split {
  /** JSON of the body, the lists left out; the innermost object holding the lists is the body's last field. */
  readonly head: string;
  /** Changes exactly when `head` does. */
  readonly stamp: number;
  /** The lists, in the innermost object, with the name of the body's field that says where each starts. */
  readonly lists: readonly { readonly name: string; readonly fromField: string; readonly stream: Stream }[];
}

/** What a split view is compared by to skip a repeat: it changes exactly when the view does, for every connection. */
export function compareOf(v: Split): string {
  return `${v.stamp}|${v.lists.map((l) => `${l.stream.gen}:${l.stream.texts.length}`).join('|')}`;
}

/** A connection's frame of a split view: the entries from where it stopped, and what it then holds of each list. */
export function frameOf(
  session: string,
  v: Split,
  held: (list: string) => Held | undefined,
): { text: string; holds: Held[] } {
  const froms = v.lists.map((l) => l.stream.from(held(l.name)));
  const lists = v.lists.map((l, i) => `,"${l.name}":[${l.stream.texts.slice(froms[i]).join(',')}]`).join('');
  const fields = v.lists.map((l, i) => `,"${l.fromField}":${froms[i]}`).join('');
  return {
    text: `{"type":"view","session":${JSON.stringify(session)},"body":${v.head.slice(0, -2)}${lists}}${fields}}}`,
    holds: v.lists.map((l) => ({ gen: l.stream.gen, n: l.stream.texts.length })),
  };
}

/** The state's fields a chair's view and legal actions may read: all but the log and the generator (plans and conflicts: see below). */
const READ_FIELDS = [
  'turn',
  'phase',
  'seed',
  'secret',
  'world',
  'indicators',
  'violence',
  'actors',
  'units',
  'deployments',
  'mandate',
  'reviewed',
  'strategy',
  'flags',
  'fired',
  'pendingChoices',
  'warnings',
  'played',
  'agreement',
  'consultedUntil',
  'ledger',
  'outcome',
] as const satisfies readonly (keyof GameState)[];

/**
 * What a chair's view is made from, by identity: the state is immutable (immer shares what did not change),
 * so equal dependencies mean an equal view. Of the plans, a viewer depends on its own plan, on the others'
 * status flags, and on the others' items only once they are revealed.
 */
function dependencies(s: GameState, viewer: Chair | 'projector', status: SessionStatus): unknown[] {
  const deps: unknown[] = [status.started, status.paused, status.ended, status.endReason, status.discussion];
  for (const f of READ_FIELDS) deps.push(s[f]);
  const revealed = s.phase === 'coordination' || s.phase === 'over';
  // Conflicts are shown only once plans are revealed (the engine resets them to a new [] at every commit).
  deps.push(revealed ? s.conflicts : null);
  for (const [c, p] of Object.entries(s.plans)) {
    if (c === viewer || (revealed && viewer !== 'projector')) deps.push(p);
    else deps.push(p?.committed, p?.confirmed, p?.revised);
  }
  return deps;
}

const same = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((d, i) => Object.is(d, b[i]));

/** The hash of a state, computed once per state object. */
const hashes = new WeakMap<GameState, string>();

/** The state's lists that only grow: kept as canonical texts between hashes. */
const GROWING = ['ledger', 'log'] as const satisfies readonly (keyof GameState)[];

/** One session's views, split and remade only when what they are made from has changed. */
export class SessionViews {
  private readonly heads = new Map<string, { deps: unknown[]; head: string; stamp: number }>();
  private readonly ledgers = new Map<string, Stream>();
  private readonly log = new Stream();
  private readonly canonical = { ledger: new Stream(canonicalJson), log: new Stream(canonicalJson) };
  private projector: { deps: unknown[]; text: string } | null = null;

  constructor(private readonly scn: Scenario) {}

  /**
   * `hashState(s)`, without writing the ledger and the log out again each time: the engine's hash is of the
   * state's canonical JSON, made here from the texts of the other fields and the kept texts of those two lists.
   */
  hash(s: GameState): string {
    let h = hashes.get(s);
    if (h !== undefined) return h;
    const fields = Object.keys(s)
      .filter((k) => s[k as keyof GameState] !== undefined)
      .sort()
      .map((k) => {
        const list = GROWING.find((g) => g === k);
        if (list === undefined) return `${JSON.stringify(k)}:${canonicalJson(s[k as keyof GameState])}`;
        const st = this.canonical[list];
        st.follow(s[list]);
        st.extend(s[list]);
        return `${JSON.stringify(k)}:[${st.texts.join(',')}]`;
      });
    h = hashText(`{${fields.join(',')}}`);
    hashes.set(s, h);
    return h;
  }

  private head(key: string, deps: unknown[], make: () => string): { head: string; stamp: number } {
    const hit = this.heads.get(key);
    if (hit && same(hit.deps, deps)) return hit;
    const head = make();
    const entry = { deps, head, stamp: hit && hit.head === head ? hit.stamp : nextStamp++ };
    this.heads.set(key, entry);
    return entry;
  }

  private ledger(key: string): Stream {
    let st = this.ledgers.get(key);
    if (!st) this.ledgers.set(key, (st = new Stream()));
    return st;
  }

  /** A chair's view: the engine's fogged `viewFor` (other chairs' plans hidden until the reveal) and its legal actions. */
  chair(s: GameState, chair: Chair, status: SessionStatus): Split {
    // Every chair sees the ledger alike (what is hidden depends on the scenario, not on the chair): one stream for all.
    const stream = this.ledger('chairs');
    // The estimated amounts in the ledger are shown once the game is over: the texts depend on that.
    const kept = stream.follow(s.ledger, s.phase === 'over');
    let entries: readonly unknown[] = [];
    const { head, stamp } = this.head(`chair:${chair}`, dependencies(s, chair, status), () => {
      // Only the entries not yet in the stream are projected: from the first entry of that one's turn on.
      const fromTurn = kept === 0 ? 0 : (s.ledger[kept]?.turn ?? s.turn + 1);
      const body = chairBody(s, this.scn, chair, status, fromTurn);
      const { ledger, ...view } = body.view;
      entries = ledger;
      // The view goes last: frameOf puts the ledger back into it.
      return JSON.stringify({ role: body.role, chair, status, legal: body.legal, view });
    });
    stream.extend(entries, s.ledger.length - entries.length);
    if (stream.texts.length !== s.ledger.length) {
      // Not expected (the ledger is in turn order); the whole ledger again keeps the view true regardless.
      stream.restart();
      stream.extend(chairBody(s, this.scn, chair, status).view.ledger);
    }
    return { head, stamp, lists: [{ name: 'ledger', fromField: 'ledgerFrom', stream }] };
  }

  /** The last state hashed, and its hash: the facilitator's view carries it while play runs (see facilitatorHash). */
  private hashed: { state: GameState; hash: string } | null = null;

  /**
   * The hash the facilitator's view carries, and after how many game actions. Hashing a late state (the ledger
   * written out whole) takes milliseconds, and the state changes with nearly every action: hashed at every view,
   * forty teams at people's pace spent more than the server's whole time on it. So it is made only when it is worth
   * reading (`fresh`: the game held still, a month's end, the facilitator asking) and otherwise the last one made
   * goes, with the number of actions it is of, as long as that state is an earlier one of this game (its log a
   * prefix of this one's): after an undo the old hash would be of another history, so it is made again at once.
   */
  facilitatorHash(s: GameState, fresh: boolean): { hash: string; at: number } {
    const last = this.hashed;
    const known = hashes.get(s);
    // A new month: the first view of it carries its own hash (once a month per session, not once an action).
    fresh ||= last !== null && last.state.turn !== s.turn;
    if (known === undefined && !fresh && last !== null) {
      const n = last.state.log.length;
      if (n <= s.log.length && (n === 0 || last.state.log[n - 1] === s.log[n - 1])) return { hash: last.hash, at: n };
    }
    const hash = known ?? this.hash(s);
    if (last?.state !== s) this.hashed = { state: s, hash };
    return { hash, at: s.log.length };
  }

  /** Whether the facilitator's view of this state carries its own hash, not an earlier state's. */
  hashedNow(s: GameState): boolean {
    return hashes.has(s);
  }

  /**
   * The facilitator's view: the true state, every plan, the ledger and the log, and a state's hash (see
   * facilitatorHash: `fresh` asks for the hash of this very state).
   */
  facilitator(s: GameState, seq: number, status: SessionStatus, fresh = true): Split {
    const ledger = this.ledger('facilitator');
    ledger.follow(s.ledger);
    ledger.extend(s.ledger);
    this.log.follow(s.log);
    this.log.extend(s.log);
    const { hash, at } = this.facilitatorHash(s, fresh);
    const { head, stamp } = this.head(
      'facilitator',
      [s, seq, hash, status.started, status.paused, status.ended, status.endReason, status.discussion],
      () => {
        // The state goes last, without its lists: frameOf puts them back into it.
        const state = Object.fromEntries(Object.entries(s).filter(([k]) => k !== 'ledger' && k !== 'log'));
        return JSON.stringify({ role: 'facilitator', status, seq, hash, hashAt: at, state });
      },
    );
    return {
      head,
      stamp,
      lists: [
        { name: 'ledger', fromField: 'ledgerFrom', stream: ledger },
        { name: 'log', fromField: 'logFrom', stream: this.log },
      ],
    };
  }

  /** The projector's whole frame (it is small and has no ledger). */
  projectorFrame(session: string, s: GameState, status: SessionStatus): string {
    const deps = dependencies(s, 'projector', status);
    if (this.projector && same(this.projector.deps, deps)) return this.projector.text;
    const text = JSON.stringify({ type: 'view', session, body: projectorBody(s, this.scn, status) });
    this.projector = { deps, text };
    return text;
  }
}
