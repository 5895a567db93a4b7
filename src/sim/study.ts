// The lessons study: every built-in doctrine over the same seeded games of a scenario.
import type { Scenario } from '../scenario/schema.js';
import { runBatch, summarise } from './batch.js';
import { DOCTRINES } from './doctrines/index.js';
import { seatAll } from './play.js';

export interface StudyRow {
  name: string;
  meanScore: number;
  ci95: [number, number];
  winRate: number;
  dimensions: Record<string, number>;
}

export function runStudy(
  scn: Scenario,
  games: number,
  seed: number,
  onProgress?: (done: number, total: number) => void,
  names: readonly string[] = Object.keys(DOCTRINES),
): StudyRow[] {
  const total = names.length * games;
  let done = 0;
  return names.map((name) => {
    const b = runBatch(scn, seatAll(DOCTRINES[name]!), games, seed, () => onProgress?.(++done, total));
    const s = summarise(scn, b);
    return { name, meanScore: s.meanScore, ci95: s.ci95, winRate: s.winRate, dimensions: s.dimensions };
  });
}
