// The study in worker threads gives the serial study's rows, whatever the threads and the order the jobs finish in.
import { describe, expect, it } from 'vitest';
import { runStudyParallel, studyJobs } from '../../src/sim/study-parallel.js';
import { runStudy } from '../../src/sim/study.js';
import { loadShipped } from '../helpers/factory.js';

describe('the parallel study', () => {
  it('cuts every entry into jobs that cover each game once, in the entries order', () => {
    const jobs = studyJobs(['strong', 'report', 'passive'], 37, 2);
    expect(jobs.length).toBeGreaterThan(6);
    for (const entry of ['strong', 'report', 'passive']) {
      const mine = jobs.filter((j) => j.entry === entry);
      expect(mine[0]!.from).toBe(0);
      for (let k = 1; k < mine.length; k++) expect(mine[k]!.from).toBe(mine[k - 1]!.to);
      expect(mine.at(-1)!.to).toBe(37);
    }
    // Each entry's jobs come together, in the entries' order.
    const runs = jobs.map((j) => j.entry).filter((e, k, all) => k === 0 || all[k - 1] !== e);
    expect(runs).toEqual(['strong', 'report', 'passive']);
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
