// The debrief is built from the game's record: its figures and causes agree with the ledger.
import { describe, expect, it } from 'vitest';
import { buildDebrief, timelineOf } from '../../src/debrief/debrief.js';
import { debriefMarkdown } from '../../src/debrief/markdown.js';
import { branchAt } from '../../src/debrief/whatif.js';
import { explain, netChange } from '../../src/engine/index.js';
import { loadLessons } from '../../src/scenario/load-node.js';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';
import { playGame, seatAll } from '../../src/sim/play.js';
import { card, conflictCostEntry, ledgerSum, loadShipped, playTurn, run, toStrategy } from '../helpers/factory.js';
import { newGame } from '../../src/engine/index.js';

const scn = loadShipped('tutorial');
const catalogue = loadLessons();

function scripted() {
  let s = newGame(scn, 5);
  s = run(scn, s, [{ type: 'mandate/adopt', chair: 'srsg', tasks: ['political-process', 'poc'] }]);
  s = toStrategy(scn, s, 'lakeside-talks');
  s = run(scn, s, [
    { type: 'plan/add', chair: 'srsg', item: card('good-offices', 'hlf') },
    { type: 'plan/commit', chair: 'srsg', note: 'keep the Front at the table' },
  ]);
  s = playTurn(scn, s, { envoy: [card('envoy-talks', 'hlf')], force: [card('pressure-front', 'hlf')] });
  s = toStrategy(scn, s, 'state-first');
  s = playTurn(scn, s, { srsg: [card('good-offices', 'hlf')], force: [card('pressure-front', 'hlf')] });
  return s;
}

describe('the debrief', () => {
  const s = scripted();
  const d = buildDebrief(scn, s, catalogue.ok ? catalogue.value : null);

  it('records each turn’s strategy, plans, notes, events and conflicts', () => {
    expect(d.timeline.map((t) => t.turn)).toEqual([1, 2]);
    expect(d.timeline[0]!.strategy).toBe('lakeside-talks');
    expect(d.timeline[0]!.plans.srsg).toEqual({
      items: [card('good-offices', 'hlf')],
      note: 'keep the Front at the table',
    });
    expect(d.timeline[0]!.events.map((e) => e.event)).toContain('ceasefire-breaks');
    expect(d.timeline[1]!.conflicts.map((c) => c.kind)).toContain('offensive-vs-talks');
  });

  it('gives indicator series that end at the engine’s values', () => {
    for (const [k, series] of Object.entries(d.series)) {
      expect(series[series.length - 1], k).toBe(s.indicators[k as keyof typeof s.indicators]);
      expect(series).toHaveLength(s.turn + 1);
    }
  });

  it('traces each dimension’s drivers to ledger entries, grouped by lesson', () => {
    const process = d.dimensions.find((x) => x.dimension === 'process')!;
    const fromLedger = explain(s.ledger, { kind: 'indicator', id: 'process' }).contributions;
    for (const dr of process.drivers) {
      for (const c of dr.causes) {
        const same = fromLedger.find((x) => x.key === c.key);
        expect(same, c.key).toBeDefined();
        expect(c.delta).toBe(same!.delta);
        expect(c.lessons[0] ?? null).toBe(dr.lesson);
      }
    }
    const primacy = process.drivers.find((x) => x.lesson === 'L-primacy');
    expect(primacy).toBeDefined();
  });

  it('counts what conflicting plans cost, from the ledger', () => {
    // conflictCost is what conflicts cost in cohesion (plan-conflicts also scales talks down on other tracks).
    const cost = ledgerSum(s, conflictCostEntry);
    expect(d.conflictCost).toBeLessThan(0);
    expect(d.conflictCost).toBe(cost);
  });

  it('agrees with the ledger’s net change for every indicator over each turn', () => {
    const t2 = d.timeline[1]!;
    for (const [k, v] of Object.entries(t2.moves)) {
      expect(v).toBe(
        netChange(
          s.ledger.filter((e) => e.turn === 2),
          { kind: 'indicator', id: k as never },
        ),
      );
    }
  });

  it('exports a Markdown report in both languages, with scenario text escaped', () => {
    const en = debriefMarkdown(d, scn, 'en');
    expect(en).toContain('# After-action report: Tutorial: Meridia, six months');
    expect(en).toContain('keep the Front at the table');
    expect(en).toContain('### Politics first, force in support');
    expect(en).not.toMatch(/\bL-[a-z]+/);
    const fr = debriefMarkdown(d, scn, 'fr');
    expect(fr).toContain('# Rapport après action');
    expect(fr).toContain('Didacticiel');
  });

  it('keeps the fog in a mid-game record for players: exact numbers only, no score', () => {
    const limited = buildDebrief(scn, s, null, { limited: true });
    expect(limited.limited).toBe(true);
    expect(limited.score).toBeNull();
    const estimated = Object.entries(scn.indicators)
      .filter(([, v]) => v.observed === 'estimated')
      .map(([k]) => k);
    expect(estimated.length).toBeGreaterThan(0);
    for (const k of estimated) expect(limited.series[k as keyof typeof limited.series]).toBeUndefined();
    expect(limited.series.cohesion).toEqual(d.series.cohesion);
    for (const dim of limited.dimensions)
      for (const t of dim.tracks)
        expect(t.kind === 'indicator' && scn.indicators[t.id].observed === 'exact').toBe(true);
    for (const t of limited.timeline) for (const k of Object.keys(t.moves)) expect(estimated).not.toContain(k);
  });

  it('rebuilds the same timeline from the log alone', () => {
    expect(timelineOf(scn, s.seed, s.log)).toEqual(d.timeline);
  });
});

describe('what if', () => {
  const seats = seatAll(DOCTRINES['report']!);
  const original = playGame(scn, 21, seats);

  it('replays the same game when nothing is changed but the decision it already had', () => {
    const t2 = buildDebrief(scn, original, null).timeline[1]!;
    const same = branchAt(scn, original, 2, { kind: 'strategy', strategy: t2.strategy! }, seats);
    expect(same.ok).toBe(true);
    if (same.ok) expect(same.value.partsAt).toBeNull();
  });

  it('branches from turn 2 with one decision changed and shows where the games part', () => {
    const r = branchAt(scn, original, 2, { kind: 'plan', chair: 'force', items: [card('request-battalion')] }, seats);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.branch.phase).toBe('over');
    expect(r.value.partsAt).toBe(2);
    expect(r.value.branch.outcome?.score).not.toBe(r.value.original.outcome?.score);
  });

  it('refuses a change the rules do not allow, saying why', () => {
    // no combat unit stands where the network operates at turn 2 of this game
    const r = branchAt(
      scn,
      original,
      2,
      { kind: 'plan', chair: 'force', items: [card('strike-network', 'ash')] },
      seats,
    );
    expect(r.ok ? null : r.message).toMatch(/no combat unit/);
  });

  it('refuses a branch at a turn the game never reached', () => {
    const r = branchAt(scn, original, 99, { kind: 'strategy', strategy: 'state-first' }, seats);
    expect(r.ok).toBe(false);
  });
});
