// What a chair may know of the numbers: exact where the scenario says so, elsewhere the mission's estimate.
// The view shows these numbers, and the rules judge a chair's choices on them (legality, refusals), so
// neither tells a chair more than its view does.
import type { Chair, Scenario } from '../scenario/schema.js';
import type { Reader } from './conditions.js';
import { FOG_SHARPEN, fogShare, fogWidth, walksOf, type Starts, type Walks } from './fog.js';
import { readTrack, trackKey } from './ledger.js';
import { worldUnits } from './rng.js';
import { ledgerTape, type Tape } from './tape.js';
import { Recent } from './recent.js';
import { bounds, fogKey, isEstimated, placeOf, tracksOf, type Tracks } from './tracks.js';
import type { Cause, GameState, LedgerEntry, Track } from './types.js';

/** A number as a chair sees it: exact, or an estimate with the spread of its possible error. */
export interface Seen {
  readonly value: number;
  /** 0 when exact; otherwise the estimate may be off by up to this much. */
  readonly spread: number;
}

/** How far an estimate may be off: the scenario's fog, shrinking as analysis grows (see `bandOf`). */
export function fogSpread(s: GameState, scn: Scenario): number {
  return s.phase === 'over' ? 0 : knownOf(s, scn).spread;
}

/**
 * The band of month `turn` in a ledger: the width of the fog. It follows the mission's analysis as it stood when the
 * month before ended, by at most FOG_SHARPEN a month: a jump in analysis sharpens the picture over the next months, so
 * that no estimate of an unchanged number moves by more than 2 points from one month to the next (FOG_DRIFT +
 * FOG_SHARPEN).
 */
function bandOf(ledger: Tape<LedgerEntry>, scn: Scenario, turn: number): Band {
  return bandAt(ledger.items, ledger.length, scn, Math.max(0, turn));
}

/** A month's band and the analysis it followed (the published start plus every change before the month). */
interface Band {
  readonly scn: Scenario;
  readonly turn: number;
  /** Where the month's entries start in the ledger. */
  readonly at: number;
  readonly width: number;
  readonly analysis: number;
}

/**
 * The band of a month, under the last entry of the months before it. The band of month `turn` reads only the entries
 * of earlier months, which states of one game share (the ledger only grows): a new ledger of the same month finds it
 * without a pass, and the next month's is worked out from it and the entries of one month.
 */
const priorBands = new WeakMap<LedgerEntry, Band>();

function bandAt(ledger: readonly LedgerEntry[], length: number, scn: Scenario, turn: number): Band {
  const cut = firstEntryOfTurn(ledger, turn, length);
  const last = cut > 0 ? ledger[cut - 1]! : undefined;
  const prior = last && priorBands.get(last);
  if (prior && prior.scn === scn && prior.turn === turn && prior.at === cut) return prior;
  let band: Band;
  if (turn === 0) {
    const analysis = Math.round(scn.indicators.analysis.initial);
    band = { scn, turn, at: cut, width: fogWidth(scn, analysis), analysis };
  } else {
    // Analysis at the end of the month before: that month's start, plus its own entries.
    const before = bandAt(ledger, length, scn, turn - 1);
    let analysis = before.analysis;
    for (let i = before.at; i < cut; i++) {
      const e = ledger[i]!;
      if (e.track.kind === 'indicator' && e.track.id === 'analysis') analysis += e.delta;
    }
    const w = before.width;
    band = {
      scn,
      turn,
      at: cut,
      width: Math.min(w + FOG_SHARPEN, Math.max(w - FOG_SHARPEN, fogWidth(scn, analysis))),
      analysis,
    };
  }
  if (last) priorBands.set(last, band);
  return band;
}

/** The index of the first ledger entry of a turn or later among the first `length` (entries are in turn order). */
export function firstEntryOfTurn(ledger: GameState['ledger'], turn: number, length = ledger.length): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ledger[mid]!.turn < turn) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Changes made by a decision within the month (a facilitator's, an event's chosen option, a mandate review) reach
 * the estimates at the next month's opening, with everything else that month brings: shown at once, an estimate
 * would give away their exact size, which the ledger keeps hidden.
 */
function withinMonth(c: Cause): boolean {
  return (
    c.kind === 'facilitator' ||
    (c.kind === 'event' && c.choice !== undefined) ||
    (c.kind === 'mechanic' && (c.mechanic === 'mandate-review' || c.mechanic === 'mandate-expectations'))
  );
}

