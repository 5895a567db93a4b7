// The built-in doctrines by name: `strong` and its lesson-breakers, `report` and its ablations, `passive` and `random`.
import type { Doctrine } from '../doctrine.js';
import { makeDoctrine, REPORT } from './heuristic.js';
import { passive } from './passive.js';
import { random } from './random.js';
import { strong, STRONG_BREAKERS } from './strong.js';

/** Each lesson-breaking doctrine is the report doctrine with exactly one lesson turned around. */
export const DOCTRINES: Readonly<Record<string, Doctrine>> = {
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
};
