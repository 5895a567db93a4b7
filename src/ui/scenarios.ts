// The scenarios bundled with the game (checked at build time by scripts/scenarios-plugin.ts), and players' own files,
// read by parseScenario, which is loaded (with yaml and zod) only when a player opens one. A bundled scenario is known
// by its summary until a game needs it: its data is a file of its own, fetched by load() (and fetched again after a
// failure, which a dynamic import() may not be: see scripts/scenarios-plugin.ts).
import type { LessonCatalogue } from '../scenario/lessons.js';
import { formatProblem } from '../scenario/problems.js';
import type { Scenario } from '../scenario/schema.js';
import { loc, t } from './i18n/index.js';
import { summaryOf, type ScenarioSummary } from './scenario-summary.js';
import { lessons, loaders, summaries } from 'virtual:mandate/scenarios';
// The tutorial is the title's default choice: its data (9 KiB gzip) comes with the title, so a new player's first Start
// waits for no download. The historical scenarios come by their loaders.
import tutorial from 'virtual:mandate/scenario/tutorial';

export interface ScenarioEntry {
  readonly id: string;
  readonly summary: ScenarioSummary;
  /** Loaded by the player from a file, not bundled. */
  readonly custom: boolean;
  /** The source text, kept for custom scenarios so their saves can be resumed ('' for bundled ones). */
  readonly text: string;
  /** The whole scenario; a bundled one's chunk is downloaded on first use and the promise rejects when it cannot be. */
  load(): Promise<Scenario>;
}

/** How the title's list tells entries apart: a player's own file may share a bundled scenario's id. */
export function entryKey(e: Pick<ScenarioEntry, 'id' | 'custom'>): string {
  return e.custom ? `custom:${e.id}` : e.id;
}

/** Never null since the build checks it; the type stays nullable for callers written when a broken file was left out. */
export const LESSONS: LessonCatalogue | null = lessons;

/** The bundled scenarios, the tutorial first: it is where a new player starts. */
export function bundledScenarios(): ScenarioEntry[] {
  const load = (id: string) => (id === tutorial.id ? () => Promise.resolve(tutorial) : once(loaders[id]!));
  const out = summaries.map((summary) => ({
    id: summary.id,
    summary,
    custom: false,
    text: '',
    load: load(summary.id),
  }));
  return out.sort((a, b) => (a.id === tutorial.id ? -1 : b.id === tutorial.id ? 1 : 0));
}

/** A download asked once (the title fetches a chosen scenario ahead of Start); asked again after a failure. */
function once<T>(fetchIt: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | null = null;
  return () => {
    if (!p) {
      p = fetchIt();
      p.catch(() => (p = null));
    }
    return p;
  };
}

/** The whole scenario, or what the player reads when its data could not be downloaded (offline before it was cached, a network error). */
export async function loadEntry(
  entry: ScenarioEntry,
): Promise<{ ok: true; scenario: Scenario } | { ok: false; message: string }> {
  try {
    return { ok: true, scenario: await entry.load() };
  } catch (e) {
    console.warn(`scenario ${entry.id} could not be loaded`, e);
    return { ok: false, message: t('scenario.unavailable', { title: loc(entry.summary.title) }) };
  }
}

/** Parses a player's scenario file; problems come back as `file:line: path: message` lines. */
export async function parseCustom(
  text: string,
  file: string,
): Promise<{ ok: true; entry: ScenarioEntry } | { ok: false; problems: string[] }> {
  const { parseScenario } = await import('../scenario/parse.js');
  const r = parseScenario(text, file, LESSONS);
  if (!r.ok) return { ok: false, problems: r.error.map(formatProblem) };
  const scenario = r.value;
  return {
    ok: true,
    entry: { id: scenario.id, summary: summaryOf(scenario), custom: true, text, load: () => Promise.resolve(scenario) },
  };
}
