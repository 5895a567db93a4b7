// scripts/scenarios-plugin.ts: the bundled scenarios are checked at build time, the data the game gets is what the parser
// makes, and each scenario's data is a file of its own that only its loader fetches: the index has only their summaries.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Rolldown } from 'vite';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import {
  bundledScenarios,
  compileScenarios,
  scenarioModule,
  scenariosModule,
  SCENARIOS_MODULE,
} from '../../scripts/scenarios-plugin.js';
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
  loaders: Record<string, () => Promise<Scenario>>;
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
  return (await buildAll(root)).filter((c): c is Rolldown.OutputChunk => c.type === 'chunk');
}

async function buildAll(root: string): Promise<(Rolldown.OutputChunk | Rolldown.OutputAsset)[]> {
  writeFileSync(join(temp, root, 'entry.js'), `export { lessons, summaries, loaders } from '${SCENARIOS_MODULE}';\n`);
  const out = await build({
    root: join(temp, root),
    configFile: false,
    logLevel: 'silent',
    plugins: [bundledScenarios()],
    build: {
      outDir: join(temp, root, 'dist'),
      minify: false,
      rollupOptions: { input: join(temp, root, 'entry.js'), preserveEntrySignatures: 'exports-only' },
    },
  });
  return (Array.isArray(out) ? out : [out]).flatMap((o) => ('output' in o ? o.output : []));
}

afterEach(() => vi.unstubAllGlobals());

describe('the bundled scenarios, compiled at build time', () => {
  it("are the parser's own results, so a save made before still resumes (same scenario hash)", async () => {
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
      const own = (await import(`data:text/javascript,${encodeURIComponent(scenarioModule(s))}`)) as {
        default: Scenario;
      };
      const p = parsed(s.id);
      expect(own.default).toEqual(p);
      expect(hashScenario(own.default)).toBe(hashScenario(p));
      // the summary is what the title shows, the chairs in the order the game seats them
      const summary = index.summaries.find((x) => x.id === s.id)!;
      expect(summary).toEqual(summaryOf(p));
      expect(summary.chairs).toEqual(indexOf(p).chairs);
      // the base map the title fetches when the scenario is chosen: the historical ones have one, the tutorial none
      expect(summary.map).toBe(s.id === 'tutorial' ? null : s.id.startsWith('monusco') ? 'kivu' : 'mali');
      expect(Object.keys(summary).sort()).toEqual([
        'briefing',
        'chairBriefs',
        'chairs',
        'id',
        'map',
        'start',
        'title',
        'turns',
      ]);
    }
  });

  it('fail the build with `file:line: path: message` for each problem', async () => {
    // an unknown lesson in the tutorial: a cross-reference problem, found only with the lessons catalogue
    copyWith('bad', 'tutorial.yaml', (t) => t.replace(/lessons: \[L-[a-z-]+/, 'lessons: [L-no-such-lesson'));
    const line =
      readFileSync(join(temp, 'bad/scenarios/tutorial.yaml'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('L-no-such-lesson')) + 1;
    expect(line).toBeGreaterThan(0);
    const failure = await buildWith('bad').then(
      () => 'built',
      (e: unknown) => String(e),
    );
    expect(failure).toMatch(
      new RegExp(
        `scenarios/tutorial\\.yaml:${line}: [a-z0-9.]+\\.lessons\\.0: no lesson 'L-no-such-lesson' in the lessons catalogue`,
      ),
    );
  });

  it('fail the build when the lessons catalogue is broken', async () => {
    copyWith('bad-lessons', 'lessons.yaml', (t) => t.replace('schemaVersion: 1', 'schemaVersion: 7'));
    const failure = await buildWith('bad-lessons').then(
      () => 'built',
      (e: unknown) => String(e),
    );
    expect(failure).toMatch(/scenarios\/lessons\.yaml:\d+: schemaVersion: /);
  });

  it('put data, not the parser, in the build, each scenario in a file of its own that only its loader fetches, again after a failure', async () => {
    copyWith('good', 'tutorial.yaml', (t) => t);
    const all = await buildAll('good');
    const chunks = all.filter((c): c is Rolldown.OutputChunk => c.type === 'chunk');
    const code = chunks.map((c) => c.code).join('\n');
    expect(code).not.toMatch(/parseDocument|safeParse/);
    // no scenario's data in any script (its first card is not in the summary): each is a JSON file named by its id and content
    for (const id of IDS) expect(code).not.toMatch(new RegExp(`"id":\\s*"${parsed(id).actions[0]!.id}"`));
    expect(code).toMatch(new RegExp(`"id":\\s*"${IDS[0]}"`));
    const data = new Map(all.filter((a) => a.type === 'asset').map((a) => [a.fileName, a]));
    for (const id of IDS)
      expect([...data.keys()].filter((f) => new RegExp(`^assets/${id}-[0-9a-f]{10}\\.json$`).test(f))).toHaveLength(1);

    // the built loaders fetch the parser's results from beside the chunk, and a failed download can be asked again
    const entry = chunks.find((c) => c.isEntry)!;
    const asked: string[] = [];
    let offline = true;
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url);
      if (offline) throw new TypeError('Failed to fetch');
      return new Response(readFileSync(new URL(url), 'utf8'), { status: 200 });
    });
    const built = (await import(pathToFileURL(join(temp, 'good/dist', entry.fileName)).href)) as IndexModule;
    expect(built.summaries).toEqual(IDS.map((id) => summaryOf(parsed(id))));
    await expect(built.loaders['monusco-2013']!()).rejects.toThrow('Failed to fetch');
    offline = false;
    for (const id of IDS) {
      const s = await built.loaders[id]!();
      expect(s).toEqual(parsed(id));
      expect(hashScenario(s)).toBe(hashScenario(parsed(id)));
    }
    expect(asked.filter((u) => u.includes('monusco-2013'))).toHaveLength(2);
    expect(new Set(asked.map((u) => u.slice(u.lastIndexOf('/') + 1)))).toEqual(
      new Set([...data.keys()].map((f) => f.slice('assets/'.length))),
    );
  });
});
