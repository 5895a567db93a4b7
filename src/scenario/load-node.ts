// Loading scenario and lesson files from disk, for the command-line tools and tests (Node only).
import { readFileSync, existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLessons, type LessonCatalogue } from './lessons.js';
import { parseScenario } from './parse.js';
import { err, type Problem, type Result } from './problems.js';
import type { Scenario } from './schema.js';

export const SCENARIO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');
export const LESSONS_FILE = join(SCENARIO_DIR, 'lessons.yaml');

function readText(path: string): Result<string, Problem[]> {
  try {
    return { ok: true, value: readFileSync(path, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return err([
      { file: path, path: '', message: code === 'ENOENT' ? 'no such file' : `cannot read: ${code ?? String(e)}` },
    ]);
  }
}

let lessonsCache: LessonCatalogue | null = null;

export function loadLessons(): Result<LessonCatalogue, Problem[]> {
  if (lessonsCache) return { ok: true, value: lessonsCache };
  const text = readText(LESSONS_FILE);
  if (!text.ok) return text;
  const parsed = parseLessons(text.value, 'scenarios/lessons.yaml');
  if (parsed.ok) lessonsCache = parsed.value;
  return parsed;
}

/** A scenario by id (from scenarios/) or by path. */
export function loadScenario(idOrPath: string): Result<Scenario, Problem[]> {
  const byId = join(SCENARIO_DIR, `${idOrPath}.yaml`);
  const path = /^[a-z0-9-]+$/.test(idOrPath) && existsSync(byId) ? byId : idOrPath;
  const text = readText(path);
  if (!text.ok) return text;
  const lessons = loadLessons();
  if (!lessons.ok) return lessons;
  return parseScenario(text.value, path === byId ? `scenarios/${basename(path)}` : path, lessons.value);
}
