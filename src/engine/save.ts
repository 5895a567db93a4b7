// Saves: a versioned JSON file holding the scenario's identity, the seed and the log; loading replays it.
import { z } from 'zod';
import type { Scenario } from '../scenario/schema.js';
import { ActionShape } from './action-shape.js';
import { hashScenario, hashState, replay } from './replay.js';
import type { Action, GameState } from './types.js';

export const SAVE_VERSION = 1;
export const MAX_SAVE_BYTES = 2_000_000;

const SaveShape = z.strictObject({
  format: z.literal('mandate-save'),
  version: z.literal(SAVE_VERSION),
  scenario: z.strictObject({ id: z.string().max(64), version: z.number().int(), hash: z.string().regex(/^[0-9a-f]{16}$/) }),
  seed: z.number().int().min(0).max(0xffffffff),
  log: z.array(ActionShape).max(20000),
  stateHash: z.string().regex(/^[0-9a-f]{16}$/),
  meta: z.strictObject({ savedAt: z.string().max(40).optional(), label: z.string().max(200).optional() }).default({}),
});
export type SaveFile = z.infer<typeof SaveShape>;

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

/** Checks a save file's shape, without a scenario. */
export function parseSave(text: string): { ok: true; save: SaveFile } | { ok: false; error: SaveError } {
  if (text.length > MAX_SAVE_BYTES) return { ok: false, error: { code: 'save/too-large', message: `larger than ${MAX_SAVE_BYTES} characters` } };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: { code: 'save/not-json', message: 'not a JSON file' } };
  }
  const r = SaveShape.safeParse(data);
  if (!r.success) {
    const i = r.error.issues[0]!;
    return { ok: false, error: { code: 'save/shape', message: `${i.path.join('.') || 'file'}: ${i.message}` } };
  }
  return { ok: true, save: r.data };
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
