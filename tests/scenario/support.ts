// Shared by the scenario-format tests: the broken-file corpus, the shipped files, and the checks every parse result must pass.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { LessonCatalogue } from '../../src/scenario/lessons.js';
import { loadLessons, SCENARIO_DIR } from '../../src/scenario/load-node.js';
import { formatProblem, type Problem, type Result } from '../../src/scenario/problems.js';
import type { Scenario } from '../../src/scenario/schema.js';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const BROKEN_DIR = join(ROOT, 'tests/fixtures/broken');
export const MINIMAL_FILE = join(ROOT, 'tests/scenario/minimal.yaml');
export const TUTORIAL_FILE = join(SCENARIO_DIR, 'tutorial.yaml');

/** A path relative to the repository root, with forward slashes: how the CLI is called and what it prints. */
export const rel = (path: string): string => relative(ROOT, path).split('\\').join('/');

export interface Fixture {
  readonly name: string;
  /** Relative to the repository root. */
  readonly file: string;
  readonly text: string;
  /** Text that some `FILE:LINE: path: message` line must contain. */
  readonly expect: string;
  /** The 1-based line marked `# <- here`, if any. */
  readonly line: number | undefined;
  /** `# line: none`: the problem is about the whole file and may have no line. */
  readonly lineless: boolean;
}

export function brokenFixtures(): Fixture[] {
  return readdirSync(BROKEN_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const path = join(BROKEN_DIR, f);
      const text = readFileSync(path, 'utf8');
      const lines = text.split('\n');
      const expectText = /^# expect: (.+)$/.exec(lines[0] ?? '')?.[1];
      if (!expectText) throw new Error(`${f}: the first line must be '# expect: <path-or-message>'`);
      const marked = lines.flatMap((l, i) => (l.endsWith('# <- here') ? [i + 1] : []));
      if (marked.length > 1) throw new Error(`${f}: more than one line marked '# <- here'`);
      return {
        name: f.replace(/\.yaml$/, ''),
        file: rel(path),
        text,
        expect: expectText,
        line: marked[0],
        lineless: lines.slice(0, 3).includes('# line: none'),
      };
    });
}

/** Every shipped scenario: scenarios/*.yaml except the lessons catalogue. */
export function shippedScenarioFiles(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.yaml') && f !== 'lessons.yaml')
    .sort()
    .map((f) => join(SCENARIO_DIR, f));
}

export function lessonCatalogue(): LessonCatalogue {
  const l = loadLessons();
  if (!l.ok) throw new Error(`the lessons catalogue does not load:\n${l.error.map(formatProblem).join('\n')}`);
  return l.value;
}

/**
 * What every answer of parseScenario must look like, whatever the input: a Result, never an exception;
 * problems that name the file, carry a dotted path and a message, and a line inside the text when they
 * carry one; no problem that is the parser's own safety net catching a bug of ours ("could not be read").
 */
export function expectWellFormed(r: Result<Scenario, Problem[]>, file: string, text: string): void {
  expect(typeof r.ok).toBe('boolean');
  if (r.ok) {
    expect(r.value).toBeTypeOf('object');
    return;
  }
  expect(Array.isArray(r.error)).toBe(true);
  expect(r.error.length).toBeGreaterThan(0);
  expect(r.error.length).toBeLessThanOrEqual(50);
  const lineCount = text.split(/\r\n|\r|\n/).length;
  for (const p of r.error) {
    expect(p.file).toBe(file);
    expect(typeof p.path).toBe('string');
    expect(typeof p.message).toBe('string');
    expect(p.message.length).toBeGreaterThan(0);
    expect(p.message, formatProblem(p)).not.toMatch(/^could not be read: /);
    if (p.line !== undefined) {
      expect(Number.isInteger(p.line), formatProblem(p)).toBe(true);
      expect(p.line, formatProblem(p)).toBeGreaterThanOrEqual(1);
      expect(p.line, formatProblem(p)).toBeLessThanOrEqual(lineCount);
    }
  }
}
