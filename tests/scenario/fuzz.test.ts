// Fuzzing parseScenario: random text, mutated tutorials and random JSON never make it throw, and whatever it accepts it accepts again.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LessonCatalogue } from '../../src/scenario/lessons.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { formatProblem, type Problem, type Result } from '../../src/scenario/problems.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { expectWellFormed, lessonCatalogue, MINIMAL_FILE, TUTORIAL_FILE } from './support.js';

/** Fixed seeds: a failure here reproduces exactly; fast-check prints the shrunk counterexample. */
const SEED = 0x5eed;
const tutorial = readFileSync(TUTORIAL_FILE, 'utf8');
const minimal = readFileSync(MINIMAL_FILE, 'utf8');
let lessons: LessonCatalogue;

beforeAll(() => {
  lessons = lessonCatalogue();
});

/**
 * The property every input must satisfy: parseScenario returns a well-formed Result without throwing,
 * and an accepted scenario, written out as JSON (which is YAML) and read back, is accepted again unchanged.
 */
function holds(text: string): Result<Scenario, Problem[]> {
  let r: Result<Scenario, Problem[]> | undefined;
  try {
    r = parseScenario(text, 'fuzz.yaml', lessons);
  } catch (e) {
    throw new Error(`parseScenario threw: ${String(e)}`, { cause: e });
  }
  expectWellFormed(r, 'fuzz.yaml', text);
  if (r.ok) {
    const json = JSON.stringify(r.value);
    const again = parseScenario(json, 'again.json', lessons);
    expect(again.ok ? [] : again.error.map(formatProblem), 'an accepted scenario must be accepted again').toEqual([]);
    if (again.ok) expect(JSON.stringify(again.value)).toBe(json);
  }
  return r;
}

// --- mutations of a valid file

type Mutation = (text: string) => string;
const lines = (t: string) => t.split('\n');
const at = (n: number, len: number) => (len === 0 ? 0 : n % len);

const deleteLine = fc.nat().map<Mutation>((n) => (t) => {
  const ls = lines(t);
  ls.splice(at(n, ls.length), 1);
  return ls.join('\n');
});
const duplicateLine = fc.nat().map<Mutation>((n) => (t) => {
  const ls = lines(t);
  const i = at(n, ls.length);
  ls.splice(i, 0, ls[i] ?? '');
  return ls.join('\n');
});
const swapChars = fc.nat().map<Mutation>((n) => (t) => {
  const i = at(n, t.length - 1);
  return t.slice(0, i) + t.charAt(i + 1) + t.charAt(i) + t.slice(i + 2);
});
const number = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map(String),
  fc.constantFrom('0', '-0', '1e309', '.nan', '.inf', '-.inf', '0x1F', '0o17', '1_000', '"5"', 'null', '~', '[]', '{}'),
);
const changeNumber = fc.tuple(fc.nat(), number).map<Mutation>(([n, replacement]) => (t) => {
  const spots = [...t.matchAll(/(?<=[:\s[,]\s*)-?\d+(\.\d+)?(?=[\s,\]}])/g)];
  const m = spots[at(n, spots.length)];
  return m?.index === undefined ? t : t.slice(0, m.index) + replacement + t.slice(m.index + m[0].length);
});
/** Anchors a value on one line and aliases it on another (or aliases an anchor that is not there). */
const insertAlias = fc.tuple(fc.nat(), fc.nat(), fc.boolean()).map<Mutation>(([a, b, defined]) => (t) => {
  const ls = lines(t);
  const valueAt = (n: number) => {
    const candidates = ls.flatMap((l, i) => (/:\s+\S/.test(l) && !l.trimStart().startsWith('#') ? [i] : []));
    return candidates[at(n, candidates.length)];
  };
  const i = valueAt(a);
  const j = valueAt(b);
  if (i === undefined || j === undefined) return t;
  if (defined) ls[i] = ls[i]!.replace(/:\s+/, ': &fz ');
  ls[j] = ls[j]!.replace(/:\s+.*$/, ': *fz');
  return ls.join('\n');
});
const insertText = fc
  .tuple(
    fc.nat(),
    fc.constantFrom(
      '\n',
      '\t',
      ' ',
      '- ',
      ': ',
      '{',
      '}',
      '[',
      ']',
      '"',
      "'",
      '#',
      '&',
      '*',
      '!',
      '|',
      '>',
      '? ',
      '%',
      '@',
      '`',
      ',',
      '\\',
      '\u0000',
      '\uFEFF',
      'é',
    ),
  )
  .map<Mutation>(([n, s]) => (t) => {
    const i = at(n, t.length);
    return t.slice(0, i) + s + t.slice(i);
  });
