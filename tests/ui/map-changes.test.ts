// The map's change logic without a browser: diffing two frames, the month's baseline replayed from the log, easing, hit areas, sound cues.
import { describe, expect, it } from 'vitest';
import { viewFor, type Action, type GameState } from '../../src/engine/index.js';
import { baselineView, monthBaseline } from '../../src/ui/scenes/baseline.js';
import {
  changeMark,
  countAt,
  diffViews,
  easeInOut,
  flashAt,
  monthChanged,
  progressAt,
} from '../../src/ui/scenes/changes.js';
import { layoutOf, regionAt, rimToRim, spread, unitSlot } from '../../src/ui/scenes/layout.js';
import type { MapView } from '../../src/ui/scenes/source.js';
import { abbreviation } from '../../src/ui/scenes/map-scene.js';
import { cuesFor, cueState } from '../../src/ui/sound-cues.js';
import { card, loadShipped, playTurn, toPlanning, toStrategy } from '../helpers/factory.js';

const scn = loadShipped('tutorial');

const seen = (value: number, spread = 0) => ({ value, spread });
const strength = (value: number) => ({ stance: seen(0), strength: seen(value), intentKnown: false });
function mapView(over: Partial<MapView> = {}): MapView {
  return {
    turn: 2,
    phase: 'sitrep',
    violence: { port: seen(20), lakeside: seen(40, 10) },
    units: { a: { region: 'port' }, b: { region: 'lakeside' } },
    actors: { hlf: strength(50) },
    ...over,
  };
}

describe('diffViews', () => {
  it('lists violence that changed, units that moved, arrived or left, and strengths, in the views’ order', () => {
    const before = mapView();
    const after = mapView({
      turn: 3,
      violence: { port: seen(26), lakeside: seen(40, 10) },
      units: { a: { region: 'lakeside' }, b: { region: 'lakeside' }, c: { region: 'port' } },
      actors: { hlf: strength(44) },
    });
    expect(diffViews(before, after)).toEqual([
      { kind: 'violence', region: 'port', from: 20, to: 26 },
      { kind: 'move', unit: 'a', from: 'port', to: 'lakeside' },
      { kind: 'arrive', unit: 'c', to: 'port' },
      { kind: 'strength', actor: 'hlf', from: 50, to: 44 },
    ]);
    expect(diffViews(after, { ...after, units: { b: { region: 'lakeside' } } })).toEqual([
      { kind: 'leave', unit: 'a', from: 'lakeside' },
      { kind: 'leave', unit: 'c', from: 'port' },
    ]);
  });

  it('finds nothing between equal views, and leaves strengths out where a view has none (a projector’s)', () => {
    expect(diffViews(mapView(), mapView())).toEqual([]);
    const { turn, phase, units } = mapView();
    const projector: MapView = { turn, phase, units, violence: { port: seen(21), lakeside: seen(40, 10) } };
    expect(diffViews(mapView(), projector)).toEqual([{ kind: 'violence', region: 'port', from: 20, to: 21 }]);
  });

  it('counts strengths only of the actors asked for (the armed groups the map draws)', () => {
    const after = mapView({ actors: { hlf: strength(40), council: strength(9) } });
    const before = mapView({ actors: { hlf: strength(50), council: strength(20) } });
    expect(diffViews(before, after, new Set(['hlf']))).toEqual([{ kind: 'strength', actor: 'hlf', from: 50, to: 40 }]);
    expect(diffViews(before, after)).toHaveLength(2);
  });

  it('tells a new month, or the game’s end, from a change within the month', () => {
    expect(monthChanged(mapView(), mapView({ turn: 3 }))).toBe(true);
    expect(monthChanged(mapView({ phase: 'coordination' }), mapView({ phase: 'over' }))).toBe(true);
    expect(monthChanged(mapView(), mapView({ phase: 'strategy' }))).toBe(false);
  });
});

