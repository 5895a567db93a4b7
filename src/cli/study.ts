// `npm run study -- --scenario ID --games N --seed S [--json]`: the doctrines compared on the same seeds.
import './pipes.js';
import { loadScenario } from '../scenario/load-node.js';
import { formatProblem } from '../scenario/problems.js';
import { intArg, parseArgs, UsageError } from '../sim/args.js';
import { runStudyParallel } from '../sim/study-parallel.js';

const USAGE = 'usage: npm run study -- --scenario ID_OR_PATH [--games N] [--seed S] [--json]';

function progress(done: number, total: number): void {
  if (!process.stderr.isTTY && done !== total && done % Math.max(1, Math.floor(total / 20)) !== 0) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} games${done === total ? '\n' : ''}`);
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['json', 'help'], ['scenario', 'games', 'seed']);
  if (args.has('help')) {
    console.log(USAGE);
    return 0;
  }
  const id = args.get('scenario');
  if (!id) throw new UsageError('--scenario is required');
  const games = intArg(args, 'games', 200, 1, 100_000);
  const seed = intArg(args, 'seed', 1, 0, 0xffffffff);
  const loaded = loadScenario(id);
  if (!loaded.ok) {
    loaded.error.forEach((p) => console.error(formatProblem(p)));
    return 1;
  }
  const rows = await runStudyParallel(id, games, seed, progress);
  if (args.has('json')) {
    console.log(JSON.stringify({ scenario: loaded.value.id, games, seed, doctrines: rows }));
    return 0;
  }
  const dims = Object.keys(rows[0]?.dimensions ?? {});
  console.log(`${loaded.value.id}: ${games} games per doctrine, seed ${seed}`);
  console.log(['doctrine'.padEnd(20), 'score', '95% CI'.padEnd(12), 'win', ...dims.map((d) => d.slice(0, 6).padStart(6))].join(' '));
  for (const r of rows) {
    console.log(
      [r.name.padEnd(20), r.meanScore.toFixed(1).padStart(5), `${r.ci95[0].toFixed(1)}–${r.ci95[1].toFixed(1)}`.padEnd(12), `${Math.round(r.winRate * 100)}%`.padStart(3), ...dims.map((d) => (r.dimensions[d] ?? 0).toFixed(0).padStart(6))].join(' '),
    );
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(e instanceof UsageError ? `${e.message}\n${USAGE}` : `study failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = e instanceof UsageError ? 2 : 1;
  },
);
