// scripts/scenarios-plugin.ts: the bundled scenarios are checked at build time, and the data the game gets is what the parser makes.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledScenarios, compileScenarios, scenariosModule, SCENARIOS_MODULE } from '../../scripts/scenarios-plugin.js';
import { hashScenario } from '../../src/engine/index.js';
import { loadLessons, loadScenario, SCENARIO_DIR } from '../../src/scenario/load-node.js';
import type { Scenario } from '../../src/scenario/schema.js';

const temp = mkdtempSync(join(tmpdir(), 'mandate-bundled-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A copy of scenarios/ (as `<root>/scenarios`) with one file's text changed. */
function copyWith(root: string, file: string, edit: (text: string) => string): string {
  const dir = join(temp, root, 'scenarios');
  cpSync(SCENARIO_DIR, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

/** Builds a one-line entry that imports the virtual module, with the plugin reading `<root>/scenarios`. */
async function buildWith(root: string): Promise<string> {
  writeFileSync(join(temp, root, 'entry.js'), `import { lessons, scenarios } from '${SCENARIOS_MODULE}';\nconsole.log(lessons, scenarios);\n`);
  const out = await build({ root: join(temp, root), configFile: false, logLevel: 'silent', plugins: [bundledScenarios()], build: { write: false, minify: false, rollupOptions: { input: join(temp, root, 'entry.js') } } });
  const chunks = (Array.isArray(out) ? out : [out]).flatMap((o) => ('output' in o ? o.output : []));
  return chunks.map((c) => (c.type === 'chunk' ? c.code : '')).join('\n');
}

describe('the bundled scenarios, compiled at build time', () => {
  it('are the parser\'s own results, so a save made before still resumes (same scenario hash)', async () => {
    const r = compileScenarios(SCENARIO_DIR);
    if (!r.ok) throw new Error(r.problems.join('\n'));
    const mod = (await import(`data:text/javascript,${encodeURIComponent(scenariosModule(r.value))}`)) as { lessons: unknown; scenarios: Scenario[] };
    const lessons = loadLessons();
    if (!lessons.ok) throw new Error('lessons');
    expect(mod.lessons).toEqual(lessons.value);
    expect(mod.scenarios.map((s) => s.id)).toEqual(['minusma-2014', 'monusco-2013', 'tutorial']);
    for (const s of mod.scenarios) {
      const parsed = loadScenario(s.id);
      if (!parsed.ok) throw new Error(s.id);
      expect(s).toEqual(parsed.value);
      expect(hashScenario(s)).toBe(hashScenario(parsed.value));
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

  it('put data, not the parser, in the build', async () => {
    copyWith('good', 'tutorial.yaml', (t) => t);
    const code = await buildWith('good');
    expect(code).toContain('"id": "tutorial"');
    expect(code).not.toMatch(/parseDocument|safeParse/);
  });
});
