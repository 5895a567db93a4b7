// Saved games in localStorage (autosave after every action), and save files to download and import.
import { makeSave, type SaveFile } from '../engine/index.js';
import type { Chair } from '../scenario/constants.js';
import type { Session } from '../store/store.js';
import { downloadBlob } from './download.js';
import { parseCustom, type ScenarioEntry } from './scenarios.js';

const PREFIX = 'mandate.game.';
const CUSTOM_PREFIX = 'mandate.scenario.';

/** One saved game as kept in this browser. */
export interface SaveRecord {
  readonly id: string;
  readonly scenarioId: string;
  readonly title: { readonly en: string; readonly fr?: string | undefined };
  readonly turn: number;
  readonly over: boolean;
  readonly savedAt: string;
  readonly humanChairs: readonly Chair[];
  readonly botDoctrine: string;
  readonly save: SaveFile;
}

export type LoadError = { code: string; detail: string };

function seatingLabel(session: Session): string {
  return JSON.stringify({ chairs: session.humanChairs, doctrine: session.botDoctrine });
}

export function saveFileOf(session: Session): SaveFile {
  return makeSave(session.scenario, session.game, { savedAt: new Date().toISOString(), label: seatingLabel(session) });
}

export function autosave(session: Session): void {
  const save = saveFileOf(session);
  const record: SaveRecord = {
    id: session.id,
    scenarioId: session.scenario.id,
    title: session.scenario.title,
    turn: session.game.turn,
    over: session.game.phase === 'over',
    savedAt: save.meta.savedAt ?? new Date().toISOString(),
    humanChairs: session.humanChairs,
    botDoctrine: session.botDoctrine,
    save,
  };
  try {
    localStorage.setItem(PREFIX + session.id, JSON.stringify(record));
  } catch (e) {
    console.warn('autosave failed', e);
  }
}

export function listSaves(): SaveRecord[] {
  const out: SaveRecord[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    try {
      const r = JSON.parse(localStorage.getItem(key) ?? '') as SaveRecord;
      if (r && typeof r.id === 'string' && r.save) out.push(r);
    } catch {
      // a damaged entry is skipped, never fatal
    }
  }
  return out.sort((a, b) => (a.savedAt < b.savedAt ? 1 : -1));
}

export function deleteSave(id: string): void {
  localStorage.removeItem(PREFIX + id);
}

export function readRecord(id: string): SaveRecord | null {
  return listSaves().find((r) => r.id === id) ?? null;
}

/** Validates a save file's text and replays it into a session; nothing is changed on failure. Loads the validator (zod) on first use, and the save's scenario. */
export async function sessionFromSaveText(
  text: string,
  scenarios: readonly ScenarioEntry[],
  id: string,
): Promise<{ ok: true; session: Session } | { ok: false; error: LoadError }> {
  const restore = await import('./save-restore.js');
  // Games to play on: a file with a facilitator's actions is refused (restoreSave).
  return restore.sessionFromSaveText(text, scenarios, id);
}

export function rememberCustom(entry: ScenarioEntry): void {
  try {
    localStorage.setItem(CUSTOM_PREFIX + entry.id, entry.text);
  } catch (e) {
    console.warn('could not keep the custom scenario', e);
  }
}

/** The custom scenarios kept in this browser, checked again (the parser, with yaml and zod, is loaded only if there are any). */
export async function customScenarios(): Promise<ScenarioEntry[]> {
  const kept: [string, string][] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key?.startsWith(CUSTOM_PREFIX)) kept.push([key.slice(CUSTOM_PREFIX.length), localStorage.getItem(key) ?? '']);
  }
  const out: ScenarioEntry[] = [];
  for (const [id, text] of kept) {
    const r = await parseCustom(text, `${id}.yaml`);
    if (r.ok) out.push(r.entry);
  }
  return out;
}

export function newGameId(): string {
  return `${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;
}

/** Offers a save file for download. */
export function downloadSave(session: Session): void {
  const blob = new Blob([JSON.stringify(saveFileOf(session), null, 1)], { type: 'application/json' });
  downloadBlob(blob, `mandate-${session.scenario.id}-month${session.game.turn}.json`);
}
