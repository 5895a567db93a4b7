// Vite plugin: the bundled scenarios (scenarios/*.yaml) and the lessons catalogue, parsed and checked at build time by
// the same parseScenario/parseLessons as everywhere else and served to the game as plain data (virtual:mandate/scenarios),
// so the browser needs neither yaml nor zod to show the title screen. A broken bundled file fails the build (in dev: the
// error overlay) with its `file:line: path: message` problems; in dev an edit to a scenario file reloads the page.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { parseLessons, type LessonCatalogue } from '../src/scenario/lessons.js';
import { parseScenario } from '../src/scenario/parse.js';
import { formatProblem } from '../src/scenario/problems.js';
import type { Scenario } from '../src/scenario/schema.js';

export const SCENARIOS_MODULE = 'virtual:mandate/scenarios';
const RESOLVED = `\0${SCENARIOS_MODULE}`;
const LESSONS_FILE = 'lessons.yaml';

export interface Bundled {
  readonly lessons: LessonCatalogue;
  /** In file-name order. */
  readonly scenarios: readonly Scenario[];
}

/** Reads and checks every scenario of a directory against its lessons catalogue; problems as `file:line: path: message` lines. */
export function compileScenarios(dir: string): { ok: true; value: Bundled; files: string[] } | { ok: false; problems: string[]; files: string[] } {
  const label = (name: string) => `${basename(dir)}/${name}`;
  const names = readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort();
  const files = names.map((n) => join(dir, n));
  const lessons = parseLessons(readFileSync(join(dir, LESSONS_FILE), 'utf8'), label(LESSONS_FILE));
  if (!lessons.ok) return { ok: false, problems: lessons.error.map(formatProblem), files };
  const scenarios: Scenario[] = [];
  const problems: string[] = [];
  for (const name of names.filter((n) => n !== LESSONS_FILE)) {
    const r = parseScenario(readFileSync(join(dir, name), 'utf8'), label(name), lessons.value);
    if (r.ok) scenarios.push(r.value);
    else problems.push(...r.error.map(formatProblem));
  }
  return problems.length > 0 ? { ok: false, problems, files } : { ok: true, value: { lessons: lessons.value, scenarios }, files };
}

/** The module's source: the checked data as object literals (JSON is valid JavaScript). */
export function scenariosModule(b: Bundled): string {
  return `export const lessons = ${JSON.stringify(b.lessons)};\nexport const scenarios = ${JSON.stringify(b.scenarios)};\n`;
}

/** `dir`: the scenario directory, relative to the project root (default `scenarios`). */
export function bundledScenarios(options: { dir?: string } = {}): Plugin {
  let dir = '';
  const isScenarioFile = (file: string) => dirname(resolve(file)) === dir && file.endsWith('.yaml');
  return {
    name: 'mandate:scenarios',
    configResolved(c) {
      dir = resolve(c.root, options.dir ?? 'scenarios');
    },
    resolveId(id) {
      return id === SCENARIOS_MODULE ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      const r = compileScenarios(dir);
      for (const f of r.files) this.addWatchFile(f);
      if (!r.ok) this.error(`broken bundled scenario files:\n${r.problems.join('\n')}`);
      return scenariosModule(r.value);
    },
    // dev: a scenario file added, changed or removed makes a new module and a full reload (the data has no HMR)
    hotUpdate({ file }) {
      if (!isScenarioFile(file)) return undefined;
      const mod = this.environment.moduleGraph.getModuleById(RESOLVED);
      if (mod) this.environment.moduleGraph.invalidateModule(mod);
      this.environment.hot.send({ type: 'full-reload' });
      return [];
    },
  };
}
