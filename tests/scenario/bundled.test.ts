// scripts/scenarios-plugin.ts: the bundled scenarios are checked at build time, the data the game gets is what the parser
// makes, and each scenario's data is a chunk of its own that only its loader brings: the index has only their summaries.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Rolldown } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledScenarios, compileScenarios, SCENARIO_MODULE_PREFIX, scenarioModule, scenariosModule, SCENARIOS_MODULE } from '../../scripts/scenarios-plugin.js';
import { hashScenario } from '../../src/engine/index.js';
import { indexOf } from '../../src/engine/scenario-index.js';
import type { LessonCatalogue } from '../../src/scenario/lessons.js';
import { loadLessons, loadScenario, SCENARIO_DIR } from '../../src/scenario/load-node.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { summaryOf, type ScenarioSummary } from '../../src/ui/scenario-summary.js';

const temp = mkdtempSync(join(tmpdir(), 'mandate-bundled-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const IDS = ['minusma-2014', 'monusco-2013', 'tutorial'];

interface IndexModule {
  lessons: LessonCatalogue;
  summaries: ScenarioSummary[];
  loaders: Record<string, () => Promise<{ default: Scenario }>>;
}

function parsed(id: string): Scenario {
  const r = loadScenario(id);
  if (!r.ok) throw new Error(id);
  return r.value;
}

/** A copy of scenarios/ (as `<root>/scenarios`) with one file's text changed. */
function copyWith(root: string, file: string, edit: (text: string) => string): string {
  const dir = join(temp, root, 'scenarios');
  cpSync(SCENARIO_DIR, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

/** Builds (into `<root>/dist`) an entry that re-exports the index module, with the plugin reading `<root>/scenarios`. */
async function buildWith(root: string): Promise<Rolldown.OutputChunk[]> {
  writeFileSync(join(temp, root, 'entry.js'), `export { lessons, summaries, loaders } from '${SCENARIOS_MODULE}';\n`);
  const out = await build({
    root: join(temp, root),
    configFile: false,
    logLevel: 'silent',
    plugins: [bundledScenarios()],
    build: { outDir: join(temp, root, 'dist'), minify: false, rollupOptions: { input: join(temp, root, 'entry.js'), preserveEntrySignatures: 'exports-only' } },
  });
  return (Array.isArray(out) ? out : [out]).flatMap((o) => ('output' in o ? o.output : [])).filter((c): c is Rolldown.OutputChunk => c.type === 'chunk');
}

describe('the bundled scenarios, compiled at build time', () => {
  it('are the parser\'s own results, so a save made before still resumes (same scenario hash)', async () => {
    const r = compileScenarios(SCENARIO_DIR);
    if (!r.ok) throw new Error(r.problems.join('\n'));
    const index = (await import(`data:text/javascript,${encodeURIComponent(scenariosModule(r.value))}`)) as IndexModule;
    const lessons = loadLessons();
    if (!lessons.ok) throw new Error('lessons');
    expect(Object.keys(index).sort()).toEqual(['lessons', 'loaders', 'summaries']);
    expect(index.lessons).toEqual(lessons.value);
    expect(index.summaries.map((s) => s.id)).toEqual(IDS);
    expect(Object.keys(index.loaders).sort()).toEqual(IDS);
    for (const s of r.value.scenarios) {
      const own = (await import(`data:text/javascript,${encodeURIComponent(scenarioModule(s))}`)) as { default: Scenario };
      const p = parsed(s.id);
      expect(own.default).toEqual(p);
      expect(hashScenario(own.default)).toBe(hashScenario(p));
      // the summary is what the title shows, the chairs in the order the game seats them
      const summary = index.summaries.find((x) => x.id === s.id)!;
      expect(summary).toEqual(summaryOf(p));
      expect(summary.chairs).toEqual(indexOf(p).chairs);
      expect(Object.keys(summary).sort()).toEqual(['briefing', 'chairBriefs', 'chairs', 'id', 'start', 'title', 'turns']);
    }
  });

  it('fail the build with `file:line: path: message` for each problem', async () => {
    // an unknown lesson in the tutorial: a cross-reference problem, found only with the lessons catalogue
    copyWith('bad', 'tutorial.yaml', (t) => t.replace(/lessons: \[L-[a-z-]+/, 'lessons: [L-no-such-lesson'));
    const line = readFileSync(join(temp, 'bad/scenarios/tutorial.yaml'), 'utf8').split('\n').findIndex((l) => l.includes('L-no-such-lesson')) + 1;
    expect(line).toBeGreaterThan(0);
    const failure = await buildWith('bad').then(() => 'built', (e: unknown) => String(e));
    expect(failure).toMatch(new RegExp(`scenarios/tutorial\\.yaml:${line}: [a-z0-9.]+\\.lessons\\.0: no lesson 'L-no-such-lesson' in the lessons catalogue`));
  });

  it('fail the build when the lessons catalogue is broken', async () => {
    copyWith('bad-lessons', 'lessons.yaml', (t) => t.replace('schemaVersion: 1', 'schemaVersion: 7'));
    const failure = await buildWith('bad-lessons').then(() => 'built', (e: unknown) => String(e));
    expect(failure).toMatch(/scenarios\/lessons\.yaml:\d+: schemaVersion: /);
  });

  it('put data, not the parser, in the build, each scenario in a chunk of its own that only its loader brings', async () => {
    copyWith('good', 'tutorial.yaml', (t) => t);
    const chunks = await buildWith('good');
    const code = chunks.map((c) => c.code).join('\n');
    expect(code).toContain('"id": "tutorial"');
    expect(code).not.toMatch(/parseDocument|safeParse/);

    // what loads before anything is asked for: the entry and what it imports statically
    const entry = chunks.find((c) => c.isEntry)!;
    const first = chunks.filter((c) => c === entry || entry.imports.includes(c.fileName));
    const firstModules = first.flatMap((c) => c.moduleIds);
    expect(firstModules).toContain(`\0${SCENARIOS_MODULE}`);
    for (const id of IDS) {
      const module = `\0${SCENARIO_MODULE_PREFIX}${id}`;
      expect(firstModules).not.toContain(module);
      const own = chunks.filter((c) => c.moduleIds.includes(module));
      expect(own.map((c) => c.moduleIds)).toEqual([[module]]);
      expect(first.flatMap((c) => c.dynamicImports)).toContain(own[0]!.fileName);
    }

    // the built loaders bring the parser's results; the first chunk has the summaries
    const built = (await import(pathToFileURL(join(temp, 'good/dist', entry.fileName)).href)) as IndexModule;
    expect(built.summaries).toEqual(IDS.map((id) => summaryOf(parsed(id))));
    for (const id of IDS) {
      const s = (await built.loaders[id]!()).default;
      expect(s).toEqual(parsed(id));
      expect(hashScenario(s)).toBe(hashScenario(parsed(id)));
    }
    // the summaries are a small part of the data: the historical scenarios' bulk stays out of the first chunk
    const firstBytes = first.reduce((n, c) => n + c.code.length, 0);
    for (const id of ['minusma-2014', 'monusco-2013']) expect(firstBytes).toBeLessThan(chunks.find((c) => c.moduleIds.includes(`\0${SCENARIO_MODULE_PREFIX}${id}`))!.code.length / 2);
  });
});
