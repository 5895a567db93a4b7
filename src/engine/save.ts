// Saves: a versioned JSON file holding the scenario's identity, the seed, the fog's secret and the log; loading replays it.
// Reading one from text (parseSave, with zod) is in save-parse.ts, so that writing saves needs no zod.
import type { Scenario } from '../scenario/schema.js';
import type { SaveFile } from './save-parse.js';
import { seedSecret } from './hash.js';
import { isAction } from './action-shape.js';
import { hashScenario, hashState, replay } from './replay.js';
import { isFacilitatorAction, type Action, type GameState } from './types.js';

/** 3: the world's key is saved; 2: the fog's secret. Version 1 and 2 files still load: see `restoreSave`. */
export const SAVE_VERSION = 3;
export const MAX_SAVE_BYTES = 2_000_000;
export type { SaveFile };

export type SaveErrorCode =
  | 'save/not-json'
  | 'save/too-large'
  | 'save/shape'
  | 'save/other-scenario'
  | 'save/replay'
  | 'save/tampered'
  | 'save/facilitator';
export interface SaveError {
  readonly code: SaveErrorCode;
  readonly message: string;
}

export function makeSave(scn: Scenario, state: GameState, meta: SaveFile['meta'] = {}): SaveFile {
  return {
    format: 'mandate-save',
    // A game continued from a save of before keyed draws stays one: it is saved as version 2.
    version: state.world === undefined ? 2 : SAVE_VERSION,
    scenario: { id: scn.id, version: scn.version, hash: hashScenario(scn) },
    seed: state.seed,
    secret: state.secret,
    ...(state.world === undefined ? {} : { world: state.world }),
    log: state.log as SaveFile['log'],
    stateHash: hashState(state),
    meta,
  };
}

export interface RestoreOptions {
  /**
   * A facilitated session's record (its debrief) may hold the facilitator's actions; a game to play on may not,
   * since in a game of one's own nobody else holds that role. Off by default.
   */
  readonly facilitator?: boolean;
}

/**
 * Rebuilds the game from a save and proves it is the game that was saved. A version 1 save, from before games had a
 * secret, gets the one derived from its seed (`seedSecret`): it replays, but its fog can be seen through by anyone
 * who finds the seed, as before. Its checksum was made over a state without a secret and is checked so. A save of
 * version 1 or 2 has no world key: it replays as a game of state format 2, on the generator seeded by its seed.
 */
export function restoreSave(
  save: SaveFile,
  scn: Scenario,
  opts: RestoreOptions = {},
): { ok: true; state: GameState } | { ok: false; error: SaveError } {
  if (save.scenario.id !== scn.id || save.scenario.hash !== hashScenario(scn)) {
    return {
      ok: false,
      error: {
        code: 'save/other-scenario',
        message: `made with scenario '${save.scenario.id}' v${save.scenario.version}, which is not the one loaded`,
      },
    };
  }
  if (!opts.facilitator) {
    const i = save.log.findIndex((a) => isFacilitatorAction(a as Action));
    if (i >= 0)
      return {
        ok: false,
        error: {
          code: 'save/facilitator',
          message: `action ${i + 1} is a facilitator's, and this game has no facilitator`,
        },
      };
  }
  // Replay trusts its log to be well formed (working.ts `Working`); parseSave checks that, and so does this, for a save
  // made some other way: a malformed action is refused here in words, never met half-way through the rules.
  const bad = save.log.findIndex((a) => !isAction(a));
  if (bad >= 0)
    return {
      ok: false,
      error: { code: 'save/replay', message: `action ${bad + 1} is not an action of this game` },
    };
  // A save from before keyed draws (no world key) replays on the generator it was played with.
  const r = replay(scn, save.seed, save.log as Action[], {
    secret: save.secret ?? seedSecret(save.seed),
    world: save.world ?? null,
  });
  if (!r.ok)
    return {
      ok: false,
      error: { code: 'save/replay', message: `action ${r.index + 1} is not legal: ${r.rejection.message}` },
    };
  const hash =
    save.secret === undefined
      ? hashState({ ...r.state, format: 1, secret: undefined } as unknown as GameState)
      : hashState(r.state);
  if (hash !== save.stateHash)
    return { ok: false, error: { code: 'save/tampered', message: 'the game does not match its checksum' } };
  return { ok: true, state: r.state };
}
