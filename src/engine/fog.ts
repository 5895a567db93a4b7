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

// ---- SipHash-2-4 over 32-bit halves ----------------------------------------------------------------------------
//
// The four 64-bit words live in one Uint32Array as [v0 hi, v0 lo, v1 hi, v1 lo, ...] (stores wrap to 32 bits), so a
// hash allocates nothing but its result: the fog hashes thousands of times a game.

const V = new Uint32Array(8);

/** v[a] += v[b] (64-bit, word indices 0..3). */
function add(a: number, b: number): void {
  const lo = (V[2 * a + 1]! + V[2 * b + 1]!) >>> 0;
  V[2 * a] = V[2 * a]! + V[2 * b]! + (lo < V[2 * a + 1]! ? 1 : 0);
  V[2 * a + 1] = lo;
}

/** v[a] = v[a] rotated left by n (0 < n < 32), or its halves swapped (n = 32). */
function rotl(a: number, n: number): void {
  const hi = V[2 * a]!;
  const lo = V[2 * a + 1]!;
  if (n === 32) {
    V[2 * a] = lo;
    V[2 * a + 1] = hi;
    return;
  }
  V[2 * a] = (hi << n) | (lo >>> (32 - n));
  V[2 * a + 1] = (lo << n) | (hi >>> (32 - n));
}

/** v[a] ^= v[b]. */
function xor(a: number, b: number): void {
  V[2 * a] = V[2 * a]! ^ V[2 * b]!;
  V[2 * a + 1] = V[2 * a + 1]! ^ V[2 * b + 1]!;
}

function round(): void {
  add(0, 1);
  rotl(1, 13);
  xor(1, 0);
  rotl(0, 32);
  add(2, 3);
  rotl(3, 16);
  xor(3, 2);
  add(0, 3);
  rotl(3, 21);
  xor(3, 0);
  add(2, 1);
  rotl(1, 17);
  xor(1, 2);
  rotl(2, 32);
}

/** A little-endian 32-bit word of `b` at `i`, reading zeros past `end` (the message's last, partial word). */
function le32(b: Uint8Array, i: number, end: number): number {
  let w = 0;
  for (let j = 3; j >= 0; j--) w = (w << 8) | (i + j < end ? b[i + j]! : 0);
  return w >>> 0;
}

/** Mixes one message word (hi, lo) in: two compression rounds. */
function compress(hi: number, lo: number): void {
  V[6] = V[6]! ^ hi;
  V[7] = V[7]! ^ lo;
  round();
  round();
  V[0] = V[0]! ^ hi;
  V[1] = V[1]! ^ lo;
}

/** SipHash-2-4 of `msg` under a 16-byte key: the 64-bit result as [hi, lo]. */
export function siphash24(key: Uint8Array, msg: Uint8Array): [number, number] {
  const k0hi = le32(key, 4, 16);
  const k0lo = le32(key, 0, 16);
  const k1hi = le32(key, 12, 16);
  const k1lo = le32(key, 8, 16);
  V[0] = k0hi ^ 0x736f6d65;
  V[1] = k0lo ^ 0x70736575;
  V[2] = k1hi ^ 0x646f7261;
  V[3] = k1lo ^ 0x6e646f6d;
  V[4] = k0hi ^ 0x6c796765;
  V[5] = k0lo ^ 0x6e657261;
  V[6] = k1hi ^ 0x74656462;
  V[7] = k1lo ^ 0x79746573;
  const n = msg.length;
  const end = n - (n % 8);
  for (let i = 0; i < end; i += 8) compress(le32(msg, i + 4, n), le32(msg, i, n));
  // The last word: the remaining bytes, zero-padded, with the length's low byte on top.
  compress((le32(msg, end + 4, n) | ((n & 0xff) << 24)) >>> 0, le32(msg, end, n));
  V[5] = V[5]! ^ 0xff;
  for (let i = 0; i < 4; i++) round();
  return [(V[0]! ^ V[2]! ^ V[4]! ^ V[6]!) >>> 0, (V[1]! ^ V[3]! ^ V[5]! ^ V[7]!) >>> 0];
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
