// The built-in doctrines by name: `strong` and its lesson-breakers, `report` and its ablations, `passive` and `random`.
import type { Doctrine } from '../doctrine.js';
import { makeDoctrine, REPORT } from './heuristic.js';
import { passive } from './passive.js';
import { random } from './random.js';
import { strong, STRONG_BREAKERS } from './strong.js';

/**
 * Each lesson-breaker is `strong` (STRONG_BREAKERS) or `report` with exactly one lesson turned around. The table has no
 * prototype, so a name such as `constructor` or `__proto__` finds nothing; look names up with `doctrineByName`.
 */
export const DOCTRINES: Readonly<Record<string, Doctrine>> = Object.assign(
  Object.create(null) as Record<string, Doctrine>,
  {
    strong,
    ...STRONG_BREAKERS,
    report: makeDoctrine(REPORT),
    'military-first': makeDoctrine({ ...REPORT, name: 'military-first', military: 'first' }),
    balkanized: makeDoctrine({ ...REPORT, name: 'balkanized', coordinate: false }),
    'christmas-tree': makeDoctrine({ ...REPORT, name: 'christmas-tree', mandate: 'all', refocus: false }),
    'no-analysis': makeDoctrine({ ...REPORT, name: 'no-analysis', analysis: false }),
    'host-state-embrace': makeDoctrine({ ...REPORT, name: 'host-state-embrace', hostState: 'embrace' }),
    'no-outreach': makeDoctrine({ ...REPORT, name: 'no-outreach', outreach: false }),
    'no-regional': makeDoctrine({ ...REPORT, name: 'no-regional', regional: false }),
    passive,
    random,
  },
);

/** A built-in doctrine by name (own names only), or undefined. */
export function doctrineByName(name: string): Doctrine | undefined {
  return Object.hasOwn(DOCTRINES, name) ? DOCTRINES[name] : undefined;
}
