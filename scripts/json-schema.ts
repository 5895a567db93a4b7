// `npm run scenario:schema`: writes scenarios/scenario.schema.json, the JSON Schema of the scenario format,
// generated from the zod schema so editors (the YAML language server) complete and check scenario files.
// `npm run scenario:schema -- --check` only compares, and exits 1 when the file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Condition, Effect, LessonId, Loc, Scenario, SCHEMA_VERSION } from '../src/scenario/schema.js';

export const SCHEMA_FILE = fileURLToPath(new URL('../scenarios/scenario.schema.json', import.meta.url));

/** The JSON Schema (draft-07, which the YAML language server reads) of a scenario file as written. */
export function scenarioJsonSchema(): Record<string, unknown> {
  // Named schemas become `definitions` and are referenced; the recursive Condition has to be one.
  const names = z.registry<{ id?: string; title?: string; description?: string }>();
  names.add(Scenario, {
    title: 'Mandate scenario',
    description: `A scenario for Mandate, schemaVersion ${SCHEMA_VERSION}. Generated from src/scenario/schema.ts by scripts/json-schema.ts: do not edit.`,
  });
  names.add(Loc, { id: 'Loc', description: 'A text shown to players: English, and optionally French.' });
  names.add(Condition, {
    id: 'Condition',
    description: 'A test on the game state; `all`, `any` and `not` combine tests.',
  });
  names.add(Effect, {
    id: 'Effect',
    description: 'A change to the game state. `$target` is the target chosen when the action is played.',
  });
  names.add(LessonId, { id: 'LessonId', description: 'A lesson id from scenarios/lessons.yaml, such as L-primacy.' });
  return z.toJSONSchema(Scenario, {
    target: 'draft-07',
    // The file as written: fields with a default are optional.
    io: 'input',
    metadata: names,
    cycles: 'ref',
    unrepresentable: 'throw',
  }) as Record<string, unknown>;
}

export function renderScenarioJsonSchema(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

function main(args: readonly string[]): number {
  const text = renderScenarioJsonSchema();
  let current: string | null;
  try {
    current = readFileSync(SCHEMA_FILE, 'utf8');
  } catch {
    current = null;
  }
  if (args.includes('--check')) {
    if (current === text) {
      console.log(`${SCHEMA_FILE}: up to date`);
      return 0;
    }
    console.error(`${SCHEMA_FILE}: stale; run npm run scenario:schema`);
    return 1;
  }
  if (current !== text) writeFileSync(SCHEMA_FILE, text);
  console.log(`${SCHEMA_FILE}: ${current === text ? 'unchanged' : 'written'}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