interface Known {
  /**
   * What decisions within the month changed each number, by its place in `Tracks` (see `withinMonth`); null when
   * none did (most states), so that the common case allocates nothing for it.
   */
  readonly heldBack: number[] | null;
  /** The same for numbers outside the table (none in a checked scenario's ledger), by track key. */
  readonly heldBackOther: ReadonlyMap<string, number> | null;
  /** The scenario's table of numbers. */
  readonly tracks: Tracks;
  /** Each number as seen, by its place in `Tracks`, made when first read (or carried over: `carryOver`). */
  readonly seen: (Seen | undefined)[];
  /** Numbers outside the table as seen, made when first read (none in a checked scenario). */
  seenOther: Map<string, Seen> | null;
  /** The month's band (the fog's width) this state sees through. */
  readonly band: Band;
  readonly width: number;
  readonly spread: number;
  readonly walks: Walks;
  /** What the estimates were worked out from: a state with all of these the same sees the same numbers. */
  readonly from: KnownFrom;
  /** Values derived from the estimates alone (the view's numbers: `memoSeen`), kept with them. */
  readonly memo: Map<object, unknown>;
  /** The reader of these numbers (`knownTo`), made when first asked for: the legal list and the bots read through it. */
  reader: Reader | undefined;
  readonly sight: Sight;
}

/**
 * What the states of one month that see through the same fog (the same walks, month and width) share: each number's
 * estimate, kept with the value at the month's opening it was made from (an estimate is a function of that value
 * alone, once the fog is fixed), so a state whose numbers moved only where it changed something, or only by what is
 * held back to the next month (an event's chosen option), works out only those again. Exact numbers are kept the same
 * way, by their value, so that two states that see the same numbers see the same objects.
 */
interface Sight {
  readonly scn: Scenario;
  readonly walks: Walks;
  readonly turn: number;
  readonly width: number;
  /** By place in `Tracks`: the opening value (the value itself for an exact number) each kept estimate was made from. */
  readonly open: number[];
  readonly seen: (Seen | undefined)[];
  /** Kept estimates of numbers outside the table, made when first needed (none in a checked scenario). */
  other: Map<string, { readonly open: number; readonly seen: Seen }> | null;
  /** Values made from estimates, kept for the next state of the sight: each must be checked before it is reused. */
  readonly memo: Map<object, unknown>;
}

type KnownFrom = Pick<GameState, 'indicators' | 'violence' | 'actors' | 'agreement' | 'turn' | 'secret'> & {
  world: string | undefined;
  ledger: Tape<LedgerEntry>;
  scn: Scenario;
};

/**
 * The estimates, by ledger (the last few: recent.ts). States that share their ledger and their numbers (plan edits, the sitrep and the strategy
 * share every number with the state before) share their estimates, instead of working them out once per state.
 */
const known = new Recent<Tape<LedgerEntry>, Known>(8);

function sameSource(f: KnownFrom, s: GameState, scn: Scenario): boolean {
  return (
    f.indicators === s.indicators &&
    f.violence === s.violence &&
    f.actors === s.actors &&
    f.turn === s.turn &&
    f.secret === s.secret &&
    // A state copied with its world drawn afresh (a rollout: sim/rollout.ts) shares the ledger but not the fog.
    f.world === s.world &&
    f.scn === scn
  );
}

/** The estimates last worked out or found: most reads in a row are of one state (a view, a legal list). */
let lastKnown: Known | undefined;

