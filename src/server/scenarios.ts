// The scenarios a session may be created with: the shipped files in scenarios/, by id, loaded once.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { hashScenario } from '../engine/index.js';
import { loadScenario, SCENARIO_DIR } from '../scenario/load-node.js';
import { formatProblem } from '../scenario/problems.js';
import type { Scenario } from '../scenario/schema.js';

export interface LoadedScenario {
  readonly scenario: Scenario;
  readonly hash: string;
}

const cache = new Map<string, LoadedScenario>();

/** The ids of the shipped scenarios. */
export function scenarioIds(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.yaml') && f !== 'lessons.yaml')
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** A shipped scenario by id; never a path (ids are checked against the directory first). */
export function scenarioById(id: string): { ok: true; value: LoadedScenario } | { ok: false; message: string } {
  const hit = cache.get(id);
  if (hit) return { ok: true, value: hit };
  if (!/^[a-z0-9-]{1,64}$/.test(id) || id === 'lessons' || !existsSync(join(SCENARIO_DIR, `${id}.yaml`)))
    return { ok: false, message: `no scenario '${id}'` };
  const r = loadScenario(id);
  if (!r.ok) return { ok: false, message: r.error.map(formatProblem).join('; ') };
  const loaded = { scenario: r.value, hash: hashScenario(r.value) };
  cache.set(id, loaded);
  return { ok: true, value: loaded };
}
