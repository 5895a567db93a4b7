// The debrief screens' pure helpers: frames of the replay, states at a phase, what followed a note, ledger diffs, chart geometry.
import { describe, expect, it } from 'vitest';
import {
  conflictCostByTurn,
  chartPoints,
  followedFrom,
  framesOf,
  ledgerDiff,
  rankAmong,
  stateAt,
  ticks,
} from '../../src/ui/debrief/record.js';
import { trackKey } from '../../src/engine/index.js';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';
import { playGame, seatAll } from '../../src/sim/play.js';
import { Mechanics, CORE_INDICATORS } from '../../src/scenario/schema.js';
import { MECHANICS } from '../../src/scenario/lessons.js';
import { loadLessons } from '../../src/scenario/load-node.js';
import { MODEL_EN } from '../../src/ui/model-card/content.en.js';
import { MODEL_FR } from '../../src/ui/model-card/content.fr.js';
import { INDICATOR_LESSONS } from '../../src/ui/model-card/content.js';
import { debriefEn } from '../../src/ui/debrief/i18n.en.js';
import { debriefFr } from '../../src/ui/debrief/i18n.fr.js';
import { conflictCostEntry, ledgerSum, loadShipped } from '../helpers/factory.js';

const scn = loadShipped('tutorial');
const game = playGame(scn, 77, seatAll(DOCTRINES['balkanized']!));

describe('replay frames', () => {
  const frames = framesOf(scn, game.seed, game.log);

  it('has one frame before the first month and one after each month, the last being the game’s end', () => {
    expect(frames.map((f) => f.turn)).toEqual(Array.from({ length: game.turn + 1 }, (_, i) => i));
    expect(frames[0]!.state.turn).toBe(1);
    expect(frames[frames.length - 1]!.state.indicators).toEqual(game.indicators);
    expect(frames[frames.length - 1]!.state.ledger).toEqual(game.ledger);
  });

  it('holds in frame n the whole ledger of months up to n, and at most the opening of month n + 1', () => {
    for (const f of frames.slice(1)) {
      expect(f.state.ledger.filter((e) => e.turn <= f.turn)).toEqual(game.ledger.filter((e) => e.turn <= f.turn));
      expect(Math.max(...f.state.ledger.map((e) => e.turn))).toBeLessThanOrEqual(f.turn + 1);
      expect(f.state.ledger.filter((e) => e.turn > f.turn).every((e) => e.cause.kind === 'event')).toBe(true);
    }
  });

  it('finds the state where a month reaches a phase, or null', () => {
    const s = stateAt(scn, game.seed, game.log, 2, 'planning');
    expect(s?.turn).toBe(2);
    expect(s?.phase).toBe('planning');
    expect(stateAt(scn, game.seed, game.log, 99, 'planning')).toBeNull();
  });
});

describe('what followed, conflicts, diffs', () => {
  it('sums a chair’s own action entries of a month by track', () => {
    const f = followedFrom(game.ledger, 1, 'srsg');
    for (const x of f) {
      const want = game.ledger
        .filter(
          (e) => e.turn === 1 && e.cause.kind === 'action' && e.cause.chair === 'srsg' && trackKey(e.track) === x.key,
        )
        .reduce((a, e) => a + e.delta, 0);
      expect(x.delta).toBe(want);
    }
  });

  it('adds up the cohesion cost of conflicts to the ledger’s total', () => {
    const total = [...conflictCostByTurn(game.ledger).values()].reduce((a, b) => a + b, 0);
    const want = ledgerSum(game, conflictCostEntry);
    expect(total).toBe(want);
    expect(total).toBeLessThan(0); // balkanized chairs conflict
  });

  it('lists only the tracks that differ in a month', () => {
    const other = playGame(scn, 77, seatAll(DOCTRINES['report']!));
    expect(ledgerDiff(game.ledger, game.ledger, 1)).toEqual([]);
    const rows = ledgerDiff(game.ledger, other.ledger, 1);
    for (const r of rows) expect(r.a).not.toBe(r.b);
  });
});

describe('chart geometry', () => {
  it('gives round ticks within the range', () => {
    expect(ticks(0, 100, 4)).toEqual([0, 25, 50, 75, 100]);
    expect(ticks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticks(5, 5)).toEqual([5]);
  });

  it('maps values into the padded box, top is high', () => {
    const pts = chartPoints([0, 50, 100], { w: 100, h: 100, pad: 10 }, { min: 0, max: 100 });
    expect(pts).toEqual([
      { x: 10, y: 90 },
      { x: 50, y: 50 },
      { x: 90, y: 10 },
    ]);
  });

  it('ranks a score among means', () => {
    expect(rankAmong(60, [50, 70, 59.9])).toEqual({ above: 2, of: 3 });
  });
});

describe('model card content', () => {
  const params = new Set([...Object.keys(Mechanics.parse({})), 'focus']);
  const entries = (m: typeof MODEL_EN) => [m.scoring, ...Object.values(m.indicators), ...Object.values(m.mechanics)];

  it('covers every indicator and mechanic, in both languages', () => {
    for (const m of [MODEL_EN, MODEL_FR]) {
      expect(Object.keys(m.indicators).sort()).toEqual([...CORE_INDICATORS].sort());
      expect(Object.keys(m.mechanics).sort()).toEqual([...MECHANICS].sort());
      for (const e of entries(m)) for (const v of [e.means, e.moves, e.assumes]) expect(v.length).toBeGreaterThan(10);
    }
  });

  it('names only real mechanics parameters, the same in both languages', () => {
    const names = (m: typeof MODEL_EN) =>
      entries(m).flatMap((e) =>
        [e.means, e.moves, e.assumes].flatMap((v) => [...v.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!)),
      );
    for (const n of names(MODEL_EN)) expect(params.has(n), n).toBe(true);
    expect(new Set(names(MODEL_FR))).toEqual(new Set(names(MODEL_EN)));
  });

  it('traces each indicator to lessons of the catalogue, and each mechanic but mission presence to a lesson', () => {
    const cat = loadLessons();
    expect(cat.ok).toBe(true);
    if (!cat.ok) return;
    const ids = new Set(cat.value.lessons.map((l) => l.id));
    for (const ls of Object.values(INDICATOR_LESSONS)) for (const l of ls) expect(ids.has(l), l).toBe(true);
    // mission presence is a rule of the game that no lesson carries (the engine ledgers it with none)
    expect(MECHANICS.filter((m) => !cat.value.lessons.some((l) => l.mechanics.includes(m)))).toEqual([
      'mission-presence',
    ]);
  });
});

describe('debrief strings', () => {
  it('keep the same placeholders in French as in English', () => {
    for (const [k, en] of Object.entries(debriefEn)) {
      const fr = debriefFr[k as keyof typeof debriefEn];
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
      expect(ph(fr), k).toEqual(ph(en));
    }
  });
});
