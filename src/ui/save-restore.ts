// A save file's text back into a session: its shape checked (zod) and its game replayed. The title screen loads this on
// demand (saves.ts); the debrief and the session pages, which load zod anyway, import it directly.
import { hashScenario, restoreSave, type SaveFile } from '../engine/index.js';
import type { RestoreOptions } from '../engine/save.js';
import type { Scenario } from '../scenario/schema.js';
import { parseSave } from '../engine/save-parse.js';
import { CHAIRS, type Chair } from '../scenario/constants.js';
import type { Session } from '../store/store.js';
import type { LoadError } from './saves.js';
import { loadEntry, type ScenarioEntry } from './scenarios.js';

/** Reads the seating written in a save's label; a file without one is played from every chair. */
function seatingOf(save: SaveFile): { chairs: Chair[]; doctrine: string } {
  try {
    const x = JSON.parse(save.meta.label ?? '') as { chairs?: unknown; doctrine?: unknown };
    const chairs = Array.isArray(x.chairs)
      ? x.chairs.filter((c): c is Chair => (CHAIRS as readonly unknown[]).includes(c))
      : [];
    const doctrine = typeof x.doctrine === 'string' ? x.doctrine : 'report';
    if (chairs.length > 0) return { chairs, doctrine };
  } catch {
    // no seating recorded
  }
  return { chairs: [...CHAIRS], doctrine: 'report' };
}

/**
 * Validates a save file's text and replays it into a session; nothing is changed on failure. The file is checked before
 * its scenario is downloaded; one that cannot be gives the error 'scenario-unavailable', its detail the player's message.
 */
export async function sessionFromSaveText(
  text: string,
  scenarios: readonly ScenarioEntry[],
  id: string,
  opts: RestoreOptions = {},
): Promise<{ ok: true; session: Session } | { ok: false; error: LoadError }> {
  const parsed = parseSave(text);
  if (!parsed.ok)
    return { ok: false, error: { code: parsed.error.code.replace('save/', ''), detail: parsed.error.message } };
  const save = parsed.save;
  // An author's file may keep a bundled scenario's id (a copy of tutorial.yaml, say): the one whose content matches the
  // save is the one it was played with; a player's own file is tried first, then the bundled one.
  const candidates = scenarios
    .filter((e) => e.id === save.scenario.id)
    .sort((a, b) => Number(b.custom) - Number(a.custom));
  if (candidates.length === 0) return { ok: false, error: { code: 'unknown-scenario', detail: save.scenario.id } };
  let match: Scenario | undefined;
  let first: Scenario | undefined;
  for (const entry of candidates) {
    const loaded = await loadEntry(entry);
    if (!loaded.ok) return { ok: false, error: { code: 'scenario-unavailable', detail: loaded.message } };
    first ??= loaded.scenario;
    // with one candidate, restoreSave's own hash check says all there is to say
    if (candidates.length === 1 || hashScenario(loaded.scenario) === save.scenario.hash) {
      match = loaded.scenario;
      break;
    }
  }
  // none matched: the first, whose refusal (another scenario) restoreSave words
  const scn = (match ?? first)!;
  // A game to play on refuses the facilitator's actions; a session's record, opened for its debrief, keeps them.
  const restored = restoreSave(save, scn, opts);
  if (!restored.ok)
    return { ok: false, error: { code: restored.error.code.replace('save/', ''), detail: restored.error.message } };
  const seating = seatingOf(save);
  const chairs = seating.chairs.filter((c) => scn.chairs[c] !== undefined);
  return {
    ok: true,
    session: {
      id,
      scenario: scn,
      game: restored.state,
      humanChairs: chairs.length > 0 ? chairs : ['srsg'],
      botDoctrine: seating.doctrine,
    },
  };
}