describe('animation arithmetic', () => {
  it('eases from 0 to 1 symmetrically and clamps outside', () => {
    expect(easeInOut(0)).toBe(0);
    expect(easeInOut(1)).toBe(1);
    expect(easeInOut(0.5)).toBeCloseTo(0.5);
    expect(easeInOut(0.25) + easeInOut(0.75)).toBeCloseTo(1);
    expect(easeInOut(-1)).toBe(0);
    expect(easeInOut(2)).toBe(1);
    expect(easeInOut(0.1)).toBeLessThan(0.1); // slow start
  });

  it('counts whole numbers from one value to the other and ends exactly on it', () => {
    expect(countAt(20, 26, 0)).toBe(20);
    expect(countAt(20, 26, 0.5)).toBe(23);
    expect(countAt(20, 26, 1)).toBe(26);
    expect(countAt(40, 31, 1)).toBe(31);
  });

  it('measures progress from the start over the duration, and ends a flash dark', () => {
    expect(progressAt(1000, 1000, 1300)).toBe(0);
    expect(progressAt(1000, 1650, 1300)).toBeCloseTo(0.5);
    expect(progressAt(1000, 9000, 1300)).toBe(1);
    expect(progressAt(1000, 1000, 0)).toBe(1);
    expect(flashAt(0)).toBe(0);
    expect(flashAt(0.25)).toBeCloseTo(1);
    expect(flashAt(1)).toBe(0);
  });

  it('marks a change with a shape and a sign', () => {
    expect(changeMark(20, 26)).toBe('▲ +6');
    expect(changeMark(40, 31)).toBe('▼ −9');
  });
});

describe('map layout and hit areas', () => {
  const l = layoutOf(scn.regions, 1400, 1000, 1);

  it('spreads the regions over a phone-sized canvas as well, each disc clear of the others', () => {
    const phone = layoutOf(scn.regions, 350, 350, 1);
    const points = scn.regions.map((r) => phone.of(r));
    for (const p of points) {
      expect(p.x).toBeGreaterThan(phone.radius);
      expect(p.x).toBeLessThan(350 - phone.radius);
    }
    const xs = points.map((p) => p.x);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(350 / 2);
    for (const [i, p] of points.entries()) {
      for (const q of points.slice(i + 1)) expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeGreaterThan(2 * phone.radius);
    }
  });

  it('moves apart regions that a scenario drawn to geography puts too close to read, and keeps north north', () => {
    const monusco = loadShipped('monusco-2013');
    const m = layoutOf(monusco.regions, 760, 570, 1);
    const at = new Map(monusco.regions.map((r) => [r.id, m.of(r)]));
    const ps = [...at.values()];
    for (const [i, p] of ps.entries()) {
      expect(p.x).toBeGreaterThanOrEqual(m.radius);
      expect(p.x).toBeLessThanOrEqual(760 - m.radius);
      for (const q of ps.slice(i + 1))
        expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeGreaterThan(2 * m.radius + 10 * m.unit);
    }
    expect(at.get('ituri')!.y).toBeLessThan(at.get('goma')!.y);
    expect(at.get('goma')!.y).toBeLessThan(at.get('uvira')!.y);
    expect(at.get('shabunda')!.x).toBeLessThan(at.get('goma')!.x);
  });

  it('leaves regions with room between them where the scenario put them', () => {
    const pts = [
      { x: 100, y: 100 },
      { x: 500, y: 400 },
    ];
    expect(spread(pts, { x: 100, y: 80 }, { minX: 0, maxX: 1000, minY: 0, maxY: 1000 })).toEqual(pts);
    const same = spread(
      [
        { x: 300, y: 300 },
        { x: 300, y: 300 },
      ],
      { x: 100, y: 80 },
      { minX: 0, maxX: 1000, minY: 0, maxY: 1000 },
    );
    expect(Math.hypot((same[0]!.x - same[1]!.x) / 100, (same[0]!.y - same[1]!.y) / 80)).toBeGreaterThanOrEqual(1);
  });

  it('fits every region inside the canvas', () => {
    for (const r of scn.regions) {
      const p = l.of(r);
      expect(p.x).toBeGreaterThan(l.radius);
      expect(p.x).toBeLessThan(1400 - l.radius);
      expect(p.y).toBeGreaterThan(l.radius);
      expect(p.y).toBeLessThan(1000 - l.radius);
    }
  });

  it('finds the region under a point on its disc, and none on the paper between', () => {
    for (const r of scn.regions) {
      const p = l.of(r);
      expect(regionAt(scn.regions, l, p.x, p.y)).toBe(r.id);
      expect(regionAt(scn.regions, l, p.x + l.radius * 0.9, p.y)).toBe(r.id);
    }
    expect(regionAt(scn.regions, l, 2, 2)).toBeNull();
    const port = l.of(scn.regions[0]!);
    expect(regionAt(scn.regions, l, port.x + l.radius * 1.5, port.y)).toBeNull();
  });

  it('draws lines of movement from rim to rim and stacks units beside their region', () => {
    const [a, b] = scn.regions as [(typeof scn.regions)[number], (typeof scn.regions)[number]];
    const s = rimToRim(l, a, b);
    const pa = l.of(a);
    expect(Math.hypot(s.ax - pa.x, s.ay - pa.y)).toBeGreaterThan(l.radius);
    expect(unitSlot(l, a, 1).y - unitSlot(l, a, 0).y).toBeGreaterThan(0);
    expect(unitSlot(l, a, 0).x).toBeLessThan(pa.x - l.radius);
  });
});

