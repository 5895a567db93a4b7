// No oracles, as a class: everything a chair is given (its view with the sitrep's warnings, its legal list, the
// reasons a card is closed, the refusal of every plan item it could try, the projector's screen) reads the hidden
// numbers only through the chair's knowledge (knowledge.ts). The test replaces that knowledge with estimates that do
// not depend on the truth at all, then varies every hidden number: if any output still moves, something reads the
// truth behind the knowledge's back.
import { describe, expect, it, vi } from 'vitest';
import type { Chair, Scenario } from '../../src/scenario/schema.js';
import type { GameState, Track } from '../../src/engine/types.js';
import type * as Knowledge from '../../src/engine/knowledge.js';

vi.mock('../../src/engine/knowledge.js', async (importOriginal) => {
  const real = await importOriginal<typeof Knowledge>();
  const fixed: Record<Track['kind'], number> = {
    indicator: 47,
    violence: 23,
    stance: -11,
    strength: 38,
    implementation: 0,
  };
  const seenOf = (s: GameState, scn: Scenario, t: Track) =>
    s.phase === 'over' || !real.isEstimated(scn, t) ? real.seenOf(s, scn, t) : { value: fixed[t.kind], spread: 9 };
  return {
    ...real,
    seenOf,
    knownTo: (s: GameState, scn: Scenario) => ({
      indicator: (id: string) => seenOf(s, scn, { kind: 'indicator', id } as Track).value,
      violence: (id: string) => seenOf(s, scn, { kind: 'violence', id }).value,
      stance: (id: string) => (s.actors[id] ? seenOf(s, scn, { kind: 'stance', id }).value : 0),
      strength: (id: string) => (s.actors[id] ? seenOf(s, scn, { kind: 'strength', id }).value : 0),
    }),
  };
});

const { checkAllowed, legalActions, step, viewFor } = await import('../../src/engine/index.js');
const { cooldownBlocker, requiresBlockers } = await import('../../src/engine/card-blockers.js');
const { indexOf } = await import('../../src/engine/scenario-index.js');
const { projectorView } = await import('../../src/server/views.js');
const { playGame, seatAll } = await import('../../src/sim/play.js');
const { DOCTRINES } = await import('../../src/sim/doctrines/index.js');
const { loadShipped } = await import('../helpers/factory.js');

/** The same game with every hidden (estimated) number set to another true value. */
function varied(s: GameState, scn: Scenario, n: number): GameState {
  const pick = (i: number, lo: number, hi: number) => lo + ((n * 7919 + i * 104729) % (hi - lo + 1));
  let i = 0;
  const indicators = { ...s.indicators };
  for (const [k, def] of Object.entries(scn.indicators))
    if (def.observed === 'estimated') indicators[k as keyof typeof indicators] = pick(i++, def.min, def.max);
  const violence = Object.fromEntries(Object.keys(s.violence).map((r) => [r, pick(i++, 0, 100)]));
  const actors = Object.fromEntries(
    Object.entries(s.actors).map(([a, x]) => [
      a,
      // A group at strength 0 is plain to everyone (broken); any other strength is hidden.
      { ...x, stance: pick(i++, -100, 100), strength: x.strength === 0 ? 0 : pick(i++, 1, 100) },
    ]),
  );
  return { ...s, indicators, violence, actors };
}

/** Everything one chair is given in state `s`. */
function chairOutput(s: GameState, scn: Scenario, chair: Chair): string {
  const view = viewFor(s, scn, chair);
  const cards = [...indexOf(scn).cards.values()].filter((c) => c.chair === chair);
  const targets = [undefined, ...scn.regions.map((r) => r.id), ...scn.actors.map((a) => a.id)];
  const refusals = cards.flatMap((card) =>
    targets.map((target) => {
      const a = {
        type: 'plan/add' as const,
        chair,
        item: { kind: 'card' as const, card: card.id, ...(target === undefined ? {} : { target }) },
      };
      return [checkAllowed(s, a, scn), step(s, a, scn).ok];
    }),
  );
  return JSON.stringify({
    view,
    legal: legalActions(s, scn, chair),
    blockers: cards.map((c) => [requiresBlockers(scn, view, c), cooldownBlocker(view, c)]),
    refusals,
    projector: projectorView(s, scn),
  });
}

describe('what a chair is given does not move when only hidden numbers do', () => {
  for (const id of ['tutorial', 'monusco-2013', 'minusma-2014']) {
    it(`${id}: view, warnings, legal list, card reasons, refusals and the projector, over the first months of 3 games`, () => {
      const scn = loadShipped(id);
      const chairs = indexOf(scn).chairs;
      let states = 0;
      for (let seed = 1; seed <= 3; seed++) {
        playGame(scn, seed, seatAll(DOCTRINES['report']!), undefined, 4, (s) => {
          states++;
          for (const chair of chairs) {
            const base = chairOutput(s, scn, chair);
            for (let n = 1; n <= 2; n++) expect(chairOutput(varied(s, scn, n + seed), scn, chair)).toBe(base);
          }
        });
      }
      expect(states).toBeGreaterThanOrEqual(9);
    }, 120_000);
  }
});
