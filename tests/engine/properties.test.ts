// Property tests over random legal games: replay is exact, bounds hold, the ledger adds up, views hide the truth.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fogSpread,
  hashState,
  legalActions,
  netChange,
  newGame,
  replay,
  step,
  viewFor,
  type GameState,
  type Track,
} from '../../src/engine/index.js';
import { CORE_INDICATORS, type Scenario } from '../../src/scenario/schema.js';
import { loadShipped } from '../helpers/factory.js';

const scn = loadShipped('tutorial');

/** Plays a game where each choice is drawn from the legal actions of the chair whose move it is. */
function randomGame(s0: GameState, picks: readonly number[], scenario: Scenario): GameState {
  let s = s0;
  const chairs = ['srsg', 'envoy', 'police', 'force'] as const;
  for (let i = 0; i < picks.length && s.phase !== 'over'; i++) {
    const pick = picks[i]!;
    // Rotate the chair so every chair gets to act; skip revisions and removals half the time to make progress.
    const chair = chairs[pick % chairs.length]!;
    const options = legalActions(s, scenario, chair).filter(
      (a) => (a.type !== 'plan/revise' && a.type !== 'plan/remove') || pick % 7 === 0,
    );
    if (options.length === 0) continue;
    const r = step(s, options[pick % options.length]!, scenario);
    expect(r.ok).toBe(true);
    if (r.ok) s = r.state;
  }
  return s;
}

const tracks = (s: GameState): Track[] => [
  ...CORE_INDICATORS.map((id) => ({ kind: 'indicator', id }) as const),
  ...Object.keys(s.violence).map((id) => ({ kind: 'violence', id }) as const),
  ...Object.keys(s.actors).map((id) => ({ kind: 'stance', id }) as const),
  ...Object.keys(s.actors).map((id) => ({ kind: 'strength', id }) as const),
  { kind: 'implementation' } as const,
];

const value = (s: GameState, t: Track): number =>
  t.kind === 'indicator'
    ? s.indicators[t.id]
    : t.kind === 'violence'
      ? s.violence[t.id]!
      : t.kind === 'implementation'
        ? s.agreement.progress
        : s.actors[t.id]![t.kind];

const arb = fc.record({
  seed: fc.integer({ min: 0, max: 0xffffffff }),
  picks: fc.array(fc.nat(10_000), { minLength: 50, maxLength: 400 }),
});

describe('random legal games', () => {
  it('replay from the log to the identical state', () => {
    fc.assert(
      fc.property(arb, ({ seed, picks }) => {
        const s = randomGame(newGame(scn, seed), picks, scn);
        const r = replay(scn, seed, s.log);
        expect(r.ok).toBe(true);
        expect(r.ok && hashState(r.state)).toBe(hashState(s));
      }),
      { numRuns: 60, seed: 20261128 },
    );
  });

  it('keep every number within its bounds, with no NaN', () => {
    fc.assert(
      fc.property(arb, ({ seed, picks }) => {
        const s = randomGame(newGame(scn, seed), picks, scn);
        for (const k of CORE_INDICATORS) {
          const v = s.indicators[k];
          expect(Number.isInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(scn.indicators[k].min);
          expect(v).toBeLessThanOrEqual(scn.indicators[k].max);
        }
        for (const v of Object.values(s.violence)) expect(v >= 0 && v <= 100).toBe(true);
        for (const a of Object.values(s.actors))
          expect(Number.isFinite(a.stance) && Number.isFinite(a.strength)).toBe(true);
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('have a ledger that adds up exactly to every number’s change', () => {
    fc.assert(
      fc.property(arb, ({ seed, picks }) => {
        const start = newGame(scn, seed);
        const s = randomGame(start, picks, scn);
        for (const t of tracks(s)) expect(netChange(s.ledger, t)).toBe(value(s, t) - value(start, t));
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it('never show a chair hidden true values, the generator, the log or others’ unrevealed plans', () => {
    fc.assert(
      fc.property(arb, fc.constantFrom('srsg', 'envoy', 'police', 'force' as const), ({ seed, picks }, chair) => {
        const s = randomGame(newGame(scn, seed), picks, scn);
        const v = viewFor(s, scn, chair);
        const text = JSON.stringify(v);
        expect(text).not.toContain('"rng"');
        expect(text).not.toContain('"log"');
        expect(text).not.toContain('"seed"');
        expect(text).not.toContain('"secret"');
        expect(text).not.toContain(s.secret);
        if (s.phase === 'over') return;
        // Estimates are of the number as the month opened: a decision's change within the month reaches them next month.
        const within = (k: string) =>
          s.ledger
            .filter((e) => e.turn === s.turn && e.track.kind === 'indicator' && e.track.id === k)
            .filter(
              (e) =>
                e.cause.kind === 'facilitator' ||
                (e.cause.kind === 'event' && e.cause.choice !== undefined) ||
                (e.cause.kind === 'mechanic' && e.cause.mechanic.startsWith('mandate-')),
            )
            .reduce((n, e) => n + e.delta, 0);
        for (const k of CORE_INDICATORS) {
          const seen = v.indicators[k];
          if (scn.indicators[k].observed === 'estimated') {
            expect(seen.spread).toBeGreaterThan(0);
            expect(Math.abs(seen.value - (s.indicators[k] - within(k)))).toBeLessThanOrEqual(seen.spread);
          } else expect(seen.value).toBe(s.indicators[k]);
        }
        for (const e of v.ledger) {
          const estimated =
            e.track.kind !== 'implementation' &&
            (e.track.kind !== 'indicator' || scn.indicators[e.track.id].observed === 'estimated');
          if (estimated) expect(e.delta).toBeNull();
        }
        for (const [c, p] of Object.entries(v.plans)) {
          if (c !== chair && s.phase === 'planning') expect(p?.items).toBeNull();
        }
        for (const a of scn.actors) {
          if (a.intent && s.indicators.analysis < a.intentVisibleAt) expect(v.actors[a.id]?.intentKnown).toBe(false);
          // a group broken to nothing is plain to everyone (and, read through the same knowledge, no target for force)
          if (s.actors[a.id]!.strength === 0) expect(v.actors[a.id]?.strength).toEqual({ value: 0, spread: 0 });
          else if (fogSpread(s, scn) > 0) expect(v.actors[a.id]?.strength.spread).toBeGreaterThan(0);
        }
      }),
      { numRuns: 60, seed: 3 },
    );
  });
});
