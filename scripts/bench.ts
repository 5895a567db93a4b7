// `npm run bench`: engine speed per scenario (games per second, microseconds per action) and the study's wall time.
import { performance } from 'node:perf_hooks';
import { readdirSync } from 'node:fs';
import { loadScenario, SCENARIO_DIR } from '../src/scenario/load-node.js';
import { DOCTRINES } from '../src/sim/doctrines/index.js';
import { seatAll } from '../src/sim/play.js';
import { runBatch } from '../src/sim/batch.js';
import { runStudy } from '../src/sim/study.js';
import { runStudyParallel } from '../src/sim/study-parallel.js';
import { availableParallelism } from 'node:os';
import { replay } from '../src/engine/index.js';
import { playGame } from '../src/sim/play.js';

const ids = readdirSync(SCENARIO_DIR)
  .filter((f) => f.endsWith('.yaml') && f !== 'lessons.yaml')
  .map((f) => f.replace(/\.yaml$/, ''));
const GAMES = Number(process.env['BENCH_GAMES'] ?? 200);
const STUDY_GAMES = Number(process.env['BENCH_STUDY_GAMES'] ?? 100);

console.log(`engine benchmark, single thread, node ${process.version}`);
for (const id of ids) {
  const loaded = loadScenario(id);
  if (!loaded.ok) {
    console.log(`${id}: does not load`);
    continue;
  }
  const scn = loaded.value;
  for (const name of ['report', 'random']) {
    runBatch(scn, seatAll(DOCTRINES[name]!), 10, 99); // warm-up
    const t0 = performance.now();
    runBatch(scn, seatAll(DOCTRINES[name]!), GAMES, 1);
    const ms = performance.now() - t0;
    console.log(`${id.padEnd(14)} ${name.padEnd(7)} ${(GAMES / (ms / 1000)).toFixed(0).padStart(6)} games/s (doctrines included)`);
  }
  // Pure engine time: replay recorded logs, so doctrine thinking is excluded.
  const logs = Array.from({ length: 50 }, (_, i) => playGame(scn, 1000 + i, seatAll(DOCTRINES['report']!)).log);
  const actions = logs.reduce((a, l) => a + l.length, 0);
  const t1 = performance.now();
  for (let i = 0; i < logs.length; i++) replay(scn, 1000 + i, logs[i]!);
  const us = ((performance.now() - t1) * 1000) / actions;
  console.log(`${id.padEnd(14)} replay  ${us.toFixed(1).padStart(6)} µs/action (${(actions / logs.length).toFixed(0)} actions per game)`);
  const n = Object.keys(DOCTRINES).length;
  const t2 = performance.now();
  runStudy(scn, STUDY_GAMES, 1);
  const serial = (performance.now() - t2) / 1000;
  const t3 = performance.now();
  await runStudyParallel(id, STUDY_GAMES, 1);
  const parallel = (performance.now() - t3) / 1000;
  console.log(
    `${id.padEnd(14)} study   ${STUDY_GAMES} games × ${n} doctrines: ${serial.toFixed(1)} s in one thread, ${parallel.toFixed(1)} s in ${availableParallelism()} worker threads (${((parallel / (STUDY_GAMES * n)) * 1000).toFixed(1)} ms a game)`,
  );
  const mem = process.memoryUsage();
  console.log(`${id.padEnd(14)} memory  ${(mem.heapUsed / 1e6).toFixed(0)} MB heap used`);
}