/** Replaces one id-like word with another word of the file: dangling and crossed references, duplicate ids. */
const renameWord = fc.tuple(fc.nat(), fc.nat()).map<Mutation>(([a, b]) => (t) => {
  const words = [...t.matchAll(/(?<=[:[,]\s*)[a-z][a-z0-9-]*(?=[\s,\]}])/g)];
  const from = words[at(a, words.length)];
  const to = words[at(b, words.length)];
  return from?.index === undefined || !to ? t : t.slice(0, from.index) + to[0] + t.slice(from.index + from[0].length);
});
const mutation = fc.oneof(
  deleteLine,
  duplicateLine,
  swapChars,
  changeNumber,
  insertAlias,
  insertText,
  renameWord,
  renameWord,
);

// --- structure-aware: replace a random part of a valid scenario with a random JSON value

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
function replaceAt(value: Json, picks: readonly number[], replacement: Json | undefined): Json {
  if (picks.length === 0 || value === null || typeof value !== 'object') return replacement ?? null;
  const [pick, ...rest] = picks as [number, ...number[]];
  if (Array.isArray(value)) {
    if (value.length === 0) return replacement === undefined ? value : [replacement];
    const i = pick % value.length;
    const copy = [...value];
    if (rest.length === 0 && replacement === undefined) copy.splice(i, 1);
    else copy[i] = replaceAt(copy[i]!, rest, replacement);
    return copy;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement === undefined ? value : { x: replacement };
  const k = keys[pick % keys.length]!;
  const copy = { ...value };
  if (rest.length === 0 && replacement === undefined) delete copy[k];
  else copy[k] = replaceAt(copy[k]!, rest, replacement);
  return copy;
}

describe('parseScenario under fuzzing', () => {
  it('random text', () => {
    const yamlish = fc.string({
      unit: fc.constantFrom(
        ...'ab01:-[]{},#&*!|>?%@`"\' \n\t\\.'.split(''),
        'schemaVersion',
        'regions',
        '\r\n',
        '\u00e9',
        '\u0000',
      ),
      maxLength: 300,
    });
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 }), yamlish),
        (text) => {
          holds(text);
        },
      ),
      { seed: SEED, numRuns: 600 },
    );
  });

  it('random mutations of the tutorial and the minimal scenario', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(tutorial, minimal),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (base, ms) => {
          if (holds(ms.reduce((t, m) => m(t), base)).ok) accepted++;
        },
      ),
      { seed: SEED + 1, numRuns: 200 },
    );
    // Some mutations (a comment deleted, a number changed within range) keep the file valid: those re-validate.
    expect(accepted).toBeGreaterThan(0);
  }, 30_000);

  it('random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        holds(JSON.stringify(value));
      }),
      { seed: SEED + 2, numRuns: 300 },
    );
  });

  it('a valid scenario with one part replaced by random JSON, or removed', () => {
    const bases = [parseYaml(tutorial) as Json, parseYaml(minimal) as Json];
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...bases),
        fc.array(fc.nat(), { minLength: 1, maxLength: 7 }),
        fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }),
        (base, picks, replacement) => {
          if (holds(JSON.stringify(replaceAt(base, picks, replacement as Json | undefined))).ok) accepted++;
        },
      ),
      { seed: SEED + 3, numRuns: 200 },
    );
    expect(accepted).toBeGreaterThan(0);
  }, 30_000);
});
