// `strong` and its lesson-breakers: the same planner, differing only in the decisions they take;
// and the rules never ask who is playing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';
import { REPORT } from '../../src/sim/doctrines/heuristic.js';
import { BREAKS, breakerStyle, STRONG } from '../../src/sim/doctrines/strong.js';
import { playGame, seatAll } from '../../src/sim/play.js';
import { gameSeed } from '../../src/sim/batch.js';
import { loadShipped } from '../helpers/factory.js';
import type { Doctrine } from '../../src/sim/doctrine.js';

const forceEveryMonth = (
  (await import(new URL('../fixtures/doctrines/force-every-month.mjs', import.meta.url).href)) as { default: Doctrine }
).default;

const LESSON_FIELDS = [
  'mandate',
  'refocus',
  'coordinate',
  'analysis',
  'outreach',
  'hostState',
  'military',
  'regional',
] as const;

describe('strong and its lesson-breakers', () => {
  it('are registered, and strong is the report style with searched numbers and deprioritising breakers', () => {
    expect(DOCTRINES['strong']).toBeDefined();
    for (const name of Object.keys(BREAKS)) expect(DOCTRINES[name]?.name).toBe(name);
    for (const f of LESSON_FIELDS) expect(STRONG[f]).toEqual(REPORT[f]);
    expect(STRONG.breaking).toBe('deprioritise');
  });

  it('differ from strong only in the lesson preference they turn around: same code path, same numbers', () => {
    for (const name of Object.keys(BREAKS)) {
      const style = breakerStyle(name);
      expect(style.tuning, name).toBe(STRONG.tuning);
      expect(style.breaking, name).toBe('deprioritise');
      const changed = LESSON_FIELDS.filter((f) => style[f] !== STRONG[f]);
      // christmas-tree changes the mandate it adopts and does not refocus it: one lesson, L-mandate.
      expect(changed.length, name).toBeGreaterThanOrEqual(1);
      expect(
        changed.every((f) => f in BREAKS[name]!.style),
        name,
      ).toBe(true);
      expect(
        Object.keys(BREAKS[name]!.style).every((k) => (LESSON_FIELDS as readonly string[]).includes(k)),
        name,
      ).toBe(true);
      // Every method is the one makeDoctrine builds: the same functions' source.
      const d = DOCTRINES[name]!;
      const s = DOCTRINES['strong']!;
      for (const m of ['adoptMandate', 'reviewMandate', 'choose', 'strategy', 'plan', 'revise'] as const)
        expect(d[m].toString(), `${name}.${m}`).toBe(s[m].toString());
    }
  });
});

describe('no rule reads a doctrine or scenario id', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
  it('src/engine names no doctrine and no bundled scenario', () => {
    const names = [...Object.keys(DOCTRINES), 'monusco', 'minusma', 'tutorial'].map(
      (n) => new RegExp(`['"\`]${n}['"\`]`),
    );
    for (const f of files('src/engine')) {
      const text = readFileSync(f, 'utf8');
      for (const re of names) expect(re.test(text), `${f} mentions ${re}`).toBe(false);
    }
  });
});

describe('the solo Force Commander of issue 13 (force every month, no Brigade, no consultation) beside strong bots', () => {
  const scn = loadShipped('monusco-2013');
  const games = Array.from({ length: 50 }, (_, i) =>
    playGame(scn, gameSeed(13, i), { ...seatAll(DOCTRINES['strong']!), force: forceEveryMonth }),
  );

  it('fails on MONUSCO in every one of 50 seeds', () => {
    expect(games.filter((g) => g.outcome!.result === 'success')).toHaveLength(0);
  });

  it('is told that force stood in for politics', () => {
    const named = games.filter((g) => g.outcome!.epilogue === 'force-without-politics').length;
    expect(named).toBe(50);
  });
});
