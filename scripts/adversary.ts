// Adversarial search: how well can a team do while breaking one lesson, and how well can it do at all?
//
// For each lesson-breaker made from `strong` (src/sim/doctrines/strong.ts), and for an unconstrained
// row, a (1+1) random local search varies the planner's numbers (every Tuning field but `neglect`,
// which is what keeps the lesson broken) and keeps a candidate when it scores higher than the best
// so far on the same search seeds. The lesson stays broken throughout: the breaker's Style field is
// fixed, only the numbers move. Beside the searched planners, simple scripted policies (the doctrine
// modules in tests/fixtures/doctrines, seated in every chair) are tried as they are.
//
// Every search plays its own seeds (gameSeed(7001 + round, i)), apart from the study's (seed 11) and
// the tuner's (9001 + k). The best candidate of each row is then played again on fresh check seeds
// (gameSeed(7777, i)) beside `strong`, and the table gives the paired difference with its 95%
// interval and the share of seeds on which `strong` scored higher: a row at or above zero is a
// hole in the rules (the lesson can be broken without paying for it), to be closed with a generic
// mechanic, never by reading a doctrine's or scenario's id.
//
// With `--chairs`, the rows are the chair study's instead: the breaker searched in one chair while
// `strong` plays the others (a solo trainee who breaks a lesson well).
//
// `npx tsx scripts/adversary.ts --scenario monusco-2013|minusma-2014 [--evals E] [--games G]
//   [--check C] [--rows name,name] [--chairs]` (defaults: 8 candidates of 12 games per row, 40 check games).
// Cost: rows × (evals × games + 2 × check) games; about 9 minutes at the defaults on one loaded core.
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadScenario } from '../src/scenario/load-node.js';
import type { Scenario } from '../src/scenario/schema.js';
import { ci95, gameSeed, mean } from '../src/sim/batch.js';
import { isDoctrine, type Doctrine } from '../src/sim/doctrine.js';
import { makeDoctrine, type Style, type Tuning } from '../src/sim/doctrines/heuristic.js';
import { BREAKS, breakerStyle, STRONG, strong } from '../src/sim/doctrines/strong.js';
import { CHAIR_STUDY } from '../src/sim/study.js';
import type { Chair } from '../src/scenario/schema.js';
import { STRONG_TUNING } from '../src/sim/doctrines/strong-tuning.js';
import { playGame, seatAll } from '../src/sim/play.js';
import { nextFloat, seedRng } from '../src/engine/rng.js';
import { perturbTuning } from '../src/sim/doctrines/tuning-search.js';

const argv = process.argv.slice(2);
const arg = (k: string): string | undefined => {
  const i = argv.indexOf(`--${k}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const num = (k: string, d: number) => Number(arg(k) ?? d);
const scenarioId = arg('scenario') ?? 'monusco-2013';
const evals = num('evals', 8);
const games = num('games', 12);
const check = num('check', 40);
const loaded = loadScenario(scenarioId);
if (!loaded.ok) {
  console.error(`cannot load scenario '${scenarioId}'`);
  process.exit(1);
}
const scn = loaded.value as Scenario;

/** With `--chairs`, the searched doctrine sits in one chair only, beside `strong` (the chair study's seating). */
let seat: Chair | null = null;
const scores = (d: Doctrine, seed: number, n: number) =>
  Array.from(
    { length: n },
    (_, i) => playGame(scn, gameSeed(seed, i), seat ? { ...seatAll(strong), [seat]: d } : seatAll(d)).outcome!.score,
  );

const rng = seedRng(31337);
const perturb = (t: Tuning): Tuning => perturbTuning(t, () => nextFloat(rng), { factor: 0.7, area: 0.3, add: 6 });

/** The best numbers a planner of this style finds, by score on the search seeds. */
function search(style: Style): Tuning {
  let best = style.tuning ?? STRONG_TUNING;
  let bestScore = mean(scores(makeDoctrine({ ...style, tuning: best }), 7001, games));
  for (let round = 1; round < evals; round++) {
    const cand = perturb(best);
    const c = mean(scores(makeDoctrine({ ...style, tuning: cand }), 7001 + round, games));
    const b = mean(scores(makeDoctrine({ ...style, tuning: best }), 7001 + round, games));
    if (c > b) {
      best = cand;
      bestScore = c;
    }
  }
  void bestScore;
  return best;
}

async function scripted(): Promise<Record<string, Doctrine>> {
  const dir = new URL('../tests/fixtures/doctrines/', import.meta.url);
  const out: Record<string, Doctrine> = {};
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.mjs'))) {
    const m = (await import(pathToFileURL(new URL(f, dir).pathname).href)) as { default?: unknown };
    if (isDoctrine(m.default)) out[`scripted:${f.replace(/\.mjs$/, '')}`] = m.default;
  }
  return out;
}

const wanted = arg('rows')?.split(',');
const chairRows = argv.includes('--chairs');
const rows: { name: string; chair?: Chair; doctrine: () => Doctrine }[] = chairRows
  ? CHAIR_STUDY.map((entry) => {
      const [chair, n] = entry.split('=', 2) as [Chair, string];
      return {
        name: entry,
        chair,
        doctrine: () => makeDoctrine({ ...breakerStyle(n), tuning: search(breakerStyle(n)) }),
      };
    })
  : [
      ...Object.keys(BREAKS).map((n) => ({
        name: `${n} (${BREAKS[n]!.lesson})`,
        doctrine: () => makeDoctrine({ ...breakerStyle(n), tuning: search(breakerStyle(n)) }),
      })),
      { name: 'unconstrained', doctrine: () => makeDoctrine({ ...STRONG, name: 'searched', tuning: search(STRONG) }) },
      ...Object.entries(await scripted()).map(([name, d]) => ({ name, doctrine: () => d })),
    ];
const chosen = rows.filter((r) => !wanted || wanted.some((w) => r.name.startsWith(w)));

const base = scores(strong, 7777, check);
console.log(
  `${scn.id}: strong ${mean(base).toFixed(1)} on ${check} check games; ${evals} × ${games} search games per row`,
);
console.log(['row'.padEnd(40), 'score', 'vs strong', 'paired 95% CI'.padEnd(14), 'strong>'].join(' '));
for (const r of chosen) {
  seat = r.chair ?? null;
  const s = scores(r.doctrine(), 7777, check);
  const d = s.map((x, i) => x - base[i]!);
  const [lo, hi] = ci95(d);
  const beats = d.filter((x) => x < 0).length / d.length;
  console.log(
    [
      r.name.padEnd(40),
      mean(s).toFixed(1).padStart(5),
      mean(d).toFixed(1).padStart(9),
      `${lo.toFixed(1)} to ${hi.toFixed(1)}`.padEnd(14),
      `${Math.round(beats * 100)}%`.padStart(7),
      r.name === 'unconstrained' || r.name.startsWith('scripted')
        ? ''
        : hi >= 0
          ? ' HOLE'
          : mean(d) > -3
            ? ' weak (above −3)'
            : '',
    ].join(' '),
  );
}
