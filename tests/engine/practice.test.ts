// The practice mechanics: a chair that lets its outreach, regional or analysis steps go stale gets
// less from the talks (and, for analysis, operations) those steps serve.
import { describe, expect, it } from 'vitest';
import { newGame, type GameState } from '../../src/engine/index.js';
import {
  analysisPracticeFactor,
  modifiersFor,
  outreachFactor,
  PracticeMemo,
  practiceStale,
  regionalPracticeFactor,
} from '../../src/engine/mechanics/modifiers.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { L, makeScenario } from '../helpers/factory.js';

const step = (id: string, tags: NonNullable<ScenarioInput['actions']>[number]['tags']) => ({
  id,
  chair: 'srsg' as const,
  name: L(id),
  text: L('t'),
  tags,
  effects: [{ do: 'indicator' as const, id: 'trust' as const, by: 1 }],
});
const scn = makeScenario((s) => {
  s.actions = [
    ...s.actions,
    { ...step('parley', ['talks']), target: 'actor' as const },
    step('town-hall', ['outreach']),
    step('neighbours', ['regional']),
    step('picture', ['analysis']),
  ];
});
const at = (turn: number, played: Record<string, number>): GameState => ({ ...newGame(scn, 1), turn, played });

describe('practice mechanics', () => {
  it('are stale only after practiceTurns turns without the chair’s own step', () => {
    const n = scn.mechanics.practiceTurns;
    expect(practiceStale(at(n, { 'town-hall': 1 }), scn, 'srsg', 'outreach', n)).toBe(false);
    expect(practiceStale(at(n + 1, { 'town-hall': 1 }), scn, 'srsg', 'outreach', n)).toBe(true);
    // A chair without such steps is never held to them.
    expect(practiceStale(at(20, {}), scn, 'force', 'outreach', n)).toBe(false);
  });

  it('cut the talks of a chair that let its outreach and regional steps go stale, and keep them when fresh', () => {
    const stale = at(10, {});
    const fresh = at(10, { 'town-hall': 9, neighbours: 9, picture: 9 });
    expect(outreachFactor(stale, scn, 'srsg')).toBe(scn.mechanics.practiceFactor);
    expect(regionalPracticeFactor(stale, scn, 'srsg')).toBe(scn.mechanics.practiceFactor);
    expect(analysisPracticeFactor(stale, scn, 'srsg')).toBe(scn.mechanics.practiceFactor);
    expect(outreachFactor(fresh, scn, 'srsg')).toBe(1);
    const talks = scn.actions.find((c) => c.id === 'parley')!;
    const target = scn.actors[0]!.id;
    const names = (s: GameState) => modifiersFor(s, scn, talks, target, []).map((m) => m.mechanic);
    expect(names(stale)).toEqual(expect.arrayContaining(['civil-society', 'regional-practice', 'analysis-practice']));
    expect(names(fresh)).not.toEqual(expect.arrayContaining(['civil-society']));
    expect(names(fresh)).not.toContain('regional-practice');
  });

  it('read through a resolution’s memo, see a step once it is recorded as played', () => {
    const n = scn.mechanics.practiceTurns;
    const s = at(n + 1, { 'town-hall': 1 });
    const memo = new PracticeMemo();
    expect(practiceStale(s, scn, 'srsg', 'outreach', n, memo)).toBe(true);
    // Resolution writes its draft's record, then tells the memo (phases/resolution.ts).
    const played = { ...s, played: { ...s.played, 'town-hall': s.turn } };
    expect(practiceStale(played, scn, 'srsg', 'outreach', n, memo)).toBe(true);
    memo.played(
      scn.actions.find((c) => c.id === 'town-hall')!,
      played,
    );
    expect(practiceStale(played, scn, 'srsg', 'outreach', n, memo)).toBe(false);
    expect(practiceStale(played, scn, 'srsg', 'outreach', n)).toBe(false);
  });
});
