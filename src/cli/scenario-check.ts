// `npm run scenario:check -- FILE...`: one line per problem, or a one-line summary per good file.
import './pipes.js';
import { basename } from 'node:path';
import { loadLessons, loadScenario } from '../scenario/load-node.js';
import { formatProblem } from '../scenario/problems.js';

function main(files: string[]): number {
  if (files.length === 0) {
    console.error('usage: npm run scenario:check -- FILE...');
    return 2;
  }
  let bad = 0;
  for (const file of files) {
    if (basename(file) === 'lessons.yaml') {
      const l = loadLessons();
      if (l.ok) console.log(`${file}: ok, ${l.value.lessons.length} lessons`);
      else {
        bad++;
        l.error.forEach((p) => console.log(formatProblem(p)));
      }
      continue;
    }
    const r = loadScenario(file);
    if (!r.ok) {
      bad++;
      r.error.forEach((p) => console.log(formatProblem(p)));
      continue;
    }
    const s = r.value;
    console.log(
      `${file}: ok, '${s.id}' v${s.version}: ${s.turns} turns, ${s.regions.length} regions, ${s.actors.length} actors, ` +
        `${s.actions.length} actions, ${s.events.length} events, ${s.mandate.tasks.length} mandate tasks`,
    );
  }
  return bad > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
