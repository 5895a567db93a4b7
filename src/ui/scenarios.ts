// The scenarios bundled with the game (scenarios/*.yaml as raw text), parsed in the browser by parseScenario.
import { parseLessons, type LessonCatalogue } from '../scenario/lessons.js';
import { parseScenario } from '../scenario/parse.js';
import { formatProblem } from '../scenario/problems.js';
import type { Scenario } from '../scenario/schema.js';
import lessonsText from '../../scenarios/lessons.yaml?raw';

const files = import.meta.glob<string>('../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true });

export interface ScenarioEntry {
  readonly scenario: Scenario;
  /** Loaded by the player from a file, not bundled. */
  readonly custom: boolean;
  /** The source text, kept for custom scenarios so their saves can be resumed. */
  readonly text: string;
}

function loadLessons(): LessonCatalogue | null {
  const r = parseLessons(lessonsText, 'scenarios/lessons.yaml');
  if (!r.ok) {
    console.warn(r.error.map(formatProblem).join('\n'));
    return null;
  }
  return r.value;
}

export const LESSONS: LessonCatalogue | null = loadLessons();

/** The bundled scenarios that parse; a broken bundled file is reported in the console and left out. */
export function bundledScenarios(): ScenarioEntry[] {
  const out: ScenarioEntry[] = [];
  for (const [path, text] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const file = path.replace(/^.*\//, 'scenarios/');
    if (file.endsWith('/lessons.yaml')) continue;
    const r = parseScenario(text, file, LESSONS);
    if (r.ok) out.push({ scenario: r.value, custom: false, text });
    else console.warn(r.error.map(formatProblem).join('\n'));
  }
  // the tutorial first: it is where a new player starts
  return out.sort((a, b) => (a.scenario.id === 'tutorial' ? -1 : b.scenario.id === 'tutorial' ? 1 : 0));
}

/** Parses a player's scenario file; problems come back as `file:line: path: message` lines. */
export function parseCustom(text: string, file: string): { ok: true; entry: ScenarioEntry } | { ok: false; problems: string[] } {
  const r = parseScenario(text, file, LESSONS);
  if (!r.ok) return { ok: false, problems: r.error.map(formatProblem) };
  return { ok: true, entry: { scenario: r.value, custom: true, text } };
}
