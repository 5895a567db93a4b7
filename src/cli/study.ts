// `npm run study -- --scenario ID --games N --seed S [--part doctrines|chairs|all] [--json]`: `strong`, its
// lesson-breakers and the other doctrines on the same seeds, and the chair study (one chair breaks, `strong` plays the rest).
import './pipes.js';
import { loadScenario } from '../scenario/load-node.js';
import { formatProblem } from '../scenario/problems.js';
import { intArg, parseArgs, UsageError } from '../sim/args.js';
import { runStudyParallel } from '../sim/study-parallel.js';
import { CHAIR_STUDY, paired, STUDY_DOCTRINES, type StudyRow } from '../sim/study.js';

const USAGE =
  'usage: npm run study -- --scenario ID_OR_PATH [--games N] [--seed S] [--part doctrines|chairs|all] [--json]';

function progress(done: number, total: number): void {
  if (!process.stderr.isTTY && done !== total && done % Math.max(1, Math.floor(total / 20)) !== 0) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(
    `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} games${done === total ? '\n' : ''}`,
  );
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['json', 'help'], ['scenario', 'games', 'seed', 'part']);
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
  const part = args.get('part') ?? 'all';
  if (!['doctrines', 'chairs', 'all'].includes(part)) throw new UsageError('--part is doctrines, chairs or all');
  const entries = [...(part === 'chairs' ? ['strong'] : STUDY_DOCTRINES), ...(part === 'doctrines' ? [] : CHAIR_STUDY)];
  const rows = await runStudyParallel(loaded.value, games, seed, progress, undefined, entries);
  const pairs = paired(rows);
  if (args.has('json')) {
    console.log(
      JSON.stringify({
        scenario: loaded.value.id,
        games,
        seed,
        doctrines: rows.map(({ scores: _, ...r }) => r),
        paired: pairs,
      }),
    );
    return 0;
  }
  const dims = Object.keys(rows[0]?.dimensions ?? {});
  const table = (title: string, list: readonly StudyRow[]) => {
    console.log(title);
    console.log(
      [
        'row'.padEnd(32),
        'score',
        '95% CI'.padEnd(12),
        'win',
        'vs strong',
        'paired 95% CI'.padEnd(14),
        'strong>',
        ...dims.map((d) => d.slice(0, 6).padStart(6)),
      ].join(' '),
    );
    for (const r of list) {
      const p = pairs.find((x) => x.name === r.name);
      console.log(
        [
          r.name.padEnd(32),
          r.meanScore.toFixed(1).padStart(5),
          `${r.ci95[0].toFixed(1)}–${r.ci95[1].toFixed(1)}`.padEnd(12),
          `${Math.round(r.winRate * 100)}%`.padStart(3),
          (p ? p.diff.toFixed(1) : '—').padStart(9),
          (p ? `${p.diffCi95[0].toFixed(1)} to ${p.diffCi95[1].toFixed(1)}` : '').padEnd(14),
          (p ? `${Math.round(p.baselineBeats * 100)}%` : '').padStart(7),
          ...dims.map((d) => (r.dimensions[d] ?? 0).toFixed(0).padStart(6)),
        ].join(' '),
      );
    }
  };
  console.log(
    `${loaded.value.id}: ${games} games per row, seed ${seed}; paired differences against strong on the same seeds`,
  );
  const strongRow = rows.filter((r) => r.name === 'strong');
  if (part !== 'chairs')
    table(
      'doctrines (every chair)',
      rows.filter((r) => !r.name.includes('=')),
    );
  if (part !== 'doctrines')
    table('chair study (one chair breaks, strong plays the others)', [
      ...(part === 'chairs' ? strongRow : []),
      ...rows.filter((r) => r.name.includes('=')),
    ]);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(
      e instanceof UsageError
        ? `${e.message}\n${USAGE}`
        : `study failed: ${e instanceof Error ? e.message : String(e)}`,
    );
    process.exitCode = e instanceof UsageError ? 2 : 1;
  },
);
