// `npm run sim -- --scenario ID_OR_PATH --games N --seed S [--doctrine D] [--srsg D …] [--json]`
import './pipes.js';
import { thresholdFor } from '../engine/index.js';
import { CHAIRS } from '../scenario/schema.js';
import { loadScenario } from '../scenario/load-node.js';
import { formatProblem } from '../scenario/problems.js';
import { intArg, loadSeating, parseArgs, UsageError } from '../sim/args.js';
import { runBatch, summarise } from '../sim/batch.js';

const USAGE =
  'usage: npm run sim -- --scenario ID_OR_PATH [--games N] [--seed S] [--doctrine NAME_OR_PATH] [--srsg|--force|--envoy|--police NAME_OR_PATH] [--months N] [--json]';

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['json', 'help'], ['scenario', 'games', 'seed', 'doctrine', 'months', ...CHAIRS]);
  if (args.has('help')) {
    console.log(USAGE);
    return 0;
  }
  const id = args.get('scenario');
  if (!id) throw new UsageError('--scenario is required');
  const games = intArg(args, 'games', 100, 1, 1_000_000);
  const seed = intArg(args, 'seed', 1, 0, 0xffffffff);
  const loaded = loadScenario(id);
  if (!loaded.ok) {
    loaded.error.forEach((p) => console.error(formatProblem(p)));
    return 1;
  }
  const scn = loaded.value;
  const { seats, label } = await loadSeating(args, 'report');
  const months = args.has('months') ? intArg(args, 'months', scn.turns, 1, scn.turns) : undefined;
  const batch = runBatch(scn, seats, games, seed, undefined, true, months);
  const sum = summarise(scn, batch);
  if (args.has('json')) {
    console.log(JSON.stringify({ scenario: scn.id, games, seed, doctrine: label, ...sum, results: batch.games }));
    return 0;
  }
  console.log(
    `${scn.id}: ${games} games, seed ${seed}, doctrine ${label}${months !== undefined ? `, ${months} months (pass mark ${thresholdFor(scn, months)})` : ''}`,
  );
  console.log(
    `  score ${sum.meanScore} (95% CI ${sum.ci95[0]}–${sum.ci95[1]}, range ${sum.minScore}–${sum.maxScore}), success ${Math.round(sum.winRate * 100)}%`,
  );
  console.log(
    `  ends: ${Object.entries(sum.ends)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(
    `  epilogues: ${Object.entries(sum.epilogues)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(
    `  dimensions: ${Object.entries(sum.dimensions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  if (sum.neverFired.length > 0) console.log(`  events never fired: ${sum.neverFired.join(', ')}`);
  if (sum.neverPlayed.length > 0) console.log(`  actions never played: ${sum.neverPlayed.join(', ')}`);
  if (sum.neverLegal && sum.neverLegal.length > 0) console.log(`  actions never legal: ${sum.neverLegal.join(', ')}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(
      e instanceof UsageError ? `${e.message}\n${USAGE}` : `sim failed: ${e instanceof Error ? e.message : String(e)}`,
    );
    process.exitCode = e instanceof UsageError ? 2 : 1;
  },
);
