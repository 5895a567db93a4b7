// Vite plugin: the bundled scenarios (scenarios/*.yaml) and the lessons catalogue, parsed and checked at build time by
// the same parseScenario/parseLessons as everywhere else and served to the game as plain data, so the browser needs
// neither yaml nor zod to show the title screen. virtual:mandate/scenarios holds the lessons, each scenario's summary
// (what the title screen shows) and a loader per scenario. Each scenario's full data is a JSON file of its own
// (assets/<id>-<hash>.json in the build, /@mandate/scenario/<id>.json from the dev server) that the loader fetches when
// a game needs it. Data is fetched, not imported: a browser may keep a failed dynamic import() in its module map for
// good (Chromium did until version 151), so a chunk that could not be downloaded once could never be tried again
// without reloading the page; a failed fetch is simply asked again. The statically imported tutorial and unit tests
// (Node, no server) use the module form, virtual:mandate/scenario/<id>.
// A broken bundled file fails the build (in dev: the error overlay) with its `file:line: path: message` problems;
// in dev an edit to a scenario file reloads the page.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, posix, resolve } from 'node:path';
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
/** Where the dev server serves each scenario's data. */
export const DEV_DATA_PREFIX = '/@mandate/scenario/';
/** Stands in the index module's code for the built address of a scenario's data, until the chunk's place is known. */
const URL_MARK = '__MANDATE_SCENARIO_DATA_';
const URL_MARK_RE = /__MANDATE_SCENARIO_DATA_([A-Za-z0-9_$]+)__/g;
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
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .sort();
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
  return problems.length > 0
    ? { ok: false, problems, files }
    : { ok: true, value: { lessons: lessons.value, scenarios }, files };
}

/** How each scenario's loader gets its data: fetched from an address (browser), or imported as a module (Node tests). */
export type DataSource = { kind: 'fetch'; url: (id: string) => string } | { kind: 'module' };

/**
 * The index module's source: the lessons and the summaries as object literals (JSON is valid JavaScript), and a loader
 * per scenario that fetches its data (`url` is a JavaScript expression for the address) or, for Node, imports its module.
 */
export function scenariosModule(b: Bundled, data: DataSource = { kind: 'module' }): string {
  const loader = (id: string) =>
    data.kind === 'module'
      ? `async () => (await import(${JSON.stringify(SCENARIO_MODULE_PREFIX + id)})).default`
      : `() => fetchData(${data.url(id)})`;
  const loaders = b.scenarios.map((s) => `  ${JSON.stringify(s.id)}: ${loader(s.id)},\n`).join('');
  const fetchData =
    data.kind === 'fetch'
      ? 'async function fetchData(url) {\n  const res = await fetch(url);\n  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);\n  return res.json();\n}\n'
      : '';
  return `${fetchData}export const lessons = ${JSON.stringify(b.lessons)};\nexport const summaries = ${JSON.stringify(b.scenarios.map(summaryOf))};\nexport const loaders = {\n${loaders}};\n`;
}

/** The built file name of a scenario's data: its id and a hash of its content, so a new version is a new address. */
export function dataFileName(s: Scenario, json: string): string {
  return `${s.id}-${createHash('sha256').update(json).digest('hex').slice(0, 10)}.json`;
}

/** One scenario's module source: its checked data, whole. */
export function scenarioModule(s: Scenario): string {
  return `export default ${JSON.stringify(s)};\n`;
}

