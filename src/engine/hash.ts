// Keyed hashing: SipHash-2-4, the messages it hashes (written as UTF-8 into one reused buffer), and the 128-bit
// keys of a game (its secret and its world key). The fog (fog.ts) draws each estimate's error from it, the world's
// chance (rng.ts) each chance.

// ---- SipHash-2-4 over 32-bit halves ----------------------------------------------------------------------------
//
// The four 64-bit words are kept as eight 32-bit halves in local variables (v0 = v0h:v0l, ...), so a hash allocates
// nothing and its rounds compile to plain integer arithmetic: the fog and the world's draws hash thousands of times a
// game. A hash starts from a state (`SipStates`): the key's (`sipStart`, made once a key), or the state after the
// whole words of a text that begins many messages (the fog's `${key}#`: `sipRun` without a length), so that those
// words are hashed once, not once a message. Messages given as text are written as UTF-8 into one reused buffer.

/**
 * SipHash states: each its four 64-bit words as eight 32-bit halves (v0h, v0l, v1h, ... v3l), at a multiple of 8 in
 * the array. One array holds all the states a game's walks start from (one a key), made once a game: an array (or an
 * object) for each state cost more to make than the words it saves hashing.
 */
export type SipStates = Uint32Array;

/** A little-endian 32-bit word of `b` at `i`, reading zeros past `end` (the message's last, partial word). */
function le32(b: Uint8Array, i: number, end: number): number {
  if (i + 4 <= end) return (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
  let w = 0;
  for (let j = 3; j >= 0; j--) w = (w << 8) | (i + j < end ? b[i + j]! : 0);
  return w >>> 0;
}

/** The state SipHash-2-4 starts from under a 16-byte key, at 0 in an array with room for `states` states. */
export function sipStart(key: Uint8Array, states = 1): SipStates {
  const k0h = le32(key, 4, 16);
  const k0l = le32(key, 0, 16);
  const k1h = le32(key, 12, 16);
  const k1l = le32(key, 8, 16);
  const out = new Uint32Array(8 * states);
  out[0] = k0h ^ 0x736f6d65;
  out[1] = k0l ^ 0x70736575;
  out[2] = k1h ^ 0x646f7261;
  out[3] = k1l ^ 0x6e646f6d;
  out[4] = k0h ^ 0x6c796765;
  out[5] = k0l ^ 0x6e657261;
  out[6] = k1h ^ 0x74656462;
  out[7] = k1l ^ 0x79746573;
  return out;
}

/** The low half of the last hash (`sipRun` returns the high half). */
let outLo = 0;

/**
 * SipHash-2-4 from the state at `at` in `states` over the first `n` bytes of `msg`. With a length `total` (the whole
 * message's, whose last `n` bytes these are, the bytes before them hashed into the state): hashes every whole 8-byte
 * word, then the last (the remaining bytes, zero-padded, with the length's low byte on top), and finishes: returns
 * the high 32 bits, the low in `outLo`. With `total` -1 (`n` a multiple of 8): hashes the whole words only and writes
 * the state they leave at `into` in `states`, to start the rest of such messages from.
 */
function sipRun(states: SipStates, at: number, msg: Uint8Array, n: number, total: number, into = 0): number {
  let v0h = states[at]!;
  let v0l = states[at + 1]!;
  let v1h = states[at + 2]!;
  let v1l = states[at + 3]!;
  let v2h = states[at + 4]!;
  let v2l = states[at + 5]!;
  let v3h = states[at + 6]!;
  let v3l = states[at + 7]!;
  const words = total < 0 ? n / 8 : (n - (n % 8)) / 8 + 1;
  let lo: number;
  let h: number;
  let l: number;
  for (let w = 0; ; w++) {
    let mh = 0;
    let ml = 0;
    let rounds = 4;
    if (w < words) {
      const i = 8 * w;
      mh = total >= 0 && w === words - 1 ? (le32(msg, i + 4, n) | ((total & 0xff) << 24)) >>> 0 : le32(msg, i + 4, n);
      ml = le32(msg, i, n);
      v3h = (v3h ^ mh) >>> 0;
      v3l = (v3l ^ ml) >>> 0;
      rounds = 2;
    } else if (total < 0) break;
    else v2l = (v2l ^ 0xff) >>> 0;
    for (let r = 0; r < rounds; r++) {
      // v0 += v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32)
      lo = (v0l + v1l) >>> 0;
      v0h = (v0h + v1h + (lo < v0l ? 1 : 0)) >>> 0;
      v0l = lo;
      h = v1h;
      l = v1l;
      v1h = (((h << 13) | (l >>> 19)) ^ v0h) >>> 0;
      v1l = (((l << 13) | (h >>> 19)) ^ v0l) >>> 0;
      h = v0h;
      v0h = v0l;
      v0l = h;
      // v2 += v3; v3 = rotl(v3, 16); v3 ^= v2
      lo = (v2l + v3l) >>> 0;
      v2h = (v2h + v3h + (lo < v2l ? 1 : 0)) >>> 0;
      v2l = lo;
      h = v3h;
      l = v3l;
      v3h = (((h << 16) | (l >>> 16)) ^ v2h) >>> 0;
      v3l = (((l << 16) | (h >>> 16)) ^ v2l) >>> 0;
      // v0 += v3; v3 = rotl(v3, 21); v3 ^= v0
      lo = (v0l + v3l) >>> 0;
      v0h = (v0h + v3h + (lo < v0l ? 1 : 0)) >>> 0;
      v0l = lo;
      h = v3h;
      l = v3l;
      v3h = (((h << 21) | (l >>> 11)) ^ v0h) >>> 0;
      v3l = (((l << 21) | (h >>> 11)) ^ v0l) >>> 0;
      // v2 += v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32)
      lo = (v2l + v1l) >>> 0;
      v2h = (v2h + v1h + (lo < v2l ? 1 : 0)) >>> 0;
      v2l = lo;
      h = v1h;
      l = v1l;
      v1h = (((h << 17) | (l >>> 15)) ^ v2h) >>> 0;
      v1l = (((l << 17) | (h >>> 15)) ^ v2l) >>> 0;
      h = v2h;
      v2h = v2l;
      v2l = h;
    }
    if (w >= words) break;
    v0h = (v0h ^ mh) >>> 0;
    v0l = (v0l ^ ml) >>> 0;
  }
  if (total < 0) {
    states[into] = v0h;
    states[into + 1] = v0l;
    states[into + 2] = v1h;
    states[into + 3] = v1l;
    states[into + 4] = v2h;
    states[into + 5] = v2l;
    states[into + 6] = v3h;
    states[into + 7] = v3l;
    return 0;
  }
  outLo = (v0l ^ v1l ^ v2l ^ v3l) >>> 0;
  return (v0h ^ v1h ^ v2h ^ v3h) >>> 0;
}

/** SipHash-2-4 of `msg` under a 16-byte key: the 64-bit result as [hi, lo]. */
export function siphash24(key: Uint8Array, msg: Uint8Array): [number, number] {
  const hi = sipRun(sipStart(key), 0, msg, msg.length, msg.length);
  return [hi, outLo];
}

const textEncoder = new TextEncoder();
let textBuf = new Uint8Array(256);

/** Writes `text` as UTF-8 into the reused buffer and returns its length in bytes (ASCII without the encoder). */
function writeText(text: string): number {
  const n = text.length;
  if (textBuf.length < 3 * n) textBuf = new Uint8Array(3 * n + 64);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return textEncoder.encodeInto(text, textBuf).written;
    textBuf[i] = c;
  }
  return n;
}

