// replay and hashState: the log plus the scenario plus the seed and the secret is the game.
import type { Scenario } from '../scenario/schema.js';
import { newGame } from './step.js';
import { Working } from './working.js';
import type { Action, GameKeys, GameState, Rejection } from './types.js';

export type ReplayResult =
  | { readonly ok: true; readonly state: GameState }
  | { readonly ok: false; readonly index: number; readonly rejection: Rejection; readonly state: GameState };

/**
 * Plays a log from a new game with the given keys (see `newGame`). Stops at the first action the rules refuse. The
 * game is played in place (working.ts `Working`), so the log's actions must be well formed: a log read from outside is
 * parsed first (save-parse.ts), as `loadGame` does.
 */
export function replay(scn: Scenario, seed: number, log: readonly Action[], keys?: string | GameKeys): ReplayResult {
  const game = new Working(scn, newGame(scn, seed, keys));
  for (let i = 0; i < log.length; i++) {
    const rejection = game.play(log[i]!);
    if (rejection) return { ok: false, index: i, rejection, state: game.state() };
  }
  return { ok: true, state: game.state() };
}

/** JSON with keys in a fixed order, so equal values give equal text. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(v)
    .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** A 64-bit FNV-1a hash of text, as 16 hex digits. */
export function hashText(text: string): string {
  let h1 = 0x811c9dc5 >>> 0;
  let h2 = 0xcbf29ce4 >>> 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c ^ (h1 >>> 7), 0x01000193) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

export function hashState(s: GameState): string {
  return hashText(canonicalJson(s));
}

/** Identifies the exact scenario content a save or a log was made with. */
export function hashScenario(scn: Scenario): string {
  return hashText(canonicalJson(scn));
}
