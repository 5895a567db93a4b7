// The world's chance. Games of state format 3 draw each chance from a keyed hash (see `chances` below); games saved
// before (formats 1 and 2) draw from a seeded PRNG (sfc32) whose whole state is four numbers kept in the game state.
import {
  derivedKey,
  hashPutHiAfter,
  hashPutWords,
  keyBytes,
  putBytes,
  putText,
  putWhole,
  sipStart,
  startText,
  textFrom,
  type SipStates,
} from './hash.js';

export type RngState = [number, number, number, number];

/** Expands a 32-bit seed into a generator state (splitmix32), then warms it up. */
export function seedRng(seed: number): RngState {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const st: RngState = [next(), next(), next(), next()];
  for (let i = 0; i < 12; i++) nextUint32(st);
  return st;
}

/** Advances the state in place and returns a 32-bit unsigned integer. */
export function nextUint32(st: RngState): number {
  const [a, b, c, d] = st;
  const t = (((a + b) >>> 0) + d) >>> 0;
  st[3] = (d + 1) >>> 0;
  st[0] = (b ^ (b >>> 9)) >>> 0;
  st[1] = (c + (c << 3)) >>> 0;
  const r = ((c << 21) | (c >>> 11)) >>> 0;
  st[2] = (r + t) >>> 0;
  return t;
}

/** A float in [0, 1). */
export function nextFloat(st: RngState): number {
  return nextUint32(st) / 4294967296;
}

/** A stateless hash of a seed and some keys into [0, 1): for fog noise, which must not consume the generator. */
export function hashUnit(seed: number, ...keys: (string | number)[]): number {
  return hashEnd(hashKeys((seed ^ 0x811c9dc5) >>> 0, keys));
}

/** FNV-1a over each key's text, each key closed by 0xff. */
function hashKeys(h: number, keys: readonly (string | number)[]): number {
  for (const k of keys) {
    const s = String(k);
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function hashEnd(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d) >>> 0;
  h ^= h >>> 15;
  return (h >>> 0) / 4294967296;
}

/**
 * `hashUnit(seed, ...keys, last)` for many `last` after the same keys: the keys are hashed once
 * (`unitsAfter(seed, keys)(last)` equals `hashUnit(seed, ...keys, last)`).
 */
export function unitsAfter(seed: number, keys: readonly (string | number)[]): (last: string | number) => number {
  const h = hashKeys((seed ^ 0x811c9dc5) >>> 0, keys);
  const one: (string | number)[] = [0];
  return (last) => {
    one[0] = last;
    return hashEnd(hashKeys(h, one));
  };
}

// ---- the world's draws: keyed, not streamed ---------------------------------------------------------------------
//
// A game of state format 3 draws each chance of the world (an event firing, an actor's rule, a spoiler attack) as
// SipHash-2-4 of the world's key and what is drawn for: the month, the purpose and the subject. Nothing is consumed,
// so the draw for one event in one month is the same whatever was decided before it (two games with the same key
// meet the same world: paired games differ only by their decisions), and the key cannot be worked back from the
// outcomes. Games of formats 1 and 2 (saved before) keep the generator above, seeded by the seed, and replay as
// they were.

/** A world key derived from the seed alone: for simulations, studies and tests, where the seed is the game. */
export function seedWorld(seed: number): string {
  return derivedKey(`mandate-world:${seed >>> 0}`);
}

const worldKeys = new Map<string, SipStates>();
/** The world key last hashed with, and its state: a game draws hundreds of times on one key. */
let lastWorld = '';
let lastWorldKey: SipStates | undefined;

/** The SipHash state of a world key (`sipStart`), kept for the last few keys. */
function worldKey(world: string): SipStates {
  let key = world === lastWorld ? lastWorldKey : worldKeys.get(world);
  if (!key) {
    if (worldKeys.size >= 64) worldKeys.delete(worldKeys.keys().next().value!);
    key = sipStart(keyBytes(world));
    worldKeys.set(world, key);
  }
  lastWorld = world;
  lastWorldKey = key;
  return key;
}

/**
 * The draws for `purpose` in month `turn`: `worldUnits(world, turn, purpose)(subject, detail)` is the draw for
 * `subject` in [0, 1), a pure function of the key and the names, SipHash-2-4 of the text `turn|purpose|subject` (with
 * `detail`, `turn|purpose|subject/detail`; the parts are not joined). The whole 8-byte words of the text before the
 * subject are hashed once for all the subjects, and the bytes after them (fewer than 8) kept to begin each one's rest.
 */
export function worldUnits(world: string, turn: number, purpose: string): (subject: string, detail?: string) => number {
  const states = new Uint32Array(16);
  states.set(worldKey(world));
  startText();
  putWhole(turn);
  putText('|');
  putText(purpose);
  putText('|');
  const before = hashPutWords(states, 8);
  const rest = textFrom(before);
  return (subject, detail) => {
    startText();
    putBytes(rest);
    putText(subject);
    if (detail !== undefined) {
      putText('/');
      putText(detail);
    }
    return hashPutHiAfter(states, 8, before) / 4294967296;
  };
}

/** What a world draw reads of the state: its key (format 3), or the generator (formats 1 and 2), and the month. */
export interface Drawing {
  readonly world?: string;
  readonly rng?: readonly number[];
  readonly turn: number;
}

/**
 * A month's draws for `purpose` (`event`, `rule`, `spoiler`...): `chances(d, purpose)(p, subject, detail)` is true
 * with probability p, for `subject` (what it is drawn for, unique within the month and purpose; with `detail`,
 * `subject/detail`). Draws nothing when p is 0 or 1. A game without a world key draws from its generator. The text
 * `turn|purpose|` is hashed once for the month's draws (at the first).
 */
export function chances(d: Drawing, purpose: string): (p: number, subject: string, detail?: string) => boolean {
  let draw: ((subject: string, detail?: string) => number) | undefined;
  return (p, subject, detail) => {
    if (p >= 1) return true;
    if (p <= 0) return false;
    if (d.world === undefined) return nextFloat(d.rng as RngState) < p;
    return (draw ??= worldUnits(d.world, d.turn, purpose))(subject, detail) < p;
  };
}