describe('the month’s baseline, replayed from the log', () => {
  const planning = toPlanning(scn, { seed: 3 });
  const [unit, u] = Object.entries(planning.units)[0]!;
  const to = scn.regions.find((r) => r.id === u.region)!.links[0]!;
  const resolved = playTurn(scn, planning, { force: [{ kind: 'move', unit, to }], srsg: [card('jmac')] });

  it('has none before the first month begins', () => {
    expect(monthBaseline(scn, planning)).not.toBeNull(); // the mandate's adoption began month 1
    const fresh = { ...planning, log: [] as Action[] } as GameState;
    expect(monthBaseline(scn, fresh)).toBeNull();
  });

  it('is the state the players last saw of the month that resolved: the move and the violence show as changes', () => {
    const before = monthBaseline(scn, resolved)!;
    expect(before.turn).toBe(1);
    expect(before.phase).toBe('coordination');
    expect(before.units[unit]?.region).toBe(u.region);
    const changes = diffViews(baselineView(scn, resolved, 'srsg')!, viewFor(resolved, scn, 'srsg'));
    expect(changes).toContainEqual({ kind: 'move', unit, from: u.region, to });
    expect(changes.some((c) => c.kind === 'violence')).toBe(true);
  });

  it('stays the same through the month, and gives the same answer stepped action by action or replayed whole', () => {
    const later = toStrategy(scn, resolved, scn.strategies[0]!.id); // on to month 2's planning
    expect(later.phase).toBe('planning');
    expect(monthBaseline(scn, later)).toEqual(monthBaseline(scn, resolved));
    const copy = JSON.parse(JSON.stringify(later)) as GameState; // a reloaded save: no shared objects, replayed from the start
    expect(monthBaseline(scn, copy)).toEqual(monthBaseline(scn, later));
  });

  it('offers no baseline for a log that does not replay', () => {
    const broken = {
      ...resolved,
      log: [...resolved.log, { type: 'strategy/set', chair: 'srsg', strategy: 'no-such' } as Action],
    } as GameState;
    expect(monthBaseline(scn, broken)).toBeNull();
  });
});

describe('sound cues', () => {
  const state = (turn: number, phase: string, alerts: string[] = []) => ({ turn, phase, alerts });

  it('plays nothing for the first view, a phase cue for a new phase, a resolved cue for a new month or the end', () => {
    expect(cuesFor(null, state(1, 'sitrep'))).toEqual([]);
    expect(cuesFor(state(1, 'sitrep'), state(1, 'strategy'))).toEqual(['phase']);
    expect(cuesFor(state(1, 'coordination'), state(2, 'sitrep'))).toEqual(['resolved']);
    expect(cuesFor(state(6, 'coordination'), state(6, 'over'))).toEqual(['resolved']);
    expect(cuesFor(state(1, 'planning'), state(1, 'planning'))).toEqual([]);
  });

  it('adds a warning cue only for a warning or decision not there before', () => {
    expect(cuesFor(state(1, 'coordination'), state(2, 'sitrep', ['ambush']))).toEqual(['resolved', 'warning']);
    expect(cuesFor(state(2, 'sitrep', ['ambush']), state(2, 'strategy', ['ambush']))).toEqual(['phase']);
    expect(cueState({ turn: 2, phase: 'sitrep', warnings: ['w'], pendingChoices: ['c'] })).toEqual({
      turn: 2,
      phase: 'sitrep',
      alerts: ['w', 'c'],
    });
  });
});

describe('token labels', () => {
  it('use a short name given before brackets, else the initials of a long name, else the name', () => {
    expect(abbreviation('M23 (Mouvement du 23 mars)')).toBe('M23');
    expect(abbreviation('FDLR (Forces démocratiques de libération du Rwanda)')).toBe('FDLR');
    expect(abbreviation('Highland Liberation Front')).toBe('HLF');
    expect(abbreviation('Goma')).toBe('Goma');
    expect(abbreviation('Mai-Mai, Raia Mutomboki and other local militias')).toBe('MRM');
  });
});
