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

// ---- SipHash-2-4 over 32-bit halves (64-bit words as [hi, lo]) ----------------------------------------------

type W = [number, number];

function add(a: W, b: W): void {
  const lo = (a[1] + b[1]) >>> 0;
  a[0] = (a[0] + b[0] + (lo < a[1] ? 1 : 0)) >>> 0;
  a[1] = lo;
}

function rotl(a: W, n: number): void {
  let [hi, lo] = a;
  if (n >= 32) {
    [hi, lo] = [lo, hi];
    n -= 32;
  }
  if (n === 0) {
    a[0] = hi;
    a[1] = lo;
    return;
  }
  a[0] = ((hi << n) | (lo >>> (32 - n))) >>> 0;
  a[1] = ((lo << n) | (hi >>> (32 - n))) >>> 0;
}

function xor(a: W, b: W): void {
  a[0] = (a[0] ^ b[0]) >>> 0;
  a[1] = (a[1] ^ b[1]) >>> 0;
}

function round(v0: W, v1: W, v2: W, v3: W): void {
  add(v0, v1);
  rotl(v1, 13);
  xor(v1, v0);
  rotl(v0, 32);
  add(v2, v3);
  rotl(v3, 16);
  xor(v3, v2);
  add(v0, v3);
  rotl(v3, 21);
  xor(v3, v0);
  add(v2, v1);
  rotl(v1, 17);
  xor(v1, v2);
  rotl(v2, 32);
}

