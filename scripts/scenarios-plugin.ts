// Vite plugin: the bundled scenarios (scenarios/*.yaml) and the lessons catalogue, parsed and checked at build time by
// the same parseScenario/parseLessons as everywhere else and served to the game as plain data, so the browser needs
// neither yaml nor zod to show the title screen. virtual:mandate/scenarios holds the lessons, each scenario's summary
// (what the title screen shows) and a loader per scenario; each scenario's full data is its own module,
// virtual:mandate/scenario/<id>, which the loader's import() makes its own chunk, downloaded when a game needs it.
// A broken bundled file fails the build (in dev: the error overlay) with its `file:line: path: message` problems;
// in dev an edit to a scenario file reloads the page.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { parseLessons, type LessonCatalogue } from '../src/scenario/lessons.js';
import { parseScenario } from '../src/scenario/parse.js';
import { formatProblem } from '../src/scenario/problems.js';
import type { Scenario } from '../src/scenario/schema.js';
import { summaryOf } from '../src/ui/scenario-summary.js';

export const SCENARIOS_MODULE = 'virtual:mandate/scenarios';
/** Followed by a scenario id: that scenario's full data, as its default export. */
export const SCENARIO_MODULE_PREFIX = 'virtual:mandate/scenario/';
const RESOLVED = `\0${SCENARIOS_MODULE}`;
const RESOLVED_PREFIX = `\0${SCENARIO_MODULE_PREFIX}`;
const LESSONS_FILE = 'lessons.yaml';

export interface Bundled {
  readonly lessons: LessonCatalogue;
  /** In file-name order. */
  readonly scenarios: readonly Scenario[];
}

type Compiled = { ok: true; value: Bundled; files: string[] } | { ok: false; problems: string[]; files: string[] };

/** Reads and checks every scenario of a directory against its lessons catalogue; problems as `file:line: path: message` lines. */
export function compileScenarios(dir: string): Compiled {
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

/**
 * The index module's source: the lessons and the summaries as object literals (JSON is valid JavaScript), and a loader
 * per scenario written as a literal import() so the bundler makes each scenario a chunk of its own.
 */
export function scenariosModule(b: Bundled): string {
  const loaders = b.scenarios.map((s) => `  ${JSON.stringify(s.id)}: () => import(${JSON.stringify(SCENARIO_MODULE_PREFIX + s.id)}),\n`).join('');
  return `export const lessons = ${JSON.stringify(b.lessons)};\nexport const summaries = ${JSON.stringify(b.scenarios.map(summaryOf))};\nexport const loaders = {\n${loaders}};\n`;
}

/** One scenario's module source: its checked data, whole. */
export function scenarioModule(s: Scenario): string {
  return `export default ${JSON.stringify(s)};\n`;
}

/** `dir`: the scenario directory, relative to the project root (default `scenarios`). */
export function bundledScenarios(options: { dir?: string } = {}): Plugin {
  let dir = '';
  // the index and every scenario module are made from one reading of the directory, read again after a change
  let compiled: Compiled | null = null;
  const isScenarioFile = (file: string) => dirname(resolve(file)) === dir && file.endsWith('.yaml');
  return {
    name: 'mandate:scenarios',
    configResolved(c) {
      dir = resolve(c.root, options.dir ?? 'scenarios');
    },
    buildStart() {
      compiled = null;
    },
    resolveId(id) {
      if (id === SCENARIOS_MODULE) return RESOLVED;
      return id.startsWith(SCENARIO_MODULE_PREFIX) ? `\0${id}` : undefined;
    },
    load(id) {
      if (id !== RESOLVED && !id.startsWith(RESOLVED_PREFIX)) return undefined;
      const r = (compiled ??= compileScenarios(dir));
      for (const f of r.files) this.addWatchFile(f);
      if (!r.ok) this.error(`broken bundled scenario files:\n${r.problems.join('\n')}`);
      if (id === RESOLVED) return scenariosModule(r.value);
      const wanted = id.slice(RESOLVED_PREFIX.length);
      const scn = r.value.scenarios.find((s) => s.id === wanted);
      if (!scn) this.error(`no bundled scenario '${wanted}' in ${dir}`);
      return scenarioModule(scn);
    },
    // dev: a scenario file added, changed or removed makes new modules and a full reload (the data has no HMR)
    hotUpdate({ file }) {
      if (!isScenarioFile(file)) return undefined;
      compiled = null;
      const graph = this.environment.moduleGraph;
      for (const [id, mod] of graph.idToModuleMap) if (id === RESOLVED || id.startsWith(RESOLVED_PREFIX)) graph.invalidateModule(mod);
      this.environment.hot.send({ type: 'full-reload' });
      return [];
    },
  };
}
