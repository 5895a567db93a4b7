// Saved games in localStorage (autosave after every action), and save files to download and import.
import { makeSave, parseSave, restoreSave, type SaveFile } from '../engine/index.js';
import { CHAIRS, type Chair } from '../scenario/schema.js';
import type { Session } from '../store/store.js';
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

/** Reads the seating written in a save's label; a file without one is played from every chair. */
function seatingOf(save: SaveFile): { chairs: Chair[]; doctrine: string } {
  try {
    const x = JSON.parse(save.meta.label ?? '') as { chairs?: unknown; doctrine?: unknown };
    const chairs = Array.isArray(x.chairs) ? x.chairs.filter((c): c is Chair => (CHAIRS as readonly unknown[]).includes(c)) : [];
    const doctrine = typeof x.doctrine === 'string' ? x.doctrine : 'report';
    if (chairs.length > 0) return { chairs, doctrine };
  } catch {
    // no seating recorded
  }
  return { chairs: [...CHAIRS], doctrine: 'report' };
}

/** Validates a save file's text and replays it into a session; nothing is changed on failure. */
export function sessionFromSaveText(text: string, scenarios: readonly ScenarioEntry[], id: string): { ok: true; session: Session } | { ok: false; error: LoadError } {
  const parsed = parseSave(text);
  if (!parsed.ok) return { ok: false, error: { code: parsed.error.code.replace('save/', ''), detail: parsed.error.message } };
  const save = parsed.save;
  const entry = scenarios.find((e) => e.scenario.id === save.scenario.id);
  if (!entry) return { ok: false, error: { code: 'unknown-scenario', detail: save.scenario.id } };
  const restored = restoreSave(save, entry.scenario);
  if (!restored.ok) return { ok: false, error: { code: restored.error.code.replace('save/', ''), detail: restored.error.message } };
  const seating = seatingOf(save);
  const chairs = seating.chairs.filter((c) => entry.scenario.chairs[c] !== undefined);
  return { ok: true, session: { id, scenario: entry.scenario, game: restored.state, humanChairs: chairs.length > 0 ? chairs : ['srsg'], botDoctrine: seating.doctrine } };
}

export function rememberCustom(entry: ScenarioEntry): void {
  try {
    localStorage.setItem(CUSTOM_PREFIX + entry.scenario.id, entry.text);
  } catch (e) {
    console.warn('could not keep the custom scenario', e);
  }
}

export function customScenarios(): ScenarioEntry[] {
  const out: ScenarioEntry[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (!key?.startsWith(CUSTOM_PREFIX)) continue;
    const r = parseCustom(localStorage.getItem(key) ?? '', key.slice(CUSTOM_PREFIX.length) + '.yaml');
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
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `mandate-${session.scenario.id}-month${session.game.turn}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