function knownOf(s: GameState, scn: Scenario): Known {
  const ledger = ledgerTape(s);
  const last = lastKnown;
  if (last && last.from.ledger === ledger && sameSource(last.from, s, scn)) return last;
  let k = known.get(ledger);
  if (k && sameSource(k.from, s, scn)) return (lastKnown = k);
  const tr = tracksOf(scn);
  const n = tr.list.length;
  let heldBack: number[] | null = null;
  let heldBackOther: Map<string, number> | null = null;
  if (s.turn >= 1) {
    // The ledger is in turn order: walk back over this month's entries only.
    for (let i = ledger.length - 1; i >= 0; i--) {
      const e = ledger.items[i]!;
      if (e.turn < s.turn) break;
      if (e.turn !== s.turn || !withinMonth(e.cause)) continue;
      const at = placeOf(tr, e.track);
      if (at >= 0) (heldBack ??= new Array<number>(n).fill(0))[at]! += e.delta;
      else {
        heldBackOther ??= new Map();
        heldBackOther.set(trackKey(e.track), (heldBackOther.get(trackKey(e.track)) ?? 0) + e.delta);
      }
    }
  }
  const world = s.world;
  // The state before in the same game and month (the common case: a game moving forward) sees through the same
  // band and walks: its band is the month's when the month has begun in its ledger and this ledger continues it.
  const band = last && sameBand(last, ledger, s.turn, scn) ? last.band : bandOf(ledger, scn, s.turn);
  const width = band.width;
  const walks =
    last && last.from.secret === s.secret && last.from.world === world && last.from.scn === scn
      ? last.walks
      : world
        ? walksOf(s.secret, scn.mechanics.fog, `${scn.id}@${scn.version}:${world}`, () => startsOf(scn, world))
        : walksOf(s.secret, scn.mechanics.fog);
  const prior = last?.sight;
  const sight: Sight =
    prior && prior.walks === walks && prior.turn === s.turn && prior.width === width && prior.scn === scn
      ? prior
      : {
          scn,
          walks,
          turn: s.turn,
          width,
          open: new Array<number>(n).fill(NaN),
          seen: new Array<Seen | undefined>(n).fill(undefined),
          other: null,
          memo: new Map(),
        };
  const from: KnownFrom = {
    ledger,
    indicators: s.indicators,
    violence: s.violence,
    actors: s.actors,
    // Read by readTrack's type only: the agreement's progress is never estimated, so never read through a Known.
    agreement: s.agreement,
    turn: s.turn,
    secret: s.secret,
    world,
    scn,
  };
  k = {
    heldBack,
    heldBackOther,
    tracks: tr,
    seen: new Array<Seen | undefined>(n).fill(undefined),
    seenOther: null,
    band,
    width,
    spread: Math.round(width),
    walks,
    from,
    memo: new Map(),
    reader: undefined,
    sight,
  };
  if (last && last.sight === sight) carryOver(last, k);
  known.set(ledger, k);
  return (lastKnown = k);
}

/**
 * Gives a new Known of the same sight the numbers the one before already saw, where nothing they are made from
 * changed: the same record of true values (states share every record a step does not write) and the same change held
 * back to the next month. Within a month most steps write one record or none, so most numbers are not worked out again.
 */
function carryOver(was: Known, k: Known): void {
  const tr = k.tracks;
  const a = was.from;
  const b = k.from;
  const carry = (from: number, to: number) => {
    for (let at = from; at < to; at++)
      if ((was.heldBack === null ? 0 : was.heldBack[at]!) === (k.heldBack === null ? 0 : k.heldBack[at]!))
        k.seen[at] = was.seen[at];
  };
  if (a.indicators === b.indicators) carry(0, tr.violenceAt);
  if (a.violence === b.violence) carry(tr.violenceAt, tr.actorsAt);
  if (a.actors === b.actors) carry(tr.actorsAt, tr.list.length);
}

/**
 * Whether month `turn` of `ledger` has the band a Known found: the same month and scenario, the Known's ledger already
 * holds an entry of the month (so the entries before the month are all there), and `ledger` continues that ledger
 * (the same buffer, no shorter), so the month's entries start at the same place and everything before is the same.
 */
function sameBand(k: Known, ledger: Tape<LedgerEntry>, turn: number, scn: Scenario): boolean {
  const b = k.band;
  const was = k.from.ledger;
  return (
    b.scn === scn &&
    b.turn === Math.max(0, turn) &&
    b.at < was.length &&
    ledger.items === was.items &&
    ledger.length >= was.length
  );
}

/**
 * A value worked out from the estimates of `s` alone (and the phase: none is kept once the game is over), made once
 * for every state that sees the same numbers. `slot` names the value; `make` (called with `s` and `scn`, so that
 * callers pass a function rather than make a closure for every read) must read nothing else of the state.
 */
export function memoSeen<T>(s: GameState, scn: Scenario, slot: object, make: (s: GameState, scn: Scenario) => T): T {
  if (s.phase === 'over') return make(s, scn);
  const memo = knownOf(s, scn).memo;
  const kept = memo.get(slot);
  if (kept !== undefined || memo.has(slot)) return kept as T;
  const v = make(s, scn);
  memo.set(slot, v);
  return v;
}

/**
 * Values made from the estimates, shared by the states of one month that see through the same fog (see `Sight`): a
 * value kept here may have been made from other estimates, so its user checks it against them before reusing it.
 * Nothing is kept once the game is over.
 */
export function sightMemo(s: GameState, scn: Scenario): Map<object, unknown> {
  return s.phase === 'over' ? new Map() : knownOf(s, scn).sight.memo;
}

/**
 * One number as the mission sees it now. An estimated number shows its value at the month's opening (see
 * `withinMonth`) plus an error that persists and drifts slowly (fog.ts); a group broken to nothing is plain to
 * everyone (it has disarmed or scattered), and when the game is over the fog lifts.
 */
