// The scenarios bundled with the game (checked at build time by scripts/scenarios-plugin.ts), and players' own files,
// read by parseScenario, which is loaded (with yaml and zod) only when a player opens one.
import type { LessonCatalogue } from '../scenario/lessons.js';
import { formatProblem } from '../scenario/problems.js';
import type { Scenario } from '../scenario/schema.js';
import { lessons, scenarios } from 'virtual:mandate/scenarios';

export interface ScenarioEntry {
  readonly scenario: Scenario;
  /** Loaded by the player from a file, not bundled. */
  readonly custom: boolean;
  /** The source text, kept for custom scenarios so their saves can be resumed ('' for bundled ones). */
  readonly text: string;
}

/** Never null since the build checks it; the type stays nullable for callers written when a broken file was left out. */
export const LESSONS: LessonCatalogue | null = lessons;

/** The bundled scenarios, the tutorial first: it is where a new player starts. */
export function bundledScenarios(): ScenarioEntry[] {
  const out = scenarios.map((scenario) => ({ scenario, custom: false, text: '' }));
  return out.sort((a, b) => (a.scenario.id === 'tutorial' ? -1 : b.scenario.id === 'tutorial' ? 1 : 0));
}

/** Parses a player's scenario file; problems come back as `file:line: path: message` lines. */
export async function parseCustom(text: string, file: string): Promise<{ ok: true; entry: ScenarioEntry } | { ok: false; problems: string[] }> {
  const { parseScenario } = await import('../scenario/parse.js');
  const r = parseScenario(text, file, LESSONS);
  if (!r.ok) return { ok: false, problems: r.error.map(formatProblem) };
  return { ok: true, entry: { scenario: r.value, custom: true, text } };
}
