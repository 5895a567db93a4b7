// Explanations come from the ledger alone and add up to the change they explain.
import { describe, expect, it } from 'vitest';
import { explain, netChange, seriesOf, newGame } from '../../src/engine/index.js';
import { card, loadShipped, playTurn, toPlanning, toStrategy } from '../helpers/factory.js';

const scn = loadShipped('tutorial');

describe('explain', () => {
  let s = toPlanning(scn, { seed: 9 });
  s = playTurn(scn, s, {
    srsg: [card('good-offices', 'hlf'), card('smg')],
    envoy: [card('envoy-talks', 'hlf')],
    force: [card('pressure-front', 'hlf')],
  });
  s = toStrategy(scn, s, 'lakeside-talks');
  s = playTurn(scn, s, { envoy: [card('regional-consult', 'src')], force: [card('patrols', 'lakeside')] });
  const process = { kind: 'indicator', id: 'process' } as const;

  it('adds its contributions up to the net change of the number', () => {
    const x = explain(s.ledger, process);
    expect(x.contributions.reduce((a, c) => a + c.delta, 0)).toBe(x.net);
    expect(x.net).toBe(s.indicators.process - newGame(scn, 9).indicators.process);
    expect(x.net).toBe(netChange(s.ledger, process));
  });

  it('names each cause with its lessons, largest first, and can look at one turn', () => {
    const turn1 = explain(s.ledger, process, 1, 1);
    const keys = turn1.contributions.map((c) => c.key);
    expect(keys).toContain('action:envoy:envoy-talks:hlf');
    // The tutorial's talks start below the live threshold: month 1's pressure on the Front stands in for them.
    expect(keys).toContain('mechanic:force-substitution:hlf');
    expect(turn1.contributions.find((c) => c.key === 'mechanic:force-substitution:hlf')?.lessons).toEqual([
      'L-primacy',
    ]);
    const sizes = turn1.contributions.map((c) => Math.abs(c.delta));
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
  });

  it('gives the series of a number turn by turn', () => {
    const series = seriesOf(s.ledger, process, newGame(scn, 9).indicators.process, s.turn);
    expect(series[series.length - 1]).toBe(s.indicators.process);
  });
});