export function seenOf(s: GameState, scn: Scenario, t: Track): Seen {
  if (s.phase === 'over' || !isEstimated(scn, t)) return { value: readTrack(s, t), spread: 0 };
  const k = knownOf(s, scn);
  const at = placeOf(tracksOf(scn), t);
  return at >= 0 ? seenAt(k, at) : seenOther(k, t);
}

/**
 * Every number of the table (`tracksOf`) as seen in `s`, in its order: the same array while the estimates are (do not
 * change it). Two states of one sight that see a number alike see the same object, so a reader may compare by identity
 * first. Over, the true numbers.
 */
export function seenTable(s: GameState, scn: Scenario): readonly Seen[] {
  const tr = tracksOf(scn);
  if (s.phase === 'over') return tr.list.map((t) => ({ value: readTrack(s, t), spread: 0 }));
  const k = knownOf(s, scn);
  for (let i = 0; i < tr.list.length; i++) if (k.seen[i] === undefined) seenAt(k, i);
  return k.seen as Seen[];
}

/** The number at place `at` of the table as a Known's state sees it (the Known holds that state's numbers). */
function seenAt(k: Known, at: number): Seen {
  const hit = k.seen[at];
  if (hit) return hit;
  const tr = k.tracks;
  const t = tr.list[at]!;
  const v = readTrack(k.from, t);
  const sight = k.sight;
  let seen: Seen;
  if (!tr.estimated[at]) {
    // Exact: the value itself (within-month changes show at once), kept by value so that equal numbers share it.
    if (sight.open[at] === v) seen = sight.seen[at]!;
    else {
      seen = { value: v, spread: 0 };
      sight.open[at] = v;
      sight.seen[at] = seen;
    }
  } else {
    const lo = tr.lo[at]!;
    const hi = tr.hi[at]!;
    const open = Math.min(hi, Math.max(lo, v - (k.heldBack === null ? 0 : k.heldBack[at]!)));
    if (sight.open[at] === open) seen = sight.seen[at]!;
    else {
      seen = estimate(k, t, tr.fogKeys[at]!, open, lo, hi);
      sight.open[at] = open;
      sight.seen[at] = seen;
    }
  }
  k.seen[at] = seen;
  return seen;
}

/** An estimated number outside the table (an id the scenario does not have), as `seenAt` makes one. */
function seenOther(k: Known, t: Track): Seen {
  const id = trackKey(t);
  const hit = k.seenOther?.get(id);
  if (hit) return hit;
  const [lo, hi] = bounds(k.from.scn, t);
  const v = readTrack(k.from, t);
  const open = Math.min(hi, Math.max(lo, v - (k.heldBackOther?.get(id) ?? 0)));
  const shared = k.sight.other?.get(id);
  const seen = shared && shared.open === open ? shared.seen : estimate(k, t, fogKey(t), open, lo, hi);
  (k.seenOther ??= new Map()).set(id, seen);
  (k.sight.other ??= new Map()).set(id, { open, seen });
  return seen;
}

/** The estimate of a number whose value at the month's opening is `open`. */
function estimate(k: Known, t: Track, key: string, open: number, lo: number, hi: number): Seen {
  if (k.spread === 0 || (t.kind === 'strength' && open === 0)) return { value: open, spread: 0 };
  const error = Math.round(fogShare(k.walks, key, k.from.turn) * k.width);
  return { value: Math.min(hi, Math.max(lo, open + error)), spread: k.spread };
}

/**
 * The numbers a chair may know, for judging its choices: card conditions and targets are read through this, so
 * the legal list and the refusals follow the chair's view, never the hidden truth. (Every chair shares the
 * mission's analysis today; the chair is named so that this can change in one place.)
 */
export function knownTo(s: GameState, scn: Scenario, _chair: Chair): Reader {
  if (s.phase === 'over') return exactReader(s);
  const k = knownOf(s, scn);
  return (k.reader ??= readerOf(k));
}

/**
 * A reader of a Known's numbers (what `seenOf` gives for each). A number of the table is read by its place, seen once
 * and kept (`k.seen`); the track is made only for a number outside the table (none in a checked scenario), so a read
 * allocates nothing.
 */
function readerOf(k: Known): Reader {
  const tr = k.tracks;
  const seen = k.seen;
  const actors = k.from.actors;
  const read = (at: number) => (seen[at] ?? seenAt(k, at)).value;
  return {
    indicator: (id) => {
      const at = tr.indicator.get(id);
      return at === undefined ? readOther(k, { kind: 'indicator', id }) : read(at);
    },
    violence: (id) => {
      const at = tr.violence.get(id);
      return at === undefined ? readOther(k, { kind: 'violence', id }) : read(at);
    },
    stance: (id) => {
      if (!actors[id]) return 0;
      const at = tr.stance.get(id);
      return at === undefined ? readOther(k, { kind: 'stance', id }) : read(at);
    },
    strength: (id) => {
      if (!actors[id]) return 0;
      const at = tr.strength.get(id);
      return at === undefined ? readOther(k, { kind: 'strength', id }) : read(at);
    },
  };
}

