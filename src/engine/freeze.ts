// Whether step() deep-freezes the states it returns: on under tests and in development, off in production builds.
// Freezing proves no caller mutates a state (a write to a frozen object throws in strict code); it costs time only.

declare const process: { env?: Record<string, string | undefined> } | undefined;

function defaultFreezing(): boolean {
  try {
    return typeof process === 'undefined' || process.env?.['NODE_ENV'] !== 'production';
  } catch {
    return true;
  }
}

let freezing = defaultFreezing();

/** Turns deep-freezing of new states on or off (tests keep it on; benches and studies run with NODE_ENV=production). */
export function setFreezing(on: boolean): void {
  freezing = on;
}

export function isFreezing(): boolean {
  return freezing;
}

/** Freezes an object and everything new under it; stops at objects already frozen (shared, older branches). */
export function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}
