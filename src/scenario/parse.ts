// parseScenario: untrusted scenario text in, a checked Scenario or a list of located problems out.
import { checkScenario } from './check.js';
import type { LessonCatalogue } from './lessons.js';
import { internStrings } from './intern.js';
import { err, ok, pathText, type Problem, type Result } from './problems.js';
import { Scenario, SCHEMA_VERSION } from './schema.js';
import { readYaml } from './yaml-source.js';

const MAX_PROBLEMS = 50;

/**
 * Parses YAML (or JSON) scenario text. Every caller — browser, CLI, server, tests — goes through
 * here, so whatever passes has the same guarantees everywhere. Never throws.
 */
export function parseScenario(
  text: string,
  file: string,
  lessons: LessonCatalogue | null = null,
): Result<Scenario, Problem[]> {
  try {
    return parseUnsafe(text, file, lessons);
  } catch (e) {
    // A bug of ours, not the author's: still a clear line, never a stack trace.
    return err([{ file, path: '', message: `could not be read: ${e instanceof Error ? e.message : String(e)}` }]);
  }
}

function parseUnsafe(text: string, file: string, lessons: LessonCatalogue | null): Result<Scenario, Problem[]> {
  const src = readYaml(text, file);
  if (!src.ok) return src;
  const { data, lineOf } = src.value;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return err([{ file, line: 1, path: '', message: 'expected a mapping with the scenario fields at the top level' }]);
  }
  const version = (data as Record<string, unknown>)['schemaVersion'];
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    return err([
      {
        file,
        line: lineOf(['schemaVersion']),
        path: 'schemaVersion',
        message: `version ${version} is newer than this game reads (${SCHEMA_VERSION}); update the game`,
      },
    ]);
  }
  const parsed = Scenario.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, MAX_PROBLEMS).map((i) => {
      // An unknown key is reported at its own line, not its parent's.
      const first = i.code === 'unrecognized_keys' ? i.keys[0] : undefined;
      const at = first === undefined ? i.path : [...i.path, first];
      const message =
        i.code === 'unrecognized_keys' && i.keys.length > 5
          ? `${i.keys.length} unknown keys, such as ${i.keys
              .slice(0, 5)
              .map((k) => `"${k}"`)
              .join(', ')}`
          : i.message;
      return { file, line: lineOf(at), path: pathText(i.path), message };
    });
    return err(problems);
  }
  const refs = checkScenario(parsed.data, lessons ? new Set(lessons.lessons.map((l) => l.id)) : null);
  if (refs.length > 0) {
    return err(
      refs
        .slice(0, MAX_PROBLEMS)
        .map((r) => ({ file, line: lineOf(r.path), path: pathText(r.path), message: r.message })),
    );
  }
  return ok(internStrings(parsed.data) as Scenario);
}
