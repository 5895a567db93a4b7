// Saves: a versioned JSON file holding the scenario's identity, the seed and the log; loading replays it.
// Reading one from text (parseSave, with zod) is in save-parse.ts, so that writing saves needs no zod.
import type { Scenario } from '../scenario/schema.js';
import type { SaveFile } from './save-parse.js';
import { hashScenario, hashState, replay } from './replay.js';
import type { Action, GameState } from './types.js';

export const SAVE_VERSION = 1;
export const MAX_SAVE_BYTES = 2_000_000;
export type { SaveFile };

export type SaveErrorCode = 'save/not-json' | 'save/too-large' | 'save/shape' | 'save/other-scenario' | 'save/replay' | 'save/tampered';
export interface SaveError {
  readonly code: SaveErrorCode;
  readonly message: string;
}

export function makeSave(scn: Scenario, state: GameState, meta: SaveFile['meta'] = {}): SaveFile {
  return {
    format: 'mandate-save',
    version: SAVE_VERSION,
    scenario: { id: scn.id, version: scn.version, hash: hashScenario(scn) },
    seed: state.seed,
    log: state.log as SaveFile['log'],
    stateHash: hashState(state),
    meta,
  };
}

/** Rebuilds the game from a save and proves it is the game that was saved. */
export function restoreSave(save: SaveFile, scn: Scenario): { ok: true; state: GameState } | { ok: false; error: SaveError } {
  if (save.scenario.id !== scn.id || save.scenario.hash !== hashScenario(scn)) {
    return { ok: false, error: { code: 'save/other-scenario', message: `made with scenario '${save.scenario.id}' v${save.scenario.version}, which is not the one loaded` } };
  }
  const r = replay(scn, save.seed, save.log as Action[]);
  if (!r.ok) return { ok: false, error: { code: 'save/replay', message: `action ${r.index + 1} is not legal: ${r.rejection.message}` } };
  if (hashState(r.state) !== save.stateHash) return { ok: false, error: { code: 'save/tampered', message: 'the game does not match its checksum' } };
  return { ok: true, state: r.state };
}
