// A seeded PRNG (sfc32) whose whole state is four numbers kept in the game state, so games replay.

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

/** True with probability p; draws nothing when p is 0 or 1, so certain things cost no randomness. */
export function chance(st: RngState, p: number): boolean {
  if (p >= 1) return true;
  if (p <= 0) return false;
  return nextFloat(st) < p;
}

/** A stateless hash of a seed and some keys into [0, 1): for fog noise, which must not consume the generator. */
export function hashUnit(seed: number, ...keys: (string | number)[]): number {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (const k of keys) {
    const s = String(k);
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d) >>> 0;
  h ^= h >>> 15;
  return (h >>> 0) / 4294967296;
}