/** A 64-bit word from 8 little-endian bytes at `i`. */
function word(b: Uint8Array, i: number): W {
  const lo = (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
  const hi = (b[i + 4]! | (b[i + 5]! << 8) | (b[i + 6]! << 16) | (b[i + 7]! << 24)) >>> 0;
  return [hi, lo];
}

/** SipHash-2-4 of `msg` under a 16-byte key: the 64-bit result as [hi, lo]. */
export function siphash24(key: Uint8Array, msg: Uint8Array): [number, number] {
  const k0 = word(key, 0);
  const k1 = word(key, 8);
  const v0: W = [k0[0] ^ 0x736f6d65, k0[1] ^ 0x70736575];
  const v1: W = [k1[0] ^ 0x646f7261, k1[1] ^ 0x6e646f6d];
  const v2: W = [k0[0] ^ 0x6c796765, k0[1] ^ 0x6e657261];
  const v3: W = [k1[0] ^ 0x74656462, k1[1] ^ 0x79746573];
  for (const v of [v0, v1, v2, v3]) {
    v[0] >>>= 0;
    v[1] >>>= 0;
  }
  const n = msg.length;
  const end = n - (n % 8);
  for (let i = 0; i < end; i += 8) {
    const m = word(msg, i);
    xor(v3, m);
    round(v0, v1, v2, v3);
    round(v0, v1, v2, v3);
    xor(v0, m);
  }
  const last = new Uint8Array(8);
  last.set(msg.subarray(end));
  last[7] = n & 0xff;
  const m = word(last, 0);
  xor(v3, m);
  round(v0, v1, v2, v3);
  round(v0, v1, v2, v3);
  xor(v0, m);
  xor(v2, [0, 0xff]);
  for (let i = 0; i < 4; i++) round(v0, v1, v2, v3);
  xor(v0, v1);
  xor(v0, v2);
  xor(v0, v3);
  return v0;
}

// ---- the secret -----------------------------------------------------------------------------------------------

/** A game's secret: 128 bits as 32 lowercase hex digits. */
export const SECRET_PATTERN = /^[0-9a-f]{32}$/;

export const isSecret = (x: unknown): x is string => typeof x === 'string' && SECRET_PATTERN.test(x);

/** A secret from 16 random bytes (the caller's crypto randomness: `crypto.getRandomValues`, `randomBytes`). */
export function secretFromBytes(bytes: Uint8Array): string {
  if (bytes.length < 16) throw new Error('a secret needs 16 random bytes');
  return [...bytes.subarray(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const encoder = new TextEncoder();
const PUBLIC_KEY = new Uint8Array(16);

/**
 * A secret derived from the seed alone, for simulations, tests and games saved before secrets existed. Anyone who
 * knows or guesses the 32-bit seed knows this secret: such a game's fog is only as strong as its seed is unknown.
 */
export function seedSecret(seed: number): string {
  return derivedKey(`mandate-seed-secret:${seed >>> 0}`);
}

/** 128 bits (32 hex digits) derived from a public label: as public as the label. */
export function derivedKey(label: string): string {
  const hex = (w: [number, number]) => w.map((x) => x.toString(16).padStart(8, '0')).join('');
  return (
    hex(siphash24(PUBLIC_KEY, encoder.encode(`${label}:0`))) + hex(siphash24(PUBLIC_KEY, encoder.encode(`${label}:1`)))
  );
}

/** The 16 bytes of a key written as 32 hex digits. */
export function keyBytes(secret: string): Uint8Array {
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = parseInt(secret.slice(i * 2, i * 2 + 2), 16) || 0;
  return out;
}

// ---- the walk -------------------------------------------------------------------------------------------------

/** At full fog, an error moves by at most this many points a month. */
export const FOG_DRIFT = 1;
/** The fog's width follows analysis by at most this many points a month (knowledge.ts). */
export const FOG_SHARPEN = 1;

/** How far a month's velocity may change (velocity is on -1..1). */
const TURN = 0.5;

const reflect = (x: number) => (x > 1 ? 2 - x : x < -1 ? -2 - x : x);

export interface Walks {
  readonly key: Uint8Array;
  /** Where a walk starts, by key, when it does not start where the secret puts it (see `walksOf`). */
  readonly starts: ReadonlyMap<string, number>;
  readonly step: number;
  readonly byKey: Map<string, number[]>;
}

/** The walks of recent games, by secret and fog. Bounded: simulations go through thousands of games. */
const cache = new Map<string, Walks>();
const CACHE_GAMES = 64;

/**
 * The walks of one game (by its secret) under one scenario's fog, kept for reuse. `starts` fixes where some walks
 * start (as a share of the fog, -1..1), and `world` names what fixed them: a game whose true starting values are
 * offset from the published ones (knowledge.ts, `startingOffsets`) starts each error at minus its offset, so that
 * its first estimates are the published numbers.
 */
export function walksOf(
  secret: string,
  fog: number,
  world = '',
  starts: () => ReadonlyMap<string, number> = () => new Map(),
): Walks {
  const id = `${secret}|${fog}|${world}`;
  let w = cache.get(id);
  if (w) return w;
  if (cache.size >= CACHE_GAMES) cache.delete(cache.keys().next().value!);
  w = { key: keyBytes(secret), starts: starts(), step: fog > 0 ? FOG_DRIFT / fog : 0, byKey: new Map() };
  cache.set(id, w);
  return w;
}

const unit = (x: number) => (x >>> 0) / 4294967296;

/**
 * Where the error of `key` stands in month `turn`, as a share of the full fog (-1..1). The walk starts anywhere in
 * the band and each month takes a step whose velocity itself drifts, so the error wanders rather than jitters.
 */
export function fogShare(w: Walks, key: string, turn: number): number {
  let path = w.byKey.get(key);
  if (!path) {
    const [hi, lo] = siphash24(w.key, encoder.encode(`${key}#0`));
    path = [w.starts.get(key) ?? unit(hi) * 2 - 1, unit(lo) * 2 - 1];
    w.byKey.set(key, path);
  }
  const t = Math.max(0, Math.floor(turn));
  // path holds position and velocity pairs: [g0, v0, g1, v1, ...]
  while (path.length < 2 * (t + 1)) {
    const i = path.length / 2;
    const [hi] = siphash24(w.key, encoder.encode(`${key}#${i}`));
    const v = reflect(path[2 * i - 1]! + TURN * (unit(hi) * 2 - 1));
    const g = reflect(path[2 * i - 2]! + w.step * v);
    path.push(g, v);
  }
  return path[2 * t]!;
}

/** The unrounded spread: the scenario's fog, less the share the mission's analysis has lifted. */
export function fogWidth(scn: Scenario, analysis: number): number {
  return (scn.mechanics.fog * (100 - analysis)) / 100;
}
