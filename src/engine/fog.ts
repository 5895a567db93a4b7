// The fog: how far each estimated number is off, from a per-game secret that no chair sees.
//
// Each game holds a 128-bit secret (GameState.secret), made with crypto randomness when a game is created in the
// browser or on the server, and never put into any chair's view. The error of one estimated number (one "key":
// an indicator, a region's violence, an actor's stance or strength) is a slow random walk: its start and every
// month's small step are drawn from SipHash-2-4 keyed with the secret, so the errors are unpredictable without the
// secret, and the secret cannot be worked back from them. The walk moves at most 1 point a month at full fog,
// reflects at the edge of the band, and is scaled by the width of the fog the mission's analysis leaves, so it
// shrinks as analysis grows (the width follows analysis by at most 1 point a month: knowledge.ts). Everything is a
// pure function of the state: views and replays stay exact.
import type { Scenario } from '../scenario/schema.js';
import {
  hashPutHiAfter,
  hashPutWords,
  keyBytes,
  lastLo,
  putText,
  putWhole,
  sipStart,
  startText,
  startWithTail,
  textLength,
  textWord,
  type SipStates,
} from './hash.js';

// ---- the walk -------------------------------------------------------------------------------------------------

/** At full fog, an error moves by at most this many points a month. */
export const FOG_DRIFT = 1;
/** The fog's width follows analysis by at most this many points a month (knowledge.ts). */
export const FOG_SHARPEN = 1;

/** How far a month's velocity may change (velocity is on -1..1). */
const TURN = 0.5;

const reflect = (x: number) => (x > 1 ? 2 - x : x < -1 ? -2 - x : x);

/**
 * Where some walks start (see `walksOf`): the walk of a key in `offsets` starts at minus its offset, as a share of
 * `width` (the first month's fog).
 */
export interface Starts {
  readonly offsets: Pick<ReadonlyMap<string, number>, 'get'>;
  readonly width: number;
}

const NO_STARTS: Starts = { offsets: new Map(), width: 1 };

export interface Walks {
  /** The SipHash state of the game's secret (`sipStart`), then each walk's (`Walk.state`). */
  states: SipStates;
  /** How many states `states` holds. */
  count: number;
  /** Where a walk starts when it does not start where the secret puts it. */
  readonly starts: Starts;
  readonly step: number;
  readonly byKey: Map<string, Walk>;
}

/** One key's walk: where it has been, and the text each month's step hashes (`${key}#${month}`), begun. */
interface Walk {
  /** Position and velocity pairs by month: [g0, v0, g1, v1, ...]. */
  readonly path: number[];
  /** Where the SipHash state after the whole 8-byte words of `${key}#` (the same for every month's text) is in `states`. */
  readonly state: number;
  /**
   * The bytes of `${key}#` after those words (fewer than 8: the first four in `tailLo`, little-endian, the rest in
   * `tailHi`), how many, and the words' length in bytes.
   */
  readonly tailLo: number;
  readonly tailHi: number;
  readonly tail: number;
  readonly hashed: number;
}

/** The walks of recent games, by secret and fog. Bounded: simulations go through thousands of games. */
const cache = new Map<string, Walks>();
const CACHE_GAMES = 64;

/**
 * The walks of one game (by its secret) under one scenario's fog, kept for reuse. `starts` fixes where some walks
 * start (see `Starts`), and `world` names what fixed them: a game whose true starting values are
 * offset from the published ones (knowledge.ts, `startingOffsets`) starts each error at minus its offset, so that
 * its first estimates are the published numbers.
 */
export function walksOf(secret: string, fog: number, world = '', starts: () => Starts = () => NO_STARTS): Walks {
  if (last !== undefined && last.secret === secret && last.fog === fog && last.world === world) return last.walks;
  const id = `${secret}|${fog}|${world}`;
  let w = cache.get(id);
  if (!w) {
    if (cache.size >= CACHE_GAMES) cache.delete(cache.keys().next().value!);
    w = {
      // Room for the key's state and one a fog key (the largest scenario today has 41 estimated numbers); startWalk
      // makes more room if a game walks more.
      states: sipStart(keyBytes(secret), 64),
      count: 1,
      starts: starts(),
      step: fog > 0 ? FOG_DRIFT / fog : 0,
      byKey: new Map(),
    };
    cache.set(id, w);
  }
  last = { secret, fog, world, walks: w };
  return w;
}

/** The walks last asked for, by what named them: a game's views ask for the same again and again. */
let last: { readonly secret: string; readonly fog: number; readonly world: string; readonly walks: Walks } | undefined;

const unit = (x: number) => (x >>> 0) / 4294967296;

/**
 * Where the error of `key` stands in month `turn`, as a share of the full fog (-1..1). The walk starts anywhere in
 * the band and each month takes a step whose velocity itself drifts, so the error wanders rather than jitters.
 */
export function fogShare(w: Walks, key: string, turn: number): number {
  const walk = w.byKey.get(key) ?? startWalk(w, key);
  const path = walk.path;
  const t = Math.max(0, Math.floor(turn));
  while (path.length < 2 * (t + 1)) {
    const i = path.length / 2;
    const hi = hashMonth(w, walk, i);
    const v = reflect(path[2 * i - 1]! + TURN * (unit(hi) * 2 - 1));
    const g = reflect(path[2 * i - 2]! + w.step * v);
    path.push(g, v);
  }
  return path[2 * t]!;
}

/** A key's walk as it starts: at month 0, from the hash of `${key}#0` (or where `w.starts` puts it). */
function startWalk(w: Walks, key: string): Walk {
  startText();
  putText(key);
  putText('#');
  if (8 * (w.count + 1) > w.states.length) {
    const more = new Uint32Array(2 * w.states.length);
    more.set(w.states);
    w.states = more;
  }
  const state = 8 * w.count++;
  const hashed = hashPutWords(w.states, state);
  const walk: Walk = {
    path: [],
    state,
    tailLo: textWord(hashed),
    tailHi: textWord(hashed + 4),
    tail: textLength() - hashed,
    hashed,
  };
  const hi = hashMonth(w, walk, 0);
  const offset = w.starts.offsets.get(key);
  walk.path.push(offset === undefined ? unit(hi) * 2 - 1 : -offset / w.starts.width, unit(lastLo()) * 2 - 1);
  w.byKey.set(key, walk);
  return walk;
}

/** SipHash of the text `${key}#${month}` of a walk: its high 32 bits (the low in `lastLo()`). */
function hashMonth(w: Walks, walk: Walk, month: number): number {
  startWithTail(walk.tailLo, walk.tailHi, walk.tail);
  putWhole(month);
  return hashPutHiAfter(w.states, walk.state, walk.hashed);
}

/** The unrounded spread: the scenario's fog, less the share the mission's analysis has lifted. */
export function fogWidth(scn: Scenario, analysis: number): number {
  return (scn.mechanics.fog * (100 - analysis)) / 100;
}
