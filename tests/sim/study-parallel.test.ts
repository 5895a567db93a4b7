// The study in worker threads gives the serial study's rows, whatever the threads and the order the jobs finish in.
import { describe, expect, it } from 'vitest';
import { runStudyParallel, studyJobs } from '../../src/sim/study-parallel.js';
import { runStudy } from '../../src/sim/study.js';
import { loadShipped } from '../helpers/factory.js';

describe('the parallel study', () => {
  it('cuts the seeds into runs that cover each game once, in order, small enough to share among the threads', () => {
    for (const [entries, games, threads] of [
      [['strong', 'report', 'passive'], 37, 2],
      [Array.from({ length: 18 }, (_, k) => `d${k}`), 1000, 2],
      [['report'], 1, 4],
    ] as const) {
      const jobs = studyJobs(entries, games, threads);
      expect(jobs[0]!.from).toBe(0);
      for (let k = 1; k < jobs.length; k++) expect(jobs[k]!.from).toBe(jobs[k - 1]!.to);
      expect(jobs.at(-1)!.to).toBe(games);
      expect(jobs.length).toBeGreaterThanOrEqual(Math.min(games, 4 * threads));
      for (const j of jobs) expect((j.to - j.from) * entries.length).toBeLessThanOrEqual(Math.max(36, entries.length));
    }
  });

  it('gives the serial rows on two threads, and calls progress once per game', async () => {
    const entries = ['report', 'force=strong-military-first', 'passive'];
    const games = 9;
    let calls = 0;
    let last = 0;
    const scn = loadShipped('tutorial');
    const rows = await runStudyParallel(
      scn,
      games,
      5,
      (done, total) => {
        calls++;
        last = done;
        expect(total).toBe(entries.length * games);
      },
      2,
      entries,
    );
    expect(calls).toBe(entries.length * games);
    expect(last).toBe(entries.length * games);
    const serial = runStudy(scn, games, 5, undefined, entries);
    expect(rows).toEqual(serial);
    // Without a progress callback, as the bench runs it.
    expect(await runStudyParallel(scn, games, 5, undefined, 2, entries)).toEqual(serial);
  }, 120_000);
});