/** A number outside the table as a Known's state sees it. */
const readOther = (k: Known, t: Track): number =>
  isEstimated(k.from.scn, t) ? seenOther(k, t).value : readTrack(k.from, t);

/** Once the game is over the fog lifts: the true numbers (as `seenOf` gives them then). */
function exactReader(s: GameState): Reader {
  return {
    indicator: (id) => s.indicators[id],
    violence: (id) => s.violence[id] ?? 0,
    stance: (id) => (s.actors[id] ? s.actors[id].stance : 0),
    strength: (id) => (s.actors[id] ? s.actors[id].strength : 0),
  };
}

// ---- the starting values --------------------------------------------------------------------------------------

/**
 * How far each hidden number's true starting value lies from the scenario's published one, by fog key, in a game
 * with a world key (state format 3). The published numbers are the mission's first estimates, not the truth: each
 * true value is drawn, from the world key, uniformly among the whole numbers within the first month's fog of the
 * published one (and within the number's range; a group the scenario shows at strength 0 is at 0, and one it shows
 * standing is standing). The fog's error then starts at minus the offset, so the first view shows exactly the
 * published numbers: what a chair sees at the start tells it nothing the scenario does not, and the truth is
 * anywhere in the band the view states. Teams on the same world key start from the same truth.
 */
export function startingOffsets(scn: Scenario, world: string): Offsets {
  // A new game reads them (its true starting values), then its first view (where each error starts): made once.
  const last = lastOffsets;
  if (last && last.scn === scn && last.world === world) return last.offsets;
  // Every estimated number of the table (`tracksOf`: its fog keys, ranges and published values are the scenario's,
  // made once), not the scenario walked and each key made again for every game.
  const tr = tracksOf(scn);
  const values = new Array<number>(tr.list.length).fill(NaN);
  const out = new Offsets(tr.byFogKey, values);
  const reach = Math.floor(startWidth(scn));
  if (reach <= 0) return out;
  let draw: ((key: string) => number) | undefined;
  for (let at = 0; at < tr.list.length; at++) {
    if (!tr.estimated[at]) continue;
    const published = tr.published[at]!;
    const strength = tr.list[at]!.kind === 'strength';
    if (strength && published <= 0) continue;
    const lo = Math.max((strength ? 1 : tr.lo[at]!) - published, -reach);
    const hi = Math.min(tr.hi[at]! - published, reach);
    if (hi < lo) continue;
    // Zero offsets are kept too: they fix where the error starts (at 0), as every other offset does.
    values[at] = lo + Math.floor((draw ??= worldUnits(world, 0, 'start'))(tr.fogKeys[at]!) * (hi - lo + 1));
  }
  lastOffsets = { scn, world, offsets: out };
  return out;
}

/**
 * A game's starting offsets by fog key, kept by place in the scenario's table (a number without one holds NaN): a Map
 * filled key by key for every game cost more than drawing the offsets.
 */
export class Offsets {
  constructor(
    /** The scenario's places by fog key (`Tracks.byFogKey`). */
    private readonly places: ReadonlyMap<string, number>,
    private readonly values: readonly number[],
  ) {}

  /** The offset of the number at `place` in the scenario's table (`tracksOf`), 0 when it has none. */
  atPlace(place: number): number {
    const v = this.values[place]!;
    return Number.isNaN(v) ? 0 : v;
  }

  /** The offset of the number with fog key `key`, or undefined when it has none. */
  get(key: string): number | undefined {
    const at = this.places.get(key);
    if (at === undefined) return undefined;
    const v = this.values[at]!;
    return Number.isNaN(v) ? undefined : v;
  }
}

/** The offsets last worked out (see `startingOffsets`). */
let lastOffsets: { readonly scn: Scenario; readonly world: string; readonly offsets: Offsets } | undefined;

/** The fog's width in the first month (see `bandOf`). */
const startWidth = (scn: Scenario) => fogWidth(scn, Math.round(scn.indicators.analysis.initial));

/** Where each offset number's error starts (fog.ts `Starts`): at minus its offset, in the first month's fog. */
const startsOf = (scn: Scenario, world: string): Starts => ({
  offsets: startingOffsets(scn, world),
  width: startWidth(scn),
});
