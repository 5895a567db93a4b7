// The debrief's doctrine comparison cut into jobs for several workers gives the single-thread study's rows: the same
// seeds, the same numbers, whatever the number of workers and the order in which the jobs' games arrive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFreezing, setFreezing } from '../../src/engine/freeze.js';
import { runStudy, STUDY_DOCTRINES } from '../../src/sim/study.js';
import { planJobs, playJob, StudyResults } from '../../src/ui/debrief/study-jobs.js';
import { loadShipped } from '../helpers/factory.js';

describe('the comparison cut into jobs', () => {
  // as in the worker (and the CLI's study): states that never leave the loop are not frozen
  const was = isFreezing();
  beforeAll(() => setFreezing(false));
  afterAll(() => setFreezing(was));

  it('covers every game of every doctrine exactly once, in jobs a few games long', () => {
    for (const games of [1, 2, 7, 100, 200])
      for (const threads of [1, 2, 3, 8]) {
        const jobs = planJobs(STUDY_DOCTRINES, games, threads);
        for (const d of STUDY_DOCTRINES) {
          const seen = jobs.filter((j) => j.entry === d).flatMap((j) => range(j.from, j.to));
          expect(seen, `${d}, ${games} games, ${threads} workers`).toEqual(range(0, games));
        }
        // enough jobs for every worker to have two at a time, when there are games enough
        expect(jobs.length).toBeGreaterThanOrEqual(Math.min(games * STUDY_DOCTRINES.length, 2 * threads));
        expect(Math.max(...jobs.map((j) => j.to - j.from))).toBeLessThanOrEqual(5);
      }
  });

  it('gives the rows of the single-thread study, the jobs finished in any order by any number of workers', () => {
    const scn = loadShipped('monusco-2013');
    const games = 3;
    const seed = 2013;
    const serial = runStudy(scn, games, seed);
    // jobs of two games and of one (one worker), and of one game each (two workers)
    for (const threads of [1, 2]) {
      const jobs = planJobs(STUDY_DOCTRINES, games, threads);
      const arrived = new StudyResults(STUDY_DOCTRINES, games);
      // the last job first, then every other one: as workers of unequal speed would return them
      const order = [...jobs.keys()].reverse().sort((a, b) => (a % 2) - (b % 2));
      for (const i of order) arrived.add(jobs[i]!, playJob(scn, seed, jobs[i]!));
      expect(arrived.done).toBe(arrived.total);
      expect(arrived.rows(scn)).toEqual(serial);
    }
  }, 300_000);

  it('refuses rows before every game has arrived, and games outside the study', () => {
    const scn = loadShipped('monusco-2013');
    const arrived = new StudyResults(['report'], 2);
    const first = { entry: 'report', from: 0, to: 1 };
    const games = playJob(scn, 1, first);
    arrived.add(first, games);
    expect(() => arrived.rows(scn)).toThrow('1 of 2 games have arrived');
    expect(() => arrived.add({ entry: 'report', from: 2, to: 3 }, games)).toThrow(/not part of this study/);
    expect(() => arrived.add({ entry: 'report', from: 1, to: 3 }, [...games, ...games])).toThrow(/not part/);
    expect(() => arrived.add({ entry: 'passive', from: 0, to: 1 }, games)).toThrow(/not part of this study/);
    arrived.add(first, games); // a game sent twice counts once
    expect(arrived.done).toBe(1);
  });
});

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