/** `dir`: the scenario directory, relative to the project root (default `scenarios`). */
export function bundledScenarios(options: { dir?: string } = {}): Plugin {
  let dir = '';
  let command: 'build' | 'serve' = 'serve';
  let assetsDir = 'assets';
  // the index and every scenario module are made from one reading of the directory, read again after a change
  let compiled: Compiled | null = null;
  // build: each scenario's emitted data file, by id
  const emitted = new Map<string, string>();
  const isScenarioFile = (file: string) => dirname(resolve(file)) === dir && file.endsWith('.yaml');
  // vitest runs modules in Node with no server to fetch from: there the loaders import the data modules. The build's address
  // is filled in by renderChunk (@vite-ignore: Vite need not look for the file itself)
  const source = (): DataSource =>
    command === 'build'
      ? {
          kind: 'fetch',
          url: (id) =>
            `new URL(/* @vite-ignore */ ${JSON.stringify(`${URL_MARK}${id.replace(/[^A-Za-z0-9]/g, (c) => `$${c.charCodeAt(0)}$`)}__`)}, import.meta.url).href`,
        }
      : process.env['VITEST']
        ? { kind: 'module' }
        : { kind: 'fetch', url: (id) => JSON.stringify(`${DEV_DATA_PREFIX}${encodeURIComponent(id)}.json`) };
  const compile = (): Compiled => (compiled ??= compileScenarios(dir));
  return {
    name: 'mandate:scenarios',
    configResolved(c) {
      dir = resolve(c.root, options.dir ?? 'scenarios');
      command = c.command;
      assetsDir = c.build.assetsDir;
    },
    buildStart() {
      compiled = null;
      emitted.clear();
    },
    resolveId(id) {
      if (id === SCENARIOS_MODULE) return RESOLVED;
      return id.startsWith(SCENARIO_MODULE_PREFIX) ? `\0${id}` : undefined;
    },
    load(id) {
      if (id !== RESOLVED && !id.startsWith(RESOLVED_PREFIX)) return undefined;
      const r = compile();
      for (const f of r.files) this.addWatchFile(f);
      if (!r.ok) this.error(`broken bundled scenario files:\n${r.problems.join('\n')}`);
      if (id === RESOLVED) {
        if (command === 'build') {
          for (const s of r.value.scenarios) {
            const json = JSON.stringify(s);
            const fileName = posix.join(assetsDir, dataFileName(s, json));
            this.emitFile({ type: 'asset', fileName, source: json });
            emitted.set(s.id, fileName);
          }
        }
        return scenariosModule(r.value, source());
      }
      const wanted = id.slice(RESOLVED_PREFIX.length);
      const scn = r.value.scenarios.find((s) => s.id === wanted);
      if (!scn) this.error(`no bundled scenario '${wanted}' in ${dir}`);
      return scenarioModule(scn);
    },
    // build: the data's address relative to the chunk that holds the index module, wherever that chunk is written
    renderChunk(code, chunk) {
      if (!code.includes(URL_MARK)) return null;
      const from = posix.dirname(chunk.fileName);
      const out = code.replace(URL_MARK_RE, (_m, key: string) => {
        const id = key.replace(/\$(\d+)\$/g, (_x, n: string) => String.fromCharCode(Number(n)));
        const file = emitted.get(id);
        if (!file) this.error(`no data file emitted for scenario '${id}'`);
        const rel = posix.relative(from, file);
        return rel.startsWith('.') ? rel : `./${rel}`;
      });
      return { code: out, map: null };
    },
    // dev: each scenario's data at /@mandate/scenario/<id>.json
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        if (!path.startsWith(DEV_DATA_PREFIX) || !path.endsWith('.json')) return next();
        const r = compile();
        const wanted = decodeURIComponent(path.slice(DEV_DATA_PREFIX.length, -'.json'.length));
        const scn = r.ok ? r.value.scenarios.find((s) => s.id === wanted) : undefined;
        if (!scn) {
          res.statusCode = r.ok ? 404 : 500;
          res.end(r.ok ? `no bundled scenario '${wanted}'` : r.problems.join('\n'));
          return;
        }
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(JSON.stringify(scn));
      });
    },
    // dev: a scenario file added, changed or removed makes new modules and a full reload (the data has no HMR)
    hotUpdate({ file }) {
      if (!isScenarioFile(file)) return undefined;
      compiled = null;
      const graph = this.environment.moduleGraph;
      for (const [id, mod] of graph.idToModuleMap)
        if (id === RESOLVED || id.startsWith(RESOLVED_PREFIX)) graph.invalidateModule(mod);
      this.environment.hot.send({ type: 'full-reload' });
      return [];
    },
  };
}
