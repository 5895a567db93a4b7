// `npm run bench`: engine speed per scenario, with a calibration figure so noisy machines compare as ratios.
// Prints games/s with `report` bots (and `strong` when registered), replay µs/action, allocation per game
// and the study's wall time in worker threads; appends one JSON line to tests/output/bench.json. Bot games, replay
// and the study's games all play in place (engine/working.ts `Working`), which is what they measure; the games/s and
// replay figures are also given per CPU second, which a machine shared with other work disturbs less.
import { appendFileSync, mkdirSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { GCProfiler } from 'node:v8';
import { replay, type Action } from '../src/engine/index.js';
import { loadScenario, SCENARIO_DIR } from '../src/scenario/load-node.js';
import { runBatch } from '../src/sim/batch.js';
import { DOCTRINES } from '../src/sim/doctrines/index.js';
import { playGame, seatAll } from '../src/sim/play.js';
import { runStudyParallel, studyDoctrines } from '../src/sim/study-parallel.js';

const env = (k: string, d: number) => Number(process.env[k] ?? d);
const GAMES = env('BENCH_GAMES', 500);
const STUDY_GAMES = env('BENCH_STUDY_GAMES', 1000);
const THREADS = env('BENCH_THREADS', 2);
const only = process.env['BENCH_SCENARIOS']?.split(',');

/**
 * A fixed pure-JavaScript workload (integer hashing, small objects, a sort, string keys), the kind of
 * work the engine does. Its time in this run is the machine's speed now: divide by it to compare runs.
 */
function calibrate(): number {
  const once = () => {
    const t0 = performance.now();
    let h = 0x811c9dc5;
    const objs: { k: string; v: number }[] = [];
    for (let i = 0; i < 200_000; i++) {
      h = Math.imul(h ^ i, 0x01000193) >>> 0;
      if ((i & 7) === 0) objs.push({ k: `k${h & 1023}`, v: h });
    }
    objs.sort((a, b) => a.v - b.v);
    const m = new Map<string, number>();
    for (const o of objs) m.set(o.k, (m.get(o.k) ?? 0) + 1);
    if (m.size === 0) throw new Error('unreachable');
    return performance.now() - t0;
  };
  for (let i = 0; i < 5; i++) once();
  const runs = Array.from({ length: 15 }, once).sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)]!;
}

/** Bytes allocated while `fn` runs: what the collector reclaimed during it plus the heap's growth. */
function allocated(fn: () => void): number {
  const prof = new GCProfiler();
  prof.start();
  const before = process.memoryUsage().heapUsed;
  fn();
  const after = process.memoryUsage().heapUsed;
  const stats = prof.stop()?.statistics ?? [];
  const reclaimed = stats.reduce(
    (sum, g) => sum + (g.beforeGC.heapStatistics.usedHeapSize - g.afterGC.heapStatistics.usedHeapSize),
    0,
  );
  return reclaimed + (after - before);
}

/** CPU time of this process in ms: on a loaded machine it moves far less than the wall clock. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Games a second by the wall clock and by this thread's CPU time (bot games: sim/play.ts plays them in place). */
function gamesPerSecond(scn: Parameters<typeof runBatch>[0], name: string, games: number): [number, number] {
  const seats = seatAll(DOCTRINES[name]!);
  runBatch(scn, seats, Math.min(20, games), 99); // warm-up
  const t0 = performance.now();
  const c0 = cpuMs();
  runBatch(scn, seats, games, 1);
  return [games / ((performance.now() - t0) / 1000), games / ((cpuMs() - c0) / 1000)];
}

const ids = readdirSync(SCENARIO_DIR)
  .filter((f) => f.endsWith('.yaml') && f !== 'lessons.yaml')
  .map((f) => f.replace(/\.yaml$/, ''))
  .filter((id) => !only || only.includes(id));

const cal = calibrate();
const line: Record<string, unknown> = {
  at: new Date().toISOString(),
  node: process.version,
  calibrationMs: round(cal, 2),
  scenarios: {},
};
console.log(`engine benchmark, node ${process.version}, one thread (study: ${THREADS} worker threads)`);
console.log(
  `calibration     ${cal.toFixed(2)} ms for the fixed workload (lower is a faster machine; "× cal" figures below are per calibration unit)`,
);

for (const id of ids) {
  const loaded = loadScenario(id);
  if (!loaded.ok) {
    console.log(`${id}: does not load`);
    continue;
  }
  const scn = loaded.value;
  const row: Record<string, number> = {};
  const pad = id.padEnd(14);
  for (const name of ['report', 'strong']) {
    if (!DOCTRINES[name]) continue;
    const games = name === 'report' ? GAMES : Math.max(5, Math.round(GAMES / 20));
    const [gps, cpuGps] = gamesPerSecond(scn, name, games);
    row[`${name}GamesPerSec`] = round(gps, 1);
    row[`${name}GamesPerCpuSec`] = round(cpuGps, 1);
    console.log(
      `${pad} ${name.padEnd(7)} ${gps.toFixed(0).padStart(7)} games/s   (${((gps * cal) / 1000).toFixed(2)} games per calibration unit; ${cpuGps.toFixed(0)} per CPU second)`,
    );
  }
  // Pure engine time: replay recorded logs, so doctrine thinking is excluded.
  const logs: (readonly Action[])[] = Array.from(
    { length: 50 },
    (_, i) => playGame(scn, 1000 + i, seatAll(DOCTRINES['report']!)).log,
  );
  const actions = logs.reduce((a, l) => a + l.length, 0);
  for (let i = 0; i < 10; i++) replay(scn, 1000 + i, logs[i]!);
  const t1 = performance.now();
  const c1 = cpuMs();
  for (let rep = 0; rep < 3; rep++) for (let i = 0; i < logs.length; i++) replay(scn, 1000 + i, logs[i]!);
  const us = ((performance.now() - t1) * 1000) / (3 * actions);
  const cpuUs = ((cpuMs() - c1) * 1000) / (3 * actions);
  row['replayUsPerAction'] = round(us, 2);
  row['replayCpuUsPerAction'] = round(cpuUs, 2);
  console.log(
    `${pad} replay  ${us.toFixed(2).padStart(7)} µs/action (${(actions / logs.length).toFixed(0)} actions a game; ${(us / cal).toFixed(3)} per calibration ms; ${cpuUs.toFixed(2)} µs of CPU)`,
  );
  const n = 20;
  const bytes = allocated(() => runBatch(scn, seatAll(DOCTRINES['report']!), n, 7));
  row['allocMBPerGame'] = round(bytes / n / 1e6, 2);
  console.log(`${pad} alloc   ${(bytes / n / 1e6).toFixed(2).padStart(7)} MB a game (report bots)`);
  if (STUDY_GAMES > 0) {
    const names = studyDoctrines();
    const t3 = performance.now();
    await runStudyParallel(scn, STUDY_GAMES, 1, undefined, THREADS, names);
    const wall = (performance.now() - t3) / 1000;
    row['studySeconds'] = round(wall, 2);
    row['studyGames'] = STUDY_GAMES;
    row['studyDoctrines'] = names.length;
    console.log(
      `${pad} study   ${STUDY_GAMES} games × ${names.length} doctrines: ${wall.toFixed(1)} s in ${THREADS} worker threads`,
    );
  }
  (line['scenarios'] as Record<string, unknown>)[id] = row;
}

mkdirSync(new URL('../tests/output/', import.meta.url), { recursive: true });
appendFileSync(new URL('../tests/output/bench.json', import.meta.url), JSON.stringify(line) + '\n');
console.log('wrote a line to tests/output/bench.json');

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