/** Where the next part of a message made by `putText` goes in the reused buffer (`startText` begins one). */
let textAt = 0;

/** Begins a message of several parts in the reused buffer: `startText(); putText(a); putText(b)`, then hashed. */
export function startText(): void {
  textAt = 0;
}

/**
 * Appends `text`'s UTF-8 bytes to the message begun by `startText`, as if the parts were joined into one text first:
 * the world's draws hash the month, the purpose and the subject, and joining them made a text for every draw.
 */
export function putText(text: string): void {
  const n = text.length;
  room(3 * n);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) {
      textAt += textEncoder.encodeInto(text, textBuf.subarray(textAt)).written;
      return;
    }
    textBuf[textAt + i] = c;
  }
  textAt += n;
}

/** Makes room in the buffer for `bytes` more bytes of the message begun, keeping those written. */
function room(bytes: number): void {
  if (textBuf.length >= textAt + bytes) return;
  const grown = new Uint8Array(2 * (textAt + bytes) + 64);
  grown.set(textBuf.subarray(0, textAt));
  textBuf = grown;
}

/** Appends a whole number's decimal digits as `putText(String(x))` would, without making the text. */
export function putWhole(x: number): void {
  if (!Number.isSafeInteger(x) || x < 0) return putText(String(x));
  room(16);
  let digits = 1;
  for (let t = x; t >= 10; t = Math.floor(t / 10)) digits++;
  for (let i = textAt + digits - 1, t = x; i >= textAt; i--, t = Math.floor(t / 10)) textBuf[i] = 48 + (t % 10);
  textAt += digits;
}

/**
 * Hashes the whole 8-byte words of the message begun as the start of longer ones: from the key's state at 0 in
 * `states`, writing the state they leave at `into`, and returns their length in bytes. The bytes after them (fewer
 * than 8: `textFrom(length)`) begin the rest of each such message (`putBytes`), which `hashPutHiAfter` hashes.
 */
export function hashPutWords(states: SipStates, into: number): number {
  const whole = textAt - (textAt % 8);
  sipRun(states, 0, textBuf, whole, -1, into);
  return whole;
}

/** A copy of the bytes of the message begun from `at` on. */
export function textFrom(at: number): Uint8Array {
  return textBuf.slice(at, textAt);
}

/** Appends bytes (`textFrom`: a few) to the message begun. */
export function putBytes(bytes: Uint8Array): void {
  const n = bytes.length;
  room(n);
  for (let i = 0; i < n; i++) textBuf[textAt + i] = bytes[i]!;
  textAt += n;
}

/**
 * SipHash-2-4 (the high 32 bits) of a message whose first `before` bytes were hashed into the state at `at` in
 * `states` (`hashPutWords`) and whose rest is the message begun.
 */
export function hashPutHiAfter(states: SipStates, at: number, before: number): number {
  return sipRun(states, at, textBuf, textAt, before + textAt);
}

/** SipHash-2-4 of a text's UTF-8 bytes, as `siphash24(key, encode(text))`: [hi, lo]. */
function siphashText(key: SipStates, text: string): [number, number] {
  // Written first: a long text moves the buffer, which must be read after.
  const n = writeText(text);
  const hi = sipRun(key, 0, textBuf, n, n);
  return [hi, outLo];
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

const PUBLIC_KEY = sipStart(new Uint8Array(16));

/**
 * A secret derived from the seed alone, for simulations, tests and games saved before secrets existed. Anyone who
 * knows or guesses the 32-bit seed knows this secret: such a game's fog is only as strong as its seed is unknown.
 */
export function seedSecret(seed: number): string {
  return derivedKey(`mandate-seed-secret:${seed >>> 0}`);
}

/** 128 bits (32 hex digits) derived from a public label: as public as the label. */
export function derivedKey(label: string): string {
  const [h0, l0] = siphashText(PUBLIC_KEY, `${label}:0`);
  const [h1, l1] = siphashText(PUBLIC_KEY, `${label}:1`);
  hexWord(h0, 0);
  hexWord(l0, 8);
  hexWord(h1, 16);
  hexWord(l1, 24);
  return String.fromCharCode.apply(null, hexCodes);
}

/**
 * The character codes of the 32 hex digits `derivedKey` writes (every game derives two keys from its seed: the digits
 * made one number at a time with `toString(16)` and `padStart` cost more than the hashing).
 */
const hexCodes: number[] = new Array<number>(32).fill(48);

/** Writes the 8 lowercase hex digits of a 32-bit word into `hexCodes` from `at`, most significant first. */
function hexWord(x: number, at: number): void {
  for (let i = 7; i >= 0; i--, x >>>= 4) hexCodes[at + i] = (x & 15) + ((x & 15) < 10 ? 48 : 87);
}

/** The 16 bytes of a key written as 32 hex digits. */
export function keyBytes(secret: string): Uint8Array {
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) {
    const hi = hexDigit(secret.charCodeAt(2 * i));
    const lo = hexDigit(secret.charCodeAt(2 * i + 1));
    // Two hex digits read from their codes; anything else as `parseInt` reads it (a key not 32 hex digits).
    out[i] = hi >= 0 && lo >= 0 ? 16 * hi + lo : parseInt(secret.slice(i * 2, i * 2 + 2), 16) || 0;
  }
  return out;
}

/** The value of a hex digit's character code (either case), or -1. */
const hexDigit = (c: number): number =>
  c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;

/** The bytes of the message begun, from `at`, as a little-endian 32-bit word (the bytes past its end as 0). */
export function textWord(at: number): number {
  return le32(textBuf, at, textAt);
}

/**
 * Begins a message with `n` (fewer than 8) bytes kept as two little-endian words (`textWord`): the tail of a text
 * whose whole words were hashed once (`hashPutWords`).
 */
export function startWithTail(lo: number, hi: number, n: number): void {
  for (let j = 0; j < n; j++) textBuf[j] = (j < 4 ? lo >>> (8 * j) : hi >>> (8 * j - 32)) & 0xff;
  textAt = n;
}

/** The length in bytes of the message begun. */
export const textLength = (): number => textAt;

/** The low 32 bits of the last hash (the functions above return the high). */
export const lastLo = (): number => outLo;
